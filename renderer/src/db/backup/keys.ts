/**
 * The machine's backup key: made from the passphrase by the first backup, or set / changed by
 * an admin (设置 / 更改备份密码, `data.backup`; the rule of shared/backup/passphrase.ts). A changed
 * passphrase makes a NEW key (the old one is kept: this machine still opens its older backups,
 * and elsewhere they open with the OLD passphrase).
 */
import { machineTag } from '@shared/backup/format';
import { passphraseProblem, type PassphraseContext } from '@shared/backup/passphrase';
import type { Dexie } from 'dexie';
import type { DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { databaseOf, writeTx } from '../write';
import { newBackupKey, type BackupKey } from './seal';
import type { BackupDeps } from './deps';
import { requireBackupRight } from './rights';

export const NEED_PASSPHRASE = '第一次备份前，请先设置备份密码';

/** What a new passphrase must not contain: the community's code and name, the admins' names. */
export async function passphraseContextOf(db: Dexie): Promise<PassphraseContext> {
  const community = (await db.table('meta').get('community')) as
    { value?: { code?: string; name?: string } } | undefined;
  const staff = (await db.table('staff').toArray()) as { name?: string; role?: string; active?: boolean }[];
  return {
    communityCode: community?.value?.code ?? null,
    communityName: community?.value?.name ?? null,
    adminNames: staff.filter((s) => s.role === '站长/管理员' && s.name).map((s) => s.name!),
  };
}

/** @throws DomainRefusal at its field when `passphrase` breaks the rule (shared/backup/passphrase.ts). */
async function checkNewPassphrase(db: Dexie | undefined, input: { passphrase: string; again?: string }) {
  const problem = passphraseProblem(input, db ? await passphraseContextOf(db) : {});
  if (problem) throw new DomainRefusal(problem.message, problem.field);
}

/** Logs that the passphrase was set or changed — after its key was kept, never before. */
async function logPassphrase(
  desk: DeskBase,
  action: 'backup.passphraseSet' | 'backup.passphraseChange',
  key: BackupKey,
): Promise<void> {
  await writeTx(desk, [], (tx) => tx.audit({ action, entity: 'backup', detail: machineTag(key.keyId) }));
}

/**
 * This machine's key; the first backup makes it from the passphrase (checked by the rule, against
 * `db`'s community and admins when given) and, given the `desk` it runs in, logs
 * `backup.passphraseSet` once the key is kept. @throws DomainRefusal(NEED_PASSPHRASE)
 */
export async function machineKey(
  deps: BackupDeps,
  passphrase?: string,
  db?: Dexie,
  desk?: DeskBase,
): Promise<BackupKey> {
  const key = await deps.keys.load();
  if (key) return key;
  if (!passphrase) throw new DomainRefusal(NEED_PASSPHRASE, 'passphrase');
  await checkNewPassphrase(db, { passphrase });
  const created = await newBackupKey(passphrase);
  const kept = await deps.keys.save(created.raw, created.backupKey.keyId, created.backupKey.passphraseKey, true);
  if (desk) await logPassphrase(desk, 'backup.passphraseSet', kept);
  return kept;
}

/**
 * 设置 / 更改备份密码 (admins: `data.backup`). The passphrase must follow the rule and be typed
 * twice alike. Changing it makes a NEW machine key wrapped with the new passphrase — not the old
 * key re-wrapped: whoever learnt the old passphrase (the reason to change it) could otherwise
 * unwrap the key from any old file and read every new backup too. The old key stays on this
 * machine (its older backups still open here without a passphrase); elsewhere those older
 * backups open only with the OLD passphrase. Logged once the new key is kept (a save that fails
 * leaves no row), never the passphrase.
 * @throws DomainRefusal (permission; the rule, at the field 'passphrase' or 'again')
 */
export async function changePassphrase(
  desk: DeskBase,
  deps: BackupDeps,
  input: { passphrase: string; again: string },
  /** PBKDF2 rounds of the new key (tests pass fewer; stored in every file). */
  o: { iterations?: number } = {},
): Promise<'set' | 'changed'> {
  const db = databaseOf(desk);
  await requireBackupRight(desk);
  await checkNewPassphrase(db as unknown as Dexie, input);
  const had = (await deps.keys.load().catch(() => null)) !== null;
  const created = await newBackupKey(input.passphrase, o.iterations);
  // Re-read after the slow key derivation (a role changed meanwhile in another window): refused
  // here, the new key is not kept.
  await requireBackupRight(desk);
  const kept = await deps.keys.save(created.raw, created.backupKey.keyId, created.backupKey.passphraseKey, true);
  await logPassphrase(desk, had ? 'backup.passphraseChange' : 'backup.passphraseSet', kept);
  return had ? 'changed' : 'set';
}

/**
 * Before a schema upgrade: a backup of the database as it is on disk, read WITHOUT upgrading
 * it (a Dexie with no versions declared opens the existing schema as it is), so an upgrade that
 * goes wrong — killed midway, or a migration bug — can be undone. Kept apart from the daily
 * backups (kind preUpgrade). Needs the machine's backup key: a desk that never made a backup
 * sets its passphrase first — and, unless the desktop app writes it into its folder by itself,
 * a 站长/管理员 PIN of the old database (issue 22: no one unnamed takes the data home).
 */
import { Dexie } from 'dexie';
import { DB_NAME } from '../database';
import { requireBackupPinAmong } from './adminPin';
import { type BackupDeps } from './deps';
import { machineKey } from './keys';
import { backUpDatabase, type BackupOutcome } from './make';

/**
 * Backs up the old database as it is. In the desktop app with the key set it goes into the
 * configured folder by itself (like a scheduled backup). Otherwise — it sets the passphrase, or
 * it is a download (the browser build) — nobody is signed in yet, so a 站长/管理员 of the
 * database on disk answers with their PIN (`adminPin`); a database without accounts needs none.
 * @throws DomainRefusal(NEED_PASSPHRASE) without a key; a PIN refusal (field `pin`).
 */
export async function backupBeforeUpgrade(
  deps: BackupDeps,
  o: { now: number; passphrase?: string; name?: string; adminPin?: string },
): Promise<BackupOutcome> {
  const byItself = deps.scheduledToFolder === true && (await deps.keys.load()) !== null;
  const old = new Dexie(o.name ?? DB_NAME);
  await old.open();
  try {
    if (!byItself) {
      const staff = old.tables.some((t) => t.name === 'staff') ? await old.table('staff').toArray() : [];
      await requireBackupPinAmong(staff, o.adminPin);
    }
    const key = await machineKey(deps, o.passphrase, old);
    return await backUpDatabase(old, deps, { kind: 'preUpgrade', key, now: o.now, by: null });
  } finally {
    old.close();
  }
}

/**
 * The admin PIN asked before sign-in (数据丢失's restore and 从空白开始, the pre-upgrade backup):
 * which accounts may answer, and whether a PIN is one of theirs.
 */
import { can } from '@shared/domain/roles';
import type { PasswordHash, Staff } from '@shared/domain/records';
import type { DutyDeskDB } from '../database';
import { DomainRefusal } from '../refusal';
import { verifySecret } from '../secrets';
import type { BackupDeps } from './deps';
import type { BackupTables } from './seal';

/** An admin PIN that matched no admin account. */
export const WRONG_ADMIN_PIN = '站长/管理员的密码或 PIN 不正确';

/** An account that may answer for an admin PIN: its id, role and PIN verifier. */
export type PinHolder = { id: string; role: Staff['role']; password: PasswordHash };

/** The first of `holders` whose verifier accepts `pin`, or null (each check is a slow KDF). */
export async function pinOwner(pin: string, holders: readonly PinHolder[]): Promise<PinHolder | null> {
  for (const h of holders) if (await verifySecret(pin, h.password).catch(() => false)) return h;
  return null;
}

/** The active holders of `permission` among staff rows read from a file or an old database. */
function holdersAmong(rows: readonly unknown[], permission: 'data.restore' | 'data.backup'): PinHolder[] {
  return (rows as Staff[]).filter((s) => s && typeof s === 'object' && s.password && can(s, permission));
}

/**
 * The admins this desk knows after a loss: those the wipe record keeps (outside IndexedDB) and
 * those still in the database. When there are any, only they may answer before sign-in — a
 * backup someone brings does not make its accounts this desk's admins.
 */
export async function knownAdmins(db: DutyDeskDB, deps: BackupDeps): Promise<PinHolder[]> {
  const recorded = (await deps.bridge.readIntegrity())?.admins ?? [];
  const live = holdersAmong(await db.staff.toArray(), 'data.restore');
  return [...recorded.map((a) => ({ id: a.id, role: '站长/管理员' as const, password: a.verifier })), ...live];
}

/** The active admins (`data.restore`) among the staff rows of a backup. */
export function backupAdmins(tables: BackupTables): PinHolder[] {
  return holdersAmong(tables.staff ?? [], 'data.restore');
}

/**
 * Before sign-in, a backup that sets the passphrase or leaves the machine (the pre-upgrade
 * backup, preUpgrade.ts): an account with `data.backup` among `staffRows` (the database as it
 * is on disk) answers with its PIN; rows with no account at all need none.
 * @throws DomainRefusal (field `pin`)
 */
export async function requireBackupPinAmong(staffRows: readonly unknown[], pin: string | undefined): Promise<void> {
  if (staffRows.length === 0) return;
  if (!pin) throw new DomainRefusal('请输入站长/管理员的密码或 PIN', 'pin');
  if (!(await pinOwner(pin, holdersAmong(staffRows, 'data.backup')))) throw new DomainRefusal(WRONG_ADMIN_PIN, 'pin');
}

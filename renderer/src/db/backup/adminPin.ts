/**
 * The admin PIN asked before sign-in (数据丢失's restore and 从空白开始, the pre-upgrade backup):
 * which accounts may answer, and whether a PIN is one of theirs.
 */
import {
  afterFailure,
  isLocked,
  lockMinutesLeft,
  MAX_FAILED_ATTEMPTS,
  UNLOCKED,
  type LockState,
} from '@shared/domain/credentials';
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

/** The refusal while the admin PIN is locked, with the time left. */
export function adminPinLockedMessage(state: LockState, now: number): string {
  return `站长/管理员的密码或 PIN 连续 ${MAX_FAILED_ATTEMPTS} 次不正确，已临时锁定，请 ${lockMinutesLeft(state, now)} 分钟后再试。`;
}

/** The first of `holders` whose verifier accepts `pin`, or null (each check is a slow KDF). */
async function firstOwner(pin: string, holders: readonly PinHolder[]): Promise<PinHolder | null> {
  for (const h of holders) if (await verifySecret(pin, h.password).catch(() => false)) return h;
  return null;
}

const sameLock = (a: LockState, b: LockState) =>
  a.failedAttempts === b.failedAttempts && a.lockedUntil === b.lockedUntil;

/**
 * The first of `holders` whose verifier accepts `pin`, or null — with the lock of sign-in
 * (credentials.ts: the same count and duration): wrong PINs in a row lock every admin PIN asked
 * before sign-in (数据丢失's restore and 从空白开始, the pre-upgrade backup). The count is kept
 * beside the wipe record, outside IndexedDB (the database may be gone), re-read after the slow
 * KDF so that attempts in two windows add up; a good PIN clears it.
 * @throws DomainRefusal (field `pin`) while locked, and at the wrong PIN that locks it.
 */
export async function pinOwner(
  deps: BackupDeps,
  now: number,
  pin: string,
  holders: readonly PinHolder[],
): Promise<PinHolder | null> {
  const before = (await deps.bridge.readIntegrity())?.pinLock ?? UNLOCKED;
  if (isLocked(before, now)) throw new DomainRefusal(adminPinLockedMessage(before, now), 'pin');
  const owner = await firstOwner(pin, holders);
  const record = await deps.bridge.readIntegrity();
  const current = record?.pinLock ?? UNLOCKED;
  const next = owner ? UNLOCKED : afterFailure(current, now);
  if (!sameLock(current, next)) {
    // No record yet (a desk that never wrote one): one with no counts holds the lock — it claims
    // nothing about the data (checkIntegrity finds no loss in it).
    const base = record ?? { generation: crypto.randomUUID(), updatedAt: now, counts: {} };
    await deps.bridge.writeIntegrity({ ...base, pinLock: next });
  }
  if (!owner && isLocked(next, now)) throw new DomainRefusal(adminPinLockedMessage(next, now), 'pin');
  return owner;
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
export async function requireBackupPinAmong(
  deps: BackupDeps,
  now: number,
  staffRows: readonly unknown[],
  pin: string | undefined,
): Promise<void> {
  if (staffRows.length === 0) return;
  if (!pin) throw new DomainRefusal('请输入站长/管理员的密码或 PIN', 'pin');
  if (!(await pinOwner(deps, now, pin, holdersAmong(staffRows, 'data.backup'))))
    throw new DomainRefusal(WRONG_ADMIN_PIN, 'pin');
}

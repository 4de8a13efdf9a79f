/**
 * Staff accounts and sign-in. The secret is verified outside the transaction (WebCrypto
 * promises must not run inside an IndexedDB transaction); the resulting lock state and the
 * audit entry are then written together, computed from the guard as it is INSIDE the write
 * transaction — several tabs trying wrong PINs at once must still add up to a lock.
 *
 * Wrong PINs and locks are this desk's (the desk-local `signInGuards`, one row per account with
 * a failure; none = unlocked): a lock at one window does not lock the person out of another PC,
 * and a count never travels with the shared account.
 *
 * Adding and changing accounts is for an active 站长/管理员 only (checked in the transaction).
 */
import { COMMUNITY_ROLES, isStreetRole, STREET_ROLES } from '@shared/domain/records';
import type { PasswordHash, Staff, StaffRole } from '@shared/domain/records';
import type { InstallKind } from '@shared/domain/street/install';
import {
  afterFailure,
  isLocked,
  lockoutMessage,
  MAX_FAILED_ATTEMPTS,
  UNLOCKED,
  type LockState,
} from '@shared/domain/credentials';
import { can } from '@shared/domain/roles';
import type { AuditAction } from '@shared/domain/audit';
import { actingRowOf, requirePermission } from '../authorize';
import { verifySecret } from '../secrets';
import { actorOf, withActor, type Actor, type Desk, type DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';

export async function listStaff(desk: DeskBase): Promise<Staff[]> {
  return desk.db.staff.orderBy('name').toArray();
}

/** The accounts that can sign in (the sign-in page lists them). */
export async function listActiveStaff(desk: DeskBase): Promise<Staff[]> {
  return (await listStaff(desk)).filter((s) => s.active);
}

export async function getStaff(desk: DeskBase, id: string): Promise<Staff | undefined> {
  return desk.db.staff.get(id);
}

type GuardReader = Pick<DeskBase['db'], 'signInGuards'>;

/** An account's wrong PINs and lock at this desk (none recorded = unlocked). */
async function lockStateOf(db: GuardReader, staffId: string): Promise<LockState> {
  const row = await db.signInGuards.get(staffId);
  return row ? { failedAttempts: row.failedAttempts, lockedUntil: row.lockedUntil } : UNLOCKED;
}

/** The accounts locked at this desk now (设置 → 工作人员 shows them with 解锁). */
export async function lockedStaffIds(desk: DeskBase): Promise<Set<string>> {
  const now = desk.clock.now();
  const rows = await desk.db.signInGuards.toArray();
  return new Set(rows.filter((g) => isLocked(g, now)).map((g) => g.staffId));
}

/** Keeps an account's guard at this desk: a row only while there is something to remember. */
async function keepLockState(tx: WriteTx<'signInGuards'>, staffId: string, state: LockState): Promise<void> {
  if (state.failedAttempts === 0 && state.lockedUntil === 0) await tx.signInGuards.delete(staffId);
  else await tx.signInGuards.put({ staffId, ...state });
}

export type SignInResult = { ok: true; staff: Staff } | { ok: false; message: string };

const GONE = '该账号不存在或已停用';

/**
 * Issue 24: an account added on another desk of the center arrives without its PIN verifier
 * (they never leave their desk: sync/docs.ts), so it signs in here only once an admin of this
 * desk has set its PIN here (工作人员 → 修改).
 */
export const NO_PIN_HERE =
  '该账号是在其他窗口添加的，尚未在本窗口设置密码：请本窗口的站长/管理员在「设置 → 工作人员」中点「重置密码」为其设置后再登录';

/** Whether the account has a PIN verifier on this desk. */
export const hasPinHere = (staff: Pick<Staff, 'password'>): boolean => !!(staff.password as PasswordHash | undefined);

/**
 * `ok`: the audit row of a good secret — `signin.ok`, or the lock screen's `session.unlock` /
 * `session.switch` (db/repositories/deskLock.ts); wrong secrets count the same either way.
 */
export async function signIn(
  desk: DeskBase,
  staffId: string,
  secret: string,
  ok: { action: AuditAction; detail?: string } = { action: 'signin.ok' },
): Promise<SignInResult> {
  const now = desk.clock.now();
  const before = await desk.db.staff.get(staffId);
  if (!before || !before.active) return { ok: false, message: GONE };
  const lockBefore = await lockStateOf(desk.db, staffId);
  if (isLocked(lockBefore, now)) return { ok: false, message: lockoutMessage(lockBefore, now) };
  // Issue 24: PIN verifiers stay on their desk; an account that came from another desk has none here.
  if (!hasPinHere(before)) return { ok: false, message: NO_PIN_HERE };
  // Slow on purpose (KDF), and outside the transaction: other attempts may be written meanwhile.
  const good = await verifySecret(secret, before.password);
  const actor = good ? actorOf(before) : null;
  return writeTx(withActor(desk, actor), ['staff', 'signInGuards'], async (tx): Promise<SignInResult> => {
    // Decide from the rows as they are now, not as they were before the KDF.
    const current = await tx.staff.get(staffId);
    if (!current || !current.active) return { ok: false, message: GONE };
    const lock = await lockStateOf(tx, staffId);
    if (isLocked(lock, tx.now)) return { ok: false, message: lockoutMessage(lock, tx.now) };
    // The secret was checked against the hash read before; if an admin has reset it since, that check is void.
    if (!samePassword(current.password, before.password))
      return { ok: false, message: '该账号的密码刚被修改，请重新输入' };
    const next = good ? UNLOCKED : afterFailure(lock, tx.now);
    // Lock counters are this desk's bookkeeping, not an edit of the account.
    await keepLockState(tx, staffId, next);
    await tx.audit({
      ...(good ? ok : { action: isLocked(next, tx.now) ? 'signin.locked' : 'signin.failed' }),
      entity: 'staff',
      entityId: staffId,
    });
    if (good) return { ok: true, staff: current };
    if (isLocked(next, tx.now)) return { ok: false, message: lockoutMessage(next, tx.now) };
    const left = MAX_FAILED_ATTEMPTS - next.failedAttempts;
    return { ok: false, message: `密码或 PIN 不正确，还可再试 ${left} 次` };
  });
}

function samePassword(a: PasswordHash, b: PasswordHash): boolean {
  return (
    a.algorithm === b.algorithm && a.iterations === b.iterations && a.saltB64 === b.saltB64 && a.hashB64 === b.hashB64
  );
}

/** Logs the sign-out of the desk's actor. */
export async function recordSignOut(desk: DeskBase & { actor: Actor }): Promise<void> {
  await writeTx(desk, [], async (tx) => {
    await tx.audit({ action: 'signout', entity: 'staff', entityId: desk.actor.id });
  });
}

/**
 * The desk's actor accepts the 保密承诺: their staff row keeps when, and the audit log says so,
 * in one transaction. Returns the row as stored.
 */
export async function acceptPledge(desk: DeskBase & { actor: Actor }): Promise<Staff> {
  return writeTx(desk, ['staff'], async (tx) => {
    const current = actingRowOf(tx);
    if (!current || !current.active) throw new DomainRefusal(GONE);
    // The person's own bookkeeping, not an edit of the account by an admin: no stamp.
    await tx.staff.update(current.id, { pledgeAcceptedAt: tx.now }, { stamp: false });
    await tx.audit({ action: 'staff.pledge', entity: 'staff', entityId: current.id });
    return { ...current, pledgeAcceptedAt: tx.now };
  });
}

export type NewStaff = { name: string; role: StaffRole; grids: string[]; password: PasswordHash; staffNo?: string };

/** 工号: optional, letters, digits and '-', at most 12, not another account's. */
async function checkedStaffNo(
  tx: WriteTx<'staff'>,
  raw: string | undefined,
  selfId: string,
): Promise<string | undefined> {
  const no = raw?.trim() ?? '';
  if (!no) return undefined;
  if (!/^[A-Za-z0-9-]{1,12}$/.test(no)) throw new DomainRefusal('工号由字母、数字或“-”组成，不超过 12 位', 'staffNo');
  const taken = await tx.staff.filter((s) => s.id !== selfId && s.staffNo === no).count();
  if (taken > 0) throw new DomainRefusal('该工号已被其他工作人员使用', 'staffNo');
  return no;
}

/**
 * A street install's accounts are street roles only, a community's community roles only
 * (issue 27): the role must be of this installation's kind.
 */
function refuseOtherKindsRole(kind: InstallKind, role: StaffRole): void {
  if (isStreetRole(role) === (kind === '街道')) return;
  const offered = (kind === '街道' ? STREET_ROLES : COMMUNITY_ROLES).join('、');
  throw new DomainRefusal(`${kind}版的账号只能是${offered}`, 'role');
}

/** Adds an account (站长/管理员 only); its id comes from the desk. */
export async function addStaff(desk: Desk, input: NewStaff): Promise<Staff> {
  const id = desk.newId();
  const name = input.name.trim();
  return writeTx(desk, ['staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'staff.manage', '添加工作人员');
    refuseOtherKindsRole(tx.installKind, input.role);
    const same = await tx.staff.where('name').equals(name).count();
    if (same > 0) throw new DomainRefusal('已有同名的工作人员，请在姓名后加以区分（如 张三（二））', 'name');
    const staffNo = await checkedStaffNo(tx, input.staffNo, id);
    const staff = await tx.staff.add({
      id,
      name,
      ...(staffNo ? { staffNo } : {}),
      role: input.role,
      grids: input.grids,
      password: input.password,
      active: true,
    });
    await tx.audit({ action: 'staff.add', entity: 'staff', entityId: id, detail: staff.role });
    return staff;
  });
}

export type StaffPatch = Partial<Pick<Staff, 'role' | 'grids' | 'active' | 'staffNo'>> & {
  password?: PasswordHash;
  unlock?: boolean;
};

/** Changes role, grids, active, password or lifts the lock (站长/管理员 only). */
export async function updateStaff(desk: Desk, id: string, patch: StaffPatch): Promise<void> {
  await writeTx(desk, ['staff', 'signInGuards'], async (tx) => {
    await requirePermission(tx, desk.actor, 'staff.manage', '修改工作人员账号');
    if (patch.role !== undefined) refuseOtherKindsRole(tx.installKind, patch.role);
    const current = await tx.staff.get(id);
    if (!current) throw new DomainRefusal('该账号不存在');
    const { unlock, ...fields } = patch;
    if (fields.staffNo !== undefined) fields.staffNo = (await checkedStaffNo(tx, fields.staffNo, id)) ?? '';
    // Someone must always be able to manage the accounts.
    const after = { ...current, ...fields };
    const demotesLastAdmin =
      can(current, 'staff.manage') && !can(after, 'staff.manage') && (await activeManagerCount(tx)) <= 1;
    if (demotesLastAdmin) throw new DomainRefusal('至少要保留一名在用的站长/管理员');
    await tx.staff.update(id, fields);
    // A lifted lock, or a new password, clears this desk's count of wrong PINs.
    if (unlock || fields.password) await keepLockState(tx, id, UNLOCKED);
    const what = [...Object.keys(fields), ...(unlock ? ['unlock'] : [])].join(',');
    await tx.audit({ action: 'staff.update', entity: 'staff', entityId: id, detail: what });
  });
}

async function activeManagerCount(tx: WriteTx<'staff'>): Promise<number> {
  return tx.staff.filter((s) => can(s, 'staff.manage')).count();
}

/**
 * Staff accounts and sign-in. The secret is verified outside the transaction (WebCrypto
 * promises must not run inside an IndexedDB transaction); the resulting lock state and the
 * audit entry are then written together, computed from the row as it is INSIDE the write
 * transaction — several tabs trying wrong PINs at once must still add up to a lock.
 *
 * Adding and changing accounts is for an active 站长/管理员 only (checked in the transaction).
 */
import type { PasswordHash, Staff, StaffRole } from '@shared/domain/records';
import {
  afterFailure,
  isLocked,
  lockoutMessage,
  MAX_FAILED_ATTEMPTS,
  UNLOCKED,
  verifySecret,
} from '@shared/domain/credentials';
import { requireAdmin } from '../authorize';
import type { DutyDeskDB } from '../database';
import { DomainRefusal, writeTx } from '../write';

export async function listStaff(db: DutyDeskDB): Promise<Staff[]> {
  return db.staff.orderBy('name').toArray();
}

export async function getStaff(db: DutyDeskDB, id: string): Promise<Staff | undefined> {
  return db.staff.get(id);
}

export type SignInResult = { ok: true; staff: Staff } | { ok: false; message: string };

const GONE = '该账号不存在或已停用';

export async function signIn(db: DutyDeskDB, staffId: string, secret: string, now: number): Promise<SignInResult> {
  const before = await db.staff.get(staffId);
  if (!before || !before.active) return { ok: false, message: GONE };
  if (isLocked(before, now)) return { ok: false, message: lockoutMessage(before, now) };
  // Slow on purpose (KDF), and outside the transaction: other attempts may be written meanwhile.
  const good = await verifySecret(secret, before.password);
  return writeTx(db, { staffId: good ? staffId : null, now }, [db.staff], async ({ audit }): Promise<SignInResult> => {
    // Decide from the row as it is now, not as it was before the KDF.
    const current = await db.staff.get(staffId);
    if (!current || !current.active) return { ok: false, message: GONE };
    if (isLocked(current, now)) return { ok: false, message: lockoutMessage(current, now) };
    // The secret was checked against the hash read before; if an admin has reset it since, that check is void.
    if (!samePassword(current.password, before.password))
      return { ok: false, message: '该账号的密码刚被修改，请重新输入' };
    const next = good ? UNLOCKED : afterFailure(current, now);
    await db.staff.update(staffId, next);
    await audit({
      action: good ? 'signin.ok' : isLocked(next, now) ? 'signin.locked' : 'signin.failed',
      entity: 'staff',
      entityId: staffId,
    });
    if (good) return { ok: true, staff: { ...current, ...next } };
    if (isLocked(next, now)) return { ok: false, message: lockoutMessage(next, now) };
    const left = MAX_FAILED_ATTEMPTS - next.failedAttempts;
    return { ok: false, message: `密码或 PIN 不正确，还可再试 ${left} 次` };
  });
}

function samePassword(a: PasswordHash, b: PasswordHash): boolean {
  return (
    a.algorithm === b.algorithm && a.iterations === b.iterations && a.saltB64 === b.saltB64 && a.hashB64 === b.hashB64
  );
}

export async function recordSignOut(db: DutyDeskDB, staffId: string, now: number): Promise<void> {
  await writeTx(db, { staffId, now }, [], async ({ audit }) => {
    await audit({ action: 'signout', entity: 'staff', entityId: staffId });
  });
}

export type NewStaff = { name: string; role: StaffRole; grids: string[]; password: PasswordHash };

/** Adds an account. `by` must be an active 站长/管理员. */
export async function addStaff(db: DutyDeskDB, input: NewStaff, by: string, now: number, id: string): Promise<Staff> {
  const staff: Staff = {
    id,
    name: input.name.trim(),
    role: input.role,
    grids: input.grids,
    password: input.password,
    active: true,
    ...UNLOCKED,
    createdAt: now,
    createdBy: by,
    updatedAt: now,
    updatedBy: by,
  };
  return writeTx(db, { staffId: by, now }, [db.staff], async ({ audit }) => {
    await requireAdmin(db, by, '添加工作人员');
    const same = await db.staff.where('name').equals(staff.name).count();
    if (same > 0) throw new DomainRefusal('已有同名的工作人员，请在姓名后加以区分（如 张三（二））', 'name');
    await db.staff.add(staff);
    await audit({ action: 'staff.add', entity: 'staff', entityId: id, detail: staff.role });
    return staff;
  });
}

export type StaffPatch = Partial<Pick<Staff, 'role' | 'grids' | 'active'>> & {
  password?: PasswordHash;
  unlock?: boolean;
};

/** Changes role, grids, active, password or lifts the lock. `by` must be an active 站长/管理员. */
export async function updateStaff(
  db: DutyDeskDB,
  id: string,
  patch: StaffPatch,
  by: string,
  now: number,
): Promise<void> {
  await writeTx(db, { staffId: by, now }, [db.staff], async ({ audit }) => {
    await requireAdmin(db, by, '修改工作人员账号');
    const current = await db.staff.get(id);
    if (!current) throw new DomainRefusal('该账号不存在');
    const { unlock, ...fields } = patch;
    const demotesLastAdmin =
      current.role === '站长/管理员' &&
      (fields.role === '值班员' || fields.active === false) &&
      (await activeAdminCount(db)) <= 1;
    if (demotesLastAdmin) throw new DomainRefusal('至少要保留一名在用的站长/管理员');
    await db.staff.update(id, {
      ...fields,
      ...(unlock || fields.password ? UNLOCKED : {}),
      updatedAt: now,
      updatedBy: by,
    });
    const what = [...Object.keys(fields), ...(unlock ? ['unlock'] : [])].join(',');
    await audit({ action: 'staff.update', entity: 'staff', entityId: id, detail: what });
  });
}

async function activeAdminCount(db: DutyDeskDB): Promise<number> {
  return db.staff.filter((s) => s.active && s.role === '站长/管理员').count();
}

/**
 * 锁屏: the lock of the desk and the way back. The lock is logged for the person it covers;
 * a PIN at the lock screen is a sign-in (the same KDF, the same count towards the lockout,
 * the same refusal of a deactivated or locked-out account) whose audit row says what happened:
 * `session.unlock` — the same person resumes; `session.switch` — another active staff member
 * takes the desk over (detail: the previous person's staff id, nothing personal).
 */
import type { Staff } from '@shared/domain/records';
import type { LockReason } from '@shared/domain/idleLock';
import type { Actor, DeskBase } from '../desk';
import { writeTx } from '../write';
import { signIn } from './staff';

type LockedDesk = DeskBase & { readonly actor: Actor };

/** Logs that the desk of `desk.actor` was locked (idle or by the 锁屏 button / Ctrl+L). */
export async function recordLock(desk: LockedDesk, reason: LockReason): Promise<void> {
  await writeTx(desk, [], async (tx) => {
    await tx.audit({ action: 'session.lock', entity: 'staff', entityId: desk.actor.id, detail: reason });
  });
}

export type UnlockResult = { ok: true; staff: Staff; switched: boolean } | { ok: false; message: string };

/** The PIN of `staffId` at the lock screen of `desk.actor`'s desk. */
export async function unlockDesk(desk: LockedDesk, staffId: string, secret: string): Promise<UnlockResult> {
  const previous = desk.actor.id;
  const switched = staffId !== previous;
  const result = await signIn(
    desk,
    staffId,
    secret,
    switched ? { action: 'session.switch', detail: `from ${previous}` } : { action: 'session.unlock' },
  );
  return result.ok ? { ok: true, staff: result.staff, switched } : result;
}

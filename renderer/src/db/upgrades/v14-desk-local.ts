/**
 * v13 → v14 (needs only v10): the facts of this PC leave the data desks will share
 * (db/dataScope.ts). Each staff row's `failedAttempts` / `lockedUntil` becomes a row of the
 * desk-local `signInGuards` (only where there is something to keep: a failure or a lock) and
 * leaves the account; meta `installId` moves to the desk-local `deskMeta`. Idempotent: a second
 * run finds nothing left to move.
 */
import type { Transaction } from 'dexie';
import type { SignInGuard } from '@shared/domain/records';

type OldStaff = { id: string; failedAttempts?: number; lockedUntil?: number };

export async function upgradeV14DeskLocal(tx: Transaction): Promise<void> {
  const guards: SignInGuard[] = [];
  await tx
    .table<OldStaff, string>('staff')
    .toCollection()
    .modify((row) => {
      const failedAttempts = row.failedAttempts ?? 0;
      const lockedUntil = row.lockedUntil ?? 0;
      if (failedAttempts > 0 || lockedUntil > 0) guards.push({ staffId: row.id, failedAttempts, lockedUntil });
      delete row.failedAttempts;
      delete row.lockedUntil;
    });
  if (guards.length > 0) await tx.table<SignInGuard, string>('signInGuards').bulkPut(guards);
  const meta = tx.table<{ key: string; value: unknown }, string>('meta');
  const installId = await meta.get('installId');
  if (installId) {
    await tx.table('deskMeta').put(installId);
    await meta.delete('installId');
  }
}

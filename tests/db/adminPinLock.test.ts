/**
 * The admin PIN asked before sign-in (数据丢失's 从空白开始 and restore, the pre-upgrade backup)
 * locks like sign-in does (issue 22's review): the same count of wrong PINs in a row, the same
 * duration, a Chinese message with the time left — and the count is kept beside the wipe record,
 * outside IndexedDB, since the database may be gone.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '@shared/domain/credentials';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { createDeskBase } from '../../renderer/src/db/desk';
import { requireBackupPinAmong, WRONG_ADMIN_PIN } from '../../renderer/src/db/backup/adminPin';
import { recordIntegrity } from '../../renderer/src/db/backup/integrity';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import { startEmpty } from '../../renderer/src/db/backup/startEmpty';
import { hashSecret } from '../../renderer/src/db/secrets';
import { recordingBackupDeps } from './backupDeps';
import { communityDesk, freshDb, setUpCommunity, T0, TODAY } from './testDb';

const ADMIN_PIN = '246810'; // setUpCommunity's admin
const WRONG = '135799';
const locked = (minutes: number) =>
  `站长/管理员的密码或 PIN 连续 ${MAX_FAILED_ATTEMPTS} 次不正确，已临时锁定，请 ${minutes} 分钟后再试。`;

/** A desk whose database folder was lost after its wipe record was written; `clock.t` moves. */
async function lostDesk() {
  const db = freshDb();
  const setup = await setUpCommunity(db);
  const deps = recordingBackupDeps();
  const admin = await communityDesk(db, { staffId: setup.id, role: '站长/管理员' });
  const made = await makeBackup(admin, deps, 'regular', { passphrase: '梅花香自苦寒来2026年' });
  if (!made.ok) throw new Error(made.message);
  await recordIntegrity(db, deps);
  const name = db.name;
  db.close();
  await Dexie.delete(name);
  const empty = new DutyDeskDB(name);
  const clock = { t: T0 };
  const desk = createDeskBase(empty, { now: () => clock.t, today: () => TODAY }, () => crypto.randomUUID());
  return { db: empty, deps, desk, clock, backup: deps.files.get(made.name)! };
}

async function messageOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'accepted',
    (e: unknown) => (e as Error).message,
  );
}

describe('the admin PIN before sign-in locks like sign-in', () => {
  it(`${MAX_FAILED_ATTEMPTS} wrong PINs in a row lock 从空白开始 (the right PIN too) for the sign-in duration, with the time left`, async () => {
    const { db, deps, desk, clock } = await lostDesk();
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++)
      expect(await messageOf(startEmpty(desk, deps, { pin: WRONG }))).toContain(WRONG_ADMIN_PIN);
    expect(await messageOf(startEmpty(desk, deps, { pin: WRONG }))).toBe(locked(LOCKOUT_MS / 60000));
    // Kept outside IndexedDB, beside the wipe record.
    expect(deps.held.record?.pinLock).toEqual({ failedAttempts: MAX_FAILED_ATTEMPTS, lockedUntil: T0 + LOCKOUT_MS });
    clock.t = T0 + LOCKOUT_MS - 61_000;
    expect(await messageOf(startEmpty(desk, deps, { pin: ADMIN_PIN }))).toBe(locked(2));
    expect(await db.auditLog.count()).toBe(0);
    // Run out: the right PIN goes on, and the count starts afresh.
    clock.t = T0 + LOCKOUT_MS;
    expect((await startEmpty(desk, deps, { pin: ADMIN_PIN })).by).toBe('wipeRecord');
    expect(deps.held.record?.pinLock).toEqual({ failedAttempts: 0, lockedUntil: 0 });
    db.close();
  });

  it('a good PIN clears the count; wrong ones across the three places add up to one lock', async () => {
    const { db, deps, desk, backup } = await lostDesk();
    await messageOf(startEmpty(desk, deps, { pin: WRONG }));
    expect(deps.held.record?.pinLock?.failedAttempts).toBe(1);
    // The pre-upgrade backup's PIN check, against the accounts of a database on disk.
    const password = await hashSecret(ADMIN_PIN, undefined, 1000);
    const staffRows = [{ id: 'a1', name: '王秀英', role: '站长/管理员', active: true, password }];
    expect(await messageOf(requireBackupPinAmong(deps, T0, staffRows, WRONG))).toBe(WRONG_ADMIN_PIN);
    expect(await messageOf(restoreBackup(desk, deps, backup, undefined, { adminPin: WRONG }))).toContain(
      WRONG_ADMIN_PIN,
    );
    expect(deps.held.record?.pinLock?.failedAttempts).toBe(3);
    await requireBackupPinAmong(deps, T0, staffRows, ADMIN_PIN);
    expect(deps.held.record?.pinLock?.failedAttempts).toBe(0);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await messageOf(startEmpty(desk, deps, { pin: WRONG }));
    expect(await messageOf(restoreBackup(desk, deps, backup, undefined, { adminPin: WRONG }))).toBe(locked(5));
    expect(await messageOf(restoreBackup(desk, deps, backup, undefined, { adminPin: ADMIN_PIN }))).toBe(locked(5));
    expect(await messageOf(requireBackupPinAmong(deps, T0, staffRows, ADMIN_PIN))).toBe(locked(5));
    db.close();
  });

  it('the record written after each commit keeps the lock (it is not the data’s)', async () => {
    const { db, deps, desk } = await lostDesk();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await messageOf(startEmpty(desk, deps, { pin: WRONG }));
    const lock = deps.held.record?.pinLock;
    await recordIntegrity(db, deps);
    expect(deps.held.record?.pinLock).toEqual(lock);
    db.close();
  });
});

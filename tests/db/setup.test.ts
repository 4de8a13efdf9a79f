import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeSetup, getCommunity } from '../../renderer/src/db/repositories/community';
import { onStorageError, StorageError, type StorageError as SE } from '../../renderer/src/db/storageErrors';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import { counterIds, freshDb, setupInput, setUpCommunity, T0, testDesk } from './testDb';
import type { DutyDeskDB } from '../../renderer/src/db/database';

/** A DBCore middleware that makes every write to one table fail as a full disk does. */
function failWritesTo(db: DutyDeskDB, table: string, error: () => unknown) {
  db.use({
    stack: 'dbcore',
    name: `fail-${table}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return name === table ? { ...t, mutate: () => Promise.reject(error()) } : t;
      },
    }),
  });
}

describe('first-run setup', () => {
  it('stores profile, admin and the whole catalog together, with an audit entry', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const community = await getCommunity(testDesk(db));
    expect(community?.name).toBe('桃花岭社区');
    expect(community?.communityClass).toBe('二类社区');
    expect(community?.grids.map((g) => g.name)).toEqual(['第一网格', '第二网格']);
    expect(admin.role).toBe('站长/管理员');
    expect(await db.matterTypes.count()).toBeGreaterThanOrEqual(30);
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'setup.complete', staffId: admin.id, at: T0 });
    // The audit trail says what happened, never who the person is.
    expect(JSON.stringify(audit)).not.toContain('王秀英');
  });

  it('refuses to run twice', async () => {
    const db = freshDb();
    await setUpCommunity(db);
    await expect(
      completeSetup(testDesk(db, { now: T0, newId: counterIds('b').newId }), await setupInput()),
    ).rejects.toBeInstanceOf(DomainRefusal);
    expect(await db.staff.count()).toBe(1);
  });
});

describe('storage failures', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a quota error mid-setup reaches the user in Chinese and leaves nothing half-written', async () => {
    const db = freshDb();
    failWritesTo(db, 'matterTypes', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const seen: SE[] = [];
    const off = onStorageError((e) => seen.push(e));
    const error = await completeSetup(testDesk(db, { now: T0, newId: counterIds().newId }), await setupInput()).catch(
      (e: unknown) => e,
    );
    off();
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).problem).toBe('quota');
    expect((error as StorageError).userMessage).toContain('存储空间不足');
    expect((error as StorageError).userMessage).toContain('没有写入任何内容');
    expect(seen).toEqual([error]);
    // Profile and admin were written before the failing table in the same transaction: gone.
    expect(await db.meta.count()).toBe(0);
    expect(await db.staff.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('recognises a quota error hidden inside an AbortError', async () => {
    const db = freshDb();
    failWritesTo(db, 'staff', () => {
      const abort = new DOMException('Transaction aborted', 'AbortError') as DOMException & { inner?: unknown };
      abort.inner = new DOMException('disk full', 'QuotaExceededError');
      return abort;
    });
    const error = await completeSetup(testDesk(db, { now: T0, newId: counterIds().newId }), await setupInput()).catch(
      (e: unknown) => e,
    );
    expect((error as StorageError).problem).toBe('quota');
    expect(await db.meta.count()).toBe(0);
  });
});

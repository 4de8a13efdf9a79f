/**
 * v29 → v30 (issue 27, the street office): two new tables, empty, and nothing else changes — a
 * community desk's rows are as they were, and the desk is still a community install (no
 * `installKind` row: absent = 社区), which refuses the street's tables.
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { readInstallKind, COMMUNITY_REFUSES } from '../../renderer/src/db/installKind';
import { saveStreetCommunity } from '../../renderer/src/db/repositories/street/communities';
import { openShippedV29 } from './shippedSchemas';
import { fails, T0, testDesk } from './testDb';

const dump = async (db: Dexie, names: string[]) =>
  Object.fromEntries(await Promise.all(names.map(async (n) => [n, await db.table(n).toArray()] as const)));

describe('upgrade v29 → v30 (the street tables)', () => {
  it('adds the empty street tables and leaves every v29 row as it was', async () => {
    const name = `upgrade-v30-${Math.random()}`;
    const v29 = openShippedV29(name);
    await v29.table('meta').put({ key: 'community', value: { name: '桃花岭社区', code: 'THL' } });
    await v29.table('deskMeta').put({ key: 'installId', value: 'i-1' });
    await v29.table('staff').put({ id: 's1', name: '王秀英', role: '站长/管理员', active: true, grids: [] });
    await v29.table('rota').put({ id: '2026-11-24|s1', day: '2026-11-24', staffId: 's1', post: '值班岗' });
    const tables = v29.tables.map((t) => t.name);
    const before = await dump(v29, tables);
    v29.close();

    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(30);
    expect(await dump(db as unknown as Dexie, tables)).toEqual(before);
    expect(await db.streetCommunities.count()).toBe(0);
    expect(await db.streetPackages.count()).toBe(0);
    const indexes = db.streetPackages.schema.indexes.map((i) => i.name).sort();
    expect(indexes).toEqual(['[communityCode+periodKey]', '[kind+from]', 'importedAt']);
    expect(db.streetCommunities.schema.primKey.name).toBe('code');
    // Still a community install: the street's tables are refused.
    expect(await readInstallKind(db)).toBe('社区');
    const admin = testDesk(db, { staffId: 's1', role: '站长/管理员', now: T0 });
    await db.staff.update('s1', { pledgeAcceptedAt: T0 });
    expect(
      (
        await fails(
          saveStreetCommunity(admin, { code: 'YLQ', name: '岳麓社区', contact: '李', phone: '0731-88886666' }),
        )
      )?.message,
    ).toBe(COMMUNITY_REFUSES);
    db.close();
  });
});

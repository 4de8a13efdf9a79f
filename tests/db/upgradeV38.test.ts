/**
 * v37 → v38 (issue 26, 超期未走访 flat with size): the kept last 走访 rows lose their `keys` (one per
 * tag) for ONE `key` per resident on the register, keyed for the register tags of the stored
 * community profile (not the defaults), so a zone's page is one range read; every record stays as
 * it was and the list reads the upgraded rows.
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { careKeysOf } from '@shared/domain/homeVisits';
import type { Resident } from '@shared/domain/records';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { unvisitedCarePage } from '../../renderer/src/db/repositories/unvisitedCare';
import { createCalendar } from '@shared/domain/workingCalendar';
import { openShippedV37 } from './shippedSchemas';
import { T0, testDesk, WANG_WU } from './testDb';

const sep = '\u001f';
const dump = async (db: Dexie, names: string[]) =>
  Object.fromEntries(await Promise.all(names.map(async (n) => [n, await db.table(n).toArray()] as const)));

describe('upgrade v37 → v38 (one kept key per resident on the register)', () => {
  it('re-keys every kept row for the stored register tags and changes no record', async () => {
    const name = `upgrade-v38-${Math.random()}`;
    const v37 = openShippedV37(name);
    const resident = (id: string, tags: string[], gridId = 'g1') => {
      const r = { ...(WANG_WU as object), id, name: id, idNumber: id, tags, gridId } as unknown as Resident;
      return { ...r, careKeys: careKeysOf(r) };
    };
    // The center's register: 高龄 and 困难家庭 (独居老人 off, unlike the defaults).
    await v37.table('meta').add({
      key: 'community',
      value: {
        name: '桃花岭社区',
        grids: [{ id: 'g1', name: '第一网格' }],
        proxy: { twoStaff: true, targetWorkingDays: 2, promises: ['不收费'], registerTags: ['高龄', '困难家庭'] },
        createdAt: T0,
      },
    });
    await v37
      .table('residents')
      .bulkAdd([
        resident('r1', ['高龄', '困难家庭']),
        resident('r2', ['独居老人']),
        resident('r3', ['困难家庭', '党员']),
        resident('r4', ['高龄'], 'g2'),
      ]);
    await v37.table('homeVisits').bulkAdd([
      { id: 'a', day: '2026-09-01', residentId: 'r1', gridId: 'g1' },
      { id: 'b', day: '2026-08-01', residentId: 'r2', gridId: 'g1' },
    ]);
    // The rows as v37 kept them: one key per tag.
    await v37.table('careLastVisits').bulkAdd([
      {
        residentId: 'r1',
        lastDay: '2026-09-01',
        keys: [`g1${sep}困难家庭${sep}2026-09-01${sep}r1`, `g1${sep}高龄${sep}2026-09-01${sep}r1`],
      },
      { residentId: 'r2', lastDay: '2026-08-01', keys: [`g1${sep}独居老人${sep}2026-08-01${sep}r2`] },
      { residentId: 'r3', keys: [`g1${sep}党员${sep}${sep}r3`, `g1${sep}困难家庭${sep}${sep}r3`] },
      { residentId: 'r4', keys: [`g2${sep}高龄${sep}${sep}r4`] },
    ]);
    const records = v37.tables.map((t) => t.name).filter((t) => t !== 'careLastVisits');
    const before = await dump(v37, records);
    v37.close();

    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(38);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.careLastVisits.schema.indexes.map((i) => i.name)).toEqual(['key']);
    expect(await db.careLastVisits.toArray()).toEqual([
      {
        residentId: 'r1',
        lastDay: '2026-09-01',
        zone: 'g1',
        tags: ['困难家庭', '高龄'],
        key: `g1${sep}2026-09-01${sep}r1`,
      },
      // 独居老人 is not on this center's register: a row (its day kept), no key.
      { residentId: 'r2', lastDay: '2026-08-01', zone: 'g1', tags: ['独居老人'] },
      { residentId: 'r3', zone: 'g1', tags: ['党员', '困难家庭'], key: `g1${sep}${sep}r3` },
      { residentId: 'r4', zone: 'g2', tags: ['高龄'], key: `g2${sep}${sep}r4` },
    ]);
    const { keptSummaries: _token, ...after } = await dump(db as unknown as Dexie, records);
    const { keptSummaries: _none, ...was } = before;
    expect(after).toEqual(was);
    // The list reads the upgraded rows: never visited first, then the oldest; r2 is not on the register.
    const desk = testDesk(db, { today: '2026-11-23', calendar: createCalendar() });
    expect((await unvisitedCarePage(desk, 'g1')).rows.map((r) => r.residentId)).toEqual(['r3', 'r1']);
    db.close();
  });
});

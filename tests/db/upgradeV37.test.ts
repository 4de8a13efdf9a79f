/**
 * v36 → v37 (issue 28 item 2, a year's first computation): case events gain the index `at` and the
 * rota `[post+day]`, built by IndexedDB over the rows already stored (no data step), so the 错时
 * table reads the events made outside standard hours by instant and the 值班岗 cells alone; every
 * record stays as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { openShippedV36 } from './shippedSchemas';

const dump = async (db: Dexie, names: string[]) =>
  Object.fromEntries(await Promise.all(names.map(async (n) => [n, await db.table(n).toArray()] as const)));
const local = (day: string, time: string) => new Date(`${day}T${time}:00`).getTime();

describe('upgrade v36 → v37 (case events by instant)', () => {
  it('indexes the stored case events by `at` and changes no record', async () => {
    const name = `upgrade-v37-${Math.random()}`;
    const v36 = openShippedV36(name);
    const event = (id: string, at: number) => ({ id, caseId: 'c1', at, by: 's1', action: '受理', clock: `x${id}` });
    await v36.table('rota').bulkAdd([
      { id: '2026-11-23|s1', day: '2026-11-23', staffId: 's1', post: '值班岗' },
      { id: '2026-11-23|s2', day: '2026-11-23', staffId: 's2', post: '走访岗' },
      { id: '2026-11-24|s1', day: '2026-11-24', staffId: 's1', post: '值班岗' },
    ]);
    await v36
      .table('caseEvents')
      .bulkAdd([
        event('e1', local('2026-11-23', '07:30')),
        event('e2', local('2026-11-23', '10:00')),
        event('e3', local('2026-11-23', '19:00')),
      ]);
    const tables = v36.tables.map((t) => t.name);
    const before = await dump(v36, tables);
    v36.close();

    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(37);
    expect(db.verno).toBe(SCHEMA_VERSION);
    const { keptSummaries: _token, ...after } = await dump(db as unknown as Dexie, tables);
    const { keptSummaries: _none, ...was } = before;
    expect(after).toEqual(was);
    expect(db.caseEvents.schema.indexes.map((i) => i.name).sort()).toEqual(['at', 'caseId', 'clock']);
    // The events stored before the upgrade are found by instant.
    const evening = await db.caseEvents
      .where('at')
      .between(local('2026-11-23', '18:00'), local('2026-11-24', '00:00'), true, false)
      .primaryKeys();
    expect(evening).toEqual(['e3']);
    // …and the rota's 值班岗 cells by post and day.
    expect(db.rota.schema.indexes.map((i) => i.name).sort()).toEqual(['[post+day]', 'day', 'staffId']);
    const duty = await db.rota
      .where('[post+day]')
      .between(['值班岗', '2026-11-23'], ['值班岗', '2026-11-23'], true, true)
      .primaryKeys();
    expect(duty).toEqual(['2026-11-23|s1']);
    db.close();
  });
});

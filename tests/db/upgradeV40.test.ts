/**
 * v39 → v40 (issue 28, the street's year view): each stored package's records (上报事项, 办件
 * ledger) move to `streetPackageRecords` under the same id, a page at a time; its figures stay in
 * `streetPackages`, every other field and every other table as it was; 吹哨事项 still lists the
 * escalations; a second run changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { addDays } from '@shared/domain/localDate';
import type { WireContent } from '@shared/reports/wire/types';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { whistleData } from '../../renderer/src/db/repositories/street/responses';
import { upgradeV40StreetRecords } from '../../renderer/src/db/upgrades/v40-street-records';
import { packageText, wireEscalation } from '../fixtures/streetPackages';
import { openShippedV39 } from './shippedSchemas';
import { T0, testDesk } from './testDb';

const dump = async (db: Dexie, names: string[]) =>
  Object.fromEntries(await Promise.all(names.map(async (n) => [n, await db.table(n).toArray()] as const)));

const COMMUNITIES = [
  { code: 'THL', name: '桃花岭社区' },
  { code: 'YLQ', name: '岳麓社区' },
  { code: 'XHC', name: '新华村社区' },
];
const FIRST_WEEK = '2026-01-05';
const WEEKS = 40; // 120 packages: more than two pages of the step

/** A package row as v30–v39 stored it: the whole content, records included. */
async function oldRow(community: (typeof COMMUNITIES)[number], w: number) {
  const week = addDays(FIRST_WEEK, 7 * w);
  const text = await packageText({ community, week, generatedAt: `${addDays(week, 7)}T02:00:00.000Z` });
  const pkg = JSON.parse(text) as { sha256: string; content: WireContent };
  const content = pkg.content;
  if (w % 10 === 0)
    content.escalations = [
      wireEscalation({
        trackingNumber: `${community.code}-${week.replaceAll('-', '')}-010001`,
        raisedAt: `${week}T01:00:00.000Z`,
        department: '城管科',
      }),
    ];
  return {
    id: pkg.sha256,
    communityCode: community.code,
    periodKey: `week:${week}`,
    kind: 'week',
    from: week,
    to: addDays(week, 6),
    generatedAt: content.generatedAt,
    correctionN: 1,
    fromVersion: 2,
    fileName: `${community.name}-${week}.json`,
    importedBy: 'st-1',
    importedAt: T0,
    content,
  };
}

describe('upgrade v39 → v40 (a package’s records apart from its figures)', () => {
  it('moves every package’s records to streetPackageRecords, keeps its figures, and 吹哨事项 still reads them', async () => {
    const rows = await Promise.all(COMMUNITIES.flatMap((c) => Array.from({ length: WEEKS }, (_, w) => oldRow(c, w))));
    expect(rows.every((r) => r.content.ledger.length > 0)).toBe(true);
    const name = `upgrade-v40-${Math.random()}`;
    const v39 = openShippedV39(name);
    await v39.table('streetPackages').bulkAdd(rows);
    await v39.table('streetCommunities').bulkAdd(COMMUNITIES.map((c) => ({ ...c, active: true })));
    const tables = v39.tables.map((t) => t.name);
    const before = await dump(v39, tables);
    v39.close();

    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(40);
    expect(db.verno).toBe(SCHEMA_VERSION);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const figures = await db.streetPackages.toArray();
    const records = await db.streetPackageRecords.toArray();
    expect(figures).toHaveLength(rows.length);
    expect(records).toHaveLength(rows.length);
    for (const row of figures) {
      const { escalations, ledger, ...rest } = byId.get(row.id)!.content;
      expect(row).toEqual({ ...byId.get(row.id)!, content: rest });
      expect(records.find((r) => r.id === row.id)).toEqual({ id: row.id, escalations, ledger });
    }
    const { streetPackages: _moved, keptSummaries: _token, ...after } = await dump(db as unknown as Dexie, tables);
    const { streetPackages: _was, keptSummaries: _none, ...was } = before;
    expect(after).toEqual(was);

    // 吹哨事项 joins them again: every escalation of the first 11 weeks (weeks 1 and 11 hold one), by tracking number.
    const desk = testDesk(db, { now: Date.parse('2026-03-25T10:00:00+08:00'), today: '2026-03-25' });
    const whistles = await whistleData(desk, { kind: 'week', from: FIRST_WEEK, to: '2026-03-22' });
    expect(whistles.rows.map((r) => r.esc.trackingNumber).sort()).toEqual(
      rows
        .filter((r) => r.to <= '2026-03-22')
        .flatMap((r) => r.content.escalations.map((e) => e.trackingNumber))
        .sort(),
    );
    expect(whistles.rows.length).toBe(COMMUNITIES.length * 2);

    // A second run changes nothing.
    const dexie = db as unknown as Dexie;
    const once = await dump(dexie, ['streetPackages', 'streetPackageRecords']);
    await dexie.transaction('rw', dexie.tables, (tx) => upgradeV40StreetRecords(tx));
    expect(await dump(dexie, ['streetPackages', 'streetPackageRecords'])).toEqual(once);
    db.close();
  });
});

/**
 * v38 → v39 (issue 28 item 2): the slim row of every stored visit and case (`slimRows`) is made
 * once from the records, a page at a time; every record stays as it was, and a period's summaries
 * read from the new rows equal those read from the records.
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { periodOf, previousPeriod } from '@shared/reports/periods';
import { EMPTY_NOTES, summariesOf } from '@shared/reports/reportData';
import { slimCaseRow, slimVisitRow } from '@shared/reports/slimRows';
import { generateDesk } from '../../bench/data/generate';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { readReport } from '../../renderer/src/db/repositories/reports';
import { openShippedV38 } from './shippedSchemas';
import { testDesk } from './testDb';

const dump = async (db: Dexie, names: string[]) =>
  Object.fromEntries(await Promise.all(names.map(async (n) => [n, await db.table(n).toArray()] as const)));

describe('upgrade v38 → v39 (the summaries’ slim rows)', () => {
  it('makes the slim row of every visit and case, changes no record, and the summaries read them', async () => {
    const data = generateDesk('tiny');
    expect(data.visits.length + data.cases.length).toBeGreaterThan(1_000);
    const name = `upgrade-v39-${Math.random()}`;
    const v38 = openShippedV38(name);
    await v38.table('visits').bulkAdd(data.visits);
    await v38.table('cases').bulkAdd(data.cases);
    await v38.table('matterTypes').bulkAdd(data.catalog);
    const records = v38.tables.map((t) => t.name);
    const before = await dump(v38, records);
    v38.close();

    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(39);
    expect(db.verno).toBe(SCHEMA_VERSION);
    const want = [...data.visits.map(slimVisitRow), ...data.cases.map(slimCaseRow)].sort((a, b) =>
      a.key < b.key ? -1 : 1,
    );
    expect(await db.slimRows.toArray()).toEqual(want);
    const { keptSummaries: _token, ...after } = await dump(db as unknown as Dexie, records);
    const { keptSummaries: _none, ...was } = before;
    expect(after).toEqual(was);
    // A month of the generated desk: its summaries from the slim rows equal those from the records.
    const desk = testDesk(db, { today: '2026-11-24' });
    const r = {
      kind: 'month' as const,
      period: periodOf('month', '2026-10-10'),
      previous: previousPeriod(periodOf('month', '2026-10-10'), 'month'),
    };
    const slim = await readReport(desk, r, EMPTY_NOTES, 'summary');
    const whole = await readReport(desk, r, EMPTY_NOTES, 'all');
    expect(slim.data.visits.length).toBeGreaterThan(100);
    expect(summariesOf(slim.data)).toEqual(summariesOf(whole.data));
    db.close();
  });
});

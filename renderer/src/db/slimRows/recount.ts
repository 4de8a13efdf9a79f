/**
 * The slim rows worked out again from the records (upgrades, tests) and their keys from the
 * indexes alone (the check after sign-in, repair.ts). Their cost grows with the data, so neither
 * runs on the way to a screen.
 */
import { slimCaseKey, slimRowOf, slimVisitKey, type SlimRow } from '@shared/reports/slimRows';
import type { TableOf } from '../tallies/recount';

const PAGE = 2_000;
const KINDS = ['visits', 'cases'] as const;

/** Every record of `name`, a page at a time in primary-key order (no whole table in memory at once). */
async function eachPage(table: TableOf, name: string, f: (records: unknown[]) => Promise<void>): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const t = table(name);
    const page = await (after === undefined ? t.orderBy(':id') : t.where(':id').above(after)).limit(PAGE).toArray();
    if (page.length === 0) return;
    await f(page);
    after = (page[page.length - 1] as { id: string }).id;
  }
}

/** The rows `slimRows` should hold, worked out from every visit and case. */
export async function recountSlimRows(table: TableOf): Promise<Map<string, SlimRow>> {
  const out = new Map<string, SlimRow>();
  for (const kind of KINDS)
    await eachPage(table, kind, async (records) => {
      for (const r of records) {
        const row = slimRowOf(kind, r);
        out.set(row.key, row);
      }
    });
  return out;
}

/** `slimRows` emptied and filled from every visit and case (the v39 step), a page at a time. */
export async function refillSlimRows(table: TableOf): Promise<void> {
  await table('slimRows').clear();
  for (const kind of KINDS)
    await eachPage(table, kind, (records) =>
      table('slimRows')
        .bulkPut(records.map((r) => slimRowOf(kind, r)))
        .then(() => undefined),
    );
}

/** The keys `slimRows` should hold, from the `day` and `acceptedDay` indexes only (no record loaded). */
export async function slimKeysOf(table: TableOf): Promise<Set<string>> {
  const visits = table('visits').orderBy('day');
  const cases = table('cases').orderBy('acceptedDay');
  const [days, visitIds, acceptedDays, caseIds] = await Promise.all([
    visits.keys(),
    visits.primaryKeys(),
    cases.keys(),
    cases.primaryKeys(),
  ]);
  const keys = new Set<string>();
  days.forEach((day, i) => keys.add(slimVisitKey({ day: String(day), id: String(visitIds[i]) })));
  acceptedDays.forEach((day, i) => keys.add(slimCaseKey({ acceptedDay: String(day), id: String(caseIds[i]) })));
  return keys;
}

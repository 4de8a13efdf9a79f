/**
 * Where a year's report spends its time (issue 28 item 2): each read of `readReportData` alone
 * (its own transaction, one after another), the rows it returns, the summaries, the ledgers, the
 * xlsx writing, and what a structured clone of the records would cost. Printed by the bench's
 * `export` group, once, on this page's thread.
 */
import type { Desk } from '../../renderer/src/db/desk';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { readReport, readReportData } from '../../renderer/src/db/repositories/reports';
import { DUTY_POST } from '@shared/domain/offHours';
import { offHoursCaseEvents, readOffHoursTables } from '../../renderer/src/db/repositories/offHours';
import { residentsByIds } from '../../renderer/src/db/repositories/residents';
import { buildExport } from '../../renderer/src/features/reports/buildExport';
import { monthsOf, previousPeriod, type Period } from '@shared/reports/periods';
import { EMPTY_NOTES, summariesOf } from '@shared/reports/reportData';
import { ledgersOf } from '@shared/reports/ledgers';
import { slimRange } from '@shared/reports/slimRows';

export type ProfileStep = { step: string; ms: number; rows?: number };

export async function reportProfile(db: DutyDeskDB, desk: Desk, year: Period): Promise<ProfileStep[]> {
  const out: ProfileStep[] = [];
  const time = async <T>(step: string, f: () => Promise<T>, rows?: (t: T) => number): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    out.push({ step, ms: performance.now() - t0, ...(rows ? { rows: rows(r) } : {}) });
    return r;
  };
  const previous = previousPeriod(year, 'year');
  const range = { from: previous.from, to: year.to };
  const months = monthsOf(range);
  const visits = await time(
    'visits by day (2 years)',
    () => db.visits.where('day').between(range.from, range.to, true, true).toArray(),
    (r) => r.length,
  );
  const slimRead = (kind: 'visits' | 'cases') => {
    const { lower, upper } = slimRange(kind, range.from, range.to);
    return db.slimRows.where('key').between(lower, upper).toArray();
  };
  await time(
    'slim visit rows by key (2 years, slimRows)',
    () => slimRead('visits'),
    (r) => r.length,
  );
  await time(
    'slim case rows by key (accepted in the 2 years, slimRows)',
    () => slimRead('cases'),
    (r) => r.length,
  );
  await time(
    'cases accepted in the 2 years, whole records (acceptedDay)',
    () => db.cases.where('acceptedDay').between(range.from, range.to, true, true).toArray(),
    (r) => r.length,
  );
  const byMonth = await time(
    'cases by reportMonths (24 months, with repeats)',
    () =>
      db.cases
        .where('reportMonths')
        .between(months[0]!, months[months.length - 1]!, true, true)
        .toArray(),
    (r) => r.length,
  );
  await time(
    'case keys by reportMonths (primary keys only)',
    () =>
      db.cases
        .where('reportMonths')
        .between(months[0]!, months[months.length - 1]!, true, true)
        .primaryKeys(),
    (r) => new Set(r).size,
  );
  await time(
    'case keys of the first month only (what the read asks since s39)',
    () => db.cases.where('reportMonths').equals(months[0]!).primaryKeys(),
    (r) => r.length,
  );
  const ids = new Set<string>();
  for (const v of visits) if (v.residentId) ids.add(v.residentId);
  for (const c of byMonth) if (c.residentId) ids.add(c.residentId);
  await time(
    'residents by ids',
    () => residentsByIds(desk, [...ids]),
    (r) => r.size,
  );
  await time(
    '错时 tables (rota, case events, lines, 走访)',
    () => readOffHoursTables(desk, [year, previous], visits),
    (r) => r.length,
  );
  const wall = (day: string) => String(new Date(`${day}T00:00:00`).getTime()).padStart(13, '0');
  await time(
    'case events by clock (2 years)',
    () => db.caseEvents.where('clock').between(wall(range.from), wall(range.to)).toArray(),
    (r) => r.length,
  );
  await time(
    'case events outside standard hours, by at (2 years)',
    () => offHoursCaseEvents(desk, range.from, range.to),
    (r) => r.length,
  );
  await time(
    'case events by clock, index keys only (cursor)',
    () => db.caseEvents.where('clock').between(wall(range.from), wall(range.to)).keys(),
    (r) => r.length,
  );
  await time(
    'residents, whole table',
    () => db.residents.toArray(),
    (r) => r.length,
  );
  await time(
    '错时: rota 值班岗 days (2 years, [post+day])',
    () => db.rota.where('[post+day]').between([DUTY_POST, range.from], [DUTY_POST, range.to], true, true).toArray(),
    (r) => r.length,
  );
  await time(
    '错时: 走访 log by day (2 years)',
    () => db.homeVisits.where('day').between(range.from, range.to, true, true).toArray(),
    (r) => r.length,
  );
  await time(
    '错时: added lines by day (2 years)',
    () => db.offHoursLines.where('day').between(range.from, range.to, true, true).toArray(),
    (r) => r.length,
  );
  await time(
    'rota (2 years)',
    () => db.rota.where('day').between(range.from, range.to, true, true).toArray(),
    (r) => r.length,
  );
  await time(
    'bare: visits + accepted cases of the year',
    () =>
      Promise.all([
        db.visits.where('day').between(year.from, year.to, true, true).toArray(),
        db.cases.where('acceptedDay').between(year.from, year.to, true, true).toArray(),
      ]),
    (r) => r[0].length + r[1].length,
  );
  const data = await time('readReportData (all, in steps)', () =>
    readReportData(desk, 'year', year, previous, EMPTY_NOTES),
  );
  const slim = await time('readReport (summary: slim rows, in steps)', () =>
    readReport(desk, { kind: 'year', period: year, previous }, EMPTY_NOTES, 'summary'),
  );
  await time('summariesOf (both years, slim rows)', async () => summariesOf(slim.data));
  await time('readReport (ledgers of the year, in steps)', () =>
    readReport(desk, { kind: 'year', period: year, previous }, EMPTY_NOTES, 'ledgers'),
  );
  await time('summariesOf (both years)', async () => summariesOf(data));
  await time('structuredClone(ReportData)', async () => structuredClone(data));
  const ledgers = await time(
    'ledgersOf',
    async () => ledgersOf(data, false),
    (l) => l.reduce((n, x) => n + x.rows.length, 0),
  );
  void ledgers;
  await time('buildExport xlsx (summaries, ledgers, workbook)', () =>
    buildExport({ format: 'xlsx', data, named: false, installId: 'x', generatedAt: 0 }),
  );
  return out;
}

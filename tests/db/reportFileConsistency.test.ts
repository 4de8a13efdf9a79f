/**
 * An xlsx or CSV export of a period whose summaries are read from the records (an open period)
 * reads them beside the ledger (reportJobs.ts `reportFile`): two reads. A save committed between
 * them must not make the file disagree with itself (the summary's N accepted above, N + 1 rows in
 * the ledger below): their write tokens differ, and both then come from ONE read of everything.
 * The save is put exactly there: after the summaries' read has returned and before the ledger's
 * read starts (both modules wrapped, the real functions called).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDesk } from '../../bench/data/generate';
import { previousPeriod, weekOf } from '@shared/reports/periods';
import { EMPTY_NOTES } from '@shared/reports/notes';
import type { CaseRecord } from '@shared/domain/records';
import { readReportData } from '../../renderer/src/db/repositories/reports';
import { reportFile } from '../../renderer/src/features/reports/reportJobs';
import { buildExport } from '../../renderer/src/features/reports/buildExport';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { TODAY } from './testDb';
import type * as SummariesModule from '../../renderer/src/db/repositories/reportSummaries';
import type * as ReportsModule from '../../renderer/src/db/repositories/reports';
import { generatedAdminDesk, loadedDb } from './generatedDesk';

/** Set by a test: runs once, after the summaries' read returned and before the ledger's read. */
const between: { save?: () => Promise<void>; summariesRead?: Promise<void>; done?: () => void } = {};

vi.mock('../../renderer/src/db/repositories/reportSummaries', async (importOriginal) => {
  const real = await importOriginal<typeof SummariesModule>();
  return {
    ...real,
    reportSummaries: async (...args: Parameters<typeof real.reportSummaries>) => {
      const out = await real.reportSummaries(...args);
      between.done?.();
      return out;
    },
  };
});
vi.mock('../../renderer/src/db/repositories/reports', async (importOriginal) => {
  const real = await importOriginal<typeof ReportsModule>();
  return {
    ...real,
    readReport: (async (...args: Parameters<typeof real.readReport>) => {
      if (args[3] === 'ledgers' && between.save) {
        const save = between.save;
        between.save = undefined;
        await between.summariesRead;
        await save();
      }
      return (real.readReport as (...a: unknown[]) => unknown)(...args);
    }) as typeof real.readReport,
  };
});

const data = generateDesk('tiny');
let db: DutyDeskDB;
let desk: Desk;

beforeAll(async () => {
  db = await loadedDb(data);
  desk = await generatedAdminDesk(db);
}, 120_000);

describe('an export of an open period with a save between its two reads', { timeout: 60_000 }, () => {
  // The summary CSV holds the figures themselves (an xlsx's `rows` counts only rows per part).
  for (const format of ['csv:summary'] as const)
    it(`${format}: the summaries and the ledger are of the same records`, async () => {
      const period = weekOf(TODAY);
      const r = { kind: 'week' as const, period, previous: previousPeriod(period, 'week') };
      const some = (await db.cases.toArray())[0] as CaseRecord;
      between.summariesRead = new Promise((resolve) => (between.done = resolve));
      between.save = async () => {
        await db.cases.put({ ...some, id: `between-${format}`, acceptedDay: TODAY });
      };
      const job = { named: false, installId: 'i', generatedAt: 0 };
      const made = await reportFile(desk, { ...r, ...job, notes: EMPTY_NOTES, format });
      expect(between.save).toBeUndefined(); // the save ran between the two reads
      // What one read of everything after the save gives.
      const after = await readReportData(desk, r.kind, r.period, r.previous, EMPTY_NOTES);
      expect(after.cases.some((c) => c.id === `between-${format}`)).toBe(true);
      const expected = await buildExport({ ...job, format, data: after });
      expect(made.file.content).toEqual(expected.content);
    });
});

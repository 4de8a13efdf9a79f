/**
 * A report read in steps (db/repositories/reports.ts `readReport`): each step is a read
 * transaction of its own, and all of them read the kept summaries' write token. On the
 * generated desk in fake-indexeddb: a read no write overtakes is the one-transaction read (the
 * same records, the token of its steps); a write committed between two steps makes the read start
 * again, so what it returns holds the write and the token after it — never a mix of before and
 * after; writes between the steps of every try end in one transaction; a save started while the
 * steps run commits before the read ends (with one transaction it waited for the whole read).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { generateDesk } from '../../bench/data/generate';
import { periodOf, previousPeriod } from '@shared/reports/periods';
import { EMPTY_NOTES } from '@shared/reports/notes';
import type { Visit } from '@shared/domain/records';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import type * as KeptRead from '../../renderer/src/db/keptSummaries/read';
import { generatedAdminDesk, loadedDb } from './generatedDesk';

type KeptReads = typeof KeptRead;

/** Each read of the token, in order: a test may write before a given one (`beforeToken`). */
const reads = vi.hoisted(() => ({ n: 0, beforeToken: undefined as ((n: number) => void) | undefined }));
vi.mock('../../renderer/src/db/keptSummaries/read', async (original) => {
  const real = await original<KeptReads>();
  return {
    ...real,
    writeToken: (db: Parameters<typeof real.writeToken>[0]) => {
      reads.n += 1;
      reads.beforeToken?.(reads.n);
      return real.writeToken(db);
    },
  };
});
const { readReport } = await import('../../renderer/src/db/repositories/reports');
const { writeToken } = await import('../../renderer/src/db/keptSummaries/read');

const data = generateDesk('tiny');
let db: DutyDeskDB;
let desk: Desk;
const year = periodOf('year', '2026-06-01');
const r = { kind: 'year' as const, period: year, previous: previousPeriod(year, 'year') };

beforeAll(async () => {
  db = await loadedDb(data);
  desk = await generatedAdminDesk(db);
}, 120_000);

const sample = () => data.visits.find((v) => v.day >= year.from)!;
let added = 0;
/** A visit of the period put by another connection, not awaited: it commits after the step reading the token now. */
function putVisitSoon(): string {
  const id = `step-test-${++added}`;
  void Dexie.ignoreTransaction(() => db.visits.put({ ...sample(), id } satisfies Visit));
  return id;
}
const read = async () => {
  reads.n = 0;
  const out = await readReport(desk, r, EMPTY_NOTES, 'all');
  return { ...out, tokenReads: reads.n };
};

describe('a report read in steps', { timeout: 60_000 }, () => {
  it('with no write between its steps: every step reads the same token, once each', async () => {
    const first = await read();
    expect(first.token).toBe(await writeToken(db));
    expect(first.tokenReads).toBeGreaterThan(12); // one per step: a month each, and the rest
    const again = await read();
    expect(again.data).toEqual(first.data);
    expect(again.tokenReads).toBe(first.tokenReads);
  });

  it('a write between two steps: the read starts again and returns the records after it', async () => {
    const steps = (await read()).tokenReads;
    let id = '';
    reads.beforeToken = (n) => {
      if (n === 3) id = putVisitSoon();
    };
    const out = await read();
    reads.beforeToken = undefined;
    expect(out.tokenReads).toBe(2 * steps);
    expect(out.data.visits.some((v) => v.id === id)).toBe(true);
    expect(out.token).toBe(await writeToken(db));
    const quiet = await read();
    expect(quiet.data).toEqual(out.data);
  });

  it('writes between the steps of every try: the last read is one transaction, consistent', async () => {
    const steps = (await read()).tokenReads;
    const ids: string[] = [];
    // A write in each try of the steps (the 3rd read of each), and none once it is one transaction.
    reads.beforeToken = (n) => {
      if (n % steps === 3 && n < 2 * steps) ids.push(putVisitSoon());
    };
    const out = await read();
    reads.beforeToken = undefined;
    expect(ids).toHaveLength(2);
    expect(out.tokenReads).toBe(2 * steps + 1);
    for (const id of ids) expect(out.data.visits.some((v) => v.id === id)).toBe(true);
    expect(out.token).toBe(await writeToken(db));
    expect((await read()).data).toEqual(out.data);
  });

  it('a save started during the read commits before the read ends', async () => {
    const order: string[] = [];
    reads.beforeToken = (n) => {
      if (n === 1)
        void Dexie.ignoreTransaction(() => db.visits.put({ ...sample(), id: 'step-test-save' })).then(() =>
          order.push('save'),
        );
    };
    reads.n = 0;
    await readReport(desk, r, EMPTY_NOTES, 'all').then(() => order.push('read'));
    reads.beforeToken = undefined;
    expect(order).toEqual(['save', 'read']);
  });
});

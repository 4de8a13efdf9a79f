/**
 * Numbers no two desks share, with no coordination: desks 1–9 issue 受理编号 and 归档号 over many
 * days, each from its own counters (as caseAcceptance.ts and cases.ts do: counterKeyFor /
 * archiveCounterKeyFor with the desk, nextSeq), after a past in which every PC issued numbers
 * without a desk. No two numbers alike, and each parses back to its desk, day and sequence.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  counterKeyFor,
  formatTrackingNumber,
  nextSeq,
  parseTrackingNumber,
} from '../../../shared/domain/trackingNumber';
import { archiveCounterKeyFor, formatArchiveNumber, parseArchiveNumber } from '../../../shared/domain/caseNumbers';
import { addDays } from '../../../shared/domain/localDate';

const CODE = 'YLQ';
const FIRST_DAY = '2026-01-01';

/** One case issued: by desk (1–9), or before desks (0), on a day offset; `jump` moves its counter on (widening). */
const issueArb = fc.record({
  desk: fc.integer({ min: 0, max: 9 }),
  // Mostly a few busy days (desks meet on one day), some spread over three years.
  day: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 * 366 })),
  jump: fc.oneof(
    { weight: 9, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 120_000 }) },
  ),
  archive: fc.boolean(),
});

describe('desk numbers (property)', () => {
  it('desks 1–9 over many days, beside the numbers from before desks: no two alike, each parses back', () => {
    fc.assert(
      fc.property(fc.array(issueArb, { minLength: 1, maxLength: 400 }), (issues) => {
        const counters = new Map<string, number>();
        const issue = (key: string, jump: number) => {
          const seq = nextSeq(counters.get(key)) + jump;
          counters.set(key, seq);
          return seq;
        };
        const tracking = new Set<string>();
        const archive = new Set<string>();
        for (const i of issues) {
          const date = addDays(FIRST_DAY, i.day);
          const desk = i.desk === 0 ? undefined : i.desk;
          const seq = issue(counterKeyFor(CODE, date, desk), i.jump);
          // Before desks, a PC never issued 100,000 numbers a day.
          if (desk === undefined && seq > 99_999) continue;
          const no = formatTrackingNumber({ communityCode: CODE, date, seq, ...(desk ? { desk } : {}) });
          expect(tracking.has(no), no).toBe(false);
          tracking.add(no);
          expect(parseTrackingNumber(no)).toEqual({
            ok: true,
            communityCode: CODE,
            date,
            seq,
            ...(desk ? { desk } : {}),
          });
          if (!i.archive) continue;
          const year = Number(date.slice(0, 4));
          const aSeq = issue(archiveCounterKeyFor(CODE, year, desk), i.jump);
          if (desk === undefined && aSeq > 999_999) continue;
          const ano = formatArchiveNumber({ communityCode: CODE, year, seq: aSeq, ...(desk ? { desk } : {}) });
          expect(archive.has(ano), ano).toBe(false);
          archive.add(ano);
          expect(parseArchiveNumber(ano)).toEqual({
            ok: true,
            communityCode: CODE,
            year,
            seq: aSeq,
            ...(desk ? { desk } : {}),
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});

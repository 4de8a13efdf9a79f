import { describe, expect, it } from 'vitest';
import {
  TRACKING_MESSAGES,
  counterKeyFor,
  formatTrackingNumber,
  isValidCommunityCode,
  nextSeq,
  parseTrackingNumber,
  validateCommunityCode,
} from '../../../shared/domain/trackingNumber';
import { hasChinese, toFullWidth } from './helpers';

describe('community code', () => {
  it('accepts 2–8 upper-case letters/digits', () => {
    for (const c of ['YL', 'YLQ', 'A1', 'YUELU001', '12']) expect(isValidCommunityCode(c), c).toBe(true);
    for (const c of ['Y', 'YUELU0012', 'ylq', 'YL-Q', 'YL Q', '岳麓', ''])
      expect(isValidCommunityCode(c), c).toBe(false);
  });

  it('normalises admin input (trim, NFKC, upper-case)', () => {
    expect(validateCommunityCode(' ylq ')).toEqual({ ok: true, value: 'YLQ' });
    expect(validateCommunityCode(toFullWidth('ylq'))).toEqual({ ok: true, value: 'YLQ' });
  });

  it('rejects with Chinese messages', () => {
    expect(validateCommunityCode('')).toEqual({ ok: false, message: TRACKING_MESSAGES.communityCodeEmpty });
    for (const c of ['Y', 'YUELU0012', 'YL-Q', '岳麓社区']) {
      const r = validateCommunityCode(c);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toBe(TRACKING_MESSAGES.communityCodeFormat);
        expect(hasChinese(r.message)).toBe(true);
      }
    }
  });
});

describe('formatTrackingNumber', () => {
  it('formats code-YYYYMMDD-seq with 4-digit padding', () => {
    expect(formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', seq: 7 })).toBe('YLQ-20261124-0007');
    expect(formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', seq: 1 })).toBe('YLQ-20261124-0001');
    expect(formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', seq: 9999 })).toBe('YLQ-20261124-9999');
  });

  it('widens beyond 9999 instead of wrapping', () => {
    expect(formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', seq: 10000 })).toBe('YLQ-20261124-10000');
    expect(formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', desk: 2, seq: 10000 })).toBe(
      'YLQ-20261124-0210000',
    );
  });

  it('puts the desk as two digits at the head of the sequence: at most 2 characters longer', () => {
    const before = formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', seq: 7 });
    expect(formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', desk: 2, seq: 7 })).toBe(
      'YLQ-20261124-020007',
    );
    expect(formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', desk: 99, seq: 7 })).toBe(
      'YLQ-20261124-990007',
    );
    expect(formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', desk: 2, seq: 7 }).length).toBe(
      before.length + 2,
    );
    for (const desk of [0, 100, 1.5, -1])
      expect(() => formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', desk, seq: 1 })).toThrow(
        RangeError,
      );
  });

  it('throws on invalid parts', () => {
    expect(() => formatTrackingNumber({ communityCode: 'ylq', date: '2026-11-24', seq: 1 })).toThrow(RangeError);
    expect(() => formatTrackingNumber({ communityCode: 'YLQ', date: '2026-02-30', seq: 1 })).toThrow(RangeError);
    expect(() => formatTrackingNumber({ communityCode: 'YLQ', date: '20261124', seq: 1 })).toThrow(RangeError);
    for (const seq of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', seq })).toThrow(RangeError);
    }
  });
});

describe('parseTrackingNumber', () => {
  it('round-trips', () => {
    for (const seq of [1, 7, 42, 999, 9999, 10000, 10001, 99999, 1234567]) {
      for (const [communityCode, date] of [
        ['YLQ', '2026-11-24'],
        ['A1', '2000-02-29'],
        ['YUELU001', '2027-01-01'],
      ] as const) {
        for (const desk of [1, 2, 10, 99]) {
          const s = formatTrackingNumber({ communityCode, date, desk, seq });
          expect(parseTrackingNumber(s)).toEqual({ ok: true, communityCode, date, desk, seq });
        }
        // Numbers from before desks (no desk digits): every one a PC could have issued (< 100,000 a day).
        if (seq <= 99999) {
          const s = formatTrackingNumber({ communityCode, date, seq });
          expect(parseTrackingNumber(s)).toEqual({ ok: true, communityCode, date, seq });
        }
      }
    }
  });

  it('accepts lower-case, full-width and surrounding spaces', () => {
    const expected = { ok: true, communityCode: 'YLQ', date: '2026-11-24', seq: 7 };
    expect(parseTrackingNumber(' ylq-20261124-0007 ')).toEqual(expected);
    expect(parseTrackingNumber(toFullWidth('YLQ-20261124-0007'))).toEqual(expected);
  });

  it('rejects malformed numbers with Chinese messages', () => {
    const cases: [string, string][] = [
      ['', TRACKING_MESSAGES.trackingFormat],
      ['YLQ20261124-0007', TRACKING_MESSAGES.trackingFormat],
      ['YLQ-2026112-0007', TRACKING_MESSAGES.trackingFormat],
      ['YLQ-20261124-007', TRACKING_MESSAGES.trackingFormat],
      ['Y-20261124-0007', TRACKING_MESSAGES.trackingFormat],
      ['YLQ-20261124-0007-1', TRACKING_MESSAGES.trackingFormat],
      ['YLQ-20260230-0007', TRACKING_MESSAGES.trackingDate],
      ['YLQ-20261324-0007', TRACKING_MESSAGES.trackingDate],
      ['YLQ-20261124-0000', TRACKING_MESSAGES.trackingSeq],
      ['YLQ-20261124-01000', TRACKING_MESSAGES.trackingSeq], // non-canonical leading zero
      ['YLQ-20261124-000007', TRACKING_MESSAGES.trackingSeq], // desk 00
      ['YLQ-20261124-020000', TRACKING_MESSAGES.trackingSeq], // desk 02, sequence 0
      ['YLQ-20261124-0201000', TRACKING_MESSAGES.trackingSeq], // desk 02, non-canonical sequence
    ];
    for (const [input, message] of cases) {
      expect(parseTrackingNumber(input), input).toEqual({ ok: false, message });
      expect(hasChinese(message)).toBe(true);
    }
  });
});

describe('daily counter', () => {
  it('counterKeyFor is per community, desk and day', () => {
    expect(counterKeyFor('YLQ', '2026-11-24', 2)).toBe('YLQ-20261124-02');
    expect(counterKeyFor('YLQ', '2026-11-24', 3)).not.toBe(counterKeyFor('YLQ', '2026-11-24', 2));
    expect(counterKeyFor('YLQ', '2026-11-24')).toBe('YLQ-20261124');
    expect(
      formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', seq: 3 }).startsWith(
        `${counterKeyFor('YLQ', '2026-11-24')}-`,
      ),
    ).toBe(true);
    expect(counterKeyFor('YLQ', '2026-11-25')).not.toBe(counterKeyFor('YLQ', '2026-11-24'));
    expect(counterKeyFor('ABC', '2026-11-24')).not.toBe(counterKeyFor('YLQ', '2026-11-24'));
    expect(() => counterKeyFor('ylq', '2026-11-24')).toThrow(RangeError);
    expect(() => counterKeyFor('YLQ', '2026-11-31')).toThrow(RangeError);
  });

  it('nextSeq starts at 1 and increments', () => {
    expect(nextSeq(undefined)).toBe(1);
    expect(nextSeq(0)).toBe(1);
    expect(nextSeq(9999)).toBe(10000);
    expect(() => nextSeq(-1)).toThrow(RangeError);
    expect(() => nextSeq(1.5)).toThrow(RangeError);
  });
});

/** 交接班 (issue 26 item 3): the pure rules, by table. */
import { describe, expect, it } from 'vitest';
import {
  checkHandoverInput,
  factLine,
  nextDutyDay,
  orderedFacts,
  pendingNotes,
  readersOf,
  shiftSpan,
  signOutAsks,
  MAX_NOTE_CHARS,
} from '@shared/domain/handover';
import { createCalendar } from '@shared/domain/workingCalendar';
import type { HandoverNote, HandoverRead, OpeningHours } from '@shared/domain/records';

const HOURS: OpeningHours = { weekday: { start: '08:00', end: '18:00' }, weekend: { start: '09:00', end: '12:00' } };
const cal = createCalendar();

describe('the shift end of a day (opening hours × working calendar)', () => {
  it.each([
    ['2026-11-24', '18:00', 'an ordinary Tuesday'],
    ['2026-11-28', '12:00', 'a Saturday'],
    ['2026-10-01', '12:00', '国庆节 (a holiday, open by rota)'],
    ['2026-09-20', '18:00', 'a 调休 Sunday (a working day)'],
  ])('%s ends at %s: %s', (day, end) => {
    expect(shiftSpan(cal.describeDay(day).kind, HOURS).end).toBe(end);
  });
});

describe('whether a sign-out asks for a hand-over note', () => {
  const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  it.each([
    // onDuty, now, shiftEnd, wroteToday → asks
    [true, '17:45', '18:00', false, true], // in the last half hour
    [true, '17:30', '18:00', false, true], // the window's first minute
    [true, '17:29', '18:00', false, false], // mid-shift: asks nothing
    [true, '11:00', '18:00', false, false], // lunch
    [true, '19:10', '18:00', false, true], // stayed late
    [true, '11:40', '12:00', false, true], // a Saturday half day
    [true, '17:50', '18:00', true, false], // already wrote today's note
    [false, '17:50', '18:00', false, false], // on the 走访岗: never
  ])('on duty %s at %s (end %s, wrote %s) → %s', (onDuty, now, shiftEnd, wroteToday, asks) => {
    expect(signOutAsks({ onDuty, minutesNow: at(now), shiftEnd, wroteToday })).toBe(asks);
  });
});

describe('the day a note is for', () => {
  it.each([
    ['2026-11-24', ['2026-11-23', '2026-11-25', '2026-11-26'], '2026-11-25', 'the next duty day'],
    ['2026-11-27', ['2026-11-30', '2026-11-28'], '2026-11-28', 'Saturday is staffed'],
    ['2026-11-27', ['2026-11-30'], '2026-11-30', 'over a closed weekend'],
    ['2026-11-27', [], '2026-11-28', 'no rota yet: the next day'],
  ])('written %s with duty days %j → %s (%s)', (day, duty, forDay) => {
    expect(nextDutyDay(day, duty)).toBe(forDay);
  });
});

const note = (id: string, staffId: string, forDay: string, createdAt = 1): HandoverNote => ({
  id,
  staffId,
  day: forDay,
  forDay,
  facts: [],
  text: '',
  watch: [],
  createdAt,
  createdBy: staffId,
  updatedAt: createdAt,
  updatedBy: staffId,
});
const read = (noteId: string, staffId: string, at: number): HandoverRead => ({
  id: `${noteId}-${staffId}-${at}`,
  noteId,
  staffId,
  at,
  day: '',
});

describe('the notes a duty person must 签阅 before the 工作台', () => {
  const notes = [
    note('a', 'li', '2026-11-24', 1),
    note('b', 'li', '2026-11-25', 2),
    note('c', 'wang', '2026-11-25', 3),
    note('d', 'li', '2026-11-26', 4), // tomorrow's
    note('e', 'li', '2026-11-01', 0), // older than the lookback
  ];
  it.each<[string, string | undefined, HandoverRead[], string[], string]>([
    ['zhao', undefined, [], ['a', 'b', 'c'], 'no earlier duty day: the last two weeks up to today'],
    ['zhao', '2026-11-24', [], ['b', 'c'], 'since the previous duty day only'],
    ['zhao', undefined, [read('b', 'zhao', 9)], ['a', 'c'], 'a signed note is gone'],
    ['zhao', undefined, [read('b', 'wang', 9)], ['a', 'b', 'c'], 'another person signing is not mine'],
    ['wang', undefined, [], ['a', 'b'], 'a writer never signs their own'],
  ])('%s (previous %s, reads %j) → %j: %s', (staffId, previousDutyDay, reads, ids, _why) => {
    const got = pendingNotes(notes, reads, { staffId, today: '2026-11-25', previousDutyDay });
    expect(got.map((n) => n.id)).toEqual(ids);
  });

  it('who signed a note and when: each person once, their first 签阅', () => {
    const reads = [read('b', 'zhao', 20), read('b', 'qian', 10), read('b', 'zhao', 5), read('c', 'zhao', 1)];
    expect(readersOf('b', reads).map((r) => [r.staffId, r.at])).toEqual([
      ['zhao', 5],
      ['qian', 10],
    ]);
  });
});

describe('what a note holds', () => {
  it('lists the facts in one order, five numbers at most, and says there are more', () => {
    const refs = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
    const facts = orderedFacts([
      { kind: '待回访', count: 0, refs: [] },
      { kind: '已超期', count: 7, refs },
    ]);
    expect(facts.map((f) => f.kind)).toEqual(['已超期', '待回访']);
    expect(factLine(facts[0]!)).toBe('已超期的办件：7 件（A1、A2、A3、A4、A5 等）');
    expect(factLine(facts[1]!)).toBe('待回访：0 件');
  });

  it.each([
    [
      { text: '  街道9点回电  ', watch: ['', ' 王秀英低保 '] },
      { text: '街道9点回电', watch: ['王秀英低保'] },
    ],
    [
      { text: '回电 13812345678', watch: ['身份证 110101199003076515'] },
      { text: '回电 138****5678', watch: ['身份证 1101**********6515'] },
    ],
  ])('keeps %j as %j (trimmed, numbers masked)', (input, kept) => {
    const r = checkHandoverInput(input);
    expect(r).toEqual({ ok: true, value: kept });
  });

  it.each([
    [{ text: '字'.repeat(MAX_NOTE_CHARS + 1), watch: [] }, { text: '交接内容最多 1000 字' }],
    [{ text: '', watch: Array.from({ length: 11 }, () => '事') }, { watch: '需关注事项最多 10 条' }],
    [{ text: '', watch: ['长'.repeat(101)] }, { watch: '每条需关注事项最多 100 字' }],
  ])('refuses %# at its field in Chinese', (input, errors) => {
    expect(checkHandoverInput(input)).toEqual({ ok: false, errors });
  });
});

/** Issue 26 item 4: 错时服务 derived from the records made outside standard hours, by table. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS } from '../../../shared/domain/community';
import {
  checkOffHoursLine,
  offHoursPartAt,
  offHoursSpans,
  offHoursTable,
  offHoursTotals,
  type OffHoursInputs,
} from '../../../shared/domain/offHours';
import type { OffHoursLine } from '../../../shared/domain/records';
import { createCalendar } from '../../../shared/domain/workingCalendar';

const calendar = createCalendar();
const hours = DEFAULT_OPENING_HOURS; // weekdays 08:00–18:00
/** A local instant of a day at 'HH:MM' (the machine's time zone, as the app's days are). */
const at = (day: string, time: string) => new Date(`${day}T${time}:00`).getTime();
const m = (staffId: string, day: string, time: string) => ({ staffId, day, at: at(day, time) });
const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

describe('which moments are outside standard hours', () => {
  it.each([
    ['2026-10-12', '09:00', null, 'an ordinary Monday within opening hours'],
    ['2026-10-12', '07:59', 'early', 'before opening'],
    ['2026-10-12', '18:00', 'evening', 'closing time itself'],
    ['2026-10-12', '17:59', null, 'the last minute open'],
    ['2026-10-17', '10:00', 'restDay', 'an ordinary Saturday, even within the weekend opening hours'],
    ['2026-10-10', '10:00', null, 'a 调休 Saturday (a working day) within opening hours'],
    ['2026-10-10', '19:30', 'evening', 'a 调休 Saturday evening'],
    ['2026-10-01', '10:00', 'restDay', '国庆节 (a Thursday holiday)'],
  ] as const)('%s %s → %s (%s)', (day, time, part, _why) => {
    expect(offHoursPartAt(day, minute(time), calendar, hours)).toBe(part);
  });
});

describe('the spans of off-hours time a read covers (offHoursSpans)', () => {
  /** Whether 'YYYY-MM-DDTHH:MM' lies in one of the spans. */
  const covered = (spans: readonly { start: string; end: string }[], t: string) =>
    spans.some((s) => s.start <= t && t < s.end);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const days = (from: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      new Date(Date.parse(`${from}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    );

  it.each([
    ['standard hours 08:00–18:00', DEFAULT_OPENING_HOURS],
    ['opening at midnight (no early part)', { ...DEFAULT_OPENING_HOURS, weekday: { start: '00:00', end: '17:30' } }],
    [
      'closing before opening (every minute off-hours)',
      { ...DEFAULT_OPENING_HOURS, weekday: { start: '18:00', end: '08:00' } },
    ],
  ])('%s: every minute of National Day 2026 and its 调休 days is covered exactly when it is 错时', (_what, h) => {
    // 2026-09-26 … 2026-10-12: ordinary weeks, the 国庆 holidays and the 调休 Saturday 10-10.
    const span = days('2026-09-26', 17);
    const spans = offHoursSpans(span[0]!, span[span.length - 1]!, calendar, h);
    for (const day of span)
      for (let m = 0; m < 24 * 60; m += 1)
        expect(covered(spans, `${day}T${hhmm(m)}`), `${day} ${hhmm(m)}`).toBe(
          offHoursPartAt(day, m, calendar, h) !== null,
        );
    expect(covered(spans, `2026-09-25T23:59`)).toBe(false); // nothing outside the days asked for
    expect(covered(spans, `2026-10-13T00:00`)).toBe(false);
    // In order, apart, never empty: few reads.
    for (const [i, s] of spans.entries()) {
      expect(s.start < s.end).toBe(true);
      if (i > 0) expect(spans[i - 1]!.end < s.start).toBe(true);
    }
  });

  it('a weekend and the evening and early hours around it are one span; a working day adds one', () => {
    expect(offHoursSpans('2026-10-16', '2026-10-19', calendar, hours)).toEqual([
      { start: '2026-10-16T00:00', end: '2026-10-16T08:00' },
      { start: '2026-10-16T18:00', end: '2026-10-19T08:00' },
      { start: '2026-10-19T18:00', end: '2026-10-20T00:00' },
    ]);
    expect(offHoursSpans('2026-10-17', '2026-10-17', calendar, hours)).toEqual([
      { start: '2026-10-17T00:00', end: '2026-10-18T00:00' },
    ]);
  });
});

const line = (over: Partial<OffHoursLine>): OffHoursLine => ({
  id: 'l1',
  staffId: 'a',
  day: '2026-10-13',
  start: '19:00',
  end: '20:30',
  content: '电话答复居民咨询',
  at: 0,
  ...over,
});

const inputs = (over: Partial<OffHoursInputs>): OffHoursInputs => ({
  from: '2026-10-01',
  to: '2026-10-31',
  staff: [
    { id: 'a', name: '李明' },
    { id: 'b', name: '王芳' },
  ],
  rota: [],
  homeVisits: [],
  visits: [],
  caseEvents: [],
  lines: [],
  calendar,
  hours,
  ...over,
});

describe('the table of a month, per person', () => {
  it('counts 值班天数 from the rota: 值班岗 days only, each day once, inside the month', () => {
    const rows = offHoursTable(
      inputs({
        rota: [
          { staffId: 'a', day: '2026-10-12', post: '值班岗' },
          { staffId: 'a', day: '2026-10-12', post: '值班岗' }, // the same day twice (two desks' rows)
          { staffId: 'a', day: '2026-10-13', post: '走访岗' },
          { staffId: 'a', day: '2026-09-30', post: '值班岗' }, // last month
          { staffId: 'b', day: '2026-10-14', post: '值班岗' },
        ],
      }),
    );
    expect(rows.map((r) => [r.name, r.dutyDays])).toEqual([
      ['李明', 1],
      ['王芳', 1],
    ]);
  });

  it('counts 走访天数 as distinct days with a 走访 entry', () => {
    const rows = offHoursTable(
      inputs({
        homeVisits: [m('a', '2026-10-12', '09:00'), m('a', '2026-10-12', '15:00'), m('a', '2026-10-13', '10:00')],
      }),
    );
    expect(rows[0]).toMatchObject({ visitDays: 2, occasions: 0 });
  });

  it('counts 错时服务次数 as occasions (person × day × part), across a 调休 Saturday and a holiday', () => {
    const rows = offHoursTable(
      inputs({
        visits: [
          m('a', '2026-10-10', '10:00'), // 调休 Saturday, open: not off-hours
          m('a', '2026-10-10', '18:30'), // 调休 Saturday evening: one
          m('a', '2026-10-01', '09:30'), // 国庆节: one …
          m('b', '2026-10-17', '09:15'), // ordinary Saturday: one for 王芳
        ],
        caseEvents: [
          m('a', '2026-10-01', '09:31'), // … the 受理 of that visit: the same occasion
          m('a', '2026-10-12', '07:30'), // a Monday before opening: one
          m('a', '2026-10-12', '12:00'), // within hours: none
        ],
        homeVisits: [m('b', '2026-10-17', '10:30')], // the same Saturday: the same occasion
      }),
    );
    const [li, wang] = rows;
    expect(li!.detail).toEqual([
      { day: '2026-10-01', part: 'restDay', sources: ['来访登记', '办件'] },
      { day: '2026-10-10', part: 'evening', sources: ['来访登记'] },
      { day: '2026-10-12', part: 'early', sources: ['办件'] },
    ]);
    expect(li!.occasions).toBe(3);
    expect(wang).toMatchObject({ occasions: 1, visitDays: 1, lineOnly: 0 });
    expect(offHoursTotals(rows)).toEqual({ occasions: 4, people: 2, restDayOccasions: 2, dutyDays: 0 });
  });

  it('an added line counts once, and not again where the records already show that occasion', () => {
    const rows = offHoursTable(
      inputs({
        visits: [m('a', '2026-10-13', '18:40')],
        lines: [
          line({ id: 'l1' }), // 19:00–20:30 the same evening: already counted
          line({ id: 'l2', day: '2026-10-14', start: '17:30', end: '19:00' }), // runs past closing: 晚间
          line({ id: 'l3', day: '2026-11-02' }), // next month
        ],
      }),
    );
    expect(rows[0]).toMatchObject({ occasions: 2, lineOnly: 1 });
    expect(rows[0]!.detail.map((o) => [o.day, o.part, o.sources])).toEqual([
      ['2026-10-13', 'evening', ['来访登记', '补充登记']],
      ['2026-10-14', 'evening', ['补充登记']],
    ]);
  });

  it('lists a person the records name but the staff list does not, after the others', () => {
    const rows = offHoursTable(inputs({ visits: [m('gone', '2026-10-17', '10:00')] }));
    expect(rows.map((r) => [r.staffId, r.name, r.occasions])).toEqual([
      ['a', '李明', 0],
      ['b', '王芳', 0],
      ['gone', '（已停用人员）', 1],
    ]);
  });
});

describe('an added line', () => {
  const ctx = { today: '2026-10-20', calendar, hours };
  const base = { day: '2026-10-13', start: '19:00', end: '20:30', content: '晚间调解邻里纠纷' };

  it.each([
    [{ day: '2026-13-01' }, 'day', '请填写日期（YYYY-MM-DD）'],
    [{ day: '2026-10-21' }, 'day', '不能登记今天以后的服务'],
    [{ start: '25:00' }, 'start', '请填写开始时间（如 19:30）'],
    [{ end: '18:00' }, 'end', '结束时间应晚于开始时间'],
    [{ content: '  ' }, 'content', '请写明做了什么'],
    [{ content: '字'.repeat(201) }, 'content', '服务内容最多 200 字'],
    [{ start: '09:00', end: '17:00' }, 'start', '该时段在标准工作时间（工作日 08:00–18:00）之内，不算错时服务'],
    [
      { day: '2026-10-10', start: '10:00', end: '11:00' },
      'start',
      '该时段在标准工作时间（工作日 08:00–18:00）之内，不算错时服务',
    ],
  ])('%o → %s: %s', (over, field, message) => {
    expect(checkOffHoursLine({ ...base, ...over }, ctx)).toEqual({ ok: false, field, message });
  });

  it.each([
    [{}, 'evening'],
    [{ start: '１９：００', end: '2030' }, 'evening'], // full-width and bare digits are normalised
    [{ day: '2026-10-17', start: '10:00', end: '11:00' }, 'restDay'],
    [{ day: '2026-10-01', start: '10:00', end: '11:00' }, 'restDay'],
    [{ start: '07:00', end: '08:30' }, 'early'],
  ])('%o is 错时 (%s)', (over, part) => {
    const r = checkOffHoursLine({ ...base, ...over }, ctx);
    expect(r).toMatchObject({ ok: true, part });
  });
});

/** 值班表 rules, by table: the minimum on duty, the closed day, holiday duty, leave, a swap, 复制上周. */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../shared/domain/workingCalendar';
import type { OpeningHours } from '../../../shared/domain/records';
import {
  checkDays,
  copyWeek,
  dayOpening,
  doubleBooked,
  planSwap,
  refuseCell,
  rotaSettings,
  validateRotaSettings,
  weekDays,
  weekStart,
  weekdayName,
  type RotaCell,
} from '../../../shared/domain/rota';

const HALF_DAY: OpeningHours = { weekday: { start: '08:00', end: '18:00' }, weekend: { start: '09:00', end: '12:00' } };
const NO_WEEKEND: OpeningHours = { ...HALF_DAY, weekend: { start: '00:00', end: '00:00' } };
const FULL_DAY: OpeningHours = { ...HALF_DAY, weekend: { start: '09:00', end: '17:00' } };
// 2027 is not in the bundled data: these overrides are the whole calendar of the test week.
const calendar = createCalendar({
  overrides: [
    { date: '2027-03-01', kind: 'holiday', name: '测试假日' }, // a Monday off
    { date: '2027-03-06', kind: 'workday', name: '调休补班' }, // that Saturday worked
  ],
});
const WEEK = weekDays('2027-03-01');

describe('dayOpening: the kind of day and the hours', () => {
  it.each([
    ['2027-03-01', HALF_DAY, false, undefined, 'holiday'], // 法定节假日: closed
    ['2027-03-02', HALF_DAY, true, '08:00', 'workday'],
    ['2027-03-06', NO_WEEKEND, true, '08:00', 'makeupWorkday'], // 调休 Saturday: weekday hours
    ['2027-03-07', HALF_DAY, true, '09:00', 'weekend'],
    ['2027-03-07', NO_WEEKEND, false, undefined, 'weekend'], // no weekend hours: closed
    ['2027-03-07', FULL_DAY, true, '09:00', 'weekend'],
  ] as const)('%s', (day, hours, open, start, kind) => {
    const o = dayOpening(day, hours, calendar);
    expect([o.open, o.hours?.start, o.kind]).toEqual([open, start, kind]);
  });
});

const cell = (day: string, staffId: string, post: RotaCell['post'], leaveType?: RotaCell['leaveType']): RotaCell => ({
  day,
  staffId,
  post,
  ...(leaveType ? { leaveType } : {}),
});

describe('checkDays: at least N on the 值班岗 on an open day', () => {
  const openings = WEEK.map((d) => dayOpening(d, NO_WEEKEND, calendar));
  it.each([
    // day, people on 值班岗, N, flagged
    ['2027-03-02', 2, 2, false],
    ['2027-03-02', 1, 2, true],
    ['2027-03-02', 0, 2, true],
    ['2027-03-02', 2, 3, true],
    ['2027-03-06', 1, 2, true], // 调休 Saturday is open
    ['2027-03-07', 0, 2, false], // closed Sunday needs none
    ['2027-03-01', 0, 2, false], // holiday needs none
  ] as const)('%s with %i on duty, N=%i → flagged %s', (day, n, min, flagged) => {
    const cells = [
      ...Array.from({ length: n }, (_, i) => cell(day, `s${i}`, '值班岗')),
      cell(day, 'v', '走访岗'),
      cell(day, 'l', '请假', '病假'),
    ];
    const check = checkDays(openings, cells, min).find((c) => c.day === day)!;
    expect([check.onDuty, check.belowMinimum]).toEqual([n, flagged]);
  });

  it('marks holiday duty: a 值班岗 on a 法定节假日', () => {
    const checks = checkDays(openings, [cell('2027-03-01', 'a', '值班岗'), cell('2027-03-02', 'a', '值班岗')], 2);
    expect(checks.map((c) => c.holidayDuty)).toEqual([1, 0, 0, 0, 0, 0, 0]);
  });
});

describe('a cell: one post, leave with its type', () => {
  it.each([
    [cell('2027-03-02', 'a', '值班岗'), null],
    [cell('2027-03-02', 'a', '请假', '年休假'), null],
    [cell('2027-03-02', 'a', '请假'), 'leaveType'],
    [cell('2027-03-02', 'a', '值班岗', '病假'), 'leaveType'],
    [{ day: '2027-03-02', staffId: 'a', post: '加班' } as unknown as RotaCell, 'post'],
  ] as const)('%o → %s', (c, field) => {
    expect(refuseCell(c)?.field ?? null).toBe(field);
  });

  it('one person is never on two posts of one day', () => {
    const twice = [
      cell('2027-03-02', 'a', '值班岗'),
      cell('2027-03-02', 'a', '走访岗'),
      cell('2027-03-02', 'b', '值班岗'),
    ];
    expect(doubleBooked(twice).map((c) => c.post)).toEqual(['值班岗', '走访岗']);
    expect(doubleBooked([{ ...cell('2027-03-02', 'a', '值班岗'), id: '2027-03-03|a' }])).toHaveLength(1);
    expect(doubleBooked([{ ...cell('2027-03-02', 'a', '值班岗'), id: '2027-03-02|a' }])).toEqual([]);
  });
});

describe('planSwap: both named, posts traded', () => {
  const cells = [
    cell('2027-03-02', 'a', '值班岗'),
    cell('2027-03-02', 'b', '走访岗'),
    cell('2027-03-06', 'a', '休息'),
    cell('2027-03-06', 'b', '值班岗'),
    cell('2027-03-03', 'a', '值班岗'),
    cell('2027-03-03', 'b', '值班岗'),
    cell('2027-03-04', 'a', '请假', '事假'),
    cell('2027-03-04', 'b', '值班岗'),
  ];
  const cellOf = (day: string, staffId: string) => cells.find((c) => c.day === day && c.staffId === staffId);
  const posts = (r: ReturnType<typeof planSwap>) =>
    r.ok ? r.cells.map((c) => `${c.day.slice(8)}${c.staffId}${c.post}`) : r.field;

  it.each([
    ['same day', { staffA: 'a', dayA: '2027-03-02', staffB: 'b', dayB: '2027-03-02' }, ['02a走访岗', '02b值班岗']],
    [
      'two days',
      { staffA: 'a', dayA: '2027-03-02', staffB: 'b', dayB: '2027-03-06' },
      ['02a走访岗', '02b值班岗', '06a值班岗', '06b休息'],
    ],
    ['one side unnamed', { staffA: 'a', dayA: '2027-03-02', staffB: '', dayB: '2027-03-02' }, 'staffB'],
    ['with oneself', { staffA: 'a', dayA: '2027-03-02', staffB: 'a', dayB: '2027-03-06' }, 'staffB'],
    ['on leave', { staffA: 'a', dayA: '2027-03-04', staffB: 'b', dayB: '2027-03-04' }, 'staffA'],
    ['not drawn up', { staffA: 'a', dayA: '2027-03-05', staffB: 'b', dayB: '2027-03-05' }, 'staffA'],
    ['changes nothing', { staffA: 'a', dayA: '2027-03-03', staffB: 'b', dayB: '2027-03-03' }, 'dayB'],
  ] as const)('%s', (_, input, expected) => {
    expect(posts(planSwap(input, cellOf))).toEqual(expected);
  });

  it('refusals are Chinese', () => {
    const r = planSwap({ staffA: 'a', dayA: '2027-03-04', staffB: 'b', dayB: '2027-03-04' }, cellOf);
    expect(r.ok ? '' : r.reason).toBe('请假的人不能换班');
  });
});

describe('copyWeek: last week seven days on', () => {
  it('copies posts, not leave, not people gone, and keeps leave already entered', () => {
    const last = [
      cell('2027-02-22', 'a', '值班岗'),
      cell('2027-02-22', 'b', '请假', '病假'),
      cell('2027-02-23', 'gone', '值班岗'),
      cell('2027-02-27', 'a', '休息'),
      cell('2027-02-27', 'b', '值班岗'),
    ];
    const thisWeek = [cell('2027-03-06', 'b', '请假', '年休假')];
    expect(copyWeek(last, thisWeek, new Set(['a', 'b']))).toEqual([
      cell('2027-03-01', 'a', '值班岗'),
      cell('2027-03-06', 'a', '休息'),
    ]);
  });
});

describe('week and settings', () => {
  it.each([
    ['2027-03-01', '2027-03-01'],
    ['2027-03-07', '2027-03-01'],
    ['2027-03-08', '2027-03-08'],
  ])('weekStart(%s) = %s', (d, m) => expect(weekStart(d)).toBe(m));
  it('names the days', () => expect(WEEK.map(weekdayName).join('')).toBe('周一周二周三周四周五周六周日'));
  it('defaults N = 2 and swaps need approval; N out of range is refused at its field', () => {
    expect(rotaSettings(undefined)).toEqual({ minOnDuty: 2, swapsNeedApproval: true });
    expect(rotaSettings({ rota: { minOnDuty: 3, swapsNeedApproval: false } }).minOnDuty).toBe(3);
    expect(validateRotaSettings({ minOnDuty: 0, swapsNeedApproval: true })?.field).toBe('minOnDuty');
    expect(validateRotaSettings({ minOnDuty: 2.5, swapsNeedApproval: true })?.field).toBe('minOnDuty');
    expect(validateRotaSettings({ minOnDuty: 3, swapsNeedApproval: false })).toBeNull();
  });
});

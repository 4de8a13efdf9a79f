/** 走访记录's pure rules, by table: the entry, the 10-day count, households per zone, the unvisited list. */
import { describe, expect, it } from 'vitest';
import {
  careKeysOf,
  careVisitDifferences,
  careVisitRowOf,
  keyedRow,
  lastCurrentDay,
  positionOf,
  residentIdOfCareKey,
  unvisitedRange,
  unvisitedRowOf,
  withLastDay,
  currentEntries,
  householdOf,
  quarterRange,
  shareText,
  validateHomeVisit,
  zoneDaysOfMonth,
  zoneHouseholds,
  type HomeVisitInput,
} from '@shared/domain/homeVisits';

const TODAY = '2026-12-04';
const GRIDS = ['g1', 'g2'];
const ok: HomeVisitInput = {
  day: TODAY,
  address: '3栋2单元501',
  gridId: 'g1',
  purpose: '政策宣传',
  found: '讲解医保缴费',
  followUp: '',
  then: { kind: '无' },
};

describe('validateHomeVisit', () => {
  it.each<[string, Partial<HomeVisitInput>, Record<string, string>]>([
    ['a complete entry', {}, {}],
    ['a day in the future', { day: '2026-12-05' }, { day: '走访日期不能晚于今天' }],
    ['a day too long ago', { day: '2026-11-02' }, { day: '只能补记 31 天内的走访' }],
    ['31 days back is allowed', { day: '2026-11-03' }, {}],
    ['neither resident nor address', { address: ' ' }, { household: '请从居民档案中选定居民，或填写走访地址' }],
    ['a resident, no address', { address: undefined, residentId: 'r1' }, {}],
    ['a phone in the address', { address: '3栋 13812345678' }, { household: '地址中不要写身份证号或电话号码' }],
    ['a zone not of the community', { gridId: 'g9' }, { gridId: '请选择网格' }],
    ['no purpose', { purpose: '' }, { purpose: '请选择走访目的' }],
    ['nothing found', { found: '  ' }, { found: '请填写走访情况' }],
    [
      'an ID number in what was found',
      { found: '身份证 110101199003071234' },
      { found: '走访情况中不要写身份证号或电话号码' },
    ],
    [
      'a problem without a category',
      { then: { kind: '问题', title: '楼道灯坏了', category: '' } },
      { problemCategory: '请选择问题类别' },
    ],
    [
      'a problem without a title',
      { then: { kind: '问题', title: '灯', category: '物业管理' } },
      { problemTitle: '请用一句话写明问题（至少 2 个字）' },
    ],
    [
      'a visit of a matter needs a resident',
      { then: { kind: '来访', matterCode: 'M1' } },
      { matter: '登记来访办件须选定居民' },
    ],
    [
      'a visit needs its matter',
      { residentId: 'r1', then: { kind: '来访', matterCode: '' } },
      { matter: '请选择事项' },
    ],
    [
      '帮代办 needs a resident',
      { then: { kind: '帮代办', request: '代缴医保' } },
      { proxyRequest: '帮代办须选定居民' },
    ],
    [
      '帮代办 needs what to do',
      { residentId: 'r1', then: { kind: '帮代办', request: '' } },
      { proxyRequest: '请填写居民需要代办什么' },
    ],
  ])('%s', (_name, patch, errors) => {
    expect(validateHomeVisit({ ...ok, ...patch }, TODAY, GRIDS)).toEqual(errors);
  });
});

describe('householdOf and currentEntries', () => {
  it.each([
    [{ resident: { id: 'r1', building: '3栋', unit: '2单元', room: '501' } }, '3栋-2单元-501'],
    [{ resident: { id: 'r1' } }, '居民:r1'],
    [{ address: ' 3栋 2单元 501 ' }, '3栋2单元501'],
    [{ address: '３栋' }, '3栋'],
  ])('%j → %s', (input, key) => expect(householdOf(input)).toBe(key));

  it('leaves out an entry a later one corrects, keeps the correction', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c', corrects: 'a' }];
    expect(currentEntries(rows).map((r) => r.id)).toEqual(['b', 'c']);
  });
});

const e = (day: string, staffId: string, gridId: string, household = 'h') => ({ day, staffId, gridId, household });

describe('zoneDaysOfMonth: days in the zone against the 10-day target', () => {
  const staff = [
    { id: 'wang', grids: ['g1'] },
    { id: 'li', grids: ['g2'] },
    { id: 'new', grids: [] },
  ];
  it.each<[string, ReturnType<typeof e>[], { staffId: string; days: number; elsewhere: number; met: boolean }[]]>([
    [
      'two visits on one day count one day',
      [e('2026-12-01', 'wang', 'g1'), e('2026-12-01', 'wang', 'g1', 'h2')],
      [
        { staffId: 'wang', days: 1, elsewhere: 0, met: false },
        { staffId: 'li', days: 0, elsewhere: 0, met: false },
        { staffId: 'new', days: 0, elsewhere: 0, met: false },
      ],
    ],
    [
      'a day outside the zone is not counted, shown apart',
      [e('2026-12-01', 'li', 'g1'), e('2026-12-02', 'li', 'g2')],
      [
        { staffId: 'wang', days: 0, elsewhere: 0, met: false },
        { staffId: 'li', days: 1, elsewhere: 1, met: false },
        { staffId: 'new', days: 0, elsewhere: 0, met: false },
      ],
    ],
    [
      'ten days meet the target; other months do not count',
      [
        ...Array.from({ length: 10 }, (_, i) => e(`2026-12-${String(i + 1).padStart(2, '0')}`, 'wang', 'g1')),
        e('2026-11-30', 'wang', 'g1'),
        e('2027-01-01', 'wang', 'g1'),
      ],
      [
        { staffId: 'wang', days: 10, elsewhere: 0, met: true },
        { staffId: 'li', days: 0, elsewhere: 0, met: false },
        { staffId: 'new', days: 0, elsewhere: 0, met: false },
      ],
    ],
  ])('%s', (_name, entries, rows) => {
    expect(zoneDaysOfMonth(entries, staff, '2026-12').map(({ target: _t, ...r }) => r)).toEqual(rows);
  });

  it('nine days fall short', () => {
    const nine = Array.from({ length: 9 }, (_, i) => e(`2026-02-${String(i + 20).padStart(2, '0')}`, 'wang', 'g1'));
    expect(zoneDaysOfMonth(nine, staff, '2026-02')[0]).toMatchObject({ days: 9, met: false, target: 10 });
  });
});

describe('zoneHouseholds: households visited this month and quarter', () => {
  const grids = [
    { id: 'g1', name: '一网格', households: 400 },
    { id: 'g2', name: '二网格' },
  ];
  it('counts each household once, the quarter from its first month', () => {
    const entries = [
      e('2026-12-01', 'wang', 'g1', 'A'),
      e('2026-12-03', 'li', 'g1', 'A'),
      e('2026-12-03', 'wang', 'g1', 'B'),
      e('2026-10-01', 'wang', 'g1', 'C'),
      e('2026-09-30', 'wang', 'g1', 'D'),
      e('2026-12-02', 'li', 'g2', 'E'),
    ];
    expect(zoneHouseholds(entries, grids, '2026-12')).toEqual([
      { gridId: 'g1', month: 2, quarter: 3, households: 400 },
      { gridId: 'g2', month: 1, quarter: 1 },
    ]);
  });
  it.each([
    ['2026-01', '2026-01-01', '2026-03-31'],
    ['2026-05', '2026-04-01', '2026-06-30'],
    ['2026-12', '2026-10-01', '2026-12-31'],
    ['2028-02', '2028-01-01', '2028-03-31'],
  ])('quarter of %s is %s … %s', (month, from, to) => expect(quarterRange(month)).toEqual({ from, to }));
  it.each([
    [2, 400, '0.5%'],
    [2, undefined, '—'],
    [0, 0, '—'],
  ])('share %d of %s is %s', (v, h, text) => expect(shareText(v, h)).toBe(text));
});

describe('超期未走访 keys and pages (unvisited.ts)', () => {
  const base = { id: 'r1', gridId: 'g1', tags: ['独居老人', '党员', '独居老人'] };
  it.each([
    ['on file', base, ['g1\u001f独居老人\u001fr1', 'g1\u001f党员\u001fr1']],
    ['no 网格', { ...base, gridId: undefined }, ['\u001f独居老人\u001fr1', '\u001f党员\u001fr1']],
    ['已迁出', { ...base, status: '已迁出' as const }, []],
    ['已故', { ...base, status: '已故' as const }, []],
    ['a tombstone', { ...base, deleted: { at: 1, by: 's', reason: '删除' } as never }, []],
    ['no tag', { ...base, tags: [] }, []],
  ])('careKeysOf %s', (_, r, keys) => expect(careKeysOf(r)).toEqual(keys));

  const REGISTER = new Set(['独居老人', '高龄']);
  it('a kept row: its zone and tags; ONE key when a tag is on the register, none without careKeys', () => {
    expect(careVisitRowOf(careKeysOf(base), '2026-10-01', REGISTER)).toEqual({
      residentId: 'r1',
      lastDay: '2026-10-01',
      zone: 'g1',
      tags: ['党员', '独居老人'],
      key: 'g1\u001f2026-10-01\u001fr1',
    });
    // Two register tags: still one key.
    expect(careVisitRowOf(careKeysOf({ ...base, tags: ['独居老人', '高龄'] }), undefined, REGISTER)).toEqual({
      residentId: 'r1',
      zone: 'g1',
      tags: ['独居老人', '高龄'],
      key: 'g1\u001f\u001fr1',
    });
    // No register tag: a row (its day kept) with no key — in no range.
    expect(careVisitRowOf(careKeysOf({ ...base, tags: ['党员'] }), '2026-10-01', REGISTER)).toEqual({
      residentId: 'r1',
      lastDay: '2026-10-01',
      zone: 'g1',
      tags: ['党员'],
    });
    expect(careVisitRowOf(careKeysOf({ ...base, gridId: undefined }), undefined, REGISTER)?.key).toBe('\u001f\u001fr1');
    expect(careVisitRowOf(careKeysOf({ ...base, status: '已迁出' as const }), '2026-10-01', REGISTER)).toBeUndefined();
    expect(residentIdOfCareKey(careKeysOf(base)[0]!)).toBe('r1');
  });

  it('a row re-keyed for another register, and moved to another day, keyed as it was', () => {
    const row = careVisitRowOf(careKeysOf(base), '2026-10-01', REGISTER)!;
    expect(keyedRow(row, new Set(['党员']))).toEqual(row);
    const off = keyedRow(row, new Set(['重病']));
    expect(off).not.toHaveProperty('key');
    expect(keyedRow(off, REGISTER)).toEqual(row);
    expect(withLastDay(row, '2026-11-02')).toEqual({
      ...row,
      lastDay: '2026-11-02',
      key: 'g1\u001f2026-11-02\u001fr1',
    });
    expect(withLastDay(row, undefined)).toEqual({
      residentId: 'r1',
      zone: 'g1',
      tags: row.tags,
      key: 'g1\u001f\u001fr1',
    });
    expect(withLastDay(off, '2026-11-02')).toEqual({ ...off, lastDay: '2026-11-02' });
  });

  it('a zone range up to the window, from a position on; the position of a row', () => {
    expect(unvisitedRange('g1', '2026-11-04')).toEqual({
      lower: 'g1\u001f',
      upper: 'g1\u001f2026-11-04',
      includeLower: true,
    });
    const row = careVisitRowOf(careKeysOf({ ...base, tags: ['高龄'] }), '2026-11-03', REGISTER)!;
    const key = row.key!;
    const position = positionOf(row);
    expect(position).toBe('2026-11-03\u001fr1');
    const r = unvisitedRange('g1', '2026-11-04', position);
    expect(r).toMatchObject({ lower: key, includeLower: false });
    // In the range: a day before the window's first; out: that day itself (a visit in the window).
    expect(key > r.lower || key === r.lower).toBe(true);
    expect(key < r.upper).toBe(true);
    const visited = careVisitRowOf(careKeysOf({ ...base, tags: ['高龄'] }), '2026-11-04', REGISTER)!.key!;
    expect(visited < r.upper).toBe(false);
    // Never visited sorts before every day; another zone whose id starts the same is out of range.
    const never = careVisitRowOf(careKeysOf({ ...base, tags: ['高龄'] }), undefined, REGISTER)!.key!;
    expect(never < key).toBe(true);
    expect(positionOf(withLastDay(row, undefined))).toBe('\u001fr1');
    const g10 = careVisitRowOf(careKeysOf({ ...base, gridId: 'g10', tags: ['高龄'] }), undefined, REGISTER)!.key!;
    const whole = unvisitedRange('g1', '2026-11-04');
    expect(g10 >= whole.lower && g10 < whole.upper).toBe(false);
  });

  it.each([
    ['never visited', { residentId: 'r' }, { residentId: 'r' }],
    [
      'last visit a month ago',
      { residentId: 'r', lastDay: '2026-11-01' },
      { residentId: 'r', lastDay: '2026-11-01', daysSince: 33 },
    ],
  ])('unvisitedRowOf: %s', (_, kept, row) => expect(unvisitedRowOf(kept, TODAY)).toEqual(row));

  it.each([
    ['no entry', [], [], undefined],
    [
      'the latest',
      [
        { id: 'a', day: '2026-01-02' },
        { id: 'b', day: '2026-03-01' },
      ],
      [],
      '2026-03-01',
    ],
    [
      'the latest corrected away',
      [
        { id: 'a', day: '2026-01-02' },
        { id: 'b', day: '2026-03-01' },
      ],
      ['b'],
      '2026-01-02',
    ],
    ['all corrected away', [{ id: 'a', day: '2026-01-02' }], ['a'], undefined],
  ])('lastCurrentDay: %s', (_, entries, gone, day) =>
    expect(lastCurrentDay(entries, (id) => gone.includes(id))).toBe(day),
  );

  it('careVisitDifferences: missing, wrong and unwanted rows', () => {
    const row = (id: string, day?: string) => careVisitRowOf(careKeysOf({ ...base, id }), day, REGISTER)!;
    const want = new Map([
      ['a', row('a', '2026-01-01')],
      ['b', row('b')],
      ['c', row('c', '2026-02-02')],
    ]);
    expect(careVisitDifferences([row('a', '2026-01-01'), row('b'), row('c', '2026-02-02')], want)).toEqual([]);
    expect(careVisitDifferences([row('a', '2026-01-01'), row('c', '2026-02-01'), row('d')], want)).toEqual([
      'b',
      'c',
      'd',
    ]);
    // Keyed for another register: differs too.
    expect(
      careVisitDifferences([keyedRow(row('a', '2026-01-01'), new Set()), row('b'), row('c', '2026-02-02')], want),
    ).toEqual(['a']);
  });
});

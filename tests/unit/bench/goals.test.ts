/**
 * The benchmarks' judge (bench/goals.mjs): which rows a goal covers, at which sizes, and the
 * verdict of each measure — the table `npm run bench` ends with and exits on.
 */
import { describe, expect, it } from 'vitest';
import { GOALS, judge, nameKey, type Figure, type Goal } from '../../../bench/goals.mjs';

const fig = (size: string, name: string, p50: number, extra: Partial<Figure> = {}): Figure => ({
  size,
  name,
  p50,
  p95: extra.p95 ?? p50,
  ...extra,
});

const goal = (g: Partial<Goal> & Pick<Goal, 'match' | 'measure' | 'max'>): Goal => ({
  id: 'g',
  example: '',
  what: 'goal',
  ...g,
});

describe('bench goals', () => {
  it('matches rows by their name without the parenthesised counts', () => {
    expect(nameKey('材料在外 首页 (123)')).toBe('材料在外 首页');
    expect(nameKey('周报 2026-03-02 (4,210 条) 导出 Excel')).toBe('周报 2026-03-02 导出 Excel');
    expect(nameKey('来访登记 → 另一窗口的 Dexie (subject)')).toBe('来访登记 → 另一窗口的 Dexie');
  });

  it('judges a ratio against the bare baseline, and a row without a baseline is not judged by it', () => {
    const g = goal({ match: /^问题库 首页$/, measure: 'ratio50', max: 3 });
    const { verdicts } = judge(
      [
        fig('tenth', '问题库 首页 (50)', 6, { baseP50: 3 }),
        fig('full', '问题库 首页 (50)', 12, { baseP50: 3 }),
        fig('full', '问题库 首页 (50)', 12),
      ],
      [g],
    );
    expect(verdicts.map((v) => [v.size, v.value, v.pass])).toEqual([
      ['tenth', 2, true],
      ['full', 4, false],
    ]);
  });

  it('judges an absolute limit only at the sizes it names, p95 where it says so', () => {
    const g = goal({ match: /^备份$/, measure: 'p95', max: 30_000, sizes: ['full'] });
    const { verdicts, unmeasured } = judge(
      [fig('tenth', '备份', 90_000), fig('full', '备份', 20_000, { p95: 31_000 })],
      [g],
    );
    expect(verdicts.map((v) => [v.size, v.pass])).toEqual([['full', false]]);
    expect(unmeasured).toEqual([]);
    expect(judge([fig('tenth', '备份', 1)], [g]).unmeasured).toEqual([g]);
  });

  it('judges growth from the smallest to the largest size of the run, per row', () => {
    const g = goal({ match: /^值班 /, measure: 'growth50', max: 1.5 });
    const { verdicts } = judge(
      [
        fig('double', '值班 本周值班表 (40 格)', 4),
        fig('tenth', '值班 本周值班表 (36 格)', 2),
        fig('full', '值班 本周值班表 (40 格)', 3),
        fig('tenth', '值班 未走访名单 (3)', 5),
        fig('double', '值班 未走访名单 (9)', 6),
        fig('full', '值班 月度表', 1),
      ],
      [g],
    );
    expect(verdicts.map((v) => [v.row, v.size, v.value, v.pass])).toEqual([
      ['值班 本周值班表', 'tenth→double', 2, false],
      ['值班 未走访名单', 'tenth→double', 1.2, true],
    ]);
  });

  it("judges issue 24's join (every size, 60 s) apart from the five-year join (full, 5 min)", () => {
    const figures = [
      fig('center', '新窗口加入中心 2,000 居民 + 1,000 办件 (23115 docs)', 61_000, { baseP50: 15_000 }),
      fig('full', '新窗口加入中心 (1002510 docs)', 290_000, { baseP50: 200_000 }),
    ];
    const ids = ['join-center', 'join'];
    const { verdicts } = judge(
      figures,
      GOALS.filter((g) => ids.includes(g.id)),
    );
    expect(verdicts.map((v) => [v.goal.id, v.size, v.pass])).toEqual([
      ['join-center', 'center', false],
      ['join', 'full', true],
    ]);
  });

  it('every goal has its own id and covers the row it was written for', () => {
    expect(new Set(GOALS.map((g) => g.id)).size).toBe(GOALS.length);
    for (const g of GOALS) expect(g.match.test(nameKey(g.example)), `${g.id}: ${g.example}`).toBe(true);
  });
});

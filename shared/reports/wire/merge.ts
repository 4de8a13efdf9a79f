/**
 * The street's merge of the communities' packages (issue 27 item 4), pure: no clock, no store.
 *
 * Across communities (`mergeContents`): counts are summed; a rate is its summed numerators over
 * its summed denominators (never an average of percentages); maxima take the largest; lists are
 * summed by key; populations are summed (unknown when any community's is unknown).
 *
 * Across the weeks of a longer period (`combineWeeks`, one community): figures of what happened
 * (visits, cases accepted and completed, ratings, meetings … and every rate's parts) are summed
 * over the weeks; figures of a moment — the period's end: cases open and overdue, documents out,
 * problems and 整改 open, their age lists and the longest-days maxima (STOCK_COUNTS, STOCK_LISTS,
 * every maximum) — are those of the last week. Two figures count distinct people per package
 * (specialGroups, offHoursPeople): over several weeks they count a person once per week
 * (人次), unless the community sent its own package of the longer period.
 *
 * Which packages make a period (`packagesFor`): a community's own package of exactly that period
 * (its 月报, 季报, 年报) when there is one; otherwise its weekly packages of the weeks that count in
 * the period. A week counts in the month, quarter and year that hold its Thursday (the ISO rule:
 * 2026-09-28 — 10-04 is a September week, 2025-12-29 — 2026-01-04 a week of 2026), so every week
 * counts in exactly one month. A week without a package is a gap, never zero: `weeks` says how
 * many of the period's weeks a community's figures hold, and the trend (`trendOf`) has `null`
 * for a week no community reported.
 */
import { addDays } from '../../domain/localDate';
import { weekOf, weeksEndingWith, type Period } from '../periods';
import {
  COUNT_KEYS,
  LIST_KEYS,
  MAXIMUM_KEYS,
  RATE_KEYS,
  type CountKey,
  type ListKey,
  type MaximumKey,
  type RateKey,
  type WireContent,
  type WireFigures,
  type WireGrid,
  type WireListItem,
  type WirePeriod,
  type WireRate,
} from './types';

/** Figures of a moment (the period's end): over several weeks, the last week's. */
export const STOCK_COUNTS: readonly CountKey[] = [
  'openAtEnd',
  'overdueAtEnd',
  'documentsOut',
  'documentsOutOriginals',
  'documentsOverAlert',
  'problemsOpenAtEnd',
  'rectificationsOpenAtEnd',
];
export const STOCK_LISTS: readonly ListKey[] = ['openByAge', 'documentsOutByAge'];

/** What the merge reads of a package: a community's figures for one period (or several weeks of it). */
export type CommunityFigures = Pick<
  WireContent,
  'community' | 'residents' | 'counts' | 'rates' | 'maxima' | 'lists' | 'grids' | 'unknown'
> & {
  /** How many weekly packages these figures hold (1 for a package of the period itself). */
  weeks: number;
};

export type MergedFigures = {
  communities: number;
  /** The summed population; null when a community's is not known (a converted version 1 package). */
  residents: number | null;
  counts: Record<CountKey, number>;
  rates: Record<RateKey, WireRate>;
  maxima: Record<MaximumKey, number>;
  lists: Record<ListKey, WireListItem[]>;
};

type Figures = Pick<MergedFigures, 'counts' | 'rates' | 'maxima' | 'lists'>;

const residentsOf = (c: Pick<WireContent, 'residents' | 'unknown'>): number | null =>
  c.unknown.includes('residents') ? null : c.residents;

/** A list's items summed by key (first label kept), in key order. */
export function mergeLists(lists: readonly (readonly WireListItem[])[]): WireListItem[] {
  const out = new Map<string, WireListItem>();
  for (const list of lists)
    for (const item of list) {
      const had = out.get(item.key);
      out.set(item.key, { key: item.key, label: had?.label ?? item.label, n: (had?.n ?? 0) + item.n });
    }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function sumFigures(
  all: readonly Figures[],
  takeLast: { counts: readonly CountKey[]; lists: readonly ListKey[]; maxima: boolean },
): Figures {
  const last = all.at(-1);
  const counts = {} as Record<CountKey, number>;
  for (const k of COUNT_KEYS)
    counts[k] = takeLast.counts.includes(k) ? (last?.counts[k] ?? 0) : all.reduce((n, f) => n + f.counts[k], 0);
  const rates = {} as Record<RateKey, WireRate>;
  for (const k of RATE_KEYS)
    rates[k] = all.reduce((r, f) => ({ num: r.num + f.rates[k].num, den: r.den + f.rates[k].den }), { num: 0, den: 0 });
  const maxima = {} as Record<MaximumKey, number>;
  for (const k of MAXIMUM_KEYS)
    maxima[k] = takeLast.maxima ? (last?.maxima[k] ?? 0) : all.reduce((n, f) => Math.max(n, f.maxima[k]), 0);
  const lists = {} as Record<ListKey, WireListItem[]>;
  for (const k of LIST_KEYS)
    lists[k] = takeLast.lists.includes(k)
      ? mergeLists(last ? [last.lists[k]] : [])
      : mergeLists(all.map((f) => f.lists[k]));
  return { counts, rates, maxima, lists };
}

/** The figures of several communities (of one period) merged: see the module comment. */
export function mergeContents(contents: readonly Omit<CommunityFigures, 'weeks'>[]): MergedFigures {
  const populations = contents.map(residentsOf);
  return {
    communities: contents.length,
    residents: populations.some((p) => p === null) ? null : populations.reduce<number>((n, p) => n + (p ?? 0), 0),
    ...sumFigures(contents, { counts: [], lists: [], maxima: false }),
  };
}

/**
 * One community's weekly packages (of one period, any order) as the figures of the whole: flows
 * summed, the period's end from the last week (see the module comment).
 */
export function combineWeeks(weekly: readonly WireFigures[]): CommunityFigures {
  if (weekly.length === 0) throw new Error('combineWeeks: no package');
  const ordered = [...weekly].sort((a, b) => (a.period.from < b.period.from ? -1 : 1));
  const last = ordered.at(-1)!;
  const grids = new Map<string, WireGrid>();
  for (const g of ordered.flatMap((c) => c.grids)) {
    const had = grids.get(g.code);
    grids.set(g.code, {
      code: g.code,
      name: g.name,
      counts: { visits: (had?.counts.visits ?? 0) + g.counts.visits, cases: (had?.counts.cases ?? 0) + g.counts.cases },
    });
  }
  return {
    community: last.community,
    residents: last.residents,
    unknown: [...new Set(ordered.flatMap((c) => c.unknown))],
    ...sumFigures(ordered, { counts: STOCK_COUNTS, lists: STOCK_LISTS, maxima: true }),
    grids: [...grids.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
    weeks: ordered.length,
  };
}

/** A package as the figures of its own period. */
export const figuresOfPackage = (c: WireFigures): CommunityFigures => ({ ...c, weeks: 1 });

/** The Thursday of the week that holds `day` (ISO: it names the week's month and year). */
export const thursdayOf = (day: string): string => addDays(weekOf(day).from, 3);

/** Whether the week starting (or holding) `day` counts in `period`: its Thursday is inside it. */
export const weekCountsIn = (day: string, period: Period): boolean => {
  const t = thursdayOf(day);
  return t >= period.from && t <= period.to;
};

/** The weeks (Monday–Sunday) that count in `period`, oldest first (one week for a week). */
export function weeksOf(period: Period): Period[] {
  const out: Period[] = [];
  for (let w = weekOf(period.from); w.from <= period.to; w = weekOf(addDays(w.from, 7)))
    if (weekCountsIn(w.from, period)) out.push(w);
  return out;
}

const samePeriod = (a: Pick<WirePeriod, 'from' | 'to'>, b: Period) => a.from === b.from && a.to === b.to;

/**
 * The packages that make `period` for each community (by code): its own package of exactly that
 * kind and period when it sent one, else its weekly packages of the weeks counting in the period.
 * `contents`: the current package of each community and period (a correction already chosen).
 */
export function packagesFor(
  period: WirePeriod | (Period & { kind: WirePeriod['kind'] }),
  contents: readonly WireFigures[],
) {
  const byCommunity = new Map<string, WireFigures[]>();
  const own = new Map<string, WireFigures>();
  for (const c of contents) {
    if (c.period.kind === period.kind && samePeriod(c.period, period)) own.set(c.community.code, c);
    else if (period.kind !== 'week' && c.period.kind === 'week' && weekCountsIn(c.period.from, period))
      byCommunity.set(c.community.code, [...(byCommunity.get(c.community.code) ?? []), c]);
  }
  for (const [code, c] of own) byCommunity.set(code, [c]);
  return byCommunity;
}

/** Each community's figures for `period` (see packagesFor), by community code. */
export function periodFigures(
  period: Period & { kind: WirePeriod['kind'] },
  contents: readonly WireFigures[],
): CommunityFigures[] {
  return [...packagesFor(period, contents).values()]
    .map((list) =>
      list.length === 1 && list[0]!.period.kind === period.kind ? figuresOfPackage(list[0]!) : combineWeeks(list),
    )
    .sort((a, b) => (a.community.code < b.community.code ? -1 : 1));
}

/** num / den, or null when there is nothing to divide (shown '—', never 0%). */
export const shareOf = (r: WireRate): number | null => (r.den === 0 ? null : r.num / r.den);

/** A community's row of the side-by-side table (or the street's total row, from the merged figures). */
export type SideBySideRow = {
  code: string;
  name: string;
  residents: number | null;
  visits: number;
  /** Visits per 1,000 residents; null when the population is not known (or 0). */
  visitsPer1000: number | null;
  immediate: WireRate;
  immediateShare: number | null;
  onTime: WireRate;
  onTimeRate: number | null;
  overdue: number;
  satisfaction: WireRate;
  satisfactionRate: number | null;
  /** 整改 open at the period's end; null when the package could not say (version 1). */
  rectificationsOpen: number | null;
  /** 帮代办: the requests received (代办需求). */
  proxyRequests: number;
  meetingsHeld: number;
};

function rowOf(
  code: string,
  name: string,
  residents: number | null,
  f: Pick<MergedFigures, 'counts' | 'rates'>,
  rectificationsKnown: boolean,
): SideBySideRow {
  const { counts, rates } = f;
  return {
    code,
    name,
    residents,
    visits: counts.visits,
    visitsPer1000: residents ? (counts.visits * 1000) / residents : null,
    immediate: rates.immediate,
    immediateShare: shareOf(rates.immediate),
    onTime: rates.onTime,
    onTimeRate: shareOf(rates.onTime),
    overdue: counts.overdueAtEnd,
    satisfaction: rates.satisfaction,
    satisfactionRate: shareOf(rates.satisfaction),
    rectificationsOpen: rectificationsKnown ? counts.rectificationsOpenAtEnd : null,
    proxyRequests: counts.proxyRequests,
    meetingsHeld: counts.meetingsHeld,
  };
}

export function communityRow(c: Omit<CommunityFigures, 'weeks'>): SideBySideRow {
  return rowOf(c.community.code, c.community.name, residentsOf(c), c, !c.unknown.includes('rectificationsOpenAtEnd'));
}

/** The street's total row: from the merged figures (rates from the summed parts). */
export function totalRow(
  m: MergedFigures,
  contents: readonly Pick<WireContent, 'unknown'>[],
  name = '全街道',
): SideBySideRow {
  return rowOf('', name, m.residents, m, !contents.some((c) => c.unknown.includes('rectificationsOpenAtEnd')));
}

/**
 * The street's thresholds, as shares and counts: on-time rate and satisfaction below which a
 * community is marked, overdue and open 整改 above which it is (absent: not checked).
 */
export type Thresholds = {
  onTimeRate: number;
  satisfactionRate?: number;
  overdueMax?: number;
  rectificationsOpenMax?: number;
};

export type Outlier = {
  code: string;
  name: string;
  field: 'onTimeRate' | 'satisfactionRate' | 'overdue' | 'rectificationsOpen';
  value: number;
  threshold: number;
  /** As shown: '按时办结率 80.0%，低于 90.0%'. */
  message: string;
};

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The rows below (rates) or above (counts) the thresholds; a rate with nothing to divide is never an outlier. */
export function outliers(rows: readonly SideBySideRow[], t: Thresholds): Outlier[] {
  const out: Outlier[] = [];
  for (const r of rows) {
    const mark = (field: Outlier['field'], value: number, threshold: number, message: string) =>
      out.push({ code: r.code, name: r.name, field, value, threshold, message });
    if (r.onTimeRate !== null && r.onTimeRate < t.onTimeRate)
      mark('onTimeRate', r.onTimeRate, t.onTimeRate, `按时办结率 ${pct(r.onTimeRate)}，低于 ${pct(t.onTimeRate)}`);
    if (t.satisfactionRate !== undefined && r.satisfactionRate !== null && r.satisfactionRate < t.satisfactionRate)
      mark(
        'satisfactionRate',
        r.satisfactionRate,
        t.satisfactionRate,
        `满意率 ${pct(r.satisfactionRate)}，低于 ${pct(t.satisfactionRate)}`,
      );
    if (t.overdueMax !== undefined && r.overdue > t.overdueMax)
      mark('overdue', r.overdue, t.overdueMax, `期末超期 ${r.overdue} 件，超过 ${t.overdueMax} 件`);
    if (
      t.rectificationsOpenMax !== undefined &&
      r.rectificationsOpen !== null &&
      r.rectificationsOpen > t.rectificationsOpenMax
    )
      mark(
        'rectificationsOpen',
        r.rectificationsOpen,
        t.rectificationsOpenMax,
        `整改未完成 ${r.rectificationsOpen} 件，超过 ${t.rectificationsOpenMax} 件`,
      );
  }
  return out;
}

/** The `count` weeks ending with the week holding `day`, oldest first (the 8-week trend). */
export const lastWeeks = (day: string, count = 8): Period[] => weeksEndingWith(day, count);

export type TrendPoint = { week: Period; reported: string[]; figures: MergedFigures | null };

/** Per week: the merged figures of the communities that sent that week's package; null (a gap) when none did. */
export function trendOf(weeks: readonly Period[], contents: readonly WireFigures[]): TrendPoint[] {
  return weeks.map((week) => {
    const of = contents.filter((c) => c.period.kind === 'week' && samePeriod(c.period, week));
    return {
      week,
      reported: of.map((c) => c.community.code).sort(),
      figures: of.length === 0 ? null : mergeContents(of),
    };
  });
}

/**
 * The street's 汇总 as every output shows it (the screen, the xlsx, the printed 街道周报): one
 * value made from the stored packages by `streetSummaryView` (build.ts), so the three say the same.
 * Cells are final: counts as numbers, rates as '92.3%' ('—' when nothing to divide), a community's
 * missing figures as '未报送'. No resident appears anywhere: the packages carry none.
 */
import type { Period } from '../periods';
import type { FixedKind } from '../likelyPeriod';

export type Cell = number | string;

/** A merged figure of all communities (合计). */
export type MergedLine = { section: string; label: string; value: Cell };

/** A column of the side-by-side table (各社区对比), after the community's name. */
export type CompareColumn = { key: string; title: string };

/** One community's row: its cells in the order of the columns; `marks`: why it is an outlier, in words. */
export type CompareRow = {
  code: string;
  name: string;
  /** '4/4 周' — the weeks of the period whose package is here, of those expected. */
  reported: string;
  cells: Cell[];
  /** The same figures as numbers for the charts (a rate as a share 0…1; null: nothing to divide or 未报送). */
  values: (number | null)[];
  marks: string[];
};

/** A community with no package for some or all of the period's weeks (未报送): said, never merged as zeros. */
export type MissingCommunity = { code: string; name: string; weeks: string[]; all: boolean };

/** One week of the trend (oldest first): how many communities reported and the merged figures. */
export type TrendWeek = {
  from: string;
  to: string;
  label: string;
  reported: number;
  cells: Cell[];
  values: (number | null)[];
};

/** An outlier, in words: which community, and its figure against the line it crossed ('按时办结率 80.0%，低于 90.0%'). */
export type Outlier = { code: string; name: string; message: string };

export type StreetSummaryView = {
  street: string;
  kind: FixedKind;
  period: Period;
  label: string;
  /** Communities on the 社区名单 (active) and those with at least one package of the period. */
  expected: number;
  reportedCommunities: number;
  /** The four figures at the top of the page: 来访, 受理办件, 按时办结率, 期末超期 (merged). */
  headline: { label: string; value: string }[];
  merged: MergedLine[];
  columns: CompareColumn[];
  rows: CompareRow[];
  missing: MissingCommunity[];
  trendColumns: CompareColumn[];
  trend: TrendWeek[];
  outliers: Outlier[];
};

/**
 * 汇总's reads and its audit row (issue 27 item 4). A view reads the street's 社区名单 and the
 * CURRENT weekly packages (`currentPackages`: one `[kind+from]` index range across every community,
 * never the whole table) of the weeks the period counts (the wire's period rule, `weeksOf`) and of
 * the 8 weeks of the trend; the merge is pure (shared/reports/streetSummary/build.ts). An export of
 * the 汇总 (Excel, 打印, PDF) is recorded with `street.work` checked inside the transaction; the
 * audit row names the format, the period and the row counts — no community's figures.
 */
import type { StoredStreetPackage, StreetCommunity } from '@shared/domain/records';
import type { FixedKind } from '@shared/reports/likelyPeriod';
import { weeksEndingWith, type Period } from '@shared/reports/periods';
import { weeksOf } from '@shared/reports/wire/merge';
import { requirePermission } from '../../authorize';
import type { Desk, DeskBase } from '../../desk';
import { writeTx } from '../../write';
import { currentPackages } from './packages';

/** Weeks of the trend, ending with the period's last counted week. */
export const TREND_WEEKS = 8;

export type StreetSummaryData = {
  kind: FixedKind;
  /** The period as chosen, and the weeks it counts (the wire's rule). */
  period: Period;
  weeks: Period[];
  communities: StreetCommunity[];
  /** The current weekly package of each community and week of `weeks`. */
  packages: StoredStreetPackage[];
  trendWeeks: Period[];
  trend: StoredStreetPackage[];
};

const spanOf = (weeks: readonly Period[]) => ({ from: weeks[0]!.from, to: weeks[weeks.length - 1]!.to, kind: 'week' as const });

export async function readStreetSummary(desk: DeskBase, kind: FixedKind, period: Period): Promise<StreetSummaryData> {
  const weeks = weeksOf({ kind, ...period });
  const last = weeks.length ? weeks[weeks.length - 1]!.to : period.to;
  const trendWeeks = weeksEndingWith(last, TREND_WEEKS);
  const [communities, packages, trend] = await Promise.all([
    desk.db.streetCommunities.toArray(),
    weeks.length ? currentPackages(desk, spanOf(weeks)) : Promise.resolve([]),
    currentPackages(desk, spanOf(trendWeeks)),
  ]);
  return { kind, period, weeks, communities, packages, trendWeeks, trend };
}

export type SummaryExportRecord = {
  format: string;
  kind: FixedKind;
  period: Period;
  label: string;
  rows: Record<string, number>;
};

/** Records an export of the 汇总 (before the file or the paper is handed over). */
export async function recordSummaryExport(desk: Desk, r: SummaryExportRecord): Promise<void> {
  await writeTx(desk, [], async (tx) => {
    await requirePermission(tx, desk.actor, 'street.work', '导出汇总');
    const rows = Object.entries(r.rows)
      .map(([k, n]) => `${k} ${n} 行`)
      .join('，');
    await tx.audit({
      action: 'street.summaryExport',
      entity: 'streetSummary',
      entityId: r.format,
      detail: `${r.label}（${r.period.from} 至 ${r.period.to}）${rows ? `：${rows}` : ''}`,
    });
  });
}

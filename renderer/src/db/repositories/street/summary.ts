/**
 * 汇总's reads and its audit row (issue 27 item 4). A view reads the street's 社区名单 and the
 * CURRENT weekly packages (`currentPackages`: one `[kind+from]` index range across every community,
 * never the whole table) of the weeks the period counts (the wire's period rule, `weeksOf`) and of
 * the 8 weeks of the trend; the merge is pure (shared/reports/streetSummary/build.ts). An export of
 * the 汇总 (Excel, 打印, PDF) is recorded with `street.work` checked inside the transaction; the
 * audit row names the format, the period and the row counts — no community's figures.
 */
import type { FixedKind } from '@shared/reports/likelyPeriod';
import { weeksEndingWith, type Period } from '@shared/reports/periods';
import type { SummaryInput } from '@shared/reports/streetSummary/build';
import { weeksOf } from '@shared/reports/wire/merge';
import { requirePermission } from '../../authorize';
import type { Desk, DeskBase } from '../../desk';
import { writeTx } from '../../write';
import { currentPackages } from './packages';

/** Weeks of the trend, ending with the period's last counted week. */
export const TREND_WEEKS = 8;

const weekSpan = (weeks: readonly Period[]) => ({
  from: weeks[0]!.from,
  to: weeks[weeks.length - 1]!.to,
  kind: 'week' as const,
});

/**
 * What a view of `period` is made from: the 社区名单, the current weekly packages of the weeks
 * counting in it, any community's own package of the period (a 月报 …), and the trend's weeks.
 */
export async function readStreetSummary(desk: DeskBase, kind: FixedKind, period: Period): Promise<SummaryInput> {
  const weeks = weeksOf(period);
  const trendWeeks = weeksEndingWith(weeks.length ? weeks[weeks.length - 1]!.from : period.to, TREND_WEEKS);
  const [communities, weekly, own, trend] = await Promise.all([
    desk.db.streetCommunities.toArray(),
    weeks.length ? currentPackages(desk, weekSpan(weeks)) : [],
    kind === 'week' ? [] : currentPackages(desk, { kind, ...period }),
    currentPackages(desk, weekSpan(trendWeeks)),
  ]);
  const contents = (rows: readonly { content: SummaryInput['packages'][number] }[]) => rows.map((r) => r.content);
  return {
    kind,
    period,
    weeks,
    communities,
    packages: [...contents(weekly), ...contents(own)],
    trendWeeks,
    trend: contents(trend),
  };
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

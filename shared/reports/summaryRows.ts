/**
 * The summary as the sections and rows a reader sees — on screen, in the 汇总 sheet, in the CSV
 * and on paper — each with this period's figure and the one it is compared with. One table, so
 * the four never disagree.
 */
import {
  AGENDA_KINDS,
  DECISION_TYPES,
  DELIVERY_METHODS,
  PROBLEM_SOURCE_KINDS,
  PROXY_SOURCES,
  RATINGS,
  VISIT_CHANNELS,
} from '../domain/records';
import type { Names } from './reportData';
import type { PeriodSummary } from './summary';
import { CUSTODY_AGES, OPEN_AGES } from './summaryParts';

export type SummaryCell = number | string;
export type SummaryRow = { label: string; now: SummaryCell; before: SummaryCell };
export type SummarySection = { title: string; rows: SummaryRow[] };

/** A share 0…1 as '85.0%'; '—' when there is nothing to divide. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** The change from `before` to `now` as a number, for the files (text cells: ''). */
export function changeOf(row: SummaryRow): number | '' {
  return typeof row.now === 'number' && typeof row.before === 'number' ? row.now - row.before : '';
}

/** The change from `before` to `now` as shown: '+3', '-2', '0' (text cells: '').*/
export function change(row: SummaryRow): string {
  const d = changeOf(row);
  return typeof d === 'number' && d > 0 ? `+${d}` : String(d);
}

const keysOf = (fixed: readonly string[], ...tables: Record<string, unknown>[]) => [
  ...new Set([...fixed, ...tables.flatMap((t) => Object.keys(t).sort())]),
];

function countRows(
  now: Record<string, number>,
  before: Record<string, number>,
  prefix = '',
  fixed: readonly string[] = [],
): SummaryRow[] {
  return keysOf(fixed, now, before).map((k) => ({ label: prefix + k, now: now[k] ?? 0, before: before[k] ?? 0 }));
}

function pairRows(
  now: Record<string, { visits: number; cases: number }>,
  before: Record<string, { visits: number; cases: number }>,
  name: (key: string) => string,
): SummaryRow[] {
  const byName = (a: string, b: string) => name(a).localeCompare(name(b), 'zh-CN', { numeric: true });
  return keysOf([], now, before)
    .sort(byName)
    .flatMap((k) => [
      { label: `${name(k)} 来访`, now: now[k]?.visits ?? 0, before: before[k]?.visits ?? 0 },
      { label: `${name(k)} 受理`, now: now[k]?.cases ?? 0, before: before[k]?.cases ?? 0 },
    ]);
}

export function summarySections(now: PeriodSummary, before: PeriodSummary, names: Names): SummarySection[] {
  const row = (label: string, pick: (s: PeriodSummary) => SummaryCell): SummaryRow => ({
    label,
    now: pick(now),
    before: pick(before),
  });
  return [
    {
      title: '来访',
      rows: [
        row('来访总数', (s) => s.visits.total),
        ...countRows(now.visits.byChannel, before.visits.byChannel, '来访方式：', VISIT_CHANNELS),
        ...countRows(now.visits.byKind, before.visits.byKind, '类型：', ['咨询', '诉求', '办件']),
      ],
    },
    {
      title: '办件受理',
      rows: [
        row('受理总数', (s) => s.accepted.total),
        row('即办占比', (s) => percent(s.accepted.total === 0 ? null : s.accepted.immediateShare)),
        ...countRows(now.accepted.byCategory, before.accepted.byCategory, '类别：'),
        ...countRows(now.accepted.byMode, before.accepted.byMode, '办理方式：'),
        ...countRows(now.accepted.byStatus, before.accepted.byStatus, '现状态：'),
      ],
    },
    {
      title: '办结',
      rows: [
        row('办结件数（有承诺期限）', (s) => s.completed.total),
        row('按时办结', (s) => s.completed.onTime),
        row('逾期办结', (s) => s.completed.late),
        row('按时办结率', (s) => percent(s.completed.onTimeRate)),
        row('其中因补正顺延期限', (s) => s.completed.withDeadlineMoved),
      ],
    },
    {
      title: '期末在办',
      rows: [
        row('期末在办', (s) => s.open.total),
        row('期末已超期', (s) => s.open.overdue),
        row('超期最久（天）', (s) => s.open.overdueAges[0] ?? 0),
        ...OPEN_AGES.map((a) => row(`已受理 ${a}`, (s) => s.open.byAge[a])),
      ],
    },
    {
      title: '上报街道',
      rows: [
        row('新上报', (s) => s.escalations.raised),
        ...countRows(now.escalations.byStage, before.escalations.byStage, '现阶段：'),
      ],
    },
    {
      title: '评价与整改',
      rows: [
        row('评价总数', (s) => s.ratings.total),
        ...RATINGS.map((r) => row(r, (s) => s.ratings.byLevel[r])),
        row('整改新开', (s) => s.rectifications.opened),
        row('整改完成', (s) => s.rectifications.closed),
        row('期末整改未完成', (s) => s.rectifications.openAtEnd),
      ],
    },
    {
      title: '帮代办',
      rows: [
        row('代办需求', (s) => s.proxy.requests.total),
        ...countRows(now.proxy.requests.bySource, before.proxy.requests.bySource, '来源：', PROXY_SOURCES),
        row('代办受理', (s) => s.proxy.accepted),
        row('代办取消', (s) => s.proxy.cancelled.total),
        ...countRows(now.proxy.cancelled.byReason, before.proxy.cancelled.byReason, '取消原因：'),
        row('上门服务（次）', (s) => s.proxy.homeVisits.total),
        row('其中一人上门', (s) => s.proxy.homeVisits.solo),
        row('送达', (s) => s.proxy.delivered.total),
        ...countRows(now.proxy.delivered.byMethod, before.proxy.delivered.byMethod, '送达方式：', DELIVERY_METHODS),
        row('代办目标内送达', (s) => s.proxy.delivered.withinTarget),
        row('代办目标内送达率', (s) => percent(s.proxy.delivered.withinTargetRate)),
        row('期末材料在外（件）', (s) => s.proxy.documentsOut.total),
        row('其中原件', (s) => s.proxy.documentsOut.originals),
        ...CUSTODY_AGES.map((a) => row(`在外 ${a}`, (s) => s.proxy.documentsOut.byAge[a])),
        row(`在外超过提醒天数（${now.proxy.documentsOut.alertDays}天）`, (s) => s.proxy.documentsOut.overAlert),
        row('在外最久（天）', (s) => s.proxy.documentsOut.longestDays),
      ],
    },
    {
      title: '联席会议',
      rows: [
        row('新增问题', (s) => s.meetings.problems.raised),
        ...countRows(now.meetings.problems.bySource, before.meetings.problems.bySource, '来源：', PROBLEM_SOURCE_KINDS),
        ...countRows(now.meetings.problems.byCategory, before.meetings.problems.byCategory, '问题类别：'),
        row('召开会议（次）', (s) => s.meetings.held),
        row('改期会议（次）', (s) => s.meetings.moved),
        row('取消会议（次）', (s) => s.meetings.cancelled),
        row('筹备中会议（次）', (s) => s.meetings.planned),
        row('应出席（人次）', (s) => s.meetings.attendance.expected),
        row('实际出席（人次）', (s) => s.meetings.attendance.present),
        row('出席率', (s) => percent(s.meetings.attendance.rate)),
        row('研究议题（项）', (s) => s.meetings.items.total),
        ...countRows(now.meetings.items.byKind, before.meetings.items.byKind, '议题：', AGENDA_KINDS),
        row('会议决定（项）', (s) => s.meetings.decisions.total),
        ...countRows(now.meetings.decisions.byType, before.meetings.decisions.byType, '决定：', DECISION_TYPES),
        row('社区处置到期（项）', (s) => s.meetings.assigned.due),
        row('社区处置按期办结', (s) => s.meetings.assigned.finishedByDue),
        row('社区处置按期办结率', (s) => percent(s.meetings.assigned.finishedByDueRate)),
        row('期末未结问题', (s) => s.meetings.openAtEnd),
      ],
    },
    {
      title: '错时服务',
      rows: [
        row('错时服务（次）', (s) => s.offHours.occasions),
        row('其中休息日、节假日（次）', (s) => s.offHours.restDayOccasions),
        row('参与错时服务（人）', (s) => s.offHours.people),
        row('值班岗（人天）', (s) => s.offHours.dutyDays),
      ],
    },
    { title: '特殊群体服务人数', rows: countRows(now.specialGroups, before.specialGroups) },
    { title: '分网格', rows: pairRows(now.byGrid, before.byGrid, (k) => (k === '未分网格' ? k : names.grid(k))) },
    { title: '分人员（首问责任人）', rows: pairRows(now.byStaff, before.byStaff, names.staff) },
  ];
}

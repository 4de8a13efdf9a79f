/**
 * 吹哨事项 on a street install (issue 27 item 5), pure: every community's escalations of a period
 * from their current packages, beside what the street recorded (streetResponses); 报到 overdue by
 * the street's limit (settings.checkInDays, calendar days from raisedAt); per department the 报到
 * speed (median hours from raisedAt to 报到) and the communities' ratings (评价部门); the 反馈包
 * content of one community; and the checks of what the street clerk types (Chinese, per field).
 */
import { stepTimeRefusal } from '../caseMachine/escalation';
import type { StreetResponse } from '../records';
import type { WireContent, WireEscalation } from '../../reports/wire/types';
import type { FeedbackContent } from '../../reports/feedback/types';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export type WhistleRow = {
  id: string;
  communityCode: string;
  communityName: string;
  esc: WireEscalation;
  response: StreetResponse | undefined;
  /** When the department 报到 (the street's record first, else the community's), epoch ms. */
  checkInAt: number | null;
  /** No 报到 within the limit (still none and past it, or later than it). */
  overdue: boolean;
};

/** The escalations of `contents` (several weeks may repeat one: the latest package's wins). */
export function whistleRows(
  contents: readonly { content: Pick<WireContent, 'community' | 'period' | 'escalations'> }[],
  responses: readonly StreetResponse[],
  checkInDays: number,
  now: number,
): WhistleRow[] {
  const byId = new Map(responses.map((r) => [r.id, r]));
  const rows = new Map<string, WhistleRow>();
  const ordered = [...contents].sort((a, b) => (a.content.period.from < b.content.period.from ? -1 : 1));
  for (const { content } of ordered)
    for (const esc of content.escalations) {
      const id = `${content.community.code}|${esc.trackingNumber}|${esc.raisedAt}`;
      const response = byId.get(id);
      const checkInAt = response?.checkIn?.at ?? (esc.checkInAt ? Date.parse(esc.checkInAt) : null);
      const limit = Date.parse(esc.raisedAt) + checkInDays * DAY;
      rows.set(id, {
        id,
        communityCode: content.community.code,
        communityName: content.community.name,
        esc,
        response,
        checkInAt,
        overdue: checkInAt === null ? now > limit : checkInAt > limit,
      });
    }
  return [...rows.values()].sort(
    (a, b) => a.esc.raisedAt.localeCompare(b.esc.raisedAt) || a.communityCode.localeCompare(b.communityCode),
  );
}

/** The stage as the street sees it: the community's, moved on by what the street recorded. */
export function stageOf(row: WhistleRow): string {
  const { stage } = row.esc;
  if (stage !== '待报到' && stage !== '已报到') return stage;
  if (row.response?.feedback.length) return '已反馈';
  if (row.response?.checkIn) return '已报到';
  return stage;
}

export type DepartmentStat = {
  department: string;
  escalations: number;
  checkedIn: number;
  overdue: number;
  /** Median hours from raisedAt to 报到 (one decimal), null when none has 报到. */
  medianHours: number | null;
  /** 评价部门 counts by rating. */
  ratings: Record<string, number>;
};

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** Per department (as typed by the communities): 报到 speed and ratings. */
export function departmentStats(rows: readonly WhistleRow[]): DepartmentStat[] {
  const groups = new Map<string, WhistleRow[]>();
  for (const r of rows) groups.set(r.esc.department, [...(groups.get(r.esc.department) ?? []), r]);
  return [...groups.entries()]
    .map(([department, rs]) => {
      const hours = rs
        .filter((r) => r.checkInAt !== null)
        .map((r) => (r.checkInAt! - Date.parse(r.esc.raisedAt)) / HOUR);
      const ratings: Record<string, number> = {};
      for (const r of rs)
        if (r.esc.evaluation) ratings[r.esc.evaluation.rating] = (ratings[r.esc.evaluation.rating] ?? 0) + 1;
      return {
        department,
        escalations: rs.length,
        checkedIn: hours.length,
        overdue: rs.filter((r) => r.overdue).length,
        medianHours: median(hours),
        ratings,
      };
    })
    .sort((a, b) => a.department.localeCompare(b.department, 'zh-CN'));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The 反馈包 content for one community: every escalation the street recorded something on. */
export function feedbackContentOf(
  street: string,
  community: { code: string; name: string },
  responses: readonly StreetResponse[],
  generatedAt: string,
): FeedbackContent {
  return {
    street: { name: street },
    community,
    generatedAt,
    items: responses
      .filter((r) => r.communityCode === community.code && (r.checkIn || r.feedback.length))
      .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.trackingNumber.localeCompare(b.trackingNumber))
      .map((r) => ({
        trackingNumber: r.trackingNumber,
        raisedAt: r.raisedAt,
        department: r.department,
        checkIn: r.checkIn ? { at: iso(r.checkIn.at), unit: r.checkIn.unit, person: r.checkIn.person } : null,
        feedback: r.feedback.map((f) => ({ at: iso(f.at), text: f.text })),
      })),
  };
}

export const UNIT_MAX = 40;
export const PERSON_MAX = 20;
export const FEEDBACK_MAX = 500;

export type ResponseRefusal = { field: 'at' | 'unit' | 'person' | 'text'; reason: string };

function timeRefusal(at: number, raisedAt: string, now: number, what: string): ResponseRefusal | null {
  const reason = stepTimeRefusal(at, Date.parse(raisedAt), now, what);
  return reason ? { field: 'at', reason } : null;
}

/** The first refusal of a 报到 as typed, or null. */
export function checkInRefusal(
  input: { at: number; unit: string; person: string },
  raisedAt: string,
  now: number,
): ResponseRefusal | null {
  const unit = input.unit.trim();
  if (!unit) return { field: 'unit', reason: '请填写报到的单位（街道科室或部门）' };
  if (unit.length > UNIT_MAX) return { field: 'unit', reason: `报到单位不超过 ${UNIT_MAX} 字` };
  if (input.person.trim().length > PERSON_MAX) return { field: 'person', reason: `报到人员不超过 ${PERSON_MAX} 字` };
  return timeRefusal(input.at, raisedAt, now, '报到时间');
}

/** The first refusal of a 处理反馈 as typed, or null. */
export function feedbackRefusal(
  input: { at: number; text: string },
  raisedAt: string,
  now: number,
): ResponseRefusal | null {
  const text = input.text.trim();
  if (!text) return { field: 'text', reason: '请填写处理反馈内容' };
  if (text.length > FEEDBACK_MAX) return { field: 'text', reason: `处理反馈不超过 ${FEEDBACK_MAX} 字` };
  return timeRefusal(input.at, raisedAt, now, '反馈时间');
}

/**
 * 问题库 and 联席会议: the problems residents and zone staff raise (诉求 cases, problems from home
 * visits), the weekly joint meeting, its agenda entries and the decisions taken on them.
 */
import type { EscalationLevel } from './case';
import type { Stamp } from './staff';

export const PROBLEM_CATEGORIES = [
  '环境卫生',
  '公共设施',
  '物业管理',
  '邻里纠纷',
  '违建占道',
  '服务投诉',
  '意见建议',
  '其他',
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

/** Where a problem came from: a 诉求 at the desk, a zone staff member's home visit, the meeting itself. */
export type ProblemSourceKind = '窗口诉求' | '入户走访' | '会上提出';
export const PROBLEM_SOURCE_KINDS: readonly ProblemSourceKind[] = ['窗口诉求', '入户走访', '会上提出'];

/** One report of the problem: a merged problem keeps every one of them. */
export type ProblemSource = {
  kind: ProblemSourceKind;
  day: string;
  residentId?: string;
  caseId?: string;
  visitId?: string;
  /** The staff member who recorded it. */
  by: string;
};

/**
 * 待研究: not decided yet · 社区处置: the community handles it (an owner, a due day) ·
 * 已上报街道 · 继续跟踪: carried to the next meeting · 已解决 · 已合并 (into another problem).
 */
export type ProblemStatus = '待研究' | '社区处置' | '已上报街道' | '继续跟踪' | '已解决' | '已合并';

export const DECISION_TYPES = ['社区处置', '上报街道', '继续跟踪', '已解决'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/** A decision of a meeting on one agenda entry. */
export type Decision =
  | { type: '社区处置'; ownerId: string; workingDays: number; dueDay: string; note?: string }
  | { type: '上报街道'; level: EscalationLevel; office: string; request: string; note?: string }
  | { type: '继续跟踪'; note: string }
  | { type: '已解决'; note: string };

/** A decision as the problem keeps it: which meeting, which day. */
export type DecisionRecord = Decision & { meetingId: string; day: string };

export type Problem = Stamp & {
  id: string;
  /** A short title (at most 60 characters), never an ID or phone number. */
  title: string;
  /**
   * The whole text of a 诉求 whose title shortens it (numbers masked): what the papers print and
   * the 问题库 lets the reader open. Absent when the title is the whole text, and on problems
   * registered before it was kept.
   */
  detail?: string;
  category: ProblemCategory;
  gridId?: string;
  /** Where it is, when no resident is concerned (a broken street lamp). */
  place?: string;
  /** The day of its first report. */
  raisedDay: string;
  status: ProblemStatus;
  /** The case that handles it (a 诉求 case, or the one a decision created). */
  caseId?: string;
  sources: ProblemSource[];
  /** Every decision taken on it, oldest first: its history across meetings. */
  decisions: DecisionRecord[];
  mergedInto?: string;
  /** Derived for the index: the residents of its sources. */
  residentIds?: string[];
  /** Derived for the 问题库's pages and filters (shared/domain/meetings/poolKeys.ts). */
  poolKeys?: string[];
};

export type MeetingStatus = '筹备中' | '已召开' | '已取消';

/**
 * Someone at the meeting: a staff member (`staff:<id>`) or a guest of the kept list
 * (`guest:<id>`; officials in their role: unit, name and role shown as typed). `present` is
 * this meeting's attendance.
 */
export type Attendee = { key: string; name: string; role: string; unit?: string; present: boolean };

/** A guest of the joint meeting kept for next time (meta `meetingGuests`, center data). */
export type MeetingGuest = { id: string; unit: string; name: string; role: string };

export type Meeting = Stamp & {
  id: string;
  /** The day it is (or was) held; a moved meeting keeps its earlier days in `movedFrom`. */
  day: string;
  status: MeetingStatus;
  movedFrom?: string[];
  cancelReason?: string;
  /** The day of the last meeting held before it: its agenda covers (since, day]. */
  since?: string;
  attendees: Attendee[];
  /** 会议小结 of the minutes. */
  summary?: string;
  /** When it was actually held (picked at 登记召开; its local day is `day`). */
  heldAt?: number;
  /** Marked 会前已议定: its decisions were taken before the meeting and may be recorded while 筹备中. */
  decidedBefore?: boolean;
};

/**
 * 新问题: raised since the last meeting held · 上次结转: undecided, to keep watching, or handled
 * and not finished · 超期办件 / 待街道: open cases past their deadline or waiting on the street
 * office · 临时增加: added by hand.
 */
export type AgendaKind = '新问题' | '上次结转' | '超期办件' | '待街道' | '临时增加';
export const AGENDA_KINDS: readonly AgendaKind[] = ['新问题', '上次结转', '超期办件', '待街道', '临时增加'];

export type AgendaItem = {
  id: string;
  meetingId: string;
  /** 1, 2, 3 … the order on the agenda. */
  order: number;
  kind: AgendaKind;
  problemId?: string;
  caseId?: string;
  title: string;
  /** The problem's category, or the matter's category for a case entry. */
  category: string;
  gridId?: string;
  /** Discussion notes (会议纪要). */
  discussion?: string;
  decision?: Decision;
};

/** 办件: a matter for a resident, from acceptance to archive, and its timeline. */
import type { Agent } from './visit';
import type { Stamp } from './staff';

export type ServiceMode = '即办' | '承诺件' | '预约' | '帮代办' | '咨询' | '不予受理';

export type CaseStatus = '已受理' | '待补正' | '办理中' | '待签收' | '已上报街道' | '已办结' | '已归档' | '不予受理';
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['已受理', '待补正', '办理中', '待签收', '已上报街道'];

export type Rating = '非常满意' | '满意' | '基本满意' | '不满意' | '非常不满意';
/** The five levels of 好差评, best first. */
export const RATINGS: readonly Rating[] = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];

/** Who entered a 好差评: the resident themself, or staff on the resident's behalf (代评). */
export type RatingBy = '本人' | '代评';

/** How the resident was told the result at 办结. */
export type NotifiedBy = '当面' | '电话' | '上门';
export const NOTIFIED_BY: readonly NotifiedBy[] = ['当面', '电话', '上门'];

/** 吹哨 class when a case goes up to the street office. */
export type EscalationLevel = '日常' | '重大' | '紧急';
export const ESCALATION_LEVELS: readonly EscalationLevel[] = ['日常', '重大', '紧急'];

/**
 * Pause bookkeeping while a case waits for documents (待补正). `from` is the local day the
 * pause began; `resumeTo` is the status the case returns to when all documents arrive.
 */
export type CasePause = { from: string; resumeTo: '已受理' | '办理中' };

/** A hand-off (转办) that waits for the receiving staff member to sign for it (签收). */
export type CaseTransfer = {
  fromStaffId: string;
  toStaffId: string;
  at: number;
  day: string;
  /** Status restored when the receiver returns it (退回). */
  returnTo: '已受理' | '办理中';
};

/**
 * Stage of one escalation (社区吹哨、街道报到): 待报到 → 已报到 → 已反馈 → 已核实; 已退回 when the
 * street office sends it back before anyone takes it.
 */
export type EscalationStage = '待报到' | '已报到' | '已反馈' | '已核实' | '已退回';

export type Escalation = {
  level: EscalationLevel;
  /** What the community asks for. */
  request: string;
  /** The street office or department it goes to. */
  office: string;
  raisedAt: number;
  raisedDay: string;
  raisedBy: string;
  stage: EscalationStage;
  /** 报到: who came or answered for the department, and when (epoch ms). */
  checkIn?: EscalationCheckIn;
  /** 处理反馈, in order. */
  feedback: { text: string; at: number; recordedBy: string }[];
  /** 核实结项 by the community. */
  verification?: { solved: boolean; note?: string; at: number; by: string };
  /** The community's rating of the department's response. */
  departmentRating?: Rating;
  /** When it was rated (epoch ms; absent before issue 27: then the verification's time stands for it). */
  departmentRatedAt?: number;
  returnReason?: string;
};

/**
 * 报到: the unit (a street office section or department, shown as typed) and the person who came
 * for it (a name: masked wherever names are); `who` is the one free-text field of 报到 recorded
 * before issue 25 (masked as a name, as then).
 */
export type EscalationCheckIn = {
  unit?: string;
  person?: string;
  /** Before issue 25: unit and person typed as one text. */
  who?: string;
  at: number;
  recordedBy: string;
};

/** 回访 task created at 办结 for cases that need a callback. */
export type CallbackTask = {
  status: '待回访' | '已回访' | '回访未接通';
  createdDay: string;
  /** 咨询 not answered on the spot: the reply is due by this day (答复时限). */
  dueDay?: string;
  /** Unanswered attempts so far. */
  failedAttempts: number;
  outcome?: string;
  doneAt?: number;
  doneBy?: string;
};

/**
 * 整改 task opened by a 不满意 / 非常不满意 rating: due 15 working days after the rating day;
 * closes only after a callback (回访) and a passed review (复核).
 */
export type RectificationTask = {
  status: '整改中' | '待复核' | '已完成';
  openedDay: string;
  dueDay: string;
  /** Why the resident was unhappy (asked with the rating; absent on tasks opened before issue 25). */
  reason?: string;
  callback?: { outcome: string; at: number; by: string };
  review?: { passed: boolean; note?: string; at: number; by: string };
  closedDay?: string;
  /** Reviews that did not pass (each sends the task back to 整改中). */
  failedReviews?: number;
};

/**
 * One event refused by the merged history (同步冲突): which, by whom, where, when and why. Kept on
 * a case, a proxy request or a document in custody until a 确认同步冲突 handles it.
 */
export type SyncConflict = {
  eventId: string;
  action: string;
  reason: string;
  by: string;
  desk?: number;
  at: number;
};
export type CaseSyncConflict = SyncConflict;

export type CaseRecord = Stamp & {
  id: string;
  trackingNumber: string;
  residentId?: string;
  visitId?: string;
  matterCode: string;
  matterName: string;
  mode: ServiceMode;
  status: CaseStatus;
  gridId?: string;
  acceptedDay: string;
  /** 承诺办结日期 (local date), absent for 即办 / 咨询. */
  deadline?: string;
  documentsReceived: string[];
  documentsMissing: string[];
  /** 首问责任人: never changes. */
  firstContactId: string;
  /** Current handler: may change on hand-off. */
  handlerId: string;
  /** Years the promised date passed through that the holiday calendar does not cover. */
  deadlineUncoveredYears?: number[];
  /** 预约: 'YYYY-MM-DDTHH:mm'. */
  appointmentAt?: string;
  refusalReason?: string;
  /** The day of a 不予受理 after acceptance (absent on older records and on refusals at the counter). */
  refusedDay?: string;
  redirectTo?: string;
  /** The visit's agent (代办人), when someone came for the resident. */
  agent?: Agent;
  result?: string;
  rating?: Rating;
  archiveNumber?: string;
  // --- Case state machine bookkeeping (see caseMachine.ts); all optional for older records. ---
  /** The catalog time limit (working days) the case was accepted with. */
  timeLimitDays?: number;
  pause?: CasePause;
  /** Total working days the clock was paused (待补正), over the life of the case. */
  pausedWorkingDays?: number;
  transfer?: CaseTransfer;
  /** Escalations to the street office, oldest first; at most the last one is open. */
  escalations?: Escalation[];
  notifiedBy?: NotifiedBy;
  completedDay?: string;
  callback?: CallbackTask;
  ratingBy?: RatingBy;
  ratedAt?: number;
  rectification?: RectificationTask;
  archivedDay?: string;
  reopenCount?: number;
  /**
   * Issue 24 (同步冲突): the events of this case that no longer fit the history merged from every
   * desk and no one handled yet (caseConflictsOf, minus those a 确认同步冲突 event covers).
   * Written by the refold of inbound sync and by the acknowledgement; not an event's decision.
   */
  syncConflicts?: CaseSyncConflict[];
  // --- Derived index fields (caseIndex.ts), recomputed on every write. ---
  dueDay?: string;
  flags?: string[];
  /** Derived (caseQueues.ts): `<list>|<filter>|<sort>|<tracking number>`, the queue order. */
  queueKeys?: string[];
  /** Derived (caseSearch.ts): tracking-number tails and matter-name words, for 办件检索. */
  searchKeys?: string[];
  /** Derived (shared/reports/reportIndex.ts): 'YYYY-MM' months the case counts in, for summaries. */
  reportMonths?: string[];
};

export type CaseEvent = {
  id: string;
  caseId: string;
  /** 1, 2, 3 … within the case: the order of events, even within the same minute. */
  n?: number;
  at: number;
  by: string;
  action: string;
  from?: CaseStatus;
  to?: CaseStatus;
  note?: string;
  /** 转办: the staff member the case was sent to. */
  toStaffId?: string;
  /** Event clock (shared/domain/events/clock.ts): the order of events across desks (DB v13). */
  clock?: string;
  /** The desk that wrote it (DB v13). */
  desk?: number;
  /** Whether the actor held `case.supervise` when acting (the machine's `isAdmin`). */
  admin?: boolean;
  /** The action with its full input (a case machine action or a door action, e.g. 改挂居民). */
  input?: EventInput;
  /** What was decided: the fields of the record set and removed by this event. */
  decided?: RecordPatch;
  /** An opening event (受理, or the v13 upgrade's 升级基线): the record's state then; the fold starts here. */
  base?: Record<string, unknown>;
};

/** An action as an event keeps it: its type and its whole input. */
export type EventInput = { type: string } & Record<string, unknown>;

/** A change to a record: the fields set (new values), the fields removed, and edits inside fields. */
export type RecordPatch = { set: Record<string, unknown>; unset?: string[]; edits?: FieldEdit[] };

/**
 * An edit inside a top-level field (shared/domain/events/fieldEdits.ts): a list that grew records
 * only its new items, so appends made on two desks both survive the fold.
 */
export type FieldEdit =
  | { path: EditStep[]; op: 'set'; value: unknown }
  | { path: EditStep[]; op: 'unset' }
  | { path: EditStep[]; op: 'append' | 'remove'; items: unknown[] };

/**
 * One step of an edit's path: an object's key, a list's index, or a list item found by its
 * identity (its `id`, else its creation time `raisedAt`) so an item appended on another desk
 * first does not receive this desk's edits.
 */
export type EditStep = string | number | { index: number; key: string; value: string | number };

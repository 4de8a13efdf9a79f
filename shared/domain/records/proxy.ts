/**
 * 帮代办: the proxy task of a case (booking the home visit, delivering the result) and the
 * residents' documents taken out of their home, each with its chain of custody.
 */
import type { SyncConflict } from './case';
import type { Stamp } from './staff';

/** Where a proxy request came from: the counter (intake, mode 帮代办), a call, or a zone staff member's home visit. */
export type ProxySource = '窗口' | '电话' | '入户走访';
export const PROXY_SOURCES: readonly ProxySource[] = ['窗口', '电话', '入户走访'];

/**
 * 待确认: no catalog matter yet (a call or a home visit) · 待上门: accepted, the home visit to make ·
 * 办理中: visited, the matter being handled · 待送达: the result ready to reach the resident ·
 * 已送达 · 已取消 (withdrawn, hospitalised, deceased …).
 */
export type ProxyStatus = '待确认' | '待上门' | '办理中' | '待送达' | '已送达' | '已取消';
export const PROXY_STATUSES: readonly ProxyStatus[] = ['待确认', '待上门', '办理中', '待送达', '已送达', '已取消'];

export type VisitSlot = '上午' | '下午' | '晚间';
export const VISIT_SLOTS: readonly VisitSlot[] = ['上午', '下午', '晚间'];

/** The booked home visit: the day, the slot and the staff going (two by default; one alone gives a reason). */
export type HomeVisitBooking = {
  day: string;
  slot: VisitSlot;
  staffIds: string[];
  soloReason?: string;
  bookedAt: number;
  bookedBy: string;
};

export type DeliveryMethod = '上门送达' | '来站领取' | '邮寄';
export const DELIVERY_METHODS: readonly DeliveryMethod[] = ['上门送达', '来站领取', '邮寄'];

/** 送达: how and when the result reached the resident, and who delivered it. */
export type Delivery = { method: DeliveryMethod; at: number; by: string; note?: string };

export type ProxyCancelReason = '居民撤回' | '住院' | '去世' | '其他';
export const PROXY_CANCEL_REASONS: readonly ProxyCancelReason[] = ['居民撤回', '住院', '去世', '其他'];

/** The signed 委托书 back at the center: the day and where the paper is kept. */
export type MandateReturn = { day: string; keptAt: string; by: string };

/** 帮代办: one proxy request of a resident and, once accepted, its case. A proxy task is a case: its
 * deadlines, transfer, escalation, callback and rating are the case's; this record holds what
 * only a proxy has — the request, the home visit, the 委托书 and 送达. */
export type ProxyTask = Stamp & {
  id: string;
  residentId: string;
  /** Absent while 待确认 (no catalog matter yet) and on a request cancelled before acceptance. */
  caseId?: string;
  source: ProxySource;
  status: ProxyStatus;
  /** What the resident asks for, in their words (required while 待确认). */
  request: string;
  requestedDay: string;
  visit?: HomeVisitBooking;
  /** Derived for the index: the booked visit's day while the visit is still to make. */
  visitDay?: string;
  /** The day the home visit was made; the routine target counts from it. */
  visitedDay?: string;
  /** Why the visit was recorded on another day than the one booked (issue 25 item 4: the clerk confirmed it). */
  visitedReason?: string;
  /** The routine target (N working days from the visit), shown beside the case's own deadline. */
  targetDay?: string;
  mandate?: MandateReturn;
  delivery?: Delivery;
  cancel?: { reason: ProxyCancelReason; note?: string; at: number; by: string };
  /** Issue 24: the request's events the merged history refused, not handled yet (the sync refold keeps them). */
  syncConflicts?: SyncConflict[];
  /** Derived for the index: when its oldest unhandled 同步冲突 happened (the 同步冲突 queue and count). */
  syncConflictAt?: number;
};

/** Who holds a document now: the resident, a staff member, the center's cabinet, a department or the street office. */
export type CustodyHolder =
  | { kind: 'resident' }
  | { kind: 'staff'; staffId: string }
  | { kind: 'cabinet' }
  | { kind: 'department'; name: string }
  | { kind: 'street'; name: string };

/** 在外: out of the resident's home; the others are settled. */
export type CustodyStatus = '在外' | '已归还' | '已留存' | '遗失损坏';

export const CUSTODY_ACTION_TYPES = ['收取', '移交', '取回', '归还', '留存', '遗失损坏'] as const;
export type CustodyActionType = (typeof CUSTODY_ACTION_TYPES)[number];

export type CustodyEvent = {
  /** 1, 2, 3 … within the item. */
  n: number;
  type: CustodyActionType;
  from: CustodyHolder;
  to: CustodyHolder;
  at: number;
  /** The staff member who recorded it. */
  by: string;
  note?: string;
};

/** One document taken from a resident for a proxy case, and everything that happened to it. */
export type CustodyItem = Stamp & {
  id: string;
  caseId: string;
  residentId: string;
  /** The document's name as on the case's list (户口簿, 残疾证 …). */
  document: string;
  original: boolean;
  count: number;
  holder: CustodyHolder;
  status: CustodyStatus;
  /** Derived for the index: 'staff:<id>', 'cabinet', 'department:<name>' … while 在外. */
  holderKey?: string;
  /** The instant it was collected (收取), for "held longer than N days". */
  collectedAt: number;
  events: CustodyEvent[];
  /** Issue 24: the item's events the merged history refused, not handled yet (the sync refold keeps them). */
  syncConflicts?: SyncConflict[];
  /** Derived for the index: when its oldest unhandled 同步冲突 happened (the 同步冲突 queue and count). */
  syncConflictAt?: number;
};

/**
 * 帮代办: the proxy task of a case (booking the home visit, delivering the result) and the
 * residents' documents taken out of their home, each with its chain of custody.
 */
import type { Stamp } from './staff';

export type ProxyTask = Stamp & {
  id: string;
  caseId: string;
  residentId: string;
  status: '待授权' | '待上门' | '办理中' | '待送达' | '已完成';
  authorisedBy?: string;
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
};

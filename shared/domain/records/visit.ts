/** 来访登记: a walk-in, a call, a home visit or an online contact. */
import type { Stamp } from './staff';

export type VisitChannel = '来站' | '来电' | '走访' | '网上';
export const VISIT_CHANNELS: readonly VisitChannel[] = ['来站', '来电', '走访', '网上'];

export type VisitKind = '咨询' | '诉求' | '办件';

/** Someone acting for the resident; the ID number where the matter needs it (低保 …), shown masked. */
export type Agent = { name: string; relation: string; phone?: string; idNumber?: string };

export type Visit = Stamp & {
  id: string;
  residentId?: string;
  /** Local date of the visit, for the day's register. */
  day: string;
  visitedAt: number;
  channel: VisitChannel;
  /** 首问责任人: the signed-in staff member at registration; never changes. */
  firstContactId: string;
  agent?: Agent;
  content: string;
  kind: VisitKind;
  /** Cases started by this visit (办件). */
  caseIds: string[];
  /** Derived (caseSearch.ts): pairs of characters of `content`, on visits that started cases. */
  words?: string[];
};

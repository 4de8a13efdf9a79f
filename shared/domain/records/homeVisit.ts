/** 走访记录 (issue 26): the 走访岗's home-visit log, one append-only entry per visit. */
import type { Stamp } from './staff';

export const HOME_VISIT_PURPOSES = ['信息采集/核实', '重点人员关怀', '政策宣传', '矛盾调解', '帮代办', '其他'] as const;
export type HomeVisitPurpose = (typeof HOME_VISIT_PURPOSES)[number];

/** What the entry led to, in the same transaction: a 问题, a registered 走访 visit, or a 帮代办 request. */
export type HomeVisitLink =
  { kind: '问题'; problemId: string } | { kind: '来访'; visitId: string } | { kind: '帮代办'; proxyTaskId: string };

/**
 * One home visit (DB v25, table `homeVisits`, center data, IMMUTABLE: written once, never
 * changed). A mistake is corrected by a NEW entry naming the one it replaces (`corrects`):
 * both travel and stay, every read folds them (`currentEntries`), so two desks never conflict.
 */
export type HomeVisit = Stamp & {
  id: string;
  /** The day of the visit (local 'YYYY-MM-DD'; may be earlier than the day it was logged). */
  day: string;
  /** When it was logged: ISO 8601 instant. */
  at: string;
  /** Who visited (the 走访岗 person). */
  staffId: string;
  /** The zone (网格) visited. */
  gridId: string;
  purpose: HomeVisitPurpose;
  /** A resident from the register, or … */
  residentId?: string;
  /** … an address typed (building/unit/room or a place). */
  address?: string;
  /** The household the visit counts for (the resident's 楼栋-单元-房号, or the address typed, normalised). */
  household: string;
  /** 走访情况: what was found. */
  found: string;
  /** 后续跟进: what is to follow ('' when nothing). */
  followUp: string;
  link?: HomeVisitLink;
  /** The id of the entry this one replaces (a correction). */
  corrects?: string;
};

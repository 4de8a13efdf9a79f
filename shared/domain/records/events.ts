/**
 * The replayable events of the proxy and custody machines (DB v13; a case's are `CaseEvent`,
 * records/case.ts). Each carries its clock (shared/domain/events/clock.ts), its desk, who acted,
 * the action with its full input and what was decided (a patch of the record); an opening
 * event carries the whole record. The record is the fold of its events.
 */
import type { EventInput, RecordPatch } from './case';
import type { DecisionRecord, ProblemSource } from './meeting';
import type { ProxyStatus } from './proxy';

type MachineEvent = {
  id: string;
  at: number;
  by: string;
  clock: string;
  desk: number;
  /** The action type (or the opening: 登记, 升级基线). */
  action: string;
  input?: EventInput;
  decided?: RecordPatch;
  base?: Record<string, unknown>;
  note?: string;
};

/** One step of a proxy request (帮代办). */
export type ProxyEvent = MachineEvent & { taskId: string; from?: ProxyStatus; to?: ProxyStatus };

/**
 * One step of a document in custody (材料交接, DB v15): the opening event (收取, or the v15
 * upgrade's 升级基线) carries the whole item, every later one what the custody rules decided
 * (or the door's 改挂居民). Its own table, like the case's and the request's: a document is
 * moved by several desks, and separate events replicate without conflict (issue 24).
 */
export type CustodyItemEvent = MachineEvent & { itemId: string; caseId: string };

/** A problem source as a relink names it: the source without its resident. */
export type ProblemSourceRef = Omit<ProblemSource, 'residentId'>;
/** A source named by a relink: where it was on the desk that relinked it, and what it is. */
export type SourceAt = { at: number; source: ProblemSourceRef };

/**
 * One step of a problem (问题库, DB v18): the opening event (登记, or the v18 upgrade's 升级基线)
 * carries the whole problem; every later one what was decided of its plain fields (`decided`)
 * and, for its two growing lists, only what it ADDS (`appended`: sources, decisions) or which
 * sources now name another resident (`relinked`: 合并居民档案, its undo, 删除居民). The lists are
 * never rewritten whole, so two desks' events merged in clock order keep every source and every
 * decision of both.
 */
export type ProblemEvent = MachineEvent & {
  problemId: string;
  appended?: { sources?: ProblemSource[]; decisions?: DecisionRecord[] };
  /**
   * Sources naming resident `from` now name `to`; with `only`, just those sources: each the one
   * at its index `at` when it is that source still, else the first one equal to it not yet moved
   * (another desk's sources may have come in between).
   */
  relinked?: { from: string; to: string; only?: SourceAt[] };
};

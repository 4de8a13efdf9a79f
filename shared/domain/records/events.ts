/**
 * The replayable events of the proxy and custody machines (DB v13; a case's are `CaseEvent`,
 * records/case.ts). Each carries its clock (shared/domain/events/clock.ts), its desk, who acted,
 * the action with its full input and what was decided (a patch of the record); an opening
 * event carries the whole record. The record is the fold of its events.
 */
import type { EventInput, RecordPatch } from './case';
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

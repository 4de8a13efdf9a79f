/**
 * A case as the fold of its events. Every event of a case (DB v13) carries its clock, its desk,
 * the action with its full input and what was decided (a patch of the record); the opening event
 * (受理, or the v13 upgrade's 升级基线) carries the whole record. `foldCase` rebuilds the
 * record from them, leaving out the events the machine's rules refuse on the merged history
 * (issue 24: desk 1 转办 while desk 2 办结 offline — the later one does not take effect);
 * `caseConflictsOf` lists those events (issue 24 shows them to a person, 同步冲突).
 *
 * Besides the machine's actions (caseMachine), the door takes three actions of its own, decided
 * here as pure rules: 改挂居民 (a resident merge moves the case), 调整承诺办结日期 (a calendar
 * change recounts the promised day) and 登记收到材料 (a document collected for the case outside
 * 待补正).
 */
import { CASE_DERIVED_KEYS } from '../caseIndex';
import {
  CASE_ACTION_TYPES,
  caseStateFromRecord,
  refusalFor,
  type CaseAction,
  type CaseActionType,
} from '../caseMachine';
import type { CaseEvent, CaseRecord } from '../records';
import { applyPatch, diffRecord, foldRecord, withoutFields } from './patch';
import { acknowledgeConflicts, refusedEvents, type RefusedEvent, type SyncConflictAck } from './refused';

/** The opening event the v13 upgrade gives every case stored before it (not shown on the timeline). */
export const UPGRADE_OPENING = '升级基线';

/** The door's own actions (not the case machine's): each a pure rule below. */
export type DoorCaseAction =
  /** A resident merge: the case now belongs to the kept resident. */
  | { type: '改挂居民'; residentId: string }
  /** A calendar change recounted the promised day. */
  | { type: '调整承诺办结日期'; deadline: string; uncoveredYears: number[]; note: string }
  /** A document collected for the case (材料交接) while it does not wait for documents. */
  | { type: '登记收到材料'; document: string }
  /** Issue 24: a 站长 handled the case's 同步冲突 (the refused events listed), with a note. */
  | SyncConflictAck;

/** Every change of a case: a machine action or one of the door's. */
export type CaseChange = CaseAction | DoorCaseAction;

export const isMachineAction = (c: CaseChange): c is CaseAction =>
  (CASE_ACTION_TYPES as readonly string[]).includes(c.type);

const STAMP_KEYS = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;

/** The case's unhandled 同步冲突: kept on the record by the sync refold, never an event's decision. */
const NOT_DECIDED = ['syncConflicts'] as const;

/** What the events of a case decide: the record without its stamps, derived index fields and 同步冲突. */
export function caseCoreOf(record: CaseRecord): Record<string, unknown> {
  return withoutFields(record, [...STAMP_KEYS, ...CASE_DERIVED_KEYS, ...NOT_DECIDED]);
}

/** The patch an event records: what changed between the record before and after it. */
export const caseDecision = (before: CaseRecord, after: CaseRecord) =>
  diffRecord(caseCoreOf(before), caseCoreOf(after));

/** The case rebuilt from its events (stamps and derived fields aside); undefined without an opening event. */
export function foldCase(events: readonly CaseEvent[]): Record<string, unknown> | undefined {
  return foldRecord<CaseRecord, CaseEvent>(events, (record, e) =>
    refusalOf(record, e) ? record : applyPatch(record, e.decided),
  );
}

/** A door action's decision: the next record and the timeline note, or a Chinese refusal. */
export function applyDoorCaseAction(
  record: CaseRecord,
  action: DoorCaseAction,
): { next: CaseRecord; note?: string } | string {
  if (record.status === '已归档' && action.type !== '改挂居民' && action.type !== '确认同步冲突')
    return '已归档的办件为只读';
  switch (action.type) {
    case '确认同步冲突':
      return acknowledgeConflicts(record, action, '该办件');
    case '改挂居民':
      if (!action.residentId.trim()) return '请选择保留的居民档案';
      return { next: { ...record, residentId: action.residentId } };
    case '调整承诺办结日期': {
      const next: CaseRecord = { ...record, deadline: action.deadline };
      if (action.uncoveredYears.length > 0) next.deadlineUncoveredYears = [...action.uncoveredYears];
      else delete next.deadlineUncoveredYears;
      return { next, note: action.note };
    }
    case '登记收到材料':
      return {
        next: {
          ...record,
          documentsMissing: record.documentsMissing.filter((d) => d !== action.document),
          documentsReceived: record.documentsReceived.includes(action.document)
            ? record.documentsReceived
            : [...record.documentsReceived, action.document],
        },
      };
  }
}

/** An event that no longer fits the history it was merged into, with the machine's reason. */
export type CaseConflict = RefusedEvent;

/**
 * The machine's refusal of a case event on the history before it (`record`), or null: door
 * actions and opening events are never refused. On one desk nothing is ever refused (the door
 * applied the same rule); after a merge an event may no longer fit (desk 1 转办 while desk 2 办结
 * offline).
 */
function refusalOf(record: CaseRecord, e: CaseEvent): string | null {
  const type = e.input?.type;
  if (e.base || !type || !(CASE_ACTION_TYPES as readonly string[]).includes(type)) return null;
  return refusalFor(caseStateFromRecord(record), type as CaseActionType, { staffId: e.by, isAdmin: e.admin === true });
}

/**
 * The events whose action the rules refuse on the history before them (clock order): what a
 * person must look at after events from another desk arrive. A refused event does not take
 * effect — neither in `foldCase` nor for the events after it here, so a refusal can cascade (a
 * 签收 after a refused 转办) — and stays in the timeline until a person acts.
 */
export function caseConflictsOf(events: readonly CaseEvent[]): CaseConflict[] {
  return refusedEvents<CaseRecord, CaseEvent>(events, (record, _type, e) => refusalOf(record, e), {
    refusedTakeEffect: false,
  });
}

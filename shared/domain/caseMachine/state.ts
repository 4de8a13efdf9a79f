/**
 * The machine's view of a stored case and the helpers every sub-process's rules share.
 */
import type { CaseRecord, CaseStatus, Escalation } from '../records';
import type { WorkingCalendar } from '../workingCalendar';
import type { CaseState, FieldRefusal } from './types';

export const READ_ONLY_REASON = '已归档的办件为只读，仅站长/管理员可填写理由后重新办理';

const OPEN_STAGES: readonly Escalation['stage'][] = ['待报到', '已报到', '已反馈'];

/** The escalation still waiting for 报到 / feedback / verification, if any (always the last one). */
export function openEscalation(s: Pick<CaseState, 'escalations'>): Escalation | undefined {
  const last = s.escalations?.[s.escalations.length - 1];
  return last && OPEN_STAGES.includes(last.stage) ? last : undefined;
}

/** Builds the machine's view of a stored case; `fallbackTimeLimitDays` when the record has none. */
export function caseStateFromRecord(record: CaseRecord, fallbackTimeLimitDays = 0): CaseState {
  const { timeLimitDays, ...rest } = record;
  const picked: CaseState = {
    id: rest.id,
    status: rest.status,
    mode: rest.mode,
    acceptedDay: rest.acceptedDay,
    documentsReceived: rest.documentsReceived,
    documentsMissing: rest.documentsMissing,
    firstContactId: rest.firstContactId,
    handlerId: rest.handlerId,
    timeLimitDays: timeLimitDays ?? fallbackTimeLimitDays,
  };
  const optional = [
    'deadline',
    'deadlineUncoveredYears',
    'refusalReason',
    'redirectTo',
    'result',
    'rating',
    'archiveNumber',
    'pause',
    'pausedWorkingDays',
    'transfer',
    'escalations',
    'notifiedBy',
    'completedDay',
    'callback',
    'ratingBy',
    'ratedAt',
    'rectification',
    'archivedDay',
    'reopenCount',
  ] as const satisfies readonly (keyof CaseState)[];
  const out: Record<string, unknown> = picked;
  for (const key of optional) if (rest[key] !== undefined) out[key] = rest[key];
  return picked;
}

export const statusIs = (s: CaseState, allowed: readonly CaseStatus[], what: string): string | null =>
  allowed.includes(s.status)
    ? null
    : `当前状态为「${s.status}」，只有${allowed.map((a) => `「${a}」`).join('或')}的办件可以${what}`;

/** A payload refusal shown at the form's field `field`. */
export const atField = (refused: string, field: string): FieldRefusal => ({ refused, field });

export const clean = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
export const mergeYears = (a: readonly number[] | undefined, b: readonly number[]): number[] =>
  [...new Set([...(a ?? []), ...b])].sort((x, y) => x - y);

export function withoutKeys(s: CaseState, keys: readonly (keyof CaseState)[]): CaseState {
  const next: CaseState = { ...s };
  for (const k of keys) delete next[k];
  return next;
}

export function newDeadline(s: CaseState, today: string, calendar: WorkingCalendar): Partial<CaseState> {
  if (s.timeLimitDays <= 0) return {};
  const r = calendar.addWorkingDays(today, s.timeLimitDays);
  return { deadline: r.date, deadlineUncoveredYears: mergeYears(s.deadlineUncoveredYears, r.uncoveredYears) };
}

/** Replaces the last escalation (the open or just-verified one). */
export function withLastEscalation(s: CaseState, esc: Escalation): Escalation[] {
  const list = s.escalations ?? [];
  return [...list.slice(0, -1), esc];
}

/** Writes the machine's state back onto the stored record (fields it removed are removed). */
export function recordWithState(record: CaseRecord, state: CaseState): CaseRecord {
  const machineKeys = Object.keys(caseStateFromRecord(record)) as (keyof CaseState)[];
  const base: CaseRecord = { ...record };
  for (const k of machineKeys) delete (base as Partial<Record<keyof CaseState, unknown>>)[k];
  const { timeLimitDays, ...fields } = state;
  return { ...base, ...fields, timeLimitDays };
}

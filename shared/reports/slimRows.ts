/**
 * The slim rows of a period summary (issue 28 item 2, DB v39): of a visit and of a case only the
 * fields `summarize` (summary.ts, meetingSummary.ts), the 错时 table's registered visits, the
 * report's 帮代办 / 联席会议 reads and the desks covered (centerDesks.ts) look at — no text, no
 * derived keys, no history — keyed by day, so a period's visits (by `day`) and cases (by
 * `acceptedDay`) are ONE key range of the desk-local table `slimRows` (db/slimRows: kept in the
 * transaction of every write of visits and cases). A year and the one before read about a third
 * of the bytes the full records hold.
 *
 * `SummaryVisit` / `SummaryCase` are what the summary's input is typed with, so a field the
 * summary starts to read that is not here does not compile; a full record is one too.
 */
import type { CaseRecord, Escalation, Visit } from '../domain/records';

export type SummaryVisit = Pick<
  Visit,
  'id' | 'day' | 'residentId' | 'channel' | 'kind' | 'firstContactId' | 'caseIds' | 'visitedAt'
>;

export type SummaryCase = Pick<
  CaseRecord,
  | 'id'
  | 'trackingNumber'
  | 'residentId'
  | 'matterCode'
  | 'mode'
  | 'status'
  | 'gridId'
  | 'acceptedDay'
  | 'deadline'
  | 'firstContactId'
  | 'refusedDay'
  | 'rating'
  | 'pausedWorkingDays'
  | 'completedDay'
  | 'ratedAt'
  | 'archivedDay'
> & {
  pause?: Pick<NonNullable<CaseRecord['pause']>, 'from'>;
  escalations?: Pick<Escalation, 'raisedDay' | 'stage'>[];
  rectification?: Pick<NonNullable<CaseRecord['rectification']>, 'openedDay' | 'closedDay'>;
};

/** A row of `slimRows`: a visit's under `v|<day>|<id>`, a case's under `c|<acceptedDay>|<id>`. */
export type SlimRow = { key: string; visit: SummaryVisit } | { key: string; case: SummaryCase };

const VISIT = 'v|';
const CASE = 'c|';
/** Above every id (ids are ASCII). */
const HIGH = '\uffff';

export const slimVisitKey = (v: Pick<Visit, 'day' | 'id'>): string => `${VISIT}${v.day}|${v.id}`;
export const slimCaseKey = (c: Pick<CaseRecord, 'acceptedDay' | 'id'>): string => `${CASE}${c.acceptedDay}|${c.id}`;

/** The keys of the visits (`v`) or cases (`c`) of the days from `from` to `to`, both included: one key range. */
export function slimRange(kind: 'visits' | 'cases', from: string, to: string): { lower: string; upper: string } {
  const p = kind === 'visits' ? VISIT : CASE;
  return { lower: `${p}${from}|`, upper: `${p}${to}|${HIGH}` };
}

/** Every key of one kind (a table cleared). */
export const slimKindRange = (kind: 'visits' | 'cases') => {
  const p = kind === 'visits' ? VISIT : CASE;
  return { lower: p, upper: `${p}${HIGH}` };
};

/** `o` without its undefined fields (a row keeps only what is there). */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export function slimVisitOf(v: SummaryVisit): SummaryVisit {
  return defined({
    id: v.id,
    day: v.day,
    residentId: v.residentId,
    channel: v.channel,
    kind: v.kind,
    firstContactId: v.firstContactId,
    caseIds: v.caseIds,
    visitedAt: v.visitedAt,
  });
}

export function slimCaseOf(c: SummaryCase): SummaryCase {
  return defined({
    id: c.id,
    trackingNumber: c.trackingNumber,
    residentId: c.residentId,
    matterCode: c.matterCode,
    mode: c.mode,
    status: c.status,
    gridId: c.gridId,
    acceptedDay: c.acceptedDay,
    deadline: c.deadline,
    firstContactId: c.firstContactId,
    refusedDay: c.refusedDay,
    rating: c.rating,
    pausedWorkingDays: c.pausedWorkingDays,
    completedDay: c.completedDay,
    ratedAt: c.ratedAt,
    archivedDay: c.archivedDay,
    pause: c.pause && { from: c.pause.from },
    escalations: c.escalations?.map((e) => ({ raisedDay: e.raisedDay, stage: e.stage })),
    rectification:
      c.rectification && defined({ openedDay: c.rectification.openedDay, closedDay: c.rectification.closedDay }),
  });
}

export const slimVisitRow = (v: SummaryVisit): SlimRow => ({ key: slimVisitKey(v), visit: slimVisitOf(v) });
export const slimCaseRow = (c: SummaryCase): SlimRow => ({ key: slimCaseKey(c), case: slimCaseOf(c) });

/** The row a record of `table` keeps (visits and cases only). */
export function slimRowOf(table: 'visits' | 'cases', record: unknown): SlimRow {
  return table === 'visits' ? slimVisitRow(record as SummaryVisit) : slimCaseRow(record as SummaryCase);
}

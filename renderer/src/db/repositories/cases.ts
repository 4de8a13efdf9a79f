/**
 * Carrying a case to the end (办件): every action goes through the pure state machine
 * (shared/domain/caseMachine) and is stored in ONE transaction with its event, any archive
 * number and the audit row. The queues read the derived indexes (`dueDay`, `flags`, see
 * shared/domain/caseIndex) so they stay fast with tens of thousands of cases.
 *
 * Invariants: 首问责任人 never changes (the machine guarantees it; asserted again here);
 * archived cases are read-only except an admin's reopen with a reason.
 */
import type { CaseAction } from '@shared/domain/caseMachine';
import { proxyChangeOnCaseRefused } from '@shared/domain/events/cascades';
import {
  matchesRest,
  QUEUE_COUNT_CAP,
  QUEUES,
  queueRange,
  type CaseFilter,
  type QueueContext,
  type QueueName,
} from '@shared/domain/caseQueues';
import { containsWords, planCaseSearch } from '@shared/domain/caseSearch';
import { recentMatterCodes } from '@shared/domain/matterSearch';
import { supervises } from '../authorize';
import { archiveCounterKeyFor, archiveYearOf, formatArchiveNumber } from '@shared/domain/caseNumbers';
import type { CaseEvent, CaseRecord, Resident, Visit } from '@shared/domain/records';
import { nextSeq, parseTrackingNumber } from '@shared/domain/trackingNumber';
import { deskNumberOf, type Desk, type DeskBase } from '../desk';
import type { ReadCollection, ReadableDB } from '../entities';
import { DomainRefusal } from '../refusal';
import { closingRefusal } from '@shared/domain/custody';
import { deliveryRefusal, missingRefusal } from '@shared/domain/proxy';
import { actsOnBehalf, onBehalfReasonRefusal } from '@shared/domain/caseOwnership';
import { maskNumbersInText } from '@shared/domain/masking';
import { writeTx } from '../write';
import { readTally } from '../tallies/read';
import { queueTally } from '@shared/domain/tallies';
import type { MatterType } from '../matterType';
import { getMatterType } from './catalog';
import { addCaseEvent, caseEvents } from './caseTimeline';
import { changeCase } from './changeCase';
import { changeProxy } from './changeProxy';
import { resolveResident } from './residents';
import { getVisit } from './visits';

/** The action as the UI sends it; 归档 gets its number from the yearly counter here. */
export type CaseActionInput = Exclude<CaseAction, { type: '归档' }> | { type: '归档' };

export async function getCase(desk: DeskBase, id: string): Promise<CaseRecord | undefined> {
  return desk.db.cases.get(id);
}

/** A case with what its page shows beside it: timeline, resident, catalog entry, visit. */
export type CaseFile = {
  record: CaseRecord;
  events: CaseEvent[];
  resident?: Resident;
  matter?: MatterType;
  visit?: Visit;
};

/** Everything the case page reads, in one live read; `null` when there is no such case. */
export async function getCaseFile(desk: DeskBase, id: string): Promise<CaseFile | null> {
  const record = await getCase(desk, id);
  if (!record) return null;
  const [events, resident, matter, visit] = await Promise.all([
    caseEvents(desk, id),
    // A case of a record merged away (another desk's, arriving later) shows the kept record.
    record.residentId ? resolveResident(desk.db, record.residentId) : undefined,
    getMatterType(desk, record.matterCode),
    record.visitId ? getVisit(desk, record.visitId) : undefined,
  ]);
  return { record, events, resident, matter, visit };
}

/**
 * Applies one action to a stored case, as the desk's actor on the desk's today.
 * @throws DomainRefusal with the machine's Chinese reason when the action is not allowed.
 */
export async function performCaseAction(
  desk: Desk,
  caseId: string,
  input: CaseActionInput,
  /** Why, when the actor is not the case's handler (caseOwnership.ts). */
  options: { onBehalfReason?: string } = {},
): Promise<CaseRecord> {
  const tables = [
    'cases',
    'caseEvents',
    'counters',
    'staff',
    'matterTypes',
    'custodyItems',
    'proxyTasks',
    'proxyEvents',
  ] as const;
  return writeTx(desk, tables, async (tx) => {
    const record = await tx.cases.get(caseId);
    if (!record) throw new DomainRefusal('该办件不存在');
    const proxy = record.mode === '帮代办' ? await tx.proxyTasks.where('caseId').equals(caseId).first() : undefined;
    // A proxy case is not closed while a resident's original is still out (材料交接), nor
    // completed with a document still missing (缺件) or before its result reached the resident (送达).
    // (核实结项 with 已解决 closes the case as 办结 does.)
    const completes = input.type === '办结' || (input.type === '核实结项' && input.solved === true);
    if (record.mode === '帮代办' && (completes || input.type === '不予受理' || input.type === '归档')) {
      const refusal =
        closingRefusal(await tx.custodyItems.where('caseId').equals(caseId).sortBy('collectedAt')) ??
        (completes ? (missingRefusal(record.documentsMissing) ?? deliveryRefusal(proxy)) : null);
      if (refusal) throw new DomainRefusal(refusal);
    }
    if (input.type === '转办') {
      const target = await tx.staff.get(input.toStaffId);
      if (!target?.active) throw new DomainRefusal('请选择在用的工作人员', 'toStaffId');
    }
    // Cases stored before the time limit was kept on the record take it from the catalog.
    const fallbackLimit = (await tx.matterTypes.get(record.matterCode))?.timeLimitDays ?? 0;
    // Who may do what is decided from the staff row as stored (tx.actor), one way: roles.ts.
    const onBehalf = actsOnBehalf(record, input.type, { staffId: desk.actor.id, isAdmin: supervises(tx) });
    if (onBehalf) {
      const refused = onBehalfReasonRefusal(options.onBehalfReason);
      if (refused) throw new DomainRefusal(refused, 'onBehalfReason');
    }
    let action: CaseAction;
    if (input.type === '归档') {
      const year = archiveYearOf(tx.today);
      const deskNo = deskNumberOf(desk);
      const key = archiveCounterKeyFor(desk.community.code, year, deskNo);
      const seq = nextSeq((await tx.counters.get(key))?.value);
      await tx.counters.put({ key, value: seq });
      action = {
        type: '归档',
        archiveNumber: formatArchiveNumber({ communityCode: desk.community.code, year, desk: deskNo, seq }),
      };
    } else action = input;
    const why = onBehalf ? `代为操作：${maskNumbersInText(options.onBehalfReason!.trim())}` : '';
    // The 审计员 reads only the log: the reason goes with it (numbers masked).
    const { record: next } = await changeCase(desk, tx, record, action, {
      fallbackLimit,
      ...(why ? { why, auditNote: `；${why}` } : {}),
    });
    // A proxy case refused after acceptance ends its request (nothing left to visit or deliver).
    const cancel = proxyChangeOnCaseRefused(next, proxy);
    if (proxy && cancel) await changeProxy(desk, tx, proxy, cancel, { originalsOut: [], case: next });
    return next;
  });
}

/**
 * A note on the case's timeline (备注): no change of state. Archived cases take no notes
 * (read-only).
 */
export async function addCaseNote(desk: Desk, caseId: string, text: string): Promise<void> {
  const note = text.trim();
  if (!note) throw new DomainRefusal('请填写备注内容', 'note');
  if (note.length > 500) throw new DomainRefusal('备注不超过 500 字', 'note');
  await writeTx(desk, ['cases', 'caseEvents', 'counters'], async (tx) => {
    const record = await tx.cases.get(caseId);
    if (!record) throw new DomainRefusal('该办件不存在');
    if (record.status === '已归档') throw new DomainRefusal('已归档的办件为只读');
    await addCaseEvent(desk, tx, { caseId, action: '备注', note });
    await tx.audit({ action: 'case.note', entity: 'case', entityId: caseId });
  });
}

/** The desk's queue context: its actor, its today and the working day after. */
export function queueContextOf(desk: Desk): QueueContext {
  const today = desk.clock.today();
  return { staffId: desk.actor.id, today, soonUntil: desk.calendar.addWorkingDays(today, 1).date };
}

export type { CaseFilter };

/**
 * The one index range behind a queue page (shared/domain/caseQueues), the remaining filters
 * applied on its rows; from `after` (the key of the last row shown: a page reads on from there).
 */
function queueCollection(
  db: ReadableDB,
  queue: QueueName,
  q: QueueContext,
  filter: CaseFilter,
  after?: string,
): ReadCollection<CaseRecord, string> {
  const range = queueRange(queue, q, filter);
  const lower = after !== undefined && !range.reverse ? after : range.lower;
  const upper = after !== undefined && range.reverse ? after : range.upper;
  let col = db.cases
    .where('queueKeys')
    .between(
      lower,
      upper,
      after === undefined || range.reverse,
      after !== undefined && range.reverse ? false : !range.upperOpen,
    );
  if (range.reverse) col = col.reverse();
  const { rest } = range;
  return Object.keys(rest).length > 0 ? col.filter((c) => matchesRest(c, rest)) : col;
}

/** One page of a queue; `hasMore` when a next page has rows, read on from `next`. */
export type Page = { rows: CaseRecord[]; hasMore: boolean; next?: string };

/** How many rows `col` has, counting no further than one past the cap (its keys only). */
async function countUpTo(col: ReadCollection<CaseRecord, string>): Promise<number> {
  return (await col.limit(QUEUE_COUNT_CAP + 1).primaryKeys()).length;
}

/**
 * One page of a queue in its order (caseQueues.ts): open work soonest first, finished work
 * newest first. Reads the page's rows and one more (is there a next page?) from the key the
 * page before ended at (`after`: its `next`) — never the rows before it, so page 21 costs what
 * page 1 does (issue 28 item 3).
 */
export async function queuePage(
  desk: Desk,
  queue: QueueName,
  filter: CaseFilter,
  page: { after?: string; limit: number },
): Promise<Page> {
  const q = queueContextOf(desk);
  const col = queueCollection(desk.db, queue, q, filter, page.after);
  const rows = await col.limit(page.limit + 1).toArray();
  const shown = rows.slice(0, page.limit);
  const range = queueRange(queue, q, filter);
  const last = shown.at(-1);
  const next = last?.queueKeys?.find((k) => k >= range.lower && (range.upperOpen ? k < range.upper : k <= range.upper));
  return { rows: shown, hasMore: rows.length > page.limit, ...(next !== undefined ? { next } : {}) };
}

/**
 * How many cases a queue holds with `filter`, exact up to QUEUE_COUNT_CAP, QUEUE_COUNT_CAP + 1
 * above it (shown 「1000+」): a count reads index keys, so it is bounded, not exact, for lists
 * that grow with the years. The screen reads it beside the page, not before it.
 */
export async function queueTotal(desk: Desk, queue: QueueName, filter: CaseFilter): Promise<number> {
  return countUpTo(queueCollection(desk.db, queue, queueContextOf(desk), filter));
}

/**
 * The 12 queue tabs' counts, exact, from the kept counts (shared/domain/tallies.ts): a row per
 * queue, or a few per-day rows for the due-day queues — the cost does not grow with the desk.
 */
export async function queueCounts(desk: Desk): Promise<Record<QueueName, number>> {
  const q = queueContextOf(desk);
  const counts = await Promise.all(QUEUES.map((name) => readTally(desk.db, queueTally(name, q))));
  return Object.fromEntries(QUEUES.map((name, i) => [name, counts[i] ?? 0])) as Record<QueueName, number>;
}

/**
 * Finds cases by tracking number (whole, or its tail: the day's number, or day and number), by
 * resident (their ids from the resident search), by part of the matter name or of the visit's
 * 诉求内容 — each one index range (shared/domain/caseSearch), newest first, read only until
 * `limit` cases are found.
 */
export async function searchCases(
  desk: DeskBase,
  text: string,
  residentIds: string[],
  limit = 50,
): Promise<CaseRecord[]> {
  const { db } = desk;
  const plan = planCaseSearch(text);
  const none = Promise.resolve<CaseRecord[]>([]);
  const newest = (prefix: string) => db.cases.where('searchKeys').startsWith(prefix).reverse();
  const { matter, content } = plan;
  // The ways a query can match are read side by side, then merged in this order of priority;
  // the 诉求内容 (more rows to read: visits, then their cases) only when those did not fill the page.
  const parts = await Promise.all([
    plan.trackingNumber ? db.cases.where('trackingNumber').equals(plan.trackingNumber).toArray() : none,
    plan.tail ? byTail(newest(plan.tail.prefix), plan.tail.desk).limit(limit).toArray() : none,
    residentIds.length > 0 ? db.cases.where('residentId').anyOf(residentIds).limit(limit).toArray() : none,
    // A key that is the whole query needs no check of the rows (and Dexie reads them in bulk).
    matter
      ? (matter.exact
          ? newest(matter.prefix)
          : newest(matter.prefix).filter((c) => containsWords(c.matterName, matter.text))
        )
          .limit(limit)
          .toArray()
      : none,
  ]);
  const found = new Map<string, CaseRecord>();
  const add = (cs: CaseRecord[]) => cs.forEach((c) => found.size < limit && found.set(c.id, c));
  parts.forEach(add);
  if (content && found.size < limit) add(await casesByContent(db, content, limit - found.size));
  return [...found.values()];
}

/** The rows of a tail's range, of one desk when the tail was typed with its desk's digits. */
function byTail(
  rows: ReadCollection<CaseRecord, string>,
  desk: number | undefined,
): ReadCollection<CaseRecord, string> {
  if (desk === undefined) return rows;
  return rows.filter((c) => {
    const n = parseTrackingNumber(c.trackingNumber);
    return n.ok && n.desk === desk;
  });
}

/** Cases whose visit's 诉求内容 contains the query, newest visits first. */
async function casesByContent(
  db: ReadableDB,
  content: { prefix: string; text: string; exact: boolean },
  limit: number,
) {
  const words = db.visits.where('words').startsWith(content.prefix).reverse();
  const visits = await (content.exact ? words : words.filter((v) => containsWords(v.content, content.text)))
    .limit(limit)
    .toArray();
  const cases = await db.cases.bulkGet(visits.flatMap((v) => v.caseIds));
  return cases.filter((c): c is CaseRecord => c !== undefined);
}

/** The codes of the matters a resident had most recently, newest first (来访登记 offers them first). */
export async function recentMattersOf(desk: DeskBase, residentId: string): Promise<string[]> {
  return recentMatterCodes(await desk.db.cases.where('residentId').equals(residentId).toArray());
}

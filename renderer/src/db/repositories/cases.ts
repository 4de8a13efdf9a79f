/**
 * Carrying a case to the end (办件): every action goes through the pure state machine
 * (shared/domain/caseMachine) and is stored in ONE transaction with its event, any archive
 * number and the audit row. The queues read the derived indexes (`dueDay`, `flags`, see
 * shared/domain/caseIndex) so they stay fast with tens of thousands of cases.
 *
 * Invariants: 首问责任人 never changes (the machine guarantees it; asserted again here);
 * archived cases are read-only except an admin's reopen with a reason.
 */
import { applyAction, caseStateFromRecord, type CaseAction, type CaseState } from '@shared/domain/caseMachine';
import { withIndexes } from '@shared/domain/caseIndex';
import { archiveCounterKeyFor, archiveYearOf, formatArchiveNumber } from '@shared/domain/caseNumbers';
import type { CaseEvent, CaseRecord } from '@shared/domain/records';
import { nextSeq } from '@shared/domain/trackingNumber';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import type { Collection } from 'dexie';
import type { DutyDeskDB } from '../database';
import { DomainRefusal, writeTx } from '../write';

export type CaseActionContext = {
  staffId: string;
  now: number;
  today: string;
  communityCode: string;
  calendar: WorkingCalendar;
  newId: () => string;
};

/** The action as the UI sends it; 归档 gets its number from the yearly counter here. */
export type CaseActionInput = Exclude<CaseAction, { type: '归档' }> | { type: '归档' };

/**
 * Applies one action to a stored case.
 * @throws DomainRefusal with the machine's Chinese reason when the action is not allowed.
 */
export async function performCaseAction(
  db: DutyDeskDB,
  caseId: string,
  input: CaseActionInput,
  ctx: CaseActionContext,
): Promise<CaseRecord> {
  return writeTx(
    db,
    { staffId: ctx.staffId, now: ctx.now },
    [db.cases, db.caseEvents, db.counters, db.staff, db.matterTypes],
    async ({ audit }) => {
      const record = await db.cases.get(caseId);
      if (!record) throw new DomainRefusal('该办件不存在');
      // Who may do what is decided from the staff table now, not from the UI session.
      const actor = await db.staff.get(ctx.staffId);
      if (!actor?.active) throw new DomainRefusal('当前账号不存在或已停用，请重新登录');
      if (input.type === '转办') {
        const target = await db.staff.get(input.toStaffId);
        if (!target?.active) throw new DomainRefusal('请选择在用的工作人员', 'toStaffId');
      }
      // Cases stored before the time limit was kept on the record take it from the catalog.
      const fallbackLimit = (await db.matterTypes.get(record.matterCode))?.timeLimitDays ?? 0;
      let action: CaseAction;
      let archiveSeq: { key: string; value: number } | undefined;
      if (input.type === '归档') {
        const year = archiveYearOf(ctx.today);
        const key = archiveCounterKeyFor(ctx.communityCode, year);
        const seq = nextSeq((await db.counters.get(key))?.value);
        archiveSeq = { key, value: seq };
        action = { type: '归档', archiveNumber: formatArchiveNumber({ communityCode: ctx.communityCode, year, seq }) };
      } else action = input;

      const result = applyAction(
        caseStateFromRecord(record, fallbackLimit),
        action,
        { staffId: ctx.staffId, isAdmin: actor.role === '站长/管理员' },
        { now: ctx.now, today: ctx.today },
        ctx.calendar,
      );
      if (!result.ok) throw new DomainRefusal(result.reason);
      const next = mergeState(record, result.next, ctx);
      if (next.firstContactId !== record.firstContactId) throw new Error('invariant: first contact changed');
      await db.cases.put(next);
      if (archiveSeq) await db.counters.put(archiveSeq);
      const n = (await db.caseEvents.where('caseId').equals(caseId).count()) + 1;
      const event: CaseEvent = { ...result.event, id: ctx.newId(), n };
      await db.caseEvents.add(event);
      await audit({
        action: `case.${action.type}`,
        entity: 'case',
        entityId: caseId,
        detail: `${record.status}→${next.status}`,
      });
      return next;
    },
  );
}

/** Writes the machine's state back onto the stored record (fields it removed are removed). */
function mergeState(record: CaseRecord, state: CaseState, ctx: CaseActionContext): CaseRecord {
  const machineKeys = Object.keys(caseStateFromRecord(record)) as (keyof CaseState)[];
  const base: CaseRecord = { ...record };
  for (const k of machineKeys) delete (base as Partial<Record<keyof CaseState, unknown>>)[k];
  const { timeLimitDays, ...fields } = state;
  return withIndexes({ ...base, ...fields, timeLimitDays, updatedAt: ctx.now, updatedBy: ctx.staffId });
}

/**
 * A note on the case's timeline (备注): no change of state. Archived cases take no notes
 * (read-only).
 */
export async function addCaseNote(
  db: DutyDeskDB,
  caseId: string,
  text: string,
  ctx: { staffId: string; now: number; newId: () => string },
): Promise<void> {
  const note = text.trim();
  if (!note) throw new DomainRefusal('请填写备注内容', 'note');
  if (note.length > 500) throw new DomainRefusal('备注不超过 500 字', 'note');
  await writeTx(db, { staffId: ctx.staffId, now: ctx.now }, [db.cases, db.caseEvents], async ({ audit }) => {
    const record = await db.cases.get(caseId);
    if (!record) throw new DomainRefusal('该办件不存在');
    if (record.status === '已归档') throw new DomainRefusal('已归档的办件为只读');
    const n = (await db.caseEvents.where('caseId').equals(caseId).count()) + 1;
    await db.caseEvents.add({ id: ctx.newId(), caseId, n, at: ctx.now, by: ctx.staffId, action: '备注', note });
    await audit({ action: 'case.note', entity: 'case', entityId: caseId });
  });
}

/** The timeline of a case, in the order things happened. */
export async function caseEvents(db: DutyDeskDB, caseId: string): Promise<CaseEvent[]> {
  const events = await db.caseEvents.where('caseId').equals(caseId).toArray();
  return events.sort((a, b) => (a.n ?? 0) - (b.n ?? 0) || a.at - b.at);
}

export const QUEUES = [
  '我的办件',
  '待签收',
  '今日到期',
  '即将超期',
  '已超期',
  '待回访',
  '整改',
  '已上报街道',
  '待归档',
  '全部在办',
  '全部办件',
] as const;
export type QueueName = (typeof QUEUES)[number];

export type QueueContext = {
  staffId: string;
  today: string;
  /** The next working day after today: 即将超期 runs up to it. */
  soonUntil: string;
};

export type CaseFilter = { gridId?: string; status?: string; matterCode?: string };

/** The index read behind each queue. */
function queueCollection(db: DutyDeskDB, queue: QueueName, q: QueueContext): Collection<CaseRecord, string> {
  switch (queue) {
    case '我的办件':
      return db.cases.where('flags').equals(`我的:${q.staffId}`);
    case '待签收':
      return db.cases.where('flags').equals(`待签收:${q.staffId}`);
    case '今日到期':
      return db.cases.where('dueDay').equals(q.today);
    case '即将超期':
      return db.cases.where('dueDay').between(q.today, q.soonUntil, true, true);
    case '已超期':
      return db.cases.where('dueDay').below(q.today);
    case '待回访':
      return db.cases.where('flags').equals('待回访');
    case '整改':
      return db.cases.where('flags').equals('整改');
    case '已上报街道':
      return db.cases.where('flags').equals('上报');
    case '待归档':
      return db.cases.where('flags').equals('待归档');
    case '全部在办':
      return db.cases.where('flags').equals('在办');
    case '全部办件':
      // Newest first, read lazily page by page (the whole store is never loaded).
      return db.cases.orderBy('acceptedDay').reverse();
  }
}

function applyFilter(col: Collection<CaseRecord, string>, f: CaseFilter): Collection<CaseRecord, string> {
  if (!f.gridId && !f.status && !f.matterCode) return col;
  return col.filter(
    (c) =>
      (!f.gridId || c.gridId === f.gridId) &&
      (!f.status || c.status === f.status) &&
      (!f.matterCode || c.matterCode === f.matterCode),
  );
}

export type Page = { rows: CaseRecord[]; total: number };

/** One page of a queue, most urgent first (by promised date where there is one). */
export async function queuePage(
  db: DutyDeskDB,
  queue: QueueName,
  q: QueueContext,
  filter: CaseFilter,
  page: { offset: number; limit: number },
): Promise<Page> {
  const col = () => applyFilter(queueCollection(db, queue, q), filter);
  const total = await col().count();
  // These come out of their index already in order: page without loading the rest.
  const inOrder = queue === '今日到期' || queue === '即将超期' || queue === '已超期' || queue === '全部办件';
  const rows = inOrder
    ? await col().offset(page.offset).limit(page.limit).toArray()
    : (await col().sortBy('acceptedDay')).reverse().slice(page.offset, page.offset + page.limit);
  return { rows, total };
}

export async function queueCounts(db: DutyDeskDB, q: QueueContext): Promise<Record<QueueName, number>> {
  const counts = await Promise.all(
    QUEUES.map((name) => (name === '全部办件' ? db.cases.count() : queueCollection(db, name, q).count())),
  );
  return Object.fromEntries(QUEUES.map((name, i) => [name, counts[i] ?? 0])) as Record<QueueName, number>;
}

/**
 * Finds cases by tracking number (whole or its tail), by resident (their ids from the
 * resident search), by words in the matter name or in the visit's 诉求内容.
 */
export async function searchCases(
  db: DutyDeskDB,
  text: string,
  residentIds: string[],
  limit = 50,
): Promise<CaseRecord[]> {
  const q = text.trim().toUpperCase();
  if (!q) return [];
  const found = new Map<string, CaseRecord>();
  const add = (cs: CaseRecord[]) => cs.forEach((c) => found.size < limit && found.set(c.id, c));
  if (/^[A-Z0-9]{2,8}-\d{8}-\d{4,}$/.test(q)) add(await db.cases.where('trackingNumber').equals(q).toArray());
  if (residentIds.length > 0) add(await db.cases.where('residentId').anyOf(residentIds).limit(limit).toArray());
  if (found.size < limit) {
    add(
      await db.cases
        .filter((c) => c.trackingNumber.endsWith(q) || c.matterName.includes(text.trim()))
        .limit(limit - found.size)
        .toArray(),
    );
  }
  if (found.size < limit && text.trim().length >= 2) {
    // 诉求内容: words the resident's request was recorded with at the counter.
    const visits = await db.visits
      .filter((v) => v.caseIds.length > 0 && v.content.includes(text.trim()))
      .limit(limit)
      .toArray();
    add((await db.cases.bulkGet(visits.flatMap((v) => v.caseIds))).filter((c): c is CaseRecord => c !== undefined));
  }
  return [...found.values()];
}

/**
 * Resident records (居民档案): create / update with validation and duplicate check, search,
 * and the logged reveal of a masked field.
 *
 * Invariants:
 *   - every stored resident passed `validateResidentInput` (today's date and the community's
 *     grids from the desk); `searchKeys` is derived on every write (db/derived.ts);
 *   - no two residents share an ID number, and no two share name + phone: the duplicate
 *     check runs inside the same rw transaction as the write;
 *   - audit rows name the action, the resident id and at most field NAMES, never values;
 *   - errors thrown carry Chinese messages without personal data (`DuplicateResidentError`
 *     carries the existing record as data for the UI, not in its message).
 * Screens show masked ID numbers and phones by default; `revealResidentField` is the one
 * audited way to read the full value for display.
 */
import type { CaseRecord, CustodyItem, ProxyTask, Resident } from '@shared/domain/records';
import {
  DELETED_RESIDENT_ID,
  deleteReasonRefusal,
  INACTIVE_KEY_PREFIX,
  isInactiveResident,
  openCount,
  openItemsOf,
  openSummary,
  residentStatusOf,
  statusInputRefusal,
  type DeletionPreview,
  type OpenItems,
  type StatusInput,
} from '@shared/domain/residentStatus';
import { requirePermission } from '../authorize';
import {
  firstResidentError,
  validateResidentInput,
  type NormalizedResident,
  type ResidentFieldErrors,
  type ResidentInput,
} from '@shared/domain/resident';
import { normalizeQuery } from '@shared/domain/searchQuery';
import { residentsForList, type ListViewer } from '@shared/domain/residentTagsVisibility';
import { maskNumbersInText, maskReasonForLog } from '@shared/domain/masking';
import { Dexie } from 'dexie';
import type { Desk, DeskBase } from '../desk';
import type { ReadableDB } from '../entities';
import { DomainRefusal } from '../refusal';
import { writeTx, type Unstamped, type WriteTx } from '../write';
import { changeCase } from './changeCase';
import { changeProxy } from './changeProxy';

export type RevealableField = 'idNumber' | 'phone';

/** Validation refused the input: `message`/`field` is the first error, `errors` all of them. */
export class ResidentValidationError extends DomainRefusal {
  readonly errors: ResidentFieldErrors;
  constructor(errors: ResidentFieldErrors) {
    const first = firstResidentError(errors);
    super(first?.message ?? '居民信息填写有误，请核对', first?.field);
    this.name = 'ResidentValidationError';
    this.errors = errors;
  }
}

export type DuplicateReason = 'idNumber' | 'namePhone';

/** A resident with the same ID number, or the same name and phone, already exists. */
export class DuplicateResidentError extends DomainRefusal {
  /** The record already on file, so the UI can offer to use it instead. */
  readonly existing: Resident;
  readonly reason: DuplicateReason;
  constructor(existing: Resident, reason: DuplicateReason) {
    super(
      reason === 'idNumber'
        ? '该身份证号已有居民档案，请直接使用已有档案'
        : '已有姓名和联系电话都相同的居民档案，请直接使用已有档案',
      reason === 'idNumber' ? 'idNumber' : 'phone',
    );
    this.name = 'DuplicateResidentError';
    this.existing = existing;
    this.reason = reason;
  }
}

const NOT_FOUND = '未找到该居民档案，可能已被删除';

/** Fields compared on update; their names (never values) go into the audit row. */
export const TRACKED_FIELDS = [
  'name',
  'gender',
  'idNumber',
  'birthDate',
  'phone',
  'building',
  'unit',
  'room',
  'gridId',
  'tags',
] as const;

export async function getResident(desk: DeskBase, id: string): Promise<Resident | undefined> {
  return desk.db.residents.get(id);
}

/** Several residents at once, by id (missing ones left out), e.g. for a register's rows. */
export async function residentsByIds(desk: DeskBase, ids: readonly string[]): Promise<Map<string, Resident>> {
  const unique = [...new Set(ids)];
  const found = (await desk.db.residents.bulkGet(unique)).filter((r): r is Resident => r !== undefined);
  return new Map(found.map((r) => [r.id, r]));
}

/**
 * Residents that would duplicate `value`: the same ID number, or the same name and the same
 * phone. ID matches come first. Joins the caller's transaction when there is one.
 *
 * Deliberately not `async`: `writeTx` hands Dexie a plain (non-async) scope function, so
 * Dexie keeps the transaction alive only across awaits of its own promises. A nested native
 * async helper awaited inside the transaction lets it auto-commit (PrematureCommitError).
 * This returns a Dexie promise chain, which is safe inside and outside transactions.
 */
export function findDuplicates(
  tables: Pick<ReadableDB, 'residents'> | WriteTx<'residents'>,
  value: NormalizedResident,
  excludeId?: string,
): Promise<Resident[]> {
  const db = tables;
  const none = Dexie.Promise.resolve<Resident[]>([]);
  const byId = value.idNumber ? db.residents.where('idNumber').equals(value.idNumber).toArray() : none;
  const byPhone = value.phone ? db.residents.where('phone').equals(value.phone).toArray() : none;
  return Dexie.Promise.all([byId, byPhone]).then(([sameId, samePhone]) => {
    const found = new Map<string, Resident>();
    for (const r of sameId) found.set(r.id, r);
    for (const r of samePhone) if (r.name === value.name && !found.has(r.id)) found.set(r.id, r);
    if (excludeId !== undefined) found.delete(excludeId);
    return [...found.values()];
  });
}

function validateOrThrow(input: ResidentInput, desk: Desk): NormalizedResident {
  const gridIds = desk.community.grids.map((g) => g.id);
  const result = validateResidentInput(input, desk.clock.today(), { gridIds });
  if (!result.ok) throw new ResidentValidationError(result.errors);
  return result.value;
}

/** Not `async`, for the reason given at `findDuplicates`. */
function refuseDuplicates(tx: WriteTx<'residents'>, value: NormalizedResident, excludeId?: string): Promise<void> {
  return findDuplicates(tx, value, excludeId).then(([first]) => {
    if (!first) return;
    const reason = value.idNumber !== undefined && first.idNumber === value.idNumber ? 'idNumber' : 'namePhone';
    throw new DuplicateResidentError(first, reason);
  });
}

/**
 * The record to store, without absent optional fields (so they are neither stored nor
 * indexed); the transaction adds the stamp and the search keys.
 */
export function toRecord(id: string, value: NormalizedResident): Unstamped<Resident> {
  const record: Unstamped<Resident> = { id, name: value.name, tags: value.tags, searchKeys: [] };
  for (const field of ['gender', 'idNumber', 'birthDate', 'phone', 'building', 'unit', 'room', 'gridId'] as const) {
    const v = value[field];
    if (v !== undefined) Object.assign(record, { [field]: v });
  }
  return record;
}

/** The fields of a stored resident that the resident form does not edit. */
function keptFields(r: Resident): Partial<Resident> {
  const kept: Partial<Resident> = {};
  for (const f of ['care', 'status', 'statusDay', 'statusNote'] as const)
    if (r[f] !== undefined) Object.assign(kept, { [f]: r[f] });
  return kept;
}

/**
 * Registers a new resident.
 * @throws ResidentValidationError (a DomainRefusal) when a field is invalid — nothing is written.
 * @throws DuplicateResidentError (a DomainRefusal) when the resident is already on file.
 */
export async function createResident(desk: Desk, input: ResidentInput): Promise<Resident> {
  const value = validateOrThrow(input, desk);
  const id = desk.newId();
  return writeTx(desk, ['residents'], async (tx) => {
    await refuseDuplicates(tx, value);
    const record = await tx.residents.add(toRecord(id, value));
    await tx.audit({ action: 'resident.create', entity: 'resident', entityId: id });
    return record;
  });
}

/**
 * Replaces the resident's editable fields with `input` (a field left empty is cleared).
 * Nothing is written, and no audit row added, when nothing changed.
 * @throws ResidentValidationError / DuplicateResidentError as `createResident`;
 *         DomainRefusal when the resident does not exist.
 */
export async function updateResident(desk: Desk, id: string, input: ResidentInput): Promise<Resident> {
  const value = validateOrThrow(input, desk);
  return writeTx(desk, ['residents'], async (tx) => {
    const current = await tx.residents.get(id);
    if (!current) throw new DomainRefusal(NOT_FOUND);
    // What the form does not edit (重点服务信息, 居民状态) stays as it is.
    const next = { ...keptFields(current), ...toRecord(id, value) };
    const changed = TRACKED_FIELDS.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]));
    if (changed.length === 0) return current;
    await refuseDuplicates(tx, value, id);
    const stored = await tx.residents.put(next);
    await tx.audit({ action: 'resident.update', entity: 'resident', entityId: id, detail: changed.join(',') });
    return stored;
  });
}

/** The longest reason a reveal is logged with (a short phrase, never a document). */
export const REVEAL_REASON_MAX = 40;

/**
 * Returns the full ID number or phone of a resident for display and logs the reveal with its
 * reason (who, when, which field of which resident, why — never the value).
 * @throws DomainRefusal (field `reason`) when the reason is missing, blank or too long;
 *         DomainRefusal when the acting account (re-read) lacks `resident.reveal`, the resident
 *         does not exist or the field is not on file.
 */
export async function revealResidentField(
  desk: Desk,
  residentId: string,
  field: RevealableField,
  /** Why (查看原因, e.g. 核对身份办理业务, 打印委托书); required, logged with the reveal. */
  reason: string,
): Promise<string> {
  if (field !== 'idNumber' && field !== 'phone') throw new DomainRefusal('只能查看完整的身份证号或联系电话');
  const why = (reason ?? '').replace(/\s+/g, ' ').trim();
  if (!why) throw new DomainRefusal('请选择或填写查看原因', 'reason');
  if (Array.from(why).length > REVEAL_REASON_MAX)
    throw new DomainRefusal(`查看原因请写简短些（不超过 ${REVEAL_REASON_MAX} 个字）`, 'reason');
  if (maskNumbersInText(why) !== why) throw new DomainRefusal('查看原因中不要写身份证号或电话号码', 'reason');
  return writeTx(desk, ['residents', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'resident.reveal', '查看完整的身份证号或联系电话');
    const r = await tx.residents.get(residentId);
    if (!r) throw new DomainRefusal(NOT_FOUND);
    const full = r[field];
    if (!full)
      throw new DomainRefusal(field === 'idNumber' ? '该居民档案未登记身份证号' : '该居民档案未登记联系电话', field);
    await tx.audit({
      action: 'resident.reveal',
      entity: 'resident',
      entityId: residentId,
      detail: `${field}；原因：${why}`,
    });
    return full;
  });
}

/**
 * Who reads a list, for its 人员标签 (`resident.tagsInLists`): the acting staff row as stored
 * now — a role change or a deactivation in another window counts — or, without one, the
 * session's actor; nobody before sign-in.
 */
async function listViewer(desk: DeskBase): Promise<ListViewer> {
  if (!desk.actor) return null;
  return (await desk.db.staff.get(desk.actor.id)) ?? desk.actor;
}

/**
 * The most recently created or changed residents, newest first (the register of residents).
 * Without `resident.tagsInLists` each comes with `tags: []` (residentTagsVisibility.ts).
 */
export async function listRecentResidents(desk: DeskBase, limit = 20): Promise<Resident[]> {
  if (limit <= 0) return [];
  const [viewer, recent] = await Promise.all([
    listViewer(desk),
    desk.db.residents.orderBy('updatedAt').reverse().limit(limit).toArray(),
  ]);
  return residentsForList(viewer, recent);
}

const byName = new Intl.Collator('zh-Hans-CN');

/** 0: some key equals the query; 1: a name key (Chinese name, pinyin) starts with it; 2: others. */
function rankOf(r: Resident, q: string): number {
  const keys = isInactiveResident(r) ? r.searchKeys.map((k) => k.slice(INACTIVE_KEY_PREFIX.length)) : r.searchKeys;
  if (keys.includes(q)) return 0;
  // Phone keys are digits, ID keys digits with an optional upper-case X; name keys are not.
  if (keys.some((k) => k.startsWith(q) && /[^0-9X]/.test(k))) return 1;
  return 2;
}

/** 包括已迁出、已故: also the residents marked 已迁出 / 已故 (left out by default). */
export type ResidentSearchOptions = { includeInactive?: boolean };

/**
 * Finds residents by any search key prefix (Chinese name, full pinyin, initials, phone,
 * phone last 4, ID number, ID last 4–6). Reads the multiEntry index only until `limit`
 * distinct residents are found (a batch of index keys at a time, never the whole match set),
 * then ranks: exact key match, then name match, then others; ties by name (pinyin order), id.
 * Because reading stops early, which residents are returned for a very broad query (e.g. '1')
 * follows the index order; ranking then orders that page.
 *
 * 已迁出 / 已故 residents' keys carry INACTIVE_KEY_PREFIX (db/derived.ts): the default search
 * is the same one range as always and never meets them; `includeInactive` reads the prefixed
 * range too (a second range of the same index, also stopped at `limit`), and at the same rank
 * a 在册 resident comes first.
 *
 * A list view: without `resident.tagsInLists` the residents come with `tags: []`
 * (residentTagsVisibility.ts); the resident's own read (`getResident`) keeps them.
 */
export async function searchResidents(
  desk: DeskBase,
  query: string,
  limit = 20,
  options: ResidentSearchOptions = {},
): Promise<Resident[]> {
  const q = normalizeQuery(query).replace(PREFIX_RUN, '');
  if (q === '' || limit <= 0) return [];
  const [viewer, found] = await Promise.all([listViewer(desk), firstDistinct(desk.db, q, limit)]);
  if (options.includeInactive) found.push(...(await firstDistinct(desk.db, INACTIVE_KEY_PREFIX + q, limit)));
  const ranked = found.map((r) => ({ r, rank: rankOf(r, q), inactive: isInactiveResident(r) ? 1 : 0 }));
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.inactive - b.inactive ||
      byName.compare(a.r.name, b.r.name) ||
      (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0),
  );
  const page = ranked.slice(0, limit).map((x) => x.r);
  return residentsForList(viewer, page);
}

const PREFIX_RUN = new RegExp(`^\\${INACTIVE_KEY_PREFIX}+`);

/**
 * The first `limit` distinct residents in index order with a key starting with `q`, in one
 * read of `limit` rows as a rule. One resident can match through several keys (polyphonic
 * readings, phone and ID tails), so when that read held repeats and there may be more, the
 * next rows are read (twice as many each time) until enough distinct ones are found.
 */
async function firstDistinct(db: ReadableDB, q: string, limit: number): Promise<Resident[]> {
  const found = new Map<string, Resident>();
  let offset = 0;
  // Letters (pinyin, initials) match one resident through several readings: read more at once.
  for (let batch = /[a-z]/.test(q) ? limit * 2 : limit; ; batch *= 2) {
    const rows = await db.residents.where('searchKeys').startsWith(q).offset(offset).limit(batch).toArray();
    for (const r of rows) if (found.size < limit) found.set(r.id, r);
    if (found.size >= limit || rows.length < batch) return [...found.values()];
    offset += batch;
  }
}

// ---------------------------------------------------------------------------------------------
// 居民状态 (已迁出 / 已故) and 删除居民
// ---------------------------------------------------------------------------------------------

/**
 * Something is still open for the resident (a running case, a document out, a 帮代办 request):
 * a marking needs `confirmOpen` (the screen has shown `open` first); a deletion is refused.
 */
export class OpenItemsRefusal extends DomainRefusal {
  readonly open: OpenItems;
  constructor(message: string, open: OpenItems) {
    super(message);
    this.name = 'OpenItemsRefusal';
    this.open = open;
  }
}

type HistoryTables = 'cases' | 'custodyItems' | 'proxyTasks';

/**
 * The resident's cases, documents and requests, by their `residentId` indexes. Not `async`,
 * for the reason given at `findDuplicates` (it also runs inside write transactions).
 */
function historyOf(
  tables: Pick<ReadableDB, HistoryTables> | WriteTx<HistoryTables>,
  residentId: string,
): Promise<[CaseRecord[], CustodyItem[], ProxyTask[]]> {
  return Dexie.Promise.all([
    tables.cases.where('residentId').equals(residentId).toArray(),
    tables.custodyItems.where('residentId').equals(residentId).toArray(),
    tables.proxyTasks.where('residentId').equals(residentId).toArray(),
  ]) as Promise<[CaseRecord[], CustodyItem[], ProxyTask[]]>;
}

/** What is still open for the resident (shown before a marking or a deletion). */
export async function openItemsOfResident(desk: DeskBase, residentId: string): Promise<OpenItems> {
  const [cases, items, tasks] = await historyOf(desk.db, residentId);
  return openItemsOf(cases, items, tasks);
}

export type StatusMarking = StatusInput & {
  /** The clerk saw what is still open and marks anyway. */
  confirmOpen?: boolean;
};

/**
 * 标记迁出 / 已故 (or, for an admin, back to 在册): the status, its day and the note on the
 * resident's record, in one transaction with the audit row `resident.status` (the statuses and
 * the number of open items; never the note). Their cases, visits and documents stay as they are.
 *
 * Who: `resident.markInactive` to mark, `resident.reactivate` to undo (roles.ts), re-checked
 * inside the transaction. Open items do not block a marking (a resident who died may leave a
 * case to close) but must be acknowledged: without `confirmOpen` the marking is refused with an
 * `OpenItemsRefusal` carrying them, and nothing is written.
 * @throws DomainRefusal (at the field: status, day, note) — nothing written.
 */
export async function markResidentStatus(
  desk: Desk,
  id: string,
  input: StatusMarking,
): Promise<{ resident: Resident; open: OpenItems }> {
  return writeTx(desk, ['residents', 'staff', 'cases', 'custodyItems', 'proxyTasks'], async (tx) => {
    const current = await tx.residents.get(id);
    if (!current) throw new DomainRefusal(NOT_FOUND);
    await (input.status === '在册'
      ? requirePermission(tx, desk.actor, 'resident.reactivate', '将已迁出、已故的居民恢复为在册')
      : requirePermission(tx, desk.actor, 'resident.markInactive', '标记居民已迁出或已故'));
    const refused = statusInputRefusal(input, current, tx.today);
    if (refused) throw new DomainRefusal(refused.reason, refused.field);
    const [cases, items, tasks] = await historyOf(tx, id);
    const open = input.status === '在册' ? openItemsOf([], [], []) : openItemsOf(cases, items, tasks);
    if (openCount(open) > 0 && !input.confirmOpen)
      throw new OpenItemsRefusal(`该居民还有未办完的事项（${openSummary(open)}），请先核对`, open);
    const { status: _s, statusDay: _d, statusNote: _n, ...rest } = current;
    const next =
      input.status === '在册'
        ? rest
        : { ...rest, status: input.status, statusDay: input.day, statusNote: input.note.trim() };
    const resident = await tx.residents.put(next);
    await tx.audit({
      action: 'resident.status',
      entity: 'resident',
      entityId: id,
      detail:
        `${residentStatusOf(current)}→${input.status}${openCount(open) > 0 ? `；未完成 ${openCount(open)}` : ''}` +
        (input.status === '在册' && input.note.trim() ? `；说明：${maskReasonForLog(input.note, current.name)}` : ''),
    });
    return { resident, open };
  });
}

type DeletionTables =
  | 'residents'
  | 'staff'
  | 'visits'
  | 'cases'
  | 'caseEvents'
  | 'counters'
  | 'custodyItems'
  | 'proxyTasks'
  | 'proxyEvents'
  | 'problems'
  | 'importBatches';

/** Not `async` (runs inside the deletion's transaction, see `findDuplicates`). */
function deletionScope(
  tables: Pick<ReadableDB, Exclude<DeletionTables, 'staff'>> | WriteTx<DeletionTables>,
  id: string,
) {
  return Dexie.Promise.all([
    historyOf(tables, id),
    tables.visits.where('residentId').equals(id).toArray(),
    tables.problems.where('residentIds').equals(id).toArray(),
  ]).then(([[cases, items, tasks], visits, problems]) => ({ cases, items, tasks, visits, problems }));
}

type Scope = Awaited<ReturnType<typeof deletionScope>>;

function previewOf(s: Scope): DeletionPreview {
  return {
    visits: s.visits.length,
    cases: s.cases.length,
    custodyItems: s.items.length,
    proxyRequests: s.tasks.length,
    problems: s.problems.length,
    open: openItemsOf(s.cases, s.items, s.tasks),
  };
}

/** What deleting the resident would touch (the counts shown before, and what is still open). */
export async function residentDeletionPreview(desk: DeskBase, id: string): Promise<DeletionPreview> {
  return previewOf(await deletionScope(desk.db, id));
}

export type ResidentDeletion = {
  reason: string;
  /** The counts the admin was shown: the deletion is refused if the data changed since. */
  expected: Omit<DeletionPreview, 'open'>;
};

/**
 * 删除居民 (admins only, `resident.delete`, re-checked inside the transaction), with a reason
 * (at least 4 characters, at the field `reason`), refused while anything is open (a running
 * case, a document out, an open 帮代办 request) and when the counts differ from the preview the
 * admin confirmed. In ONE transaction:
 *   - the resident row is removed (with it the care profile and the status);
 *   - visits, cases, documents (材料交接), 帮代办 requests and problems are KEPT, their
 *     `residentId` (a problem source's too) replaced by DELETED_RESIDENT_ID, which names no one:
 *     tracking numbers, timelines, ratings and the reports' figures stay, and screens can tell
 *     "deleted" (已删除居民) from "never had a resident" (a 诉求 about a street lamp);
 *   - today's resident imports forget the resident (an undo must not bring the record back);
 *   - the audit row `resident.delete`: the reason's length and the counts, no personal data.
 * @throws DomainRefusal / OpenItemsRefusal — nothing written.
 */
export async function deleteResident(desk: Desk, id: string, input: ResidentDeletion): Promise<DeletionPreview> {
  return writeTx(
    desk,
    [
      'residents',
      'staff',
      'visits',
      'cases',
      'caseEvents',
      'counters',
      'custodyItems',
      'proxyTasks',
      'proxyEvents',
      'problems',
      'importBatches',
    ],
    async (tx) => {
      await requirePermission(tx, desk.actor, 'resident.delete', '删除居民档案');
      const refused = deleteReasonRefusal(input.reason);
      if (refused) throw new DomainRefusal(refused.reason, refused.field);
      const current = await tx.residents.get(id);
      if (!current) throw new DomainRefusal(NOT_FOUND);
      const scope = await deletionScope(tx, id);
      const preview = previewOf(scope);
      if (openCount(preview.open) > 0)
        throw new OpenItemsRefusal(
          `该居民还有未办完的事项（${openSummary(preview.open)}），办完后才能删除；可先标记为已迁出或已故`,
          preview.open,
        );
      const { open: _open, ...counts } = preview;
      if (JSON.stringify(counts) !== JSON.stringify(input.expected))
        throw new DomainRefusal('该居民的记录刚有变动，请重新查看删除影响后再确认');
      // Every record that named the resident keeps its place and names no one (DELETED_RESIDENT_ID).
      const gone = DELETED_RESIDENT_ID;
      for (const v of scope.visits) await tx.visits.put({ ...v, residentId: gone });
      // Cases and requests change only through their doors (changeCase.ts, changeProxy.ts).
      for (const c of scope.cases) await changeCase(desk, tx, c, { type: '改挂居民', residentId: gone });
      for (const i of scope.items) await tx.custodyItems.put({ ...i, residentId: gone });
      for (const t of scope.tasks)
        await changeProxy(desk, tx, t, { type: '改挂居民', residentId: gone }, { originalsOut: [] });
      for (const p of scope.problems) {
        const sources = p.sources.map((src) => (src.residentId === id ? { ...src, residentId: gone } : src));
        await tx.problems.put({ ...p, sources });
      }
      for (const b of await tx.importBatches.where('day').equals(tx.today).toArray()) {
        const created = b.created.filter((c) => c.id !== id);
        const updated = b.updated.filter((u) => u.id !== id);
        if (created.length !== b.created.length || updated.length !== b.updated.length)
          await tx.importBatches.put({ ...b, created, updated });
      }
      await tx.residents.delete(id);
      await tx.audit({
        action: 'resident.delete',
        entity: 'resident',
        entityId: id,
        detail:
          `原因：${maskReasonForLog(input.reason, current.name)}；来访 ${counts.visits}，办件 ${counts.cases}，` +
          `材料 ${counts.custodyItems}，帮代办 ${counts.proxyRequests}，问题 ${counts.problems}`,
      });
      return preview;
    },
  );
}

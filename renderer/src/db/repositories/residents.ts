/**
 * Resident records (居民档案): create / update with validation and duplicate check, and the
 * logged reveal of a masked field. The search and the register's list: residentSearch.ts.
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
 *
 * Tombstones (deleted, import undone, merged away; shared/domain/residentTombstone.ts) are rows
 * every read here skips: `getResident` and `residentsByIds` answer with the live resident only
 * (a merged-away id answers with the kept record: `resolveResident`), the lists and the search
 * never meet them (a tombstone has no search keys, tags, ID number or phone). Status marking and
 * deletion: residentLifecycle.ts; 合并居民档案: residentMerge.ts.
 */
import type { Resident } from '@shared/domain/records';
import { isTombstone, liveOrNone, MAX_MERGE_HOPS, mergeStep } from '@shared/domain/residentTombstone';
import { requirePermission } from '../authorize';
import {
  firstResidentError,
  validateResidentInput,
  type NormalizedResident,
  type ResidentFieldErrors,
  type ResidentInput,
} from '@shared/domain/resident';
import { maskNumbersInText } from '@shared/domain/masking';
import { Dexie } from 'dexie';
import type { Desk, DeskBase } from '../desk';
import type { ReadableDB } from '../entities';
import { DomainRefusal } from '../refusal';
import { writeTx, type Unstamped, type WriteTx } from '../write';

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

export const NOT_FOUND = '未找到该居民档案，可能已被删除';

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

/** The resident on file with this id (undefined for a tombstone: deleted or merged away). */
export async function getResident(desk: DeskBase, id: string): Promise<Resident | undefined> {
  return liveOrNone(await desk.db.residents.get(id));
}

/**
 * The live resident that holds `id`'s records now: the resident itself, or, for a record merged
 * away (合并居民档案), the kept one (following `mergedInto`); undefined for a deleted or unknown
 * id. A read or a write that arrives for a merged-away id goes to the kept record through this.
 * Not `async` (it also runs inside write transactions, see `findDuplicates`).
 */
export function resolveResident(
  tables: Pick<ReadableDB, 'residents'> | WriteTx<'residents'>,
  id: string,
): Promise<Resident | undefined> {
  // The same walk as followMerges (residentTombstone.ts), one Dexie read per step.
  const walk = (key: string, hops: number): Promise<Resident | undefined> =>
    tables.residents.get(key).then((row) => {
      const step = mergeStep(row);
      if (!step) return undefined;
      if ('live' in step) return step.live;
      return hops < MAX_MERGE_HOPS ? walk(step.next, hops + 1) : undefined;
    });
  return walk(id, 0);
}

/** The live row with this id inside a transaction (a tombstone counts as none); not `async`. */
export function liveResidentIn(tx: Pick<ReadableDB, 'residents'> | WriteTx<'residents'>, id: string) {
  return tx.residents.get(id).then(liveOrNone);
}

/** From this many ids on, reading the whole table may cost less than one read per id. */
const MANY_IDS = 200;
/**
 * One read of the whole table returns a row for about a quarter of what one `get` per id costs
 * (Chromium, bench `export` profile: 2,000 rows in 25 ms against 1,674 by id in 88 ms).
 */
const WHOLE_TABLE_SHARE = 4;

/** The rows of `ids`, in their order: by key, or — a quarter of the table or more (a year's report) — from one read of it all. */
async function residentRows(desk: DeskBase, ids: readonly string[]): Promise<(Resident | undefined)[]> {
  if (ids.length >= MANY_IDS && ids.length * WHOLE_TABLE_SHARE >= (await desk.db.residents.count())) {
    const all = new Map((await desk.db.residents.toArray()).map((r) => [r.id, r]));
    return ids.map((id) => all.get(id));
  }
  return desk.db.residents.bulkGet([...ids]);
}

/**
 * Several residents at once, by id, e.g. for a register's rows: each id that names a live
 * resident, directly or through a merge (the kept record under the merged-away id); deleted
 * and unknown ids are left out (shown as 已删除居民).
 */
export async function residentsByIds(desk: DeskBase, ids: readonly string[]): Promise<Map<string, Resident>> {
  const unique = [...new Set(ids)];
  const rows = await residentRows(desk, unique);
  const found = new Map<string, Resident>();
  for (const [i, row] of rows.entries()) {
    if (!row) continue;
    const live = isTombstone(row) ? await resolveResident(desk.db, row.id) : row;
    if (live) found.set(unique[i]!, live);
  }
  return found;
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
  return Dexie.Promise.all([byId, byPhone]).then(([sameId, samePhone]) =>
    duplicatesAmong(sameId, samePhone, value, excludeId),
  );
}

/** The duplicate rule over residents already read: the same ID number first, then the same name and phone; never a tombstone. */
function duplicatesAmong(
  sameId: readonly Resident[],
  samePhone: readonly Resident[],
  value: Pick<NormalizedResident, 'name'>,
  excludeId?: string,
): Resident[] {
  const found = new Map<string, Resident>();
  for (const r of sameId) if (!isTombstone(r)) found.set(r.id, r);
  for (const r of samePhone) if (r.name === value.name && !found.has(r.id) && !isTombstone(r)) found.set(r.id, r);
  if (excludeId !== undefined) found.delete(excludeId);
  return [...found.values()];
}

/**
 * `findDuplicates` for many rows (an import's part) from two index reads instead of two a row:
 * `read` fetches the residents sharing an ID number or a phone with the values (keys not read
 * yet only), `find` applies the same rule in memory, and `note` adds what the transaction writes
 * meanwhile, so later rows see it. Dexie promises, for the reason given at `findDuplicates`.
 */
export type DuplicateLookup = {
  read(values: readonly Pick<NormalizedResident, 'idNumber' | 'phone'>[]): Promise<void>;
  find(value: Pick<NormalizedResident, 'name' | 'idNumber' | 'phone'>, excludeId?: string): Resident[];
  note(record: Resident): void;
};

export function duplicateLookup(tables: Pick<ReadableDB, 'residents'> | WriteTx<'residents'>): DuplicateLookup {
  const records = new Map<string, Resident>();
  const byIdNumber = new Map<string, Set<string>>();
  const byPhone = new Map<string, Set<string>>();
  const list = (index: Map<string, Set<string>>, key: string | undefined) =>
    key === undefined ? [] : [...(index.get(key) ?? [])].flatMap((id) => records.get(id) ?? []);
  const link = (index: Map<string, Set<string>>, key: string | undefined, id: string) => {
    if (key !== undefined) index.get(key)?.add(id);
  };
  const note = (r: Resident) => {
    const old = records.get(r.id);
    if (old?.idNumber !== undefined) byIdNumber.get(old.idNumber)?.delete(r.id);
    if (old?.phone !== undefined) byPhone.get(old.phone)?.delete(r.id);
    records.set(r.id, r);
    // A key not read from the database is left unknown (it is read, whole, when a row needs it).
    link(byIdNumber, r.idNumber, r.id);
    link(byPhone, r.phone, r.id);
  };
  const missing = (index: Map<string, Set<string>>, keys: (string | undefined)[]) => {
    const out = [...new Set(keys.filter((k): k is string => k !== undefined && !index.has(k)))];
    for (const k of out) index.set(k, new Set());
    return out;
  };
  return {
    read(values) {
      const ids = missing(
        byIdNumber,
        values.map((v) => v.idNumber),
      );
      const phones = missing(
        byPhone,
        values.map((v) => v.phone),
      );
      const none = Dexie.Promise.resolve<Resident[]>([]);
      return Dexie.Promise.all([
        ids.length > 0 ? tables.residents.where('idNumber').anyOf(ids).toArray() : none,
        phones.length > 0 ? tables.residents.where('phone').anyOf(phones).toArray() : none,
      ]).then((rows) => {
        // A record this transaction already wrote is linked again as written (to the keys now read).
        for (const r of rows.flat()) note(records.get(r.id) ?? r);
      });
    },
    find: (value, excludeId) =>
      duplicatesAmong(list(byIdNumber, value.idNumber), list(byPhone, value.phone), value, excludeId),
    note,
  };
}

function validateOrThrow(input: ResidentInput, desk: Desk): NormalizedResident {
  const gridIds = desk.community.grids.map((g) => g.id);
  const result = validateResidentInput(input, desk.clock.today(), { gridIds });
  if (!result.ok) throw new ResidentValidationError(result.errors);
  return result.value;
}

/**
 * Refuses a value another live resident already has. On an edit (`current`), only a value the
 * edit brings: two records of one person that arrived from two desks (the same ID number; the
 * index is plain since v11) can still be edited until an admin merges them.
 * Not `async`, for the reason given at `findDuplicates`.
 */
function refuseDuplicates(tx: WriteTx<'residents'>, value: NormalizedResident, current?: Resident): Promise<void> {
  return findDuplicates(tx, value, current?.id).then((found) => {
    const reasonOf = (r: Resident): DuplicateReason =>
      value.idNumber !== undefined && r.idNumber === value.idNumber ? 'idNumber' : 'namePhone';
    const brought = (reason: DuplicateReason) =>
      !current ||
      (reason === 'idNumber'
        ? current.idNumber !== value.idNumber
        : current.name !== value.name || current.phone !== value.phone);
    const first = found.find((r) => brought(reasonOf(r)));
    if (first) throw new DuplicateResidentError(first, reasonOf(first));
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
    const current = await liveResidentIn(tx, id);
    if (!current) throw new DomainRefusal(NOT_FOUND);
    // What the form does not edit (重点服务信息, 居民状态) stays as it is.
    const next = { ...keptFields(current), ...toRecord(id, value) };
    const changed = TRACKED_FIELDS.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]));
    if (changed.length === 0) return current;
    await refuseDuplicates(tx, value, current);
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
    const r = await liveResidentIn(tx, residentId);
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

/**
 * 居民台账导入: saving the rows a ledger file gave (already read and checked by
 * shared/residentImport), in parts of IMPORT_CHUNK rows — one transaction per part, with its
 * audit row — and undoing a whole import the same day.
 *
 * Each row is checked again against the residents on file INSIDE its transaction, with the
 * form's duplicate rule (findDuplicates, read for a whole part at once: duplicateLookup): skip it, or update the resident on file with the
 * fields the file gives (tags are added). The import's record (importBatches) lists who was
 * created and what the changed ones were before, for the undo.
 */
import type { ImportBatch, Resident } from '@shared/domain/records';
import type { NormalizedResident } from '@shared/domain/resident';
import { requirePermission } from '../authorize';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';
import { duplicateLookup, toRecord, TRACKED_FIELDS } from './residents';
import { TOMBSTONE_REASONS, tombstoneRow } from '@shared/domain/residentTombstone';

export const IMPORT_CHUNK = 250;

export type ImportRow = { row: number; value: NormalizedResident };
export type ImportOutcome = {
  batchId: string;
  created: number;
  updated: number;
  /** Rows already on file, not saved (skip mode, or nothing to change), with the reason. */
  skipped: { row: number; reason: string }[];
};
export type ImportProgress = { done: number; total: number };

/**
 * The rows that match a resident already on file (the save's rule, `findDuplicates`, by `duplicateLookup`), with why:
 * for the preview, before anything is saved. The save checks again inside its transactions.
 */
export async function registeredRows(desk: Desk, rows: readonly ImportRow[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const lookup = duplicateLookup(desk.db);
  await lookup.read(rows.map((r) => r.value));
  for (const { row, value } of rows) {
    const [match] = lookup.find(value);
    if (match)
      out.set(
        row,
        `已登记${value.idNumber && match.idNumber === value.idNumber ? '（身份证号相同）' : '（姓名和电话相同）'}`,
      );
  }
  return out;
}

export async function getImportMapping(desk: Desk): Promise<Record<string, string>> {
  const row = await desk.db.meta.get('importMapping');
  return row?.key === 'importMapping' ? row.value : {};
}

/**
 * The resident on file with the file's fields laid over it: a field the file leaves empty keeps
 * its value, tags are added; the ID number and what it fixes (gender, birth date) are never
 * changed by an import.
 */
function merged(current: Resident, value: NormalizedResident): Resident {
  const next = { ...current, ...toRecord(current.id, value), tags: [...new Set([...current.tags, ...value.tags])] };
  for (const f of TRACKED_FIELDS)
    if (next[f] === undefined && current[f] !== undefined) Object.assign(next, { [f]: current[f] });
  if (current.idNumber)
    Object.assign(next, { idNumber: current.idNumber, gender: current.gender, birthDate: current.birthDate });
  return next as Resident;
}

/** Why a row matching a resident on file is not used to update it, if it is not. */
function updateConflict(matches: readonly Resident[], value: NormalizedResident): string | null {
  if (matches.length > 1) return '与两位已登记居民分别相同（身份证号、姓名和电话），请人工核对';
  const [m] = matches;
  if (m?.idNumber && value.idNumber && m.idNumber !== value.idNumber)
    return '与已登记居民姓名和电话相同但身份证号不同，请人工核对';
  return null;
}

const same = (a: Resident, b: Resident) => TRACKED_FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));

/**
 * Saves the rows; `rejected` is how many rows the file had that were refused (for the record).
 * A part that fails rolls back alone: the parts before it stay saved and in the import's record
 * (so an undo takes them back), and the error says how far it got.
 */
export async function importResidents(
  desk: Desk,
  input: {
    fileName: string;
    mode: 'skip' | 'update';
    rows: readonly ImportRow[];
    rejected: number;
    mapping: Record<string, string>;
  },
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  const batchId = desk.newId();
  const outcome: ImportOutcome = { batchId, created: 0, updated: 0, skipped: [] };
  const total = input.rows.length;
  for (let start = 0; start === 0 || start < total; start += IMPORT_CHUNK) {
    const part = input.rows.slice(start, start + IMPORT_CHUNK);
    const ids = part.map(() => desk.newId());
    const counts = await writeTx(desk, ['residents', 'importBatches', 'staff', 'meta'], async (tx) => {
      await requirePermission(tx, desk.actor, 'resident.import', '导入居民台账');
      const batch: ImportBatch =
        (await tx.importBatches.get(batchId)) ??
        (await tx.importBatches.add({
          id: batchId,
          day: tx.today,
          fileName: input.fileName,
          mode: input.mode,
          created: [],
          updated: [],
          skipped: 0,
          rejected: input.rejected,
          savedAt: tx.now,
        }));
      if (start === 0) {
        await tx.meta.put({ key: 'importMapping', value: input.mapping });
        await dropOldCopies(tx);
      }
      const c = {
        created: [] as ImportBatch['created'],
        updated: [] as ImportBatch['updated'],
        skipped: [] as ImportOutcome['skipped'],
      };
      const touched = new Set([...batch.created.map((x) => x.id), ...batch.updated.map((x) => x.id)]);
      // The part's duplicates from two index reads (not two a row), its new residents in one bulkAdd.
      const lookup = duplicateLookup(tx);
      await lookup.read(part.map((p) => p.value));
      let created: Resident[] = [];
      const addCreated = () => {
        const records = created;
        created = [];
        return records.length > 0 ? tx.residents.bulkAdd(records) : undefined;
      };
      for (const [i, { row, value }] of part.entries()) {
        const matches = lookup.find(value);
        const existing = matches[0];
        const conflict = input.mode === 'update' ? updateConflict(matches, value) : null;
        if (!existing) {
          const record = toRecord(ids[i]!, value) as Resident;
          created.push(record);
          lookup.note(record);
          c.created.push({ id: ids[i]!, row, at: tx.now });
        } else if (conflict) {
          c.skipped.push({ row, reason: conflict });
        } else if (input.mode === 'update' && !same(existing, merged(existing, value))) {
          const next = merged(existing, value);
          // Another resident already has the merged name and phone: leave both as they are.
          await lookup.read([next]);
          if (lookup.find(next, existing.id).length > 0) {
            c.skipped.push({ row, reason: '更新后会与另一位已登记居民重复（姓名和电话相同），请人工核对' });
            continue;
          }
          // The residents created before it are stored first (it may be one of them).
          await addCreated();
          lookup.note(await tx.residents.put(next));
          // The first copy is what an undo puts back, however often this import changed the resident.
          c.updated.push({
            id: existing.id,
            row,
            at: tx.now,
            ...(touched.has(existing.id) ? {} : { before: existing }),
          });
          touched.add(existing.id);
        } else {
          const how = value.idNumber && existing.idNumber === value.idNumber ? '身份证号相同' : '姓名和电话相同';
          const what = input.mode === 'update' ? '内容相同，无需更新' : '按“跳过”未导入';
          c.skipped.push({ row, reason: `已登记的居民（${how}），${what}` });
        }
      }
      await addCreated();
      await tx.importBatches.put({
        ...batch,
        created: [...batch.created, ...c.created],
        updated: [...batch.updated, ...c.updated],
        skipped: batch.skipped + c.skipped.length,
        savedAt: tx.now,
      });
      await tx.audit({
        action: 'resident.import',
        entity: 'importBatch',
        entityId: batchId,
        detail: `第 ${start + 1}–${start + part.length} 条（共 ${total} 条）：新增 ${c.created.length}，更新 ${c.updated.length}，跳过 ${c.skipped.length}${start === 0 ? `，未导入 ${input.rejected}` : ''}`,
      });
      return c;
    });
    outcome.created += counts.created.length;
    outcome.updated += counts.updated.length;
    outcome.skipped.push(...counts.skipped);
    onProgress({ done: Math.min(total, start + part.length), total });
  }
  return outcome;
}

/** The most recent imports, newest first. */
export async function listImportBatches(desk: Desk, limit = 10): Promise<ImportBatch[]> {
  const recent = await desk.db.importBatches
    .orderBy('day')
    .reverse()
    .limit(limit * 3)
    .toArray();
  return recent.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
}

/** Earlier days' imports cannot be undone: their copies of changed residents are dropped. */
async function dropOldCopies(tx: WriteTx<'importBatches'>): Promise<void> {
  const old = await tx.importBatches.where('day').below(tx.today).toArray();
  for (const b of old)
    if (b.updated.some((u) => u.before))
      await tx.importBatches.put({ ...b, updated: b.updated.map(({ before: _b, ...rest }) => rest) });
}

/**
 * Takes a whole import back, the day it was made: created residents become tombstones, changed ones
 * put back as they were. Refused (saying which rows) if any of them has since been used in a
 * visit or a case, or edited.
 */
export async function undoImport(desk: Desk, batchId: string): Promise<{ removed: number; restored: number }> {
  return writeTx(desk, ['residents', 'importBatches', 'staff', 'visits', 'cases'], async (tx) => {
    await requirePermission(tx, desk.actor, 'resident.import', '撤销居民导入');
    const batch = await tx.importBatches.get(batchId);
    if (!batch) throw new DomainRefusal('未找到这次导入');
    if (batch.undone) throw new DomainRefusal('这次导入已经撤销过了');
    if (batch.day !== tx.today) throw new DomainRefusal('只能撤销当天的导入；之后请逐个修改居民档案');
    const rows = new Map<string, number>([
      ...batch.created.map((c) => [c.id, c.row] as const),
      ...batch.updated.map((u) => [u.id, u.row] as const),
    ]);
    const lastAt = new Map<string, number>();
    for (const e of [...batch.created, ...batch.updated]) lastAt.set(e.id, Math.max(lastAt.get(e.id) ?? 0, e.at));
    const ids = [...rows.keys()];
    const [visits, cases, residents] = await Promise.all([
      tx.visits.where('residentId').anyOf(ids).toArray(),
      tx.cases.where('residentId').anyOf(ids).toArray(),
      tx.residents.bulkGet(ids),
    ]);
    const used = new Set([...visits, ...cases].map((r) => r.residentId!));
    const edited = residents
      .filter((r): r is Resident => r !== undefined && r.updatedAt > batch.savedAt)
      .map((r) => r.id);
    const blocked = [...new Set([...used, ...edited])].map((id) => rows.get(id)!).sort((a, b) => a - b);
    if (blocked.length > 0) {
      const list = blocked
        .slice(0, 10)
        .map((n) => `第 ${n} 行`)
        .join('、');
      throw new DomainRefusal(
        `不能撤销：${list}${blocked.length > 10 ? ` 等 ${blocked.length} 位` : ''}居民导入后已登记来访或修改过档案`,
      );
    }
    // Created residents leave tombstones (a deletion travels to the other desks like any edit).
    const tombstone = { at: tx.now, day: tx.today, by: desk.actor.id, reason: TOMBSTONE_REASONS.importUndo };
    for (const c of batch.created) await tx.residents.put(tombstoneRow(c.id, tombstone));
    for (const u of batch.updated) if (u.before) await tx.residents.put(u.before);
    await tx.importBatches.put({ ...batch, undone: { at: tx.now, by: desk.actor.id } });
    await tx.audit({
      action: 'resident.importUndo',
      entity: 'importBatch',
      entityId: batchId,
      detail: `撤销导入：删除新增 ${batch.created.length}，恢复更新 ${batch.updated.filter((u) => u.before).length}`,
    });
    return { removed: batch.created.length, restored: batch.updated.filter((u) => u.before).length };
  });
}

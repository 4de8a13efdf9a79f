/**
 * `recordIntegrity` / `checkIntegrity`: per-table counts and a generation id kept OUTSIDE
 * IndexedDB after each committed write; at start, a table with fewer rows than recorded (the
 * desk never deletes records) or a missing database means the data was lost. The record also
 * keeps the active admins' PIN verifiers, for `startEmpty` (从空白开始 needs an admin PIN),
 * and the audit chain's head of each desk (the anchor 操作日志 verifies against).
 */
import { can } from '@shared/domain/roles';
import type { Staff } from '@shared/domain/records';
import { INTEGRITY_MAX_ADMINS, type IntegrityAdmin, type IntegrityRecord } from '@shared/ipc/contract';
import type { Dexie } from 'dexie';
import type { DutyDeskDB } from '../database';
import type { BackupDeps } from './deps';
import { chainHeads, hashesAtAnchors } from '../auditChain';
import { fromTuples, nextAnchors, toTuples, type ChainHead } from '@shared/domain/auditChain';
import { TRANSIENT_TABLES } from '../dataScope';
import { countInChunks } from '../chunkedCount';

/** The generation the wipe record holds (a new one where there is none). */
export async function generationOf(deps: BackupDeps): Promise<string> {
  return (await deps.bridge.readIntegrity())?.generation ?? crypto.randomUUID();
}

/**
 * Rows per table — but the transient tables (the outbox empties as it goes: dataScope.ts). One
 * table after another, each in chunks (chunkedCount.ts): at five years the count takes a second or
 * more, during which the sign-in's write and the 工作台's reads wait for one chunk at most.
 */
export async function tableCounts(db: DutyDeskDB): Promise<Record<string, number>> {
  const tables = (db as unknown as Dexie).tables.filter((t) => !(TRANSIENT_TABLES as string[]).includes(t.name));
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t.name] = await countInChunks(db as unknown as Dexie, t.name);
  return counts;
}

/**
 * The active admins (`data.restore`) with their PIN verifiers, as the wipe record keeps them. An
 * account that came from another desk of the center has no verifier here (PINs stay on their
 * desk: sync/docs.ts DESK_OWN_FIELDS) and cannot answer here, so it is left out.
 */
async function activeAdmins(db: DutyDeskDB): Promise<IntegrityAdmin[]> {
  const staff = await db.staff.toArray();
  return staff
    .filter((s) => (s.password as Staff['password'] | undefined) !== undefined && can(s, 'data.restore'))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, INTEGRITY_MAX_ADMINS)
    .map((s) => ({
      id: s.id,
      name: s.name.slice(0, 100) || '—',
      verifier: {
        algorithm: s.password.algorithm,
        iterations: s.password.iterations,
        saltB64: s.password.saltB64,
        hashB64: s.password.hashB64,
      },
    }));
}

/** This desk's audit chain anchor as kept outside IndexedDB (none: a new machine, or unreadable). */
export async function anchorOf(deps: BackupDeps, desk: number): Promise<ChainHead | undefined> {
  const recorded = await deps.bridge.readIntegrity().catch(() => null);
  return fromTuples(recorded?.auditHeads).find((h) => h.desk === desk);
}

/**
 * Writes what the database holds now (outside IndexedDB), with the active admins' PIN verifiers;
 * the admin PIN's lock is kept. The audit chain's anchor never moves backwards (`nextAnchors`);
 * `anchorPastGaps` only for 从空白开始 and a restore, which chain onto the anchor and set it
 * deliberately past the loss the log then shows as a gap.
 */
export async function recordIntegrity(
  db: DutyDeskDB,
  deps: BackupDeps,
  generation?: string,
  /**
   * `counts`: the tables' counts as the caller knows them exactly (the last record moved by the
   * rows a committed write added: app/backup.ts), instead of counting every table — a count walks
   * a whole table, which at five years holds the database for seconds after every save.
   */
  o: { anchorPastGaps?: boolean; counts?: Record<string, number> } = {},
): Promise<IntegrityRecord> {
  const [counts, admins, heads, before] = await Promise.all([
    o.counts ?? tableCounts(db),
    activeAdmins(db),
    chainHeads(db.auditLog),
    deps.bridge.readIntegrity(),
  ]);
  const anchors = fromTuples(before?.auditHeads);
  const atAnchor = await hashesAtAnchors(db.auditLog, anchors);
  const record: IntegrityRecord = {
    generation: generation ?? before?.generation ?? crypto.randomUUID(),
    updatedAt: Date.now(),
    counts,
    admins,
    // The audit chain's anchor: a head the log later lacks means its last rows were deleted.
    auditHeads: toTuples(nextAnchors(anchors, heads, atAnchor, { pastGaps: o.anchorPastGaps })),
    // The admin PIN's lock (adminPin.ts) is not the data's: it stays as it is.
    ...(before?.pinLock ? { pinLock: before.pinLock } : {}),
  };
  await deps.bridge.writeIntegrity(record);
  return record;
}

/** `counts`: what the check counted (none where there was no record to check against). */
export type IntegrityCheck =
  | { ok: true; counts?: Record<string, number> }
  | { ok: false; lost: { table: string; recorded: number; now: number }[] };

/** At start: did the database lose records since the last committed write? */
export async function checkIntegrity(db: DutyDeskDB, deps: BackupDeps): Promise<IntegrityCheck> {
  const recorded = await deps.bridge.readIntegrity();
  if (!recorded) return { ok: true }; // a new machine, or the first run of this version
  const now = await tableCounts(db);
  const lost = Object.entries(recorded.counts)
    .filter(([table, n]) => (now[table] ?? 0) < n)
    .map(([table, n]) => ({ table, recorded: n, now: now[table] ?? 0 }));
  return lost.length > 0 ? { ok: false, lost } : { ok: true, counts: now };
}

/**
 * The whole database as plain rows, and back — generic over the schema: every table the
 * database has (`db.tables`), including tables added by later versions, with no list to keep.
 * - `readSnapshot`: one read-only transaction over every table (a consistent moment), a page at a time;
 * - `replaceAll`: one read-write transaction that clears every table and writes the rows back (in batches)
 *   (desk-local facts apart: an older backup's moved out of center tables as the v14 upgrade
 *   does, this PC's own guards and deskMeta kept unless the backup is of this install, the higher
 *   counter per key — db/deskLocalRows.ts)
 *   through the derived-field middleware (queue keys, search keys … recomputed by the write
 *   path, not trusted from the file; `readSnapshot` leaves them out: db/derived.ts lists them). All or nothing. The audit log is never cleared: the
 *   backup's rows are merged into it by identity (a restore never removes an audit row).
 */
import type { Dexie, IndexableType } from 'dexie';
import { BACKUP_CHUNK_ROWS } from '@shared/backup/frames';
import type { OnBackupProgress } from './progress';
import type { AuditEntry } from '@shared/domain/records';
import { chainRow, chainStart, headOf, type ChainHead, type UnchainedRow } from '@shared/domain/auditChain';
import { mergeAuditRows } from '@shared/domain/auditMerge';
import { readChainHead } from '../auditChain';
import type { DutyDeskDB } from '../database';
import { ensureSearchKeys } from '../searchKeys';
import { DERIVED, type Derivation } from '../derived';
import type { EntityName } from '../entities';
import type { BackupTables } from './seal';
import { deskLocalAfterRestore, moveDeskLocal } from '../deskLocalRows';
import { TRANSIENT_TABLES } from '../dataScope';

const asDexie = (db: DutyDeskDB) => db as unknown as Dexie;

/** A row without its derived fields (db/derived.ts lists them): a restore recomputes them. */
export function withoutDerivedFields(table: string, row: unknown): unknown {
  const fields = (DERIVED as Record<string, Derivation<EntityName> | undefined>)[table]?.fields;
  if (!fields || !row || typeof row !== 'object') return row;
  const out = { ...(row as Record<string, unknown>) };
  for (const k of fields) delete out[k];
  return out;
}

export function countsOf(tables: BackupTables): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
}

/** Rows per read and per write of a snapshot or a restore (a chunk of the file: shared/backup/frames.ts). */
const PAGE = BACKUP_CHUNK_ROWS;

/**
 * Every table of `db` — the app's database, or an older version opened as it is on disk — in one
 * read-only transaction (a consistent moment), a page of rows at a time by primary key: the page
 * stays responsive between pages (each is its own IndexedDB request) and the progress is known.
 */
export async function readSnapshot(db: DutyDeskDB | Dexie, onProgress?: OnBackupProgress): Promise<BackupTables> {
  const dexie = db as Dexie;
  return dexie.transaction('r', dexie.tables, async () => {
    const counts = await Promise.all(dexie.tables.map((t) => t.count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    const out: BackupTables = {};
    for (const t of dexie.tables) {
      const keyPath = t.schema.primKey.keyPath as string;
      const rows: unknown[] = [];
      let page = await t.orderBy(':id').limit(PAGE).toArray();
      for (;;) {
        for (const row of page) rows.push(withoutDerivedFields(t.name, row));
        done += page.length;
        onProgress?.({ step: 'read', table: t.name, done, total });
        if (page.length < PAGE) break;
        const last = (page[page.length - 1] as Record<string, IndexableType>)[keyPath]!;
        page = await t.where(':id').above(last).limit(PAGE).toArray();
      }
      out[t.name] = rows;
    }
    return out;
  });
}

const AUDIT_LOG = 'auditLog';

/** This PC's desk-local tables as they are (read inside the restore's transaction). */
async function liveDeskLocal(dexie: Dexie) {
  const [counters, signInGuards, deskMeta] = await Promise.all(
    (['counters', 'signInGuards', 'deskMeta'] as const).map((name) => dexie.table(name).toArray()),
  );
  return { counters: counters ?? [], signInGuards: signInGuards ?? [], deskMeta: deskMeta ?? [] };
}

/**
 * Replaces every table with `tables` (a table missing from the file is emptied) — except the
 * audit log: a restore never removes an audit row. Every live row stays as it is; of the
 * backup's rows the live log does not have (by `id`, or the content-derived id of a pre-v10 row),
 * those that fit their desk's live chain are added with their own desk, sequence and hashes,
 * the others — a row from before the chain (a pre-v12 backup), or one whose place on its desk is
 * taken by another row (a new PC's setup, 从空白开始, an earlier restore: shared/domain/auditMerge.ts)
 * — are sealed onto `o.desk`'s chain in the backup's order, and `audit`, when given, is chained
 * last (desk default 1) — all in the same transaction. `o.anchor`: this desk's anchor kept
 * outside IndexedDB; where it is ahead of the log (its last rows lost) the chain goes on from it,
 * as 从空白开始 does, and the loss stays a visible gap. `o.sameMachine`: the backup was sealed with
 * this machine's own key (its desk-local facts are this PC's own even when a wipe took the install id).
 */
export async function replaceAll(
  db: DutyDeskDB,
  tables: BackupTables,
  audit?: UnchainedRow,
  o: { desk?: number; anchor?: ChainHead; sameMachine?: boolean; onProgress?: OnBackupProgress } = {},
): Promise<void> {
  await ensureSearchKeys();
  const dexie = asDexie(db);
  const unknown = Object.keys(tables).filter((name) => !dexie.tables.some((t) => t.name === name));
  if (unknown.length > 0) throw new Error(`backup has tables this version does not know: ${unknown.join(', ')}`);
  // A backup of an older version: its desk-local facts out of the center tables first (the v14 move).
  const moved = moveDeskLocal(tables);
  await dexie.transaction('rw', dexie.tables, async () => {
    const restored: BackupTables = { ...moved, ...deskLocalAfterRestore(await liveDeskLocal(dexie), moved, o) };
    // The outbox of a backup made while joined never comes back (the restored desk is alone).
    for (const t of TRANSIENT_TABLES) restored[t] = [];
    const replaced = dexie.tables.filter((t) => t.name !== AUDIT_LOG);
    for (const t of replaced) await t.clear();
    // In batches (the page stays responsive, the progress is known), all in the one transaction.
    const total = replaced.reduce((n, t) => n + (restored[t.name]?.length ?? 0), 0);
    let done = 0;
    for (const t of replaced) {
      const rows = restored[t.name] ?? [];
      for (let at = 0; at < rows.length; at += PAGE) {
        const batch = rows.slice(at, at + PAGE);
        await t.bulkPut(batch);
        done += batch.length;
        o.onProgress?.({ step: 'write', table: t.name, done, total });
      }
    }
    const log = dexie.table<AuditEntry, number>(AUDIT_LOG);
    const { asTheyAre, toSeal } = mergeAuditRows(await log.toArray(), tables[AUDIT_LOG] ?? []);
    if (asTheyAre.length > 0) await log.bulkAdd(asTheyAre);
    // Then onto this desk's head (as it stands now, or the anchor ahead of it): the rows to seal,
    // the restore row last — hashed here, synchronously, inside the transaction.
    const desk = o.desk ?? 1;
    let head = chainStart(await readChainHead(log, desk), o.anchor?.desk === desk ? o.anchor : undefined);
    const onto: AuditEntry[] = [];
    for (const row of [...toSeal, ...(audit ? [audit] : [])]) {
      const next = chainRow(row, desk, head, { sealed: row !== audit });
      onto.push(next);
      head = headOf(next);
    }
    if (onto.length > 0) await log.bulkAdd(onto);
  });
}

/**
 * The whole database as plain rows, and back — generic over the schema: every table the
 * database has (`db.tables`), including tables added by later versions, with no list to keep.
 * - `readSnapshot`: one read-only transaction over every table (a consistent moment);
 * - `replaceAll`: one read-write transaction that clears every table and writes the rows back
 *   through the derived-field middleware (queue keys, search keys … recomputed by the write
 *   path, not trusted from the file). All or nothing.
 */
import type { Dexie } from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import type { DutyDeskDB } from '../database';
import { ensureSearchKeys } from '../searchKeys';
import type { BackupTables } from './seal';

const asDexie = (db: DutyDeskDB) => db as unknown as Dexie;

/** The derived index fields are left out of a backup: a restore recomputes them. */
const DERIVED_KEYS: Record<string, readonly string[]> = {
  cases: ['dueDay', 'flags', 'queueKeys', 'searchKeys'],
  visits: ['words'],
  residents: ['searchKeys'],
};

function withoutDerived(table: string, row: unknown): unknown {
  const keys = DERIVED_KEYS[table];
  if (!keys || !row || typeof row !== 'object') return row;
  const out = { ...(row as Record<string, unknown>) };
  for (const k of keys) delete out[k];
  return out;
}

export function countsOf(tables: BackupTables): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
}

/** Every table of `db` — the app's database, or an older version opened as it is on disk. */
export async function readSnapshot(db: DutyDeskDB | Dexie): Promise<BackupTables> {
  const dexie = db as Dexie;
  return dexie.transaction('r', dexie.tables, async () => {
    const out: BackupTables = {};
    for (const t of dexie.tables) out[t.name] = (await t.toArray()).map((row) => withoutDerived(t.name, row));
    return out;
  });
}

/**
 * Replaces every table with `tables` (a table missing from the file is emptied); `audit`, when
 * given, is appended to the audit log in the same transaction.
 */
export async function replaceAll(db: DutyDeskDB, tables: BackupTables, audit?: AuditEntry): Promise<void> {
  await ensureSearchKeys();
  const dexie = asDexie(db);
  const unknown = Object.keys(tables).filter((name) => !dexie.tables.some((t) => t.name === name));
  if (unknown.length > 0) throw new Error(`backup has tables this version does not know: ${unknown.join(', ')}`);
  await dexie.transaction('rw', dexie.tables, async () => {
    for (const t of dexie.tables) await t.clear();
    for (const t of dexie.tables) {
      const rows = tables[t.name] ?? [];
      if (rows.length > 0) await t.bulkPut(rows);
    }
    if (audit) await dexie.table('auditLog').add(audit);
  });
}

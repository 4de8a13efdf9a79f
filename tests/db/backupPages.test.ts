/**
 * The backup's read and the restore's write at their edges (issue 28 item 7): `readPages` reads
 * every table in pages of `BACKUP_CHUNK_ROWS` by primary key — a table of exactly two pages, one
 * of a page and a row, an empty one — exactly the rows a whole read gives, without derived fields;
 * the header's audit heads, folded page by page, are those of the whole log; a restore whose write
 * fails half-way (a key twice, refused by `bulkAdd` after other batches) leaves every live row as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { BACKUP_CHUNK_ROWS } from '@shared/backup/frames';
import { headsOfRows, toTuples } from '@shared/domain/auditChain';
import type { AuditEntry } from '@shared/domain/records';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { readPages, readSnapshot, replaceAll, withoutDerivedFields } from '../../renderer/src/db/backup/snapshot';
import { freshDb, testDesk } from './testDb';
import { memoryBackupDeps } from './backupDeps';
import { GENERATED_ADMIN, loadedDb } from './generatedDesk';

const PAGE = BACKUP_CHUNK_ROWS;

describe('backup pages', { timeout: 120_000 }, () => {
  it('reads every table in key order, a page at a time, the rows a whole read gives', async () => {
    const db = freshDb();
    const dexie = db as unknown as Dexie;
    await db.open();
    // Two pages exactly (the second read finds nothing), a page and a row, and nothing.
    await dexie.table('meta').bulkPut(Array.from({ length: 2 * PAGE }, (_, i) => ({ key: `k${i}`, value: i })));
    await dexie
      .table('counters')
      .bulkPut(Array.from({ length: PAGE + 1 }, (_, i) => ({ key: `c${String(i).padStart(5, '0')}`, value: i })));
    const pages: { table: string; rows: unknown[] }[] = [];
    let totalsFirst: Record<string, number> | null = null;
    const counts = await readPages(
      db,
      (p) => pages.push(p),
      (c) => {
        expect(pages).toEqual([]);
        totalsFirst = c;
      },
    );
    expect(totalsFirst).toEqual(counts);
    expect(counts.meta).toBe(2 * PAGE);
    expect(counts.counters).toBe(PAGE + 1);
    expect(counts.residents).toBe(0);
    expect(Object.keys(counts).sort()).toEqual(dexie.tables.map((t) => t.name).sort());
    expect(pages.filter((p) => p.table === 'meta').map((p) => p.rows.length)).toEqual([PAGE, PAGE]);
    expect(pages.filter((p) => p.table === 'counters').map((p) => p.rows.length)).toEqual([PAGE, 1]);
    expect(pages.some((p) => p.rows.length === 0)).toBe(false);
    for (const t of dexie.tables) {
      const paged = pages.filter((p) => p.table === t.name).flatMap((p) => p.rows);
      expect(paged, t.name).toEqual(await t.toArray());
    }
  });

  it('the generated desk: pages without derived fields, in key order; the header heads those of the whole log', async () => {
    const db = await loadedDb('tiny');
    const dexie = db as unknown as Dexie;
    const whole = await readSnapshot(db);
    for (const t of dexie.tables) {
      const stored = await t.toArray();
      expect(whole[t.name], t.name).toEqual(stored.map((row) => withoutDerivedFields(t.name, row)));
    }
    // The derived fields are gone from the pages (the restore recomputes them).
    const c = whole.cases?.[0] as Record<string, unknown>;
    expect(c).toBeDefined();
    expect('queueKeys' in c || 'searchKeys' in c).toBe(false);
    const deps = memoryBackupDeps();
    // The first backup makes the machine key (logged); the second is the one compared.
    await makeBackup(testDesk(db, GENERATED_ADMIN), deps, 'regular', { passphrase: '梅花香自苦寒来2026年' });
    const log = (await dexie.table('auditLog').toArray()) as AuditEntry[];
    expect(log.length).toBeGreaterThan(PAGE);
    const outcome = await makeBackup(testDesk(db, GENERATED_ADMIN), deps, 'regular');
    if (!outcome.ok) throw new Error(outcome.message);
    const now = await readSnapshot(db);
    expect(outcome.header.counts.auditLog).toBe(log.length);
    expect(outcome.header.auditHeads).toEqual(toTuples(headsOfRows(log)));
    // Every table counted as read (the backup's own audit row came after it).
    const counted = Object.fromEntries(Object.entries(now).map(([t, r]) => [t, r.length]));
    expect(outcome.header.counts).toEqual({ ...counted, auditLog: log.length });
  });

  it('a restore whose write fails after other batches leaves every live row as it was', async () => {
    const db = await loadedDb('tiny');
    const dexie = db as unknown as Dexie;
    const before = await readSnapshot(db);
    const tables = structuredClone(before);
    // The same row twice at the end of the largest table but the log: its add fails after
    // batches (of this table and the ones written before it) were written.
    const [name, rows] = Object.entries(tables)
      .filter(([t]) => t !== 'auditLog')
      .sort(([, a], [, b]) => b.length - a.length)[0]!;
    expect(rows.length, name).toBeGreaterThan(PAGE / 2);
    rows[rows.length - 1] = { ...(rows[0] as object) };
    await expect(replaceAll(db, tables, undefined, { desk: 1 })).rejects.toThrow();
    const after = await readSnapshot(db);
    for (const t of dexie.tables) expect(after[t.name], t.name).toEqual(before[t.name]);
  });
});

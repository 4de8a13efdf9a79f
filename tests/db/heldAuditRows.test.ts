/**
 * db/heldAuditRows.ts: which audit rows the log holds, asked about by many at once (the inbound
 * apply). Its answer equals a look-up of each id — rows held and not, other desks, a forked chain
 * (two ids at one place of a desk's chain), rows without their place — and it asks IndexedDB
 * once per desk, not once per row (a first join asks about thousands).
 */
import type { Dexie, Table } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heldAuditRows, type AuditRef } from '../../renderer/src/db/heldAuditRows';
import { freshDb } from './testDb';

type Row = { id: string; desk?: number; deskSeq?: number; at: number; staffId: string; action: string };

const row = (id: string, desk?: number, deskSeq?: number): Row => ({
  id,
  ...(desk !== undefined ? { desk } : {}),
  ...(deskSeq !== undefined ? { deskSeq } : {}),
  at: 1,
  staffId: 's',
  action: 'x',
});

async function logWith(rows: readonly Row[]): Promise<{ db: Dexie; log: Table }> {
  const db = freshDb() as unknown as Dexie;
  const log = db.table('auditLog');
  await log.bulkAdd(rows.map((r) => ({ ...r })));
  return { db, log };
}

/** The oracle: each id looked up on its own. */
async function byId(log: Table, asked: readonly AuditRef[]): Promise<string[]> {
  const found = await Promise.all(asked.map((a) => log.where('id').equals(a.id).first()));
  return asked.filter((_, i) => found[i] !== undefined).map((a) => a.id);
}

async function held(db: Dexie, log: Table, asked: readonly AuditRef[]) {
  return db.transaction('r', log, () => heldAuditRows(log, asked));
}

afterEach(() => vi.restoreAllMocks());

describe('heldAuditRows', () => {
  it('equals a look-up of each id: held, missing, other desks, a forked chain, rows without a place', async () => {
    const stored = [
      ...Array.from({ length: 40 }, (_, i) => row(`d1-${i + 1}`, 1, i + 1)),
      ...Array.from({ length: 10 }, (_, i) => row(`d2-${i + 1}`, 2, i + 1)),
      row('fork-a', 3, 5), // a restored desk numbered its rows again: two ids at place 5
      row('fork-b', 3, 5),
      row('placeless'),
    ];
    const { db, log } = await logWith(stored);
    const asked: AuditRef[] = [
      { id: 'd1-1', desk: 1, deskSeq: 1 },
      { id: 'd1-40', desk: 1, deskSeq: 40 },
      { id: 'd1-41', desk: 1, deskSeq: 41 }, // beyond the stored chain
      { id: 'd2-7', desk: 2, deskSeq: 7 },
      { id: 'd2-x', desk: 2, deskSeq: 3 }, // a place held by another id
      { id: 'fork-b', desk: 3, deskSeq: 5 },
      { id: 'fork-c', desk: 3, deskSeq: 5 },
      { id: 'd9-1', desk: 9, deskSeq: 1 }, // a desk never seen
      { id: 'placeless' },
      { id: 'nowhere', desk: '1', deskSeq: 2 }, // not a number: by its id
    ];
    const got = await held(db, log, asked);
    const expected = await byId(log, asked);
    expect([...got.keys()].sort()).toEqual([...expected].sort());
    expect(expected.sort()).toEqual(['d1-1', 'd1-40', 'd2-7', 'fork-b', 'placeless'].sort());
    expect(got.get('fork-b')).toMatchObject({ id: 'fork-b', desk: 3, deskSeq: 5 });
  });

  it('agrees with the oracle over random questions', async () => {
    const stored = Array.from({ length: 300 }, (_, i) => row(`r${i}`, 1 + (i % 3), 1 + Math.floor(i / 3)));
    const { db, log } = await logWith(stored);
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 30; run++) {
      const asked: AuditRef[] = Array.from({ length: 1 + Math.floor(next() * 40) }, () => {
        const i = Math.floor(next() * 400); // a quarter of them never stored
        return { id: `r${i}`, desk: 1 + (i % 3), deskSeq: 1 + Math.floor(i / 3) };
      });
      const got = await held(db, log, asked);
      expect([...got.keys()].sort()).toEqual([...new Set(await byId(log, asked))].sort());
    }
  });

  it('asks IndexedDB once per desk, not once per row', async () => {
    const { db, log } = await logWith(Array.from({ length: 50 }, (_, i) => row(`h${i}`, 1, i + 1)));
    // The 50 held rows at their places, and 950 others on two desks.
    const asked: AuditRef[] = Array.from({ length: 1_000 }, (_, i) =>
      i < 50 ? { id: `h${i}`, desk: 1, deskSeq: i + 1 } : { id: `n${i}`, desk: 1 + (i % 2), deskSeq: i },
    );
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const cursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
    const got = await held(db, log, asked);
    expect(getAll.mock.calls.length + cursor.mock.calls.length).toBeLessThanOrEqual(2);
    expect([...got.keys()].sort()).toEqual([...(await byId(log, asked))].sort());
    expect(got.size).toBe(50);
  });
});

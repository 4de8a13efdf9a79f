/**
 * db/keyedReads.ts: the rows of one index for many keys (the inbound apply's reads, s37), each
 * key's rows at its place — none for a key without rows, a key asked twice answered twice —
 * inside the caller's read-write transaction, seeing what that transaction wrote before; and
 * the rows whose key is one of many (a year's report), what `anyOf` gives on either side of the
 * count where one read of the index replaces its hops.
 */
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { MANY_KEYS, rowsByKeys, rowsWithKeyIn } from '../../renderer/src/db/keyedReads';
import type { ReadableDB } from '../../renderer/src/db/entities';
import { freshDb } from './testDb';

type Row = { id: string; caseId: string; at: number };

describe('rowsByKeys', () => {
  it("gives each key's rows at its place, inside the caller's transaction", async () => {
    const db = freshDb();
    const events = (db as unknown as Dexie).table<Row, string>('caseEvents');
    await events.bulkPut([
      { id: 'e1', caseId: 'c1', at: 1 },
      { id: 'e2', caseId: 'c2', at: 2 },
      { id: 'e3', caseId: 'c1', at: 3 },
    ]);
    const ids = (rows: Row[][]) => rows.map((r) => r.map((e) => e.id).sort());
    expect(ids(await rowsByKeys(events, 'caseId', ['c2', 'none', 'c1', 'c2']))).toEqual([
      ['e2'],
      [],
      ['e1', 'e3'],
      ['e2'],
    ]);
    const inside = await (db as unknown as Dexie).transaction('rw', ['caseEvents'], async () => {
      await events.put({ id: 'e4', caseId: 'c3', at: 4 });
      return rowsByKeys(events, 'caseId', ['c3', 'c1']);
    });
    expect(ids(inside)).toEqual([['e4'], ['e1', 'e3']]);
    expect(await rowsByKeys(events, 'caseId', [])).toEqual([]);
  });
});

describe('rowsWithKeyIn', () => {
  it('gives what anyOf gives, in its order, for a few keys and for many (one read of the index)', async () => {
    const db = freshDb();
    const events = (db as unknown as Dexie).table<Row, string>('caseEvents');
    // 2,000 events of 1,000 cases; a case without events, keys asked twice, keys past both ends.
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      id: `e${i}`,
      caseId: `c${String((i * 7) % 1000).padStart(4, '0')}`,
      at: i,
    }));
    await events.bulkPut(rows);
    const read = db as unknown as ReadableDB;
    for (const n of [1, 10, MANY_KEYS - 1, MANY_KEYS, 700]) {
      const keys = [
        ...Array.from({ length: n }, (_, i) => `c${String((i * 13) % 1000).padStart(4, '0')}`),
        'c0000',
        'b-before-all',
        'z-after-all',
      ];
      const expected = await events.where('caseId').anyOf(keys).toArray();
      const got = await rowsWithKeyIn(read.caseEvents, 'caseId', keys, (e) => e.caseId);
      expect(got.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
    }
  });
});

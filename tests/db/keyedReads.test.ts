/**
 * db/keyedReads.ts: the rows of one index for many keys (the inbound apply's reads, s37), each
 * key's rows at its place — none for a key without rows, a key asked twice answered twice —
 * inside the caller's read-write transaction, seeing what that transaction wrote before.
 */
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { rowsByKeys } from '../../renderer/src/db/keyedReads';
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

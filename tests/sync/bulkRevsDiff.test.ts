/**
 * sync/bulkRevsDiff.ts: the join's pull asks which revisions it must fetch with one read of a
 * batch's ids — the answer must be PouchDB's own for every kind of document the desk may hold
 * (none, alive, updated, deleted, in conflict), and a replication through it must store exactly
 * what one through PouchDB's own stores.
 */
import { describe, expect, it } from 'vitest';
import { withBulkRevsDiff } from '../../renderer/src/sync/bulkRevsDiff';
import type { RevsDiffResult } from '../../renderer/src/sync/pouchApi';
import { memoryDb, type PouchDb } from './pouch';

type Doc = { _id: string; _rev?: string; _deleted?: boolean; v?: number };
const put = async (db: PouchDb, doc: Doc) => (await db.put(doc as never)).rev;

/** A database holding one of each: alive, updated, deleted, in conflict (and the revisions written). */
async function shapes(): Promise<{ db: PouchDb; revs: Record<string, string[]> }> {
  const db = memoryDb();
  const other = memoryDb();
  const a1 = await put(db, { _id: 'a', v: 1 });
  const b1 = await put(db, { _id: 'b', v: 1 });
  const b2 = await put(db, { _id: 'b', _rev: b1, v: 2 });
  const c1 = await put(db, { _id: 'c', v: 1 });
  const c2 = await put(db, { _id: 'c', _rev: c1, _deleted: true });
  const d1 = await put(db, { _id: 'd', v: 1 });
  const dOther = await put(other, { _id: 'd', v: 2 });
  await other.replicate.to(db);
  await other.destroy();
  return { db, revs: { a: [a1], b: [b1, b2], c: [c1, c2], d: [d1, dOther] } };
}

describe('withBulkRevsDiff', () => {
  it("answers as PouchDB's own revsDiff for ids held and not held, asking PouchDB only about the held ones", async () => {
    const { db, revs } = await shapes();
    const req = {
      a: [revs.a![0]!, '2-aaaa'],
      b: [revs.b![0]!, revs.b![1]!, '3-bbbb'],
      c: [revs.c![1]!],
      d: [revs.d![0]!, revs.d![1]!, '2-dddd'],
      e: ['1-eeee'],
      f: ['1-ffff', '2-ffff'],
    };
    const expected = await db.revsDiff(req);
    expect(Object.keys(expected).sort()).toEqual(['a', 'b', 'd', 'e', 'f']); // the shapes are what they say
    const asked: string[][] = [];
    const own = db.revsDiff;
    db.revsDiff = (r: Record<string, string[]>) => {
      asked.push(Object.keys(r).sort());
      return own.call(db, r);
    };
    const restore = withBulkRevsDiff(db);
    const got: RevsDiffResult = await db.revsDiff(req);
    expect(got).toEqual(expected);
    expect(asked).toEqual([['a', 'b', 'c', 'd']]);
    expect(await db.revsDiff({})).toEqual({});
    expect(asked).toHaveLength(1);
    restore();
    await db.revsDiff({ e: ['1-eeee'] });
    expect(asked).toHaveLength(2); // restored: PouchDB's own again
    await db.destroy();
  });

  it('a pull through it stores what a pull through PouchDB alone stores, and a second pull nothing', async () => {
    const { db: source } = await shapes();
    const plain = memoryDb();
    const bulk = memoryDb();
    await put(bulk, { _id: 'b', v: 9 }); // held by the target already: a conflict after the pull
    await put(plain, { _id: 'b', v: 9 });
    await source.replicate.to(plain, { batch_size: 2 });
    const restore = withBulkRevsDiff(bulk);
    const first = await source.replicate.to(bulk, { batch_size: 2 });
    const again = await source.replicate.to(bulk, { batch_size: 2 });
    restore();
    expect(first.docs_written).toBeGreaterThan(0);
    expect(again.docs_written).toBe(0);
    const contents = async (db: PouchDb) =>
      Promise.all(
        ['a', 'b', 'c', 'd'].map((id) =>
          db
            .get(id, { open_revs: 'all' })
            .then((leaves) =>
              leaves
                .map((l) => ('ok' in l ? l.ok : l))
                .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
            ),
        ),
      );
    expect(await contents(bulk)).toEqual(await contents(plain));
    await Promise.all([source, plain, bulk].map((db) => db.destroy()));
  });
});

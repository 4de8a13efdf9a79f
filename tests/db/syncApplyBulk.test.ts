/**
 * Issue 24, a fresh desk joining a center: the inbound apply stores a chunk of many actions in
 * bulk — each table in ONE write request (Dexie's live queries and its change tracking then see
 * one change per table, not one per record: per-record puts cost the join of 2,000 residents and
 * 1,000 cases most of its apply time), each touched case refolded once — and gives exactly what
 * applying the same documents one action at a time gives.
 */
import type { DBCoreMutateRequest, Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDb, testDesk } from './testDb';
import { applyDocs, type Incoming } from '../../renderer/src/sync/applyDocs';
import { centerSeed } from '../sync/centerSeed';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { tablesOf } from '../../renderer/src/db/dataScope';

const DESK2 = { no: 2, name: '二号窗口' };

/** Counts the write requests reaching IndexedDB, per table and kind. */
function countWrites(db: DutyDeskDB): Map<string, number> {
  const writes = new Map<string, number>();
  (db as unknown as Dexie).use({
    stack: 'dbcore',
    name: 'countWrites',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            const key = `${name}.${req.type}`;
            writes.set(key, (writes.get(key) ?? 0) + 1);
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return writes;
}

/** Every center table's rows (the audit log without its local `seq`), for comparing two desks. */
async function dump(db: DutyDeskDB) {
  const out: Record<string, unknown[]> = {};
  for (const table of tablesOf('center')) {
    const rows = (await (db as unknown as Dexie).table(table).toArray()) as Record<string, unknown>[];
    out[table] = rows
      .map(({ seq: _seq, ...r }) => r)
      .sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
  }
  return out;
}

describe('inbound: a chunk of many actions applied in bulk', () => {
  // The limit only catches a hang: the one-action-at-a-time half took 35–60 s on a loaded machine.
  it('writes each table once and refolds each case once, to the same result as one action at a time', async () => {
    const { data, docs } = centerSeed(20261203, 'tiny');
    const items: Incoming[] = docs.map((doc, i) => ({ doc: { ...doc, _rev: `1-${i}` } }));
    expect(data.residents.length).toBeGreaterThan(50);
    expect(data.cases.length).toBeGreaterThan(50);

    const bulk = freshDb();
    const writes = countWrites(bulk);
    await applyDocs(testDesk(bulk, { identity: DESK2 }), items, { checkpoint: items.length });
    for (const table of ['residents', 'visits', 'caseEvents', 'cases', 'auditLog']) {
      // A fresh desk: every row is new, so added (events and audit rows always: immutable) — a
      // put would have the middlewares read an old value first.
      expect(writes.get(`${table}.add`), table).toBe(1);
      expect(writes.get(`${table}.put`), table).toBeUndefined();
    }
    expect(await bulk.residents.count()).toBe(data.residents.length);
    expect(await bulk.cases.count()).toBe(data.cases.length);

    // The same documents an action at a time (as they trickle in live): the same desk.
    const byAction = new Map<string, Incoming[]>();
    for (const item of items) byAction.set(item.doc.action.id, [...(byAction.get(item.doc.action.id) ?? []), item]);
    const single = freshDb();
    const desk = testDesk(single, { identity: DESK2 });
    for (const action of byAction.values()) await applyDocs(desk, action);
    expect(await dump(bulk)).toEqual(await dump(single));
  }, 180_000);
});

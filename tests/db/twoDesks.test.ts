/**
 * Issue 23's acceptance, two desks of one center: two databases, desks 1 and 2, live the
 * generator's days offline (desk 2 joined desk 1's center first: it holds a copy of the set-up,
 * as it will once the desks share data); the union of their tables has no id, number or
 * event-order collision and stores without a constraint error.
 *
 * The union is of the center's data: each table's rows of both desks, added with `bulkAdd` into
 * a third database. Rows desk 2 received when it joined (the same key, the same content) are the
 * center's one record; a key both hold with different content is a collision. Desk-local facts
 * (the number counters, the install id) never leave their machine and stay out of the union.
 */
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDesk } from '../../bench/data/generate';
import { loadRecords, setUpDesk } from '../../bench/data/load';
import { checkLoadedDesk } from '../../bench/data/check';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { freshDb } from './testDb';
import { scopeOfMetaKey, tablesOf } from '../../renderer/src/db/dataScope';

/** The center's tables: what issue 24 replicates (db/dataScope.ts); desk-local ones never leave the PC. */
const CENTER_TABLES = new Set<string>(tablesOf('center'));

type Row = Record<string, unknown>;

/**
 * Where an event stands in the center's one history, across desks. Until the event clock
 * (issue 23 item 3) lands, the time (ms) is all an event carries; then its clock value.
 */
const orderKeyOf = (e: Row): string => String(e.clock ?? e.at);

const dexieOf = (db: DutyDeskDB) => db as unknown as Dexie;

/** The center's rows of `db`, table by table (an auto-increment key is the machine's own order: left out). */
async function centerRows(db: DutyDeskDB): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const table of dexieOf(db).tables) {
    if (!CENTER_TABLES.has(table.name)) continue;
    const key = table.schema.primKey;
    let rows = (await table.toArray()) as Row[];
    if (table.name === 'meta') rows = rows.filter((r) => scopeOfMetaKey(String(r.key)) === 'center');
    if (key.auto) rows = rows.map(({ [key.keyPath as string]: _local, ...rest }) => rest);
    out.set(table.name, rows);
  }
  return out;
}

/** A row's identity: its primary key, or (auto-increment keys being local) its `id` or whole content. */
function identityOf(db: DutyDeskDB, table: string): (row: Row) => string {
  const key = dexieOf(db).table(table).schema.primKey;
  if (!key.auto) return (row) => JSON.stringify(row[key.keyPath as string]);
  return (row) => (typeof row.id === 'string' ? row.id : JSON.stringify(row));
}

/** Values of `field` that more than one row holds. */
function repeated(rows: Row[], field: (r: Row) => unknown): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const r of rows) {
    const v = field(r);
    if (v === undefined) continue;
    const k = String(v);
    if (seen.has(k)) twice.add(k);
    seen.add(k);
  }
  return [...twice];
}

describe('two desks of one center, offline on the same days', { timeout: 60_000 }, () => {
  it('their union has no id, number or event-order collision and stores without a constraint error', async () => {
    const one = generateDesk('tiny');
    const two = generateDesk('tiny', undefined, { desk: 2 });
    expect(two.desk).toBe(2);
    // The same days, each desk its own visitors.
    expect(new Set(two.visits.map((v) => v.day))).toEqual(new Set(one.visits.map((v) => v.day)));

    const db1 = freshDb();
    const db2 = freshDb();
    const union = freshDb();
    await setUpDesk(db1, one, { iterations: 1000 });
    // Desk 2 joins desk 1's center: it receives the center's data as it stands.
    for (const [name, rows] of await centerRows(db1)) await dexieOf(db2).table(name).bulkAdd(rows);
    await loadRecords(db1, one);
    await loadRecords(db2, two);
    expect(await checkLoadedDesk(db1, { everyStatus: false })).toEqual([]);
    expect(await checkLoadedDesk(db2, { everyStatus: false })).toEqual([]);

    const rows1 = await centerRows(db1);
    const rows2 = await centerRows(db2);
    const idCollisions: string[] = [];
    const refused: string[] = [];
    const all = new Map<string, Row[]>();
    let received = 0;
    for (const [name, mine] of rows1) {
      const identity = identityOf(db1, name);
      const byKey = new Map(mine.map((r) => [identity(r), JSON.stringify(r)]));
      const theirs = (rows2.get(name) ?? []).filter((r) => {
        const same = byKey.get(identity(r));
        if (same === undefined) return true;
        if (same === JSON.stringify(r)) received += 1;
        else idCollisions.push(`${name} ${identity(r)}`);
        return false;
      });
      all.set(name, [...mine, ...theirs]);
      const table = dexieOf(union).table(name);
      await dexieOf(union)
        .transaction('rw', table, () => table.bulkAdd([...mine, ...theirs]))
        .catch((e: { name: string; failures?: { name: string }[] }) =>
          refused.push(`${name}: ${e.failures?.length ?? 1} row(s) refused (${e.failures?.[0]?.name ?? e.name})`),
        );
    }
    const cases = all.get('cases') ?? [];
    const numberCollisions = [
      ...repeated(cases, (c) => c.trackingNumber).map((n) => `受理编号 ${n}`),
      ...repeated(cases, (c) => c.archiveNumber).map((n) => `归档号 ${n}`),
    ];
    const orderCollisions = [...all]
      .filter(([name]) => /Events$/.test(name))
      .flatMap(([name, events]) => repeated(events, orderKeyOf).map((k) => `${name} ${k}`));

    // Desk 2 re-registered a few of desk 1's residents: the same person twice, both stored.
    const people = (all.get('residents') ?? []).map((r) => r.idNumber);
    expect(people.length - new Set(people).size).toBeGreaterThan(0);
    const report = (xs: string[]) => ({ count: xs.length, first: xs.slice(0, 3) });
    expect({
      ids: report(idCollisions),
      numbers: report(numberCollisions),
      eventOrder: report(orderCollisions),
      refused,
    }).toEqual({ ids: report([]), numbers: report([]), eventOrder: report([]), refused: [] });
    // Everything each desk wrote is in the union, the center's set-up once.
    const total = (m: Map<string, Row[]>) => [...m.values()].reduce((n, rows) => n + rows.length, 0);
    expect(received).toBeGreaterThan(0);
    expect(total(all)).toBe(total(rows1) + total(rows2) - received);
    let stored = 0;
    for (const name of rows1.keys()) stored += await dexieOf(union).table(name).count();
    expect(stored).toBe(total(all));
    for (const db of [db1, db2, union]) db.close();
  });
});

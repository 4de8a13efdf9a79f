/**
 * Issue 24, the inbound refold (sync/refold.ts `refoldAll`): a record's new events folded onto
 * the stored record (shared/domain/events/refolding.ts `foldedOnto`) must give EXACTLY what a
 * refold from all its stored events gives — the fold, the stamps, the 同步冲突 list and the
 * derived fields — however the events arrive. A property over random histories (the generator's
 * real case, request, custody and problem histories, plus another desk's events at random
 * clocks: repeated actions the rules now refuse, a field set by a door action no rule refuses,
 * 确认同步冲突, a second opening, an event without a clock), in random orders split into random transactions, some sent twice: one desk applies
 * them through `applyDocs` (folding onto where it may), the other stores the same events and
 * refolds every touched record from all its events; after every transaction both hold the same
 * records. And the fold onto is really taken: a join-ordered feed reads no record's events again.
 */
import fc from 'fast-check';
import { Dexie, type DBCoreQueryRequest } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { applyDocs, type Incoming } from '../../renderer/src/sync/applyDocs';
import { PROJECTED } from '../../renderer/src/sync/contract';
import { toSyncDoc } from '../../renderer/src/sync/docs';
import { FOLDS_INTO, refoldAll } from '../../renderer/src/sync/refold';
import { formatClock, parseClock } from '@shared/domain/events/clock';
import { centerSeed } from '../sync/centerSeed';
import { freshDb, testDesk } from './testDb';

type Table = keyof typeof PROJECTED;
type Ev = Record<string, unknown> & { id: string; clock?: string; at: number; base?: unknown };

const { data } = centerSeed(20261203, 'tiny');
const EVENTS: Record<Table, Ev[]> = {
  cases: data.caseEvents as unknown as Ev[],
  proxyTasks: data.proxyEvents as unknown as Ev[],
  custodyItems: data.custodyEvents as unknown as Ev[],
  problems: data.problemEvents as unknown as Ev[],
};
/** Each table's histories, one per record (the generator's, in clock order). */
const HISTORIES = Object.fromEntries(
  (Object.keys(EVENTS) as Table[]).map((t) => {
    const by = new Map<string, Ev[]>();
    for (const e of EVENTS[t]) {
      const key = String(e[FOLDS_INTO[t]]);
      by.set(key, [...(by.get(key) ?? []), e]);
    }
    // Histories of several events: a record with one event has nothing to fold onto.
    return [t, [...by.values()].filter((h) => h.length >= 3)];
  }),
) as Record<Table, Ev[][]>;

const DESK2 = 2;

/** A small seeded generator (mulberry32): the property's orders and splits, replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Clock order with neighbours swapped here and there (a feed nearly in write order). */
function swapped<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = 1; i < out.length; i++) if (random() < 0.25) [out[i - 1], out[i]] = [out[i]!, out[i - 1]!];
  return out;
}
/** Another desk's event at `wall` (its counter `n`). */
const clockAt = (wall: number, n: number) => formatClock({ wall: Math.round(wall), counter: n % 10_000, desk: DESK2 });

type Extra = {
  kind: 'clone' | 'edit' | 'ack' | 'reopen' | 'noclock';
  from: number;
  later: boolean;
  pos: number;
  pick: number;
};
const extraArb: fc.Arbitrary<Extra> = fc.record({
  kind: fc.constantFrom('clone', 'clone', 'edit', 'edit', 'ack', 'reopen', 'noclock'),
  from: fc.nat(),
  later: fc.boolean(),
  pos: fc.double({ min: 0, max: 1, noNaN: true }),
  pick: fc.nat(),
});

/** The histories picked, with another desk's events mixed in. */
function history(table: Table, picks: readonly number[], extras: readonly Extra[]): Ev[] {
  const all = HISTORIES[table];
  const chosen = [...new Set(picks.map((p) => p % all.length))].map((i) => all[i]!.map((e) => ({ ...e })));
  const events = chosen.flat();
  const walls = events.map((e) => parseClock(e.clock ?? '')?.wall ?? e.at);
  const [lo, hi] = [Math.min(...walls), Math.max(...walls)];
  extras.forEach((x, n) => {
    const own = chosen[x.pick % chosen.length]!;
    const wall = x.later ? hi + 60_000 * (n + 1) : lo + (hi - lo) * x.pos;
    const stamp = { id: `desk2-${n}`, clock: clockAt(wall, n), at: Math.round(wall), desk: DESK2 };
    const steps = own.filter((e) => !e.base);
    if (x.kind === 'clone' && steps.length > 0) own.push({ ...steps[x.from % steps.length]!, ...stamp });
    // A door's own action (改挂居民: no rule refuses it) setting a field: its order decides the value.
    if (x.kind === 'edit')
      own.push({
        ...own[0]!,
        ...stamp,
        base: undefined,
        action: '改挂居民',
        input: { type: '改挂居民', residentId: `res-desk2-${n}` },
        decided: { set: { residentId: `res-desk2-${n}` } },
      });
    if (x.kind === 'reopen') own.push({ ...own.find((e) => e.base)!, ...stamp });
    if (x.kind === 'ack') {
      const ids = own.map((e) => e.id);
      own.push({
        ...own[0]!,
        ...stamp,
        base: undefined,
        action: '确认同步冲突',
        input: {
          type: '确认同步冲突',
          eventIds: [ids[x.from % ids.length]!, `desk2-${(x.from + 1) % extras.length}`],
          note: '已核实',
        },
        decided: { set: {} },
      });
    }
    if (x.kind === 'noclock' && steps.length > 0) delete steps[x.from % steps.length]!.clock;
  });
  return chosen.flat().map((e) => JSON.parse(JSON.stringify(e)) as Ev);
}

/** The records of `table` on a desk, by id. */
async function records(db: DutyDeskDB, table: Table) {
  const rows = (await db.table(table).toArray()) as { id: string }[];
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

/** The full refold: `events` stored (those held already kept), every record they touch refolded from all its events. */
async function applyFull(db: DutyDeskDB, table: Table, events: readonly Ev[]) {
  const by = FOLDS_INTO[table];
  await (db as unknown as Dexie).transaction('rw', [PROJECTED[table], table], async () => {
    await db
      .table(PROJECTED[table])
      .bulkAdd(events)
      .catch((e: unknown) => {
        if (!(e instanceof Dexie.BulkError)) throw e;
      });
    const touched = new Map(events.map((e) => [String(e[by]), []]));
    await refoldAll(db, table, touched);
  });
}

const items = (table: Table, events: readonly Ev[], round: number): Incoming[] =>
  events.map((e, i) => ({
    doc: {
      ...toSyncDoc(PROJECTED[table], e.id, e, { desk: DESK2, action: { id: `a-${round}-${i}`, size: 1 } }),
      _rev: `1-${e.id}`,
    },
  }));

describe('inbound refold: new events folded onto the stored record', () => {
  it('gives exactly the refold from all events, in any order and split, applied twice or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Table>('cases', 'cases', 'proxyTasks', 'custodyItems', 'problems'),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.array(extraArb, { maxLength: 6 }),
        fc.constantFrom('clock', 'clock', 'shuffled', 'swapped'),
        fc.integer(),
        fc.array(fc.nat({ max: 7 }), { maxLength: 3 }),
        async (table, picks, extras, order, seed, repeats) => {
          const random = rng(seed);
          const events = history(table, picks, extras);
          const byClock = [...events].sort(
            (a, b) => (a.clock ?? '').localeCompare(b.clock ?? '') || a.id.localeCompare(b.id),
          );
          const arrival =
            order === 'clock'
              ? byClock
              : order === 'shuffled'
                ? byClock
                    .map((e) => ({ e, k: random() }))
                    .sort((a, b) => a.k - b.k)
                    .map((x) => x.e)
                : swapped(byClock, random);
          // Random transactions (1–6 events each), some sent again later.
          const chunks: Ev[][] = [];
          for (let i = 0; i < arrival.length;) {
            const size = 1 + Math.floor(random() * 6);
            chunks.push(arrival.slice(i, i + size));
            i += size;
          }
          for (const k of repeats) if (chunks.length > 0) chunks.push(chunks[k % chunks.length]!);
          const onto = freshDb();
          const full = freshDb();
          const desk = testDesk(onto, { identity: { no: 3, name: '三号窗口' } });
          for (const [round, chunk] of chunks.entries()) {
            await applyDocs(desk, items(table, chunk, round));
            await applyFull(full, table, chunk);
            expect(await records(onto, table), `${table}, transaction ${round + 1} of ${chunks.length}`).toEqual(
              await records(full, table),
            );
          }
          onto.close();
          full.close();
        },
      ),
      { numRuns: 40 },
    );
  }, 240_000);

  it('a join-ordered feed reads no event again once its record is stored (one clock-range read per transaction)', async () => {
    const history = HISTORIES.cases.filter((h) => h.length >= 4).slice(0, 20);
    const events = history.flat().sort((a, b) => (a.clock ?? '').localeCompare(b.clock ?? ''));
    const db = freshDb();
    const reads: string[] = [];
    (db as unknown as Dexie).use({
      stack: 'dbcore',
      name: 'countEventReads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'caseEvents'
            ? table
            : {
                ...table,
                query: (req: DBCoreQueryRequest) => {
                  reads.push(req.query.index.name || ':id');
                  return table.query(req);
                },
              };
        },
      }),
    });
    const desk = testDesk(db, { identity: { no: 3, name: '三号窗口' } });
    const chunks = 5;
    const size = Math.ceil(events.length / chunks);
    const byCase: number[] = [];
    for (let i = 0; i < chunks; i++) {
      const chunk = events.slice(i * size, (i + 1) * size);
      const before = reads.length;
      await applyDocs(desk, items('cases', chunk, i));
      const stored = new Set(
        events
          .slice(0, i * size)
          .filter((e) => e.base)
          .map((e) => String(e.caseId)),
      );
      const newCases = new Set(chunk.filter((e) => !stored.has(String(e.caseId))).map((e) => String(e.caseId)));
      const readNow = reads.slice(before);
      // The cases first seen here are read (their events, one request each); the others are not.
      byCase.push(readNow.filter((r) => r === 'caseId').length);
      expect(readNow.filter((r) => r === 'caseId').length, `transaction ${i + 1}`).toBe(newCases.size);
      expect(readNow.filter((r) => r === 'clock').length, `transaction ${i + 1}`).toBe(1);
    }
    expect(byCase.reduce((a, b) => a + b, 0)).toBe(history.length);
    expect(await db.cases.count()).toBe(history.length);
  });
});

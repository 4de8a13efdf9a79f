/**
 * The slim rows of the period summaries (`slimRows`, desk-local and derived: shared/reports/slimRows.ts)
 * kept in the same transaction as the records, by ONE DBCore middleware, as the kept counts and
 * the last 走访 are (tallies/middleware.ts, careVisits/middleware.ts): every add, put and delete of
 * `visits` or `cases` — from `writeTx`, the inbound sync (applyDocs.ts), an upgrade, a restore,
 * the bench loader or a test — passes through it.
 *
 * - A read-write transaction over visits or cases gets `slimRows` added to its scope here.
 * - A record written puts its row (`v|<day>|<id>` / `c|<acceptedDay>|<id>`), unless the row it
 *   stores already is the same (a case's step that changes no field the summary reads writes
 *   nothing more); a record replaced or deleted takes its old row with it when the key moved or
 *   the record went (the stored records are read first; an add replaces nothing and reads none).
 * - A table cleared drops its kind's rows (one key range).
 * - The writes of one transaction run one after another (its own queue: dbcore.ts `turns`).
 *
 * Level 7: below the derived fields (10), above the last 走访's (6), the tallies' (5), the kept
 * summaries' (4) and Dexie's observability (0). An upgrade step that runs before v39 finds no such
 * store and is let through (the v39 step fills it once: upgrades/v39-slim-rows.ts).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';
import { slimKindRange, slimRowOf, type SlimRow } from '@shared/reports/slimRows';
import { ANY, chain, keptTableMiddleware, keysOf, RANGE } from '../dbcore';

export const SLIM_ROWS = 'slimRows';
type Watched = 'visits' | 'cases';
const WATCHED: readonly string[] = ['visits', 'cases'] satisfies Watched[];

const sameRow = (a: SlimRow, b: SlimRow) => a.key === b.key && JSON.stringify(a) === JSON.stringify(b);

/**
 * The rows to put and the keys to delete for a write of the records with primary keys `keys`:
 * `before` as stored before the write, `after` as written (undefined: deleted). A key written twice
 * in one request (a bulkPut) ends as its last record; its row from before is what it replaced.
 */
export function slimChanges(
  name: Watched,
  keys: readonly unknown[],
  before: readonly unknown[],
  after: readonly unknown[],
): { put: SlimRow[]; gone: string[] } {
  const was = new Map<unknown, SlimRow | undefined>();
  const now = new Map<unknown, SlimRow | undefined>();
  keys.forEach((k, i) => {
    if (!was.has(k)) was.set(k, before[i] === undefined ? undefined : slimRowOf(name, before[i]));
    now.set(k, after[i] === undefined ? undefined : slimRowOf(name, after[i]));
  });
  const put: SlimRow[] = [];
  const gone: string[] = [];
  for (const [k, row] of now) {
    const old = was.get(k);
    // A row's key holds its record's id: no other record's row can take it.
    if (old && old.key !== row?.key) gone.push(old.key);
    if (row && !(old && sameRow(old, row))) put.push(row);
  }
  return { put, gone };
}

function slimMutate(
  name: Watched,
  table: DBCoreTable,
  down: DBCore,
  req: DBCoreMutateRequest,
): PromiseLike<DBCoreMutateResponse> {
  const slim = down.table(SLIM_ROWS);
  const { trans } = req;
  if (req.type === 'deleteRange' && req.range.type === ANY) {
    const { lower, upper } = slimKindRange(name);
    const range = { type: RANGE, lower, upper, lowerOpen: false, upperOpen: false } as const;
    return chain(table.mutate(req)).then((res) =>
      chain(slim.mutate({ trans, type: 'deleteRange', range })).then(() => res),
    );
  }
  return keysOf(table, req).then((keys) =>
    // An add replaces nothing (it fails on an existing key, and a failed write moves nothing).
    chain(req.type === 'add' || keys.length === 0 ? [] : table.getMany({ trans, keys })).then((stored: unknown[]) =>
      chain(table.mutate(req)).then((res) => {
        const written = req.type === 'add' || req.type === 'put' ? req.values : undefined;
        // A failed part of the write (an add of a stored key) changed nothing.
        const ok = keys.flatMap((_, i) => (res.failures[i] ? [] : [i]));
        const { put, gone } = slimChanges(
          name,
          ok.map((i) => keys[i]),
          ok.map((i) => stored[i]),
          ok.map((i) => written?.[i]),
        );
        return chain(put.length > 0 ? slim.mutate({ trans, type: 'put', values: put }) : undefined)
          .then(() => (gone.length > 0 ? slim.mutate({ trans, type: 'delete', keys: gone }) : undefined))
          .then(() => res);
      }),
    ),
  );
}

let keptOn = true;

/**
 * FOR THE BENCH ONLY (bench/chromium/slimRowsBench.ts): transactions are not widened to the slim
 * rows, so a write keeps none — to measure their cost on a registration against the same write
 * in the same run. Nothing in the app calls it.
 */
export function setSlimRowsForBench(on: boolean): void {
  keptOn = on;
}

export const slimRowsMiddleware = keptTableMiddleware({
  name: 'slimRows',
  level: 7,
  kept: SLIM_ROWS,
  watches: (name) => keptOn && WATCHED.includes(name),
  mutate: (name, table, down, req) => slimMutate(name as Watched, table, down, req),
});

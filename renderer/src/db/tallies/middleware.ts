/**
 * Kept counts (shared/domain/tallies.ts) moved in the same transaction as the records, by ONE
 * DBCore middleware: every add, put and delete reaching a counted table — from `writeTx`, the
 * inbound sync (applyDocs.ts), an upgrade, a restore, the bench loader or a test — passes
 * through it, so no writer can forget a count.
 *
 * - A read-write transaction over a counted table gets `tallies` added to its scope here.
 * - A write reads the records it replaces or deletes (their count keys go down), lets the write
 *   through, and adds the keys of what was written (failed operations of a bulk write count for
 *   nothing). Clearing a table (`Table.clear`, a restore) drops the table's rows of tallies.
 * - The writes of one transaction to counted tables run one after another (a queue per
 *   transaction): two parallel puts never read the same old count.
 *
 * It sits below the derived fields (derived.ts, level 10: it sees `flags`, `dueDay` … as stored)
 * and above Dexie's observability (level 0), so a live query reading tallies re-runs on a write.
 * An upgrade step that runs before the version creating `tallies` finds no such store and is let
 * through (the v28 step counts everything once: upgrades/v28-tallies.ts).
 */
import type { DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';
import { addTallies, isTallied, TALLY_PREFIX, type TalliedTable, type TallyRow } from '@shared/domain/tallies';
import { ANY, chain, keptTableMiddleware, keysOf, RANGE } from '../dbcore';

export const TALLIES = 'tallies';

/** Adds `delta` to the stored tallies (a row at zero is deleted). */
function applyDelta(tallies: DBCoreTable, trans: DBCoreTransaction, delta: Map<string, number>): PromiseLike<unknown> {
  const keys = [...delta].filter(([, d]) => d !== 0).map(([k]) => k);
  if (keys.length === 0) return chain(undefined);
  return chain(tallies.getMany({ trans, keys })).then((rows: (TallyRow | undefined)[]) => {
    const put: TallyRow[] = [];
    const gone: string[] = [];
    keys.forEach((key, i) => {
      const n = (rows[i]?.n ?? 0) + (delta.get(key) ?? 0);
      if (n === 0) gone.push(key);
      else put.push({ key, n });
    });
    return chain(put.length > 0 ? tallies.mutate({ trans, type: 'put', values: put }) : undefined).then(() =>
      gone.length > 0 ? tallies.mutate({ trans, type: 'delete', keys: gone }) : undefined,
    );
  });
}

function countedMutate(
  name: TalliedTable,
  table: DBCoreTable,
  tallies: DBCoreTable,
  req: DBCoreMutateRequest,
): PromiseLike<DBCoreMutateResponse> {
  const { trans } = req;
  if (req.type === 'deleteRange' && req.range.type === ANY) {
    // The whole table: its tallies go with it (no record read).
    const prefix = TALLY_PREFIX[name];
    const range = { type: RANGE, lower: prefix, lowerOpen: false, upper: `${prefix}\uffff`, upperOpen: false };
    return chain(table.mutate(req)).then((res) =>
      chain(tallies.mutate({ trans, type: 'deleteRange', range })).then(() => res),
    );
  }
  return keysOf(table, req).then((keys) =>
    // An add replaces nothing (it fails on an existing key, and a failure counts for nothing).
    chain(req.type === 'add' || keys.length === 0 ? [] : table.getMany({ trans, keys })).then((before: unknown[]) =>
      chain(table.mutate(req)).then((res) => {
        const delta = new Map<string, number>();
        const written = req.type === 'add' || req.type === 'put' ? req.values : undefined;
        // A key written twice in one request replaces its own first write, not the stored record.
        const now = new Map<unknown, unknown>();
        keys.forEach((key, i) => {
          if (res.failures[i]) return;
          addTallies(delta, name, now.has(key) ? now.get(key) : before[i], -1);
          addTallies(delta, name, written?.[i], 1);
          now.set(key, written?.[i]);
        });
        return chain(applyDelta(tallies, trans, delta)).then(() => res);
      }),
    ),
  );
}

export const talliesMiddleware = keptTableMiddleware({
  name: 'tallies',
  level: 5,
  kept: TALLIES,
  watches: isTallied,
  mutate: (name, table, down, req) => countedMutate(name as TalliedTable, table, down.table(TALLIES), req),
});

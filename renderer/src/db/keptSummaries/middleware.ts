/**
 * Kept summaries (shared/reports/keptSummaries.ts) dropped in the same transaction as the write
 * that makes them stale, by ONE DBCore middleware — as the tallies are moved (tallies/middleware.ts):
 * every add, put and delete reaching a table a report reads — from `writeTx`, the inbound sync,
 * an upgrade, a restore, the bench loader or a test — passes through it.
 *
 * - A read-write transaction over such a table gets `keptSummaries` added to its scope here.
 * - Each write changes the write token (a worker keeps a summary only if the token it read with
 *   the records is unchanged when it writes the row: nothing written in between is missed).
 * - When rows are kept, the write drops every row reading a day on or after the earliest day of
 *   the records it writes and the ones they replace or delete (`staleFrom`: one key range), or
 *   every row (a table with no day to tell, a clear) — but a resident's edit of neither 网格 nor
 *   tags drops none (`residentEditKeepsSummaries`).
 *
 * Level 4: above Dexie's observability (0), so a live report reading its kept row runs again.
 */
import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { Dexie } from 'dexie';
import { earliestStale, keptStaleBy, residentEditKeepsSummaries, WRITE_TOKEN_KEY } from '@shared/reports/keptSummaries';
import { ANY, chain, keptTableMiddleware, RANGE } from '../dbcore';

export const KEPT_SUMMARIES = 'keptSummaries';

/** Every kept row's key starts with a day ('2025-…'); the token's with '#', below them. */
const FIRST_ROW = '0';
const LAST_ROW = '\uffff';

const DP = Dexie.Promise;

const rowsFrom = (lower: string) => ({
  type: RANGE,
  lower: lower < FIRST_ROW ? FIRST_ROW : lower,
  lowerOpen: false,
  upper: LAST_ROW,
  upperOpen: false,
});

/** The earliest day the request's records (written, replaced, deleted) can be read on; '' for all. */
function staleDay(name: string, table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<string | undefined> {
  if (req.type === 'deleteRange') {
    if (req.range.type === ANY) return chain('');
    return chain(
      table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }),
    ).then((r) => earliestStale(name, r.result));
  }
  const written = req.type === 'delete' ? [] : req.values;
  const keys =
    req.type === 'delete'
      ? req.keys
      : (req.keys ?? (req.type === 'put' ? req.values.map((v) => table.schema.primaryKey.extractKey?.(v)) : []));
  const replaced =
    req.type === 'add' || keys.length === 0 ? chain([]) : chain(table.getMany({ trans: req.trans, keys }));
  return replaced.then((before: unknown[]) =>
    name === 'residents' && req.type === 'put' && written.every((r, i) => residentEditKeepsSummaries(before[i], r))
      ? undefined
      : earliestStale(name, [...written, ...before]),
  );
}

function staleMutate(name: string, table: DBCoreTable, kept: DBCoreTable, req: DBCoreMutateRequest) {
  const { trans } = req;
  const token = kept.mutate({ trans, type: 'put', values: [{ key: WRITE_TOKEN_KEY, token: crypto.randomUUID() }] });
  const first = kept.query({
    trans,
    values: false,
    limit: 1,
    query: { index: kept.schema.primaryKey, range: rowsFrom(FIRST_ROW) },
  });
  return chain(DP.all([token, first])).then(([, any]) => {
    if (any.result.length === 0) return table.mutate(req);
    return chain(staleDay(name, table, req)).then((day) =>
      chain(day === undefined ? undefined : kept.mutate({ trans, type: 'deleteRange', range: rowsFrom(day) })).then(
        () => table.mutate(req),
      ),
    );
  });
}

export const keptSummariesMiddleware = keptTableMiddleware({
  name: 'keptSummaries',
  level: 4,
  kept: KEPT_SUMMARIES,
  watches: keptStaleBy,
  mutate: (name, table, down, req) => staleMutate(name, table, down.table(KEPT_SUMMARIES), req),
});

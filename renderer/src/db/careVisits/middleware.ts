/**
 * The kept last 走访 of every 重点服务对象 (`careLastVisits`, desk-local and derived:
 * shared/domain/homeVisits/unvisited.ts `CareVisitRow`) moved in the same transaction as the
 * records, by ONE DBCore middleware, as the kept counts are (tallies/middleware.ts): every add,
 * put and delete of `residents`, `homeVisits` or the community profile (meta `community`: the
 * register tags key the rows) — from `writeTx`, the inbound sync (applyDocs.ts), an upgrade, a
 * restore, the bench loader or a test — passes through it.
 *
 * - A read-write transaction over residents, homeVisits or meta gets `careLastVisits` added to
 *   its scope here; one over residents homeVisits and meta too (a resident's row needs their
 *   entries and the register tags; an entry's row and a re-keying read the kept rows alone: each
 *   row keeps its resident's 网格 and tags).
 * - A row exists exactly for the residents carrying `careKeys` (on file, with a tag); it has a
 *   `key` when one of their tags is one of the register tags stored in that transaction.
 * - A resident written: no `careKeys` → their row goes; a row there → rebuilt with its `lastDay`
 *   (网格 or tags changed) for the register tags as stored; none yet → their last current entry
 *   read (a few index reads).
 * - Entries written: for each resident named (by the entry, the record it replaced, or the entry a
 *   correction names) that has a row — an added entry later than the row's day moves it on unless
 *   another entry corrects it; a deletion, a replaced entry or a correction reads the resident's
 *   entries again (`[residentId+day]`) and which of them are corrected (`corrects`).
 * - The community profile written, deleted or meta cleared: when the register tags it gives
 *   differ from before, every row is re-keyed from its own `zone` and `tags` (the rows whose key
 *   changes written), in that write's transaction — the 站长's 帮代办设置, the inbound sync, a
 *   restore alike.
 * - Clearing residents drops every row; clearing homeVisits sets every row to never visited.
 * - The writes of one transaction run one after another (its own queue: dbcore.ts `turns`).
 *
 * It sits below the derived fields (derived.ts, level 10: it sees `careKeys` as stored) and above
 * Dexie's observability (level 0), so a live query of the list re-runs on a write. An upgrade step
 * that runs before v34 finds no such store and is let through (the v34 step fills it once:
 * upgrades/v34-care-last-visits.ts; v38 re-keys it: upgrades/v38-care-register-keys.ts).
 */
import type {
  DBCore,
  DBCoreIndex,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import {
  careVisitRowOf,
  keyedRow,
  lastCurrentDay,
  sameCareVisitRow,
  withLastDay,
  type CareVisitRow,
} from '@shared/domain/homeVisits/unvisited';
import { registerTagsOf, sameRegister } from '@shared/domain/proxy';
import type { CommunityProfile, HomeVisit, Resident } from '@shared/domain/records';
import { all, ANY, chain, keptTableMiddleware, keysOf, RANGE } from '../dbcore';

export const CARE_LAST_VISITS = 'careLastVisits';
const WATCHED: readonly string[] = ['residents', 'homeVisits', 'meta'];
/** The meta key of the community profile (its 帮代办 settings hold the register tags). */
const COMMUNITY = 'community';
const EVERY = { type: ANY, lower: undefined, upper: undefined } as const;

type Entry = Pick<HomeVisit, 'id' | 'day' | 'residentId' | 'corrects'>;
type Stored = Pick<Resident, 'id' | 'careKeys'>;

/** The tables and indexes of one transaction. */
class Kept {
  readonly care: DBCoreTable;
  readonly entries: DBCoreTable;
  private readonly meta: DBCoreTable;
  private readonly byResidentDay: DBCoreIndex;
  private readonly byCorrects: DBCoreIndex;

  constructor(
    down: DBCore,
    readonly trans: DBCoreTransaction,
  ) {
    this.care = down.table(CARE_LAST_VISITS);
    this.entries = down.table('homeVisits');
    this.meta = down.table('meta');
    const index = (name: string) => {
      const i = this.entries.schema.indexes.find((x) => x.name === name);
      if (!i) throw new Error(`homeVisits has no index ${name}`);
      return i;
    };
    this.byResidentDay = index('[residentId+day]');
    this.byCorrects = index('corrects');
  }

  /** The ids among `ids` another entry corrects (one small index read each, all under way at once). */
  corrected(ids: readonly string[]): PromiseLike<Set<string>> {
    const { trans } = this;
    return all(
      ids.map((id) =>
        this.entries.query({
          trans,
          values: false,
          limit: 1,
          query: { index: this.byCorrects, range: { type: RANGE, lower: id, upper: id } },
        }),
      ),
    ).then((found) => new Set(ids.filter((_, i) => found[i]!.result.length > 0)));
  }

  /** A resident's last current 走访 day, read again: their entries, and which of them are corrected. */
  lastDayOf(residentId: string): PromiseLike<string | undefined> {
    const range = { type: RANGE, lower: [residentId, ''], upper: [residentId, '\uffff'] };
    return chain(
      this.entries.query({ trans: this.trans, values: true, query: { index: this.byResidentDay, range } }),
    ).then(({ result }) => {
      const mine = result as Entry[];
      return this.corrected(mine.map((e) => e.id)).then((gone) => lastCurrentDay(mine, (id) => gone.has(id)));
    });
  }

  /** The register tags as stored now, in this transaction (one read of the community profile). */
  register(): PromiseLike<ReadonlySet<string>> {
    return chain(this.meta.get({ trans: this.trans, key: COMMUNITY })).then((row?: { value?: CommunityProfile }) =>
      registerTagsOf(row?.value),
    );
  }

  /** Every kept row. */
  allRows(): PromiseLike<CareVisitRow[]> {
    const query = { index: this.care.schema.primaryKey, range: EVERY };
    return chain(this.care.query({ trans: this.trans, values: true, query })).then(
      ({ result }) => result as CareVisitRow[],
    );
  }

  rowsOf(residentIds: readonly string[]): PromiseLike<(CareVisitRow | undefined)[]> {
    return chain(this.care.getMany({ trans: this.trans, keys: [...residentIds] }));
  }

  /** Writes the rows that changed and deletes those that went (`want[i]` undefined: no row). */
  save(
    ids: readonly string[],
    had: readonly (CareVisitRow | undefined)[],
    want: readonly (CareVisitRow | undefined)[],
  ) {
    const { trans } = this;
    const put = want.filter((w, i): w is CareVisitRow => w !== undefined && !sameCareVisitRow(had[i], w));
    const gone = ids.filter((_, i) => had[i] !== undefined && want[i] === undefined);
    return chain(put.length > 0 ? this.care.mutate({ trans, type: 'put', values: put }) : undefined).then(() =>
      gone.length > 0 ? this.care.mutate({ trans, type: 'delete', keys: gone }) : undefined,
    );
  }
}

/** Residents written (`now`: as stored after the write, undefined when deleted). */
function residentsWritten(k: Kept, now: Map<string, Stored | undefined>): PromiseLike<unknown> {
  const ids = [...now.keys()];
  return chain(k.register()).then((register) =>
    k.rowsOf(ids).then((had) =>
      all(
        ids.map((id, i) => {
          const careKeys = now.get(id)?.careKeys ?? [];
          if (careKeys.length === 0) return undefined;
          const row = had[i];
          return row
            ? careVisitRowOf(careKeys, row.lastDay, register)
            : k.lastDayOf(id).then((day) => careVisitRowOf(careKeys, day, register));
        }),
      ).then((want) => k.save(ids, had, want)),
    ),
  );
}

/** Entries written: `before` the records replaced or deleted, `after` those written (undefined: deleted). */
function entriesWritten(k: Kept, before: readonly (Entry | undefined)[], after: readonly (Entry | undefined)[]) {
  const named = [...before, ...after].filter((e): e is Entry => e !== undefined);
  const targets = [...new Set(named.flatMap((e) => (e.corrects ? [e.corrects] : [])))];
  return chain(targets.length > 0 ? k.entries.getMany({ trans: k.trans, keys: targets }) : []).then(
    (correctedEntries: (Entry | undefined)[]) => {
      // Read again: a resident one of whose entries went, was replaced, corrects or is corrected.
      const reread = new Set<string>();
      for (const e of [...before, ...correctedEntries]) if (e?.residentId) reread.add(e.residentId);
      for (const e of after) if (e?.residentId && e.corrects) reread.add(e.residentId);
      // Moved on by their added entries: the others.
      const added = new Map<string, Entry[]>();
      for (const e of after) {
        if (!e?.residentId || reread.has(e.residentId)) continue;
        added.set(e.residentId, [...(added.get(e.residentId) ?? []), e]);
      }
      const ids = [...reread, ...added.keys()];
      if (ids.length === 0) return undefined;
      return k.rowsOf(ids).then((had) => {
        const rows = new Map(ids.flatMap((id, i) => (had[i] ? [[id, had[i]] as const] : [])));
        return chain(newDays(k, rows, reread, added)).then((days) => {
          const moved = [...days].filter(([id, day]) => day !== rows.get(id)?.lastDay).map(([id]) => id);
          if (moved.length === 0) return undefined;
          const was = moved.map((id) => rows.get(id)!);
          return k.save(
            moved,
            was,
            was.map((row) => withLastDay(row, days.get(row.residentId))),
          );
        });
      });
    },
  );
}

/**
 * The last day of each resident with a row: read again for those in `reread`; for the others the
 * latest of their added entries later than the row's day that no entry corrects, or the row's day.
 */
function newDays(
  k: Kept,
  rows: ReadonlyMap<string, CareVisitRow>,
  reread: ReadonlySet<string>,
  added: ReadonlyMap<string, Entry[]>,
): PromiseLike<Map<string, string | undefined>> {
  const ids = [...rows.keys()];
  const later = new Map(
    ids.map((id) => [id, (added.get(id) ?? []).filter((e) => e.day > (rows.get(id)?.lastDay ?? ''))] as const),
  );
  return k
    .corrected([...later.values()].flat().map((e) => e.id))
    .then((gone) =>
      all(
        ids.map((id) =>
          reread.has(id)
            ? k.lastDayOf(id)
            : (lastCurrentDay(later.get(id) ?? [], (x) => gone.has(x)) ?? rows.get(id)?.lastDay),
        ),
      ).then((days) => new Map(ids.map((id, i) => [id, days[i]]))),
    );
}

/** A whole table cleared: residents → no row; homeVisits → every row never visited. */
function cleared(k: Kept, name: string): PromiseLike<unknown> {
  if (name === 'residents') return k.care.mutate({ trans: k.trans, type: 'deleteRange', range: EVERY });
  return k.allRows().then((rows) =>
    k.save(
      rows.map((r) => r.residentId),
      rows,
      rows.map((r) => withLastDay(r, undefined)),
    ),
  );
}

/**
 * A write of meta: when it may change the community profile (a write of its key, a range
 * deleted) and the register tags it gives change, every row re-keyed for the new ones.
 */
function metaMutate(table: DBCoreTable, k: Kept, req: DBCoreMutateRequest): PromiseLike<DBCoreMutateResponse> {
  const touches =
    req.type === 'deleteRange' ? chain(true) : keysOf(table, req).then((keys) => keys.includes(COMMUNITY));
  return touches.then((yes) => {
    if (!yes) return table.mutate(req);
    return chain(k.register()).then((before) =>
      chain(table.mutate(req)).then((res) =>
        chain(k.register()).then((after) =>
          sameRegister(before, after)
            ? res
            : k.allRows().then((rows) =>
                chain(
                  k.save(
                    rows.map((r) => r.residentId),
                    rows,
                    rows.map((r) => keyedRow(r, after)),
                  ),
                ).then(() => res),
              ),
        ),
      ),
    );
  });
}

function keptMutate(
  name: string,
  table: DBCoreTable,
  k: Kept,
  req: DBCoreMutateRequest,
): PromiseLike<DBCoreMutateResponse> {
  if (name === 'meta') return metaMutate(table, k, req);
  if (req.type === 'deleteRange' && req.range.type === ANY)
    return chain(table.mutate(req)).then((res) => chain(cleared(k, name)).then(() => res));
  return keysOf(table, req).then((keys) =>
    // An add replaces nothing (it fails on an existing key, and a failed write moves nothing).
    chain(req.type === 'add' || keys.length === 0 ? [] : table.getMany({ trans: req.trans, keys })).then(
      (stored: unknown[]) =>
        chain(table.mutate(req)).then((res) => {
          const written = req.type === 'add' || req.type === 'put' ? req.values : undefined;
          const ok = keys.map((_, i) => !res.failures[i]);
          const after = keys.map((_, i) => (ok[i] ? written?.[i] : undefined));
          const before = keys.map((_, i) => (ok[i] ? stored[i] : undefined));
          const moving =
            name === 'residents'
              ? residentsWritten(
                  k,
                  new Map(keys.flatMap((key, i) => (ok[i] ? [[String(key), after[i] as Stored | undefined]] : []))),
                )
              : entriesWritten(k, before as (Entry | undefined)[], after as (Entry | undefined)[]);
          return chain(moving).then(() => res);
        }),
    ),
  );
}

export const careVisitsMiddleware = keptTableMiddleware({
  name: 'careLastVisits',
  level: 6,
  kept: CARE_LAST_VISITS,
  watches: (name) => WATCHED.includes(name),
  // A resident's row needs their entries and the register tags; an entry's or the profile's, the rows alone.
  needs: (watched) => (watched === 'residents' ? ['homeVisits', 'meta'] : []),
  mutate: (name, table, down, req) => keptMutate(name, table, new Kept(down, req.trans), req),
});

/**
 * Derived fields: values stored only so an index can answer a query, computed from the record
 * itself — a case's queue and search fields (`dueDay`, `flags`, `queueKeys`, `searchKeys`,
 * shared/domain/caseIndex), a visit's words (`words`, shared/domain/caseSearch), a resident's
 * search keys (`searchKeys`, shared/domain/pinyinKeys, loaded on first need: searchKeys.ts) and
 * 超期未走访 keys (`careKeys`, shared/domain/homeVisits/unvisited.ts).
 *
 * They are applied in ONE place, a DBCore middleware on the database: every `add` and `put`
 * reaching IndexedDB passes through it, whether it comes from a repository, an upgrade, a
 * restore or a test. A writer that forgets them cannot drop a case from its queues or a
 * resident from the search. (Table hooks would miss nothing either, but their `updating` hook
 * sees only the changed keys; a `save…` per entity would be forgotten by the next feature.)
 * Write transactions also use `deriveFields` to return the record as stored.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { withIndexes } from '@shared/domain/caseIndex';
import { visitWordsOf } from '@shared/domain/caseSearch';
import type { AuditEntry, CustodyItem, Problem, ProxyTask, Resident, Visit } from '@shared/domain/records';
import { auditDomainOf } from '@shared/domain/audit';
import { residentIdsOf } from '@shared/domain/meetings';
import { poolKeysOf } from '@shared/domain/meetings/poolKeys';
import { visitDayOf } from '@shared/domain/proxy';
import { holderKeyOf } from '@shared/domain/custody';
import { syncConflictAtOf } from '@shared/domain/events/refused';
import type { EntityName, RecordOf } from './entities';
import { searchKeysNow } from './searchKeys';
import { INACTIVE_KEY_PREFIX, isInactiveResident } from '@shared/domain/residentStatus';
import { careKeysOf } from '@shared/domain/homeVisits/unvisited';

/**
 * 已迁出 / 已故: the same keys behind INACTIVE_KEY_PREFIX, so only 包括已迁出、已故 reads them.
 * A tombstone (deleted, merged away) has none: no search meets it.
 */
function withSearchKeys(r: Resident): Resident {
  if (r.deleted) return { ...r, searchKeys: [] };
  const keys = searchKeysNow().searchKeysForResident(r);
  return { ...r, searchKeys: isInactiveResident(r) ? keys.map((k) => INACTIVE_KEY_PREFIX + k) : keys };
}

/** A resident's search keys and 超期未走访 keys (`careKeys`: absent when none). */
const withResidentKeys = (r: Resident): Resident => {
  const care = careKeysOf(r);
  return withOptional(withSearchKeys(r), 'careKeys', care.length > 0 ? care : undefined);
};

/** The record with `key` set to `value`, or without `key` when there is none. */
function withOptional<T extends object, K extends keyof T>(record: T, key: K, value: T[K] | undefined): T {
  const out = { ...record };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

const withWords = (v: Visit): Visit => {
  const words = visitWordsOf(v);
  return withOptional(v, 'words', words.length > 0 ? words : undefined);
};
/** A request's or custody item's oldest unhandled 同步冲突, for the 同步冲突 queue's index (issue 24). */
const withSyncConflictAt = <T extends CustodyItem | ProxyTask>(record: T): T =>
  withOptional(record, 'syncConflictAt', syncConflictAtOf(record));
const withHolderKey = (item: CustodyItem): CustodyItem =>
  withSyncConflictAt(withOptional(item, 'holderKey', holderKeyOf(item) || undefined));
const withVisitDay = (task: ProxyTask): ProxyTask =>
  withSyncConflictAt(withOptional(task, 'visitDay', visitDayOf(task) || undefined));
const withPoolIndexes = (p: Problem): Problem => ({ ...p, residentIds: residentIdsOf(p), poolKeys: poolKeysOf(p) });
const withAuditDomain = (e: AuditEntry): AuditEntry => ({ ...e, domain: auditDomainOf(e.action) });

/** A table's derived fields: the function that computes them and the names of what it writes. */
export type Derivation<N extends EntityName> = {
  derive: (record: RecordOf<N>) => RecordOf<N>;
  fields: readonly (keyof RecordOf<N> & string)[];
};

/**
 * THE list of derived fields, table by table: the middleware computes them, a backup leaves
 * them out (`withoutDerivedFields`, backup/snapshot.ts) and a restore recomputes them.
 * tests/db/derivedFields.test.ts finds every field a `derive` writes and fails on one not named.
 */
export const DERIVED: { readonly [N in EntityName]?: Derivation<N> } = {
  auditLog: { derive: withAuditDomain, fields: ['domain'] },
  cases: { derive: withIndexes, fields: ['dueDay', 'flags', 'queueKeys', 'searchKeys', 'reportMonths'] },
  custodyItems: { derive: withHolderKey, fields: ['holderKey', 'syncConflictAt'] },
  proxyTasks: { derive: withVisitDay, fields: ['visitDay', 'syncConflictAt'] },
  problems: { derive: withPoolIndexes, fields: ['residentIds', 'poolKeys'] },
  residents: { derive: withResidentKeys, fields: ['searchKeys', 'careKeys'] },
  visits: { derive: withWords, fields: ['words'] },
};

/** The record with its derived fields brought up to date (the record itself for other tables). */
export function deriveFields<N extends EntityName>(table: N, record: RecordOf<N>): RecordOf<N> {
  const derive = DERIVED[table]?.derive as ((r: RecordOf<N>) => RecordOf<N>) | undefined;
  return derive ? derive(record) : record;
}

export const derivedFieldsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'derivedFields',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!(name in DERIVED)) return table;
        const derive = (v: unknown) => deriveFields(name as EntityName, v as never);
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'add' || req.type === 'put')
              return table.mutate({ ...req, values: req.values.map(derive) });
            return table.mutate(req);
          },
        };
      },
    };
  },
};

/**
 * A deleted or merged resident's personal data off the hub's revisions (issue 24 item 4, desk
 * side). What CouchDB 3 and the test hub really do (tests/sync/retire.test.ts):
 * - a deletion is a new revision (a tombstone); the older revisions' bodies stay until the
 *   database is COMPACTED — compaction drops the body of every non-leaf revision;
 * - compaction keeps every LEAF: a conflicting revision (the same resident edited on two desks)
 *   keeps its whole body, and while it is not deleted it even wins over the tombstone, so the
 *   resident would come back. Deleting the winner is therefore not enough: every leaf is
 *   tombstoned (this function), after which compaction leaves no body but the tombstones;
 * - `_purge` is not used: CouchDB 3 has it (admin only) but the test hub (pouchdb-node's LevelDB
 *   adapter, express-pouchdb) has neither the route nor the adapter method, and a purge does not
 *   replicate — a desk that has not yet seen the deletion would push the resident back.
 * Compaction needs the hub admin (desks are members): CouchDB 3 compacts by itself (its
 * compaction daemon, on by default), and the setup step can start one (`hub-setup.mjs --compact`).
 *
 * `db` is the hub's database or the desk's own PouchDB (the tombstones then travel with the
 * replication). The app calls it from the pump (pump.ts), on the desk's PouchDB, for every
 * deletion and every resident tombstone row it moves (`retirement`): the conflicting leaves the
 * desk holds then are tombstoned with it. A conflicting edit that reaches the desk only later is
 * a 数据冲突 for the 站长 (its resolution deletes the losing leaves, recordConflicts.ts). `tombstone` is what every tombstone carries (e.g. the merged resident's pointer,
 * type and schema): never personal data.
 */
export type RetireDb = {
  get(id: string, o: { open_revs: 'all' }): Promise<unknown>;
  bulkDocs(docs: object[]): Promise<unknown[]>;
};

type Leaf = { ok?: { _id: string; _rev: string; _deleted?: boolean } & Record<string, unknown> };

/**
 * Tombstones every live leaf of `id` but those `keep` accepts (default: none kept); resolves how
 * many it deleted (0: none was live).
 */
export async function retireDocument(
  db: RetireDb,
  id: string,
  tombstone: object = {},
  keep: (leaf: Record<string, unknown>) => boolean = () => false,
): Promise<number> {
  const leaves = (await db.get(id, { open_revs: 'all' }).catch((e: unknown) => {
    if ((e as { status?: unknown } | null)?.status === 404) return []; // never held: nothing to retire
    throw e;
  })) as Leaf[];
  const live = leaves.flatMap((l) => (l.ok && !l.ok._deleted && !keep(l.ok) ? [l.ok._rev] : []));
  if (live.length === 0) return 0;
  const results = await db.bulkDocs(live.map((rev) => ({ ...tombstone, _id: id, _rev: rev, _deleted: true })));
  const refused = results.filter((r) => !(r as { ok?: boolean }).ok);
  if (refused.length > 0) throw new Error(`retire: ${refused.length} of ${live.length} leaves not deleted`);
  return live.length;
}

/** A resident's leaf that no longer holds the person: its tombstone row (deleted or merged away). */
const isResidentTombstone = (leaf: Record<string, unknown>): boolean =>
  (leaf.record as { deleted?: unknown } | undefined)?.deleted !== undefined;

/**
 * What the pump retires after writing `doc` (the app's one caller, pump.ts): a deletion leaves no
 * live leaf (a conflicting revision from another desk would otherwise win over it and bring the
 * record back on every desk); a resident's tombstone row (deleted, merged away) leaves no leaf
 * holding the person (their name, ID number, phone stay off the hub once it compacts). Anything
 * else: undefined (nothing to retire).
 */
export function retirement(doc: {
  _deleted?: boolean;
  type: string;
  record?: { deleted?: unknown };
}): ((leaf: Record<string, unknown>) => boolean) | undefined {
  if (doc._deleted) return () => false;
  if (doc.type === 'residents' && doc.record?.deleted !== undefined) return isResidentTombstone;
  return undefined;
}

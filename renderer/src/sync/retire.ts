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
 * replication). `tombstone` is what every tombstone carries (e.g. the merged resident's pointer,
 * type and schema): never personal data.
 */
export type RetireDb = {
  get(id: string, o: { open_revs: 'all' }): Promise<unknown>;
  bulkDocs(docs: object[]): Promise<unknown[]>;
};

type Leaf = { ok?: { _id: string; _rev: string; _deleted?: boolean } };

/** Tombstones every live leaf of `id`; resolves how many it deleted (0: none was live). */
export async function retireDocument(db: RetireDb, id: string, tombstone: object = {}): Promise<number> {
  const leaves = (await db.get(id, { open_revs: 'all' })) as Leaf[];
  const live = leaves.flatMap((l) => (l.ok && !l.ok._deleted ? [l.ok._rev] : []));
  if (live.length === 0) return 0;
  const results = await db.bulkDocs(live.map((rev) => ({ ...tombstone, _id: id, _rev: rev, _deleted: true })));
  const refused = results.filter((r) => !(r as { ok?: boolean }).ok);
  if (refused.length > 0) throw new Error(`retire: ${refused.length} of ${live.length} leaves not deleted`);
  return live.length;
}

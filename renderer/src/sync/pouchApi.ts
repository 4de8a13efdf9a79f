/**
 * The PouchDB surface Duty Desk uses (the engine, the tests, the bench), typed here structurally —
 * not with @types/pouchdb-*: @types/pouchdb-core declares a GLOBAL `interface Buffer extends
 * Uint8Array`, which merges with Node's Buffer in any program that loads it and breaks every Node
 * file type-checked with the tests ("NonSharedBuffer is not assignable to BinaryLike").
 *
 * Only what the code calls is here; a result the code reads loosely stays `unknown`. The modules
 * themselves are declared in renderer/src/sync/pouchdbBrowser.d.ts (the app) and
 * tests/pouchdb.d.ts (pouchdb-node and the memory adapter, Node tests).
 */

/** The fields every stored document has (`_conflicts` only when asked with `conflicts: true`). */
export type DocMeta = { _id: string; _rev: string; _deleted?: boolean; _conflicts?: string[] };

/** A document as written: `_rev` to update that revision, `_deleted` for a tombstone. */
export type NewDoc = { _id: string; _rev?: string; _deleted?: boolean };

export type StoredDoc<Content extends object> = Content & DocMeta;

/** What a database takes: documents of its content, or tombstones (which may carry fields). */
export type Writable<Content extends object> = (Content & NewDoc) | (NewDoc & { _rev: string; _deleted: true });

export type WriteOk = { ok: true; id: string; rev: string };
/**
 * A document not written: PouchDB's own errors have `error: true` with `status` and `name`; a
 * CouchDB refusal inside `_bulk_docs` has `error: 'forbidden'` (or 'conflict') and `reason`.
 */
export type WriteError = {
  error: true | string;
  id?: string;
  status?: number;
  name?: string;
  reason?: string;
  message?: string;
};
export type BulkResult = WriteOk | WriteError;

export type AllDocsOptions = { include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string };
export type AllDocsRow<Content extends object> = {
  id: string;
  key: string;
  value: { rev: string; deleted?: boolean };
  /** With `include_docs`; null for a deleted document asked by key. */
  doc?: StoredDoc<Content> | null;
};
/** A key asked for that the database never held. */
export type AllDocsMissing = { key: string; error: string };
export type AllDocsResult<Row> = { total_rows: number; offset: number; rows: Row[] };

/** revsDiff's answer: per id asked that lacks any, the revisions it lacks. */
export type RevsDiffResult = Record<string, { missing: string[]; possible_ancestors?: string[] }>;

export type GetOptions = { rev?: string; conflicts?: boolean };
export type Leaf<Content extends object> = { ok: StoredDoc<Content> } | { missing: string };

/**
 * Measured with PouchDB 9: the http adapter's `info()` does NOT reject on 401/404, it resolves
 * with `{ error, reason }` — a caller checking a hub reads the answer as `unknown` (hubCheck.ts).
 */
export type DatabaseInfo = { db_name: string; doc_count: number; update_seq: number | string };

/** Listeners by event name; returns the emitter (or something the caller ignores). */
export type Emitter<Events> = {
  on<E extends keyof Events & string>(event: E, listener: (value: Events[E]) => void): unknown;
};

export type ChangesOptions = {
  live?: boolean;
  since?: number | string;
  include_docs?: boolean;
  conflicts?: boolean;
  style?: 'main_only' | 'all_docs';
};
export type Change<Content extends object> = {
  id: string;
  seq: number | string;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: StoredDoc<Content>;
};
export type ChangesFeed<Content extends object> = Emitter<{
  change: Change<Content>;
  error: unknown;
  complete: unknown;
}> & { cancel(): void };

export type ReplicateOptions = {
  doc_ids?: string[];
  batch_size?: number;
  batches_limit?: number;
  /** Start after this sequence of the source (PouchDB writes it as the checkpoint first). */
  since?: number | string;
};
export type SyncOptions = ReplicateOptions & {
  live?: boolean;
  retry?: boolean;
  back_off_function?: (delay: number) => number;
};

/** A batch moved (`pending`: still to move, as CouchDB 2+ reports it). */
export type ReplicationInfo = { docs_read: number; docs_written: number; doc_write_failures: number; pending?: number };
export type ReplicationResult = ReplicationInfo & { ok: boolean; status: string };

/** One direction's events: `paused` carries the error when it waits after a failure. */
export type ReplicationEvents = {
  change: ReplicationInfo;
  active: unknown;
  paused: unknown;
  denied: unknown;
  error: unknown;
  complete: unknown;
};
export type Replication = Promise<ReplicationResult> & Emitter<ReplicationEvents> & { cancel(): void };
/** Both directions (`push`, `pull`); its own `denied` wraps the refused document as `{ direction, doc }`. */
export type Sync = Emitter<ReplicationEvents> & {
  push: Emitter<ReplicationEvents>;
  pull: Emitter<ReplicationEvents>;
  cancel(): void;
};

export type PouchDatabase<Content extends object = Record<string, unknown>> = {
  info(): Promise<DatabaseInfo>;
  get<Model extends object = Content>(id: string, options: { open_revs: 'all' }): Promise<Leaf<Model>[]>;
  get<Model extends object = Content>(id: string, options?: GetOptions): Promise<StoredDoc<Model>>;
  put(doc: Writable<Content>): Promise<WriteOk>;
  remove(id: string, rev: string): Promise<WriteOk>;
  bulkDocs(docs: Writable<Content>[]): Promise<BulkResult[]>;
  allDocs(options: AllDocsOptions & { keys: string[] }): Promise<AllDocsResult<AllDocsRow<Content> | AllDocsMissing>>;
  allDocs(options?: AllDocsOptions): Promise<AllDocsResult<AllDocsRow<Content>>>;
  changes(options: ChangesOptions): ChangesFeed<Content>;
  /** Which of the given revisions of each id this database lacks (a replication asks its target). */
  revsDiff(req: Record<string, string[]>): Promise<RevsDiffResult>;
  replicate: {
    to<Other extends object>(target: PouchDatabase<Other>, options?: ReplicateOptions): Replication;
    from<Other extends object>(source: PouchDatabase<Other>, options?: ReplicateOptions): Replication;
  };
  sync<Other extends object>(remote: PouchDatabase<Other>, options?: SyncOptions): Sync;
  close(): Promise<void>;
  destroy(): Promise<unknown>;
};

export type PouchOptions = {
  /** 'http' for a URL; 'memory' with the tests' adapter; else the constructor's default. */
  adapter?: string;
  /** A remote database is never created (the hub's setup does that). */
  skip_setup?: boolean;
  auth?: { username: string; password: string };
};

/** A plugin such as pouchdb-adapter-memory: a function given the constructor. */
export type PouchPlugin = (PouchDB: PouchStatic) => void;

/** The PouchDB constructor (pouchdb-browser's, or pouchdb-node's). */
export type PouchStatic = {
  new <Content extends object = Record<string, unknown>>(name: string, options?: PouchOptions): PouchDatabase<Content>;
  plugin(plugin: PouchPlugin): PouchStatic;
  /** The same constructor with other default options (the tests' `{ adapter: 'memory' }`). */
  defaults(options: PouchOptions): PouchStatic;
};

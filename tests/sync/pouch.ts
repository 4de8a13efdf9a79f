/**
 * PouchDB in Node for the sync tests (pouchdb-node: LevelDB + http adapter; plus the memory
 * adapter for throw-away desk stores), with the few types these tests use.
 *
 * Why not `import PouchDB from 'pouchdb-node'` with @types/pouchdb-node: @types/pouchdb-core
 * declares a global `interface Buffer extends Uint8Array`, which merges with Node's generic
 * Buffer and breaks the type-check of every Node file in the tests project (bench/,
 * electron/main: "NonSharedBuffer is not assignable to …"). Loading it untyped keeps those
 * types out of the program.
 */
import { createRequire } from 'node:module';

export type Doc = { _id: string; _rev: string; _deleted?: boolean; _conflicts?: string[]; [field: string]: unknown };
export type WriteResult = { ok?: boolean; id: string; rev?: string; error?: string; status?: number };
export type ReplicationResult = { docs_read: number; docs_written: number; doc_write_failures: number };
export type Auth = { username: string; password: string };

export type PouchDb = {
  info(): Promise<Record<string, unknown>>;
  get<T = Doc>(id: string, options?: object): Promise<T>;
  put(doc: object): Promise<WriteResult & { rev: string }>;
  remove(id: string, rev: string): Promise<WriteResult>;
  bulkDocs(docs: object[], options?: object): Promise<WriteResult[]>;
  allDocs(options?: object): Promise<{ rows: { id: string; key: string; error?: string; doc?: Doc }[] }>;
  replicate: {
    from(source: PouchDb, options?: object): Promise<ReplicationResult>;
    to(target: PouchDb, options?: object): Promise<ReplicationResult>;
  };
  destroy(): Promise<unknown>;
};

type PouchStatic = {
  new (name: string, options?: { auth?: Auth; skip_setup?: boolean; adapter?: string }): PouchDb;
  plugin(plugin: unknown): PouchStatic;
};

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb-node') as PouchStatic;
PouchDB.plugin(require('pouchdb-adapter-memory'));

/** The hub's database at `url` as desk `auth` sees it (PouchDB's http adapter). */
export const remoteDb = (url: string, auth: Auth): PouchDb => new PouchDB(url, { auth, skip_setup: true });

let n = 0;
/** A fresh in-memory store (a desk's PouchDB stand-in); destroy() it after use. */
export const memoryDb = (): PouchDb => new PouchDB(`mem-${process.pid}-${++n}`, { adapter: 'memory' });

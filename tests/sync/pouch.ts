/**
 * PouchDB in Node for the sync tests (pouchdb-node: LevelDB + http adapter; plus the memory
 * adapter for throw-away desk stores), typed by our own renderer/src/sync/pouchApi.ts
 * (tests/pouchdb.d.ts): @types/pouchdb-core is not used — its global `interface Buffer extends
 * Uint8Array` merges with Node's Buffer and breaks every Node file of the tests project.
 */
import PouchDB from 'pouchdb-node';
import memory from 'pouchdb-adapter-memory';
import type { PouchDatabase } from '../../renderer/src/sync/pouchApi';

export type Auth = { username: string; password: string };
export type PouchDb = PouchDatabase;

PouchDB.plugin(memory);

/** The hub's database at `url` as desk `auth` sees it (PouchDB's http adapter). */
export const remoteDb = (url: string, auth: Auth): PouchDb => new PouchDB(url, { auth, skip_setup: true });

let n = 0;
/** A fresh in-memory store (a desk's PouchDB stand-in); destroy() it after use. */
export const memoryDb = (): PouchDb => new PouchDB(`mem-${process.pid}-${++n}`, { adapter: 'memory' });

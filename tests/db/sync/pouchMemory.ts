/**
 * PouchDB in Node for the sync tests: pouchdb-node with the memory adapter (each database its
 * own name, nothing on disk). The engine takes the constructor as a dependency; this is the one
 * the tests give it.
 */
import PouchDBNode from 'pouchdb-node';
import memory from 'pouchdb-adapter-memory';
import type { PouchConstructor } from '../../../renderer/src/sync/pouch';

PouchDBNode.plugin(memory);

/** PouchDB whose local databases live in memory (remote URLs still go over HTTP). */
export const MemoryPouch = PouchDBNode.defaults({ adapter: 'memory' }) as unknown as PouchConstructor;

let n = 0;
/** A fresh in-memory PouchDB. */
export function memoryPouch(prefix = 'local'): PouchDB.Database {
  n += 1;
  return new MemoryPouch(`${prefix}-${Date.now()}-${n}`);
}

/**
 * PouchDB in Node for the sync tests: pouchdb-node with the memory adapter (each database its
 * own name, nothing on disk). The engine takes the constructor as a dependency; this is the one
 * the tests give it.
 */
import PouchDBNode from 'pouchdb-node';
import memory from 'pouchdb-adapter-memory';
import type { SyncDoc } from '../../../renderer/src/sync/contract';
import type { LocalPouch, PouchConstructor } from '../../../renderer/src/sync/pouch';

PouchDBNode.plugin(memory);

/** PouchDB whose local databases live in memory (remote URLs still go over HTTP). */
export const MemoryPouch: PouchConstructor = PouchDBNode.defaults({ adapter: 'memory' });

let n = 0;
/** A fresh in-memory PouchDB. */
export function memoryPouch(prefix = 'local'): LocalPouch {
  n += 1;
  return new MemoryPouch<SyncDoc>(`${prefix}-${Date.now()}-${n}`);
}

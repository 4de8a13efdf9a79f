/**
 * PouchDB as the engine sees it (issue 24). The engine never imports PouchDB itself: it takes the
 * constructor as a dependency (`SyncDeps.PouchDB`) — the app passes `loadBrowserPouch()`
 * (pouchdb-browser, loaded LAZILY: never in the first screen's code), the Node tests pouchdb-node
 * with the memory adapter. The types are our own (pouchApi.ts).
 */
import type { HubConfig, SyncDoc } from './contract';
import type { PouchDatabase, PouchStatic } from './pouchApi';

/** The desk's PouchDB or the hub's database: SyncDocs (the hub's validation lets in no other). */
export type LocalPouch = PouchDatabase<SyncDoc>;
export type PouchConstructor = PouchStatic;

/** The desk's own PouchDB (beside Dexie, in the same profile): the center's documents. */
export const LOCAL_POUCH_NAME = 'duty-desk-sync';

/** pouchdb-browser, loaded on first need (its chunk is not part of the first screen). */
export async function loadBrowserPouch(): Promise<PouchConstructor> {
  return (await import('pouchdb-browser')).default;
}

/** The hub's database with this desk's credentials (basic auth); never creates it. */
export function openRemote(PouchDB: PouchConstructor, config: HubConfig): LocalPouch {
  // `adapter` named: a constructor with other defaults (the tests' memory one) would otherwise
  // open a local database under the URL's name.
  return new PouchDB<SyncDoc>(config.url, {
    adapter: 'http',
    skip_setup: true,
    auth: { username: config.username, password: config.password },
  });
}

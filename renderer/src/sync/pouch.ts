/// <reference types="pouchdb-core" />
/// <reference types="pouchdb-adapter-http" />
/// <reference types="pouchdb-replication" />
/**
 * PouchDB as the engine sees it (issue 24). The engine never imports PouchDB itself: it takes the
 * constructor as a dependency (`SyncDeps.PouchDB`) — the app passes `loadBrowserPouch()`
 * (pouchdb-browser, loaded LAZILY: never in the first screen's code), the Node tests pouchdb-node
 * with the memory adapter.
 */
import type { HubConfig } from './contract';

export type LocalPouch = PouchDB.Database;
export type PouchConstructor = PouchDB.Static;

/** The desk's own PouchDB (beside Dexie, in the same profile): the center's documents. */
export const LOCAL_POUCH_NAME = 'duty-desk-sync';

/** pouchdb-browser, loaded on first need (its chunk is not part of the first screen). */
export async function loadBrowserPouch(): Promise<PouchConstructor> {
  const mod = (await import('pouchdb-browser')) as unknown as { default: PouchConstructor };
  return mod.default;
}

/** The hub's database with this desk's credentials (basic auth); never creates it. */
export function openRemote(PouchDB: PouchConstructor, config: HubConfig): LocalPouch {
  // `adapter` named: a constructor with other defaults (the tests' memory one) would otherwise
  // open a local database under the URL's name.
  return new PouchDB(config.url, {
    adapter: 'http',
    skip_setup: true,
    auth: { username: config.username, password: config.password },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

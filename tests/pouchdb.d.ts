/**
 * pouchdb-node and its memory adapter as the Node tests import them, typed by our own
 * renderer/src/sync/pouchApi.ts — not @types/pouchdb-*, whose global `Buffer` breaks the Node
 * files of this program (see pouchApi.ts). pouchdb-browser too: this program type-checks
 * renderer/src/sync/pouch.ts, which loads it (the app's program has renderer/src/sync/pouchdbBrowser.d.ts).
 */
/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path */
declare module 'pouchdb-node' {
  const PouchDB: import('../renderer/src/sync/pouchApi').PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const memory: import('../renderer/src/sync/pouchApi').PouchPlugin;
  export default memory;
}

declare module 'pouchdb-browser' {
  const PouchDB: import('../renderer/src/sync/pouchApi').PouchStatic;
  export default PouchDB;
}

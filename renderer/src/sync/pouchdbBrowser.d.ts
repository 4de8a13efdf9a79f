/**
 * pouchdb-browser as the app loads it (pouch.ts), typed by our own pouchApi.ts (not @types/pouchdb-*).
 * The tests program, which type-checks pouch.ts too, declares it again in tests/pouchdb.d.ts.
 */
declare module 'pouchdb-browser' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  const PouchDB: import('./pouchApi').PouchStatic;
  export default PouchDB;
}

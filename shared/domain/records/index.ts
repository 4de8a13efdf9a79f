/**
 * The stored shapes of the core objects of the brief. These are what repositories return and
 * what the Dexie tables hold. Dates are local calendar strings 'YYYY-MM-DD'; instants are
 * epoch milliseconds (`number`) so they sort and compare without time-zone surprises.
 *
 * Every record that staff create or change carries who and when (`createdBy/At`,
 * `updatedBy/At`): staff ids, never names, so a renamed account does not rewrite history.
 *
 * One module per domain (records/<domain>.ts); this index re-exports them all, so code imports
 * '@shared/domain/records' and a new feature adds its own module and one line here.
 */
export * from './staff';
export * from './community';
export * from './resident';
export * from './visit';
export * from './case';
export * from './proxy';
export * from './meeting';
export * from './rota';
export * from './handover';
export * from './audit';
export * from './residentImport';
export * from './events';
export * from './center';
export * from './offHours';
export * from './homeVisit';
export * from './street';

/**
 * What the engine tests against a real hub (engine.test.ts, auth.test.ts) give a desk: its
 * HubConfig for an account of the hub, the engine's dependencies (PouchDB in memory, each start
 * its own local database, no inbound), the hub admin's view of the center, and a bounded wait.
 */
import PouchDBNode from 'pouchdb-node';
import type { HubConfig } from '../../renderer/src/sync/contract';
import { MemoryPouch } from '../db/sync/pouchMemory';
import type { HubAuth, TestHub } from './hub';

/** The desk's HubConfig for `auth` (plain HTTP allowed: the test hub is on 127.0.0.1). */
export const hubConfig = (hub: TestHub, auth: HubAuth): HubConfig => ({
  url: hub.dbUrl,
  ...auth,
  allowPlainHttp: true,
});

let names = 0;
/** The engine's dependencies: a fresh in-memory local PouchDB named `<prefix>-…`, no inbound side. */
export const engineDeps = (prefix: string) => ({
  PouchDB: MemoryPouch,
  localName: `${prefix}-${Date.now()}-${++names}`,
  inbound: () => () => undefined,
});

/** The center database as the hub admin sees it (close it after use). */
export const adminRemote = (hub: TestHub) => new PouchDBNode(hub.dbUrl, { auth: hub.adminAuth, skip_setup: true });

/** Polls `check` until it holds (bounded: 1,200 tries ≈ 2 min; the test's limit catches a hang). */
export async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never: ${what}`);
}

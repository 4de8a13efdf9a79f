/**
 * Issue 24's sync benchmarks, the page's side: this page is ONE desk (its own Chromium profile)
 * on the hub's origin, driven by bench/sync.bench.test.ts through `window.bench.sync`.
 * - A desk filled by the generator (`seed`) or a freshly set-up one (`fresh`) joins the center
 *   through the engine (`joinCenter`, then `startSync` with the inbound side), timed per stage:
 *   the pull into the desk's PouchDB, the upload of its own records, the push, and the apply of
 *   the pulled documents into Dexie (until the inbound side is idle).
 * - Propagation: `write()` is a registration through writeTx on this desk (its commit time is
 *   returned); `arrival(id)` on the other desk resolves at the moment its Dexie live query first
 *   sees that visit. The bare baseline does the same with one document between two plain
 *   PouchDBs live-syncing through the same hub (`bareStart`, `bareWrite`, `bareArrival`): no
 *   Dexie, no outbox, no pump, no inbound.
 * - `barePull`: the same replication as the join's pull (batches of 500) into an empty PouchDB,
 *   without the apply: the initial sync's baseline.
 * Times are wall-clock milliseconds (`performance.timeOrigin + performance.now()`): the desks'
 * pages run on one machine, so their clocks are one clock.
 */
import { Dexie, liveQuery } from 'dexie';
import { createCalendar } from '@shared/domain/workingCalendar';
import { systemClock } from '../../renderer/src/app/clock';
import { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { getCommunity } from '../../renderer/src/db/repositories/community';
import type { HubConfig, SyncDoc } from '../../renderer/src/sync/contract';
import { joinCenter, startSync, type JoinProgress, type SyncHandle } from '../../renderer/src/sync/engine';
import { createInbound, startReceiving, type Inbound } from '../../renderer/src/sync/inbound';
import { JOIN_PULL } from '../../renderer/src/sync/join';
import { loadBrowserPouch, type LocalPouch } from '../../renderer/src/sync/pouch';
import { ADMIN_ID, generateDesk, type SizeName } from '../data/generate';
import { loadDesk } from '../data/load';
import { benchDesk, registration } from './auditChainBench';

const DB = 'bench-sync';
const POUCH = 'bench-sync-pouch';
const wall = () => performance.timeOrigin + performance.now();

let me:
  { desk: Desk; db: DutyDeskDB; handle?: SyncHandle; inbound?: Inbound; register?: () => Promise<unknown> } | undefined;

/** The tables whose counts the two desks are compared by. */
async function counts() {
  const db = me!.desk.db;
  return {
    residents: await db.residents.count(),
    visits: await db.visits.count(),
    cases: await db.cases.count(),
    caseEvents: await db.caseEvents.count(),
    auditLog: await db.auditLog.count(),
  };
}

/** Desk `no` filled by the generator (`size`, as the reads' benchmarks load it). */
async function seed(size: SizeName, no: number) {
  await Dexie.delete(DB);
  const db = new DutyDeskDB(DB);
  const t0 = performance.now();
  // Cheap PIN hashing: the staff's verifiers are not what is measured.
  await loadDesk(db, generateDesk(size, undefined, { desk: no }), { iterations: 1000 });
  const base = { db, clock: systemClock, newId: () => crypto.randomUUID(), actor: null };
  me = {
    db,
    desk: {
      ...base,
      identity: { no, name: `${no}号窗口` },
      actor: { id: ADMIN_ID, role: '站长/管理员' },
      community: (await getCommunity(base))!,
      calendar: createCalendar(),
    },
  };
  return { loadMs: performance.now() - t0, counts: await counts() };
}

/** Desk `no` freshly set up (its admin, the catalog: a few records of its own). */
async function fresh(no: number) {
  await Dexie.delete(DB);
  const db = new DutyDeskDB(DB);
  me = { db, desk: await benchDesk(db, { clock: systemClock, identity: { no, name: `${no}号窗口` } }) };
  return counts();
}

/**
 * Joins the center and starts the live exchange; the milliseconds of each stage and the
 * documents it moved. `applyMs`: from the exchange's start until the inbound side has applied
 * everything the desk's PouchDB holds.
 */
async function join(config: HubConfig) {
  const desk = me!.desk;
  const PouchDB = await loadBrowserPouch();
  const seen: Partial<Record<JoinProgress['stage'], { done: number; total: number }>> = {};
  const firstAt: Partial<Record<JoinProgress['stage'], number>> = {};
  const t0 = performance.now();
  // As the app joins (api.ts): the inbound side stores the center while it is pulled.
  await joinCenter(desk, config, { PouchDB, localName: POUCH, receive: startReceiving }, (p) => {
    firstAt[p.stage] ??= performance.now();
    seen[p.stage] = { done: p.done, total: p.total };
  });
  const joined = performance.now();
  me!.handle = await startSync(desk, config, {
    PouchDB,
    localName: POUCH,
    inbound: (d, local) => {
      me!.inbound = createInbound(d, local);
      return me!.inbound.stop;
    },
  });
  await me!.inbound!.idle();
  const applied = performance.now();
  // The pull runs from the join's start to the upload's first report, the upload to the push's, the push to the end.
  const uploadAt = firstAt.upload ?? joined;
  const pushAt = firstAt.push ?? joined;
  const applyAt = firstAt.apply ?? joined;
  return {
    pullMs: uploadAt - t0,
    uploadMs: pushAt - uploadAt,
    pushMs: applyAt - pushAt,
    /** The join's own apply after its push (the rest of what the inbound side stored while pulling). */
    applyTailMs: joined - applyAt,
    joinMs: joined - t0,
    applyMs: applied - joined,
    pulled: seen.pull?.done ?? 0,
    centerDocs: seen.pull?.total ?? 0,
    uploaded: seen.upload?.total ?? 0,
    pushed: seen.push?.done ?? 0,
    /** Documents in the desk's PouchDB once joined. */
    pouchDocs: (await me!.handle.local.info()).doc_count,
    counts: await counts(),
  };
}

/** Everything this desk wrote is in its PouchDB and on the hub (the live push caught up). */
const SETTLED_SLICE = 5_000;

async function settled(config: HubConfig): Promise<boolean> {
  await me!.handle!.idle();
  const PouchDB = await loadBrowserPouch();
  const local = new PouchDB<SyncDoc>(POUCH);
  const remote = new PouchDB<SyncDoc>(config.url, { adapter: 'http', skip_setup: true, auth: config });
  try {
    const ids = (await local.allDocs({})).rows.map((r) => r.id);
    // Asked a slice at a time: the five-year desk's million ids in one request failed to fetch (s40).
    for (let at = 0; at < ids.length; at += SETTLED_SLICE) {
      const held = await remote.allDocs({ keys: ids.slice(at, at + SETTLED_SLICE) });
      if (held.rows.some((r) => 'error' in r)) return false;
    }
    return true;
  } finally {
    await remote.close();
  }
}

// --- propagation: the app's registration, seen on the other desk ---

const arrived = new Map<string, number>();
const waiting = new Map<string, (at: number) => void>();
const note = (id: string) => {
  if (arrived.has(id)) return;
  const at = wall();
  arrived.set(id, at);
  waiting.get(id)?.(at);
  waiting.delete(id);
};
const arrivalOf = (id: string): Promise<number> =>
  arrived.has(id) ? Promise.resolve(arrived.get(id)!) : new Promise((ok) => waiting.set(id, ok));

/** Notes the moment each visit of today first shows in this desk's Dexie (a live query, no polling). */
function watch(): void {
  const db = me!.desk.db;
  const today = systemClock.today();
  liveQuery(() => db.visits.where('day').equals(today).primaryKeys()).subscribe({
    next: (keys) => keys.forEach((k) => note(String(k))),
  });
}

/** One registration through writeTx (visit, case, event, counter, audit rows); its commit time. */
async function write(): Promise<{ id: string; at: number }> {
  me!.register ??= await registration(me!.desk, me!.db);
  const done = (await me!.register()) as { visit: { id: string } };
  return { id: done.visit.id, at: wall() };
}

// --- the bare baseline: one document between two plain PouchDBs through the same hub ---

let bare: { local: LocalPouch; cancel: () => void } | undefined;
let bareN = 0;

async function bareStart(url: string, auth: { username: string; password: string }): Promise<void> {
  const PouchDB = await loadBrowserPouch();
  const local = new PouchDB<SyncDoc>('bench-bare');
  const remote = new PouchDB<SyncDoc>(url, { adapter: 'http', skip_setup: true, auth });
  // As the engine replicates (replicate.ts): live, retried, batches of 500.
  const sync = local.sync(remote, { live: true, retry: true, batch_size: 500 });
  const feed = local.changes({ live: true, since: 'now' });
  feed.on('change', (c) => note(c.id));
  bare = {
    local,
    cancel: () => {
      sync.cancel();
      feed.cancel();
    },
  };
}

async function bareWrite(): Promise<{ id: string; at: number }> {
  const id = `bare-${crypto.randomUUID()}`;
  bareN += 1;
  await bare!.local.put({ _id: id, type: 'bench', schema: 1, record: { n: bareN } } as unknown as SyncDoc);
  return { id, at: wall() };
}

/** A pull's batching: PouchDB's `batch_size` and `batches_limit`. */
export type PullBatches = { batch_size: number; batches_limit: number };

/** The join's pull alone: the center replicated into an empty PouchDB (the join's batches unless told), no Dexie. */
async function barePull(config: HubConfig, batches?: PullBatches): Promise<{ docs: number; ms: number }> {
  const PouchDB = await loadBrowserPouch();
  const name = `bench-bare-pull-${crypto.randomUUID()}`;
  const local = new PouchDB<SyncDoc>(name);
  const remote = new PouchDB<SyncDoc>(config.url, { adapter: 'http', skip_setup: true, auth: config });
  try {
    const t0 = performance.now();
    const result = await remote.replicate.to(local, batches ?? JOIN_PULL);
    return { docs: result.docs_written ?? 0, ms: performance.now() - t0 };
  } finally {
    await remote.close();
    await local.destroy();
  }
}

async function stop(): Promise<void> {
  bare?.cancel();
  await me?.handle?.stop();
}

export const syncBench = {
  seed,
  fresh,
  join,
  settled,
  counts,
  watch,
  write,
  arrival: arrivalOf,
  bareStart,
  bareWrite,
  bareArrival: arrivalOf,
  barePull,
  stop,
};

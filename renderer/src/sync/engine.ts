/**
 * THE sync engine's API (issue 24), what the screens and the app wiring call:
 * - `startSync(desk, config, deps)`: a joined desk's live exchange — the pump (outbox → the
 *   desk's PouchDB, after every committed write and at start), the live replication with the hub,
 *   the inbound side (`deps.inbound`, the in part's `startInbound`), and the status (status.ts);
 *   the replication starts only once the hub confirms `desk:<n>` is still this installation's
 *   claim (claim.ts) — another PC holding the number stops it, 未连接 with what to do;
 * - `joinCenter(desk, config, deps, onProgress?)` (join.ts) and `leaveCenter(desk)`: `sync.manage`.
 * PouchDB comes in `deps.PouchDB` (the app: `loadBrowserPouch()`, lazily; Node tests:
 * pouchdb-node with the memory adapter).
 */
import { readInstallKind, STREET_NO_SYNC } from '../db/installKind';
import { deskNumberOf, type Desk, type DeskBase } from '../db/desk';
import type { DutyDeskDB } from '../db/database';
import { DomainRefusal } from '../db/refusal';
import { requirePermission } from '../db/authorize';
import { databaseOf, writeTx } from '../db/write';
import { onWriteCommitted } from '../db/committed';
import { SYNC_OFF, type HubConfig, type RejectedDoc, type SyncDoc, type SyncPhase, type SyncStatus } from './contract';
import { finishUpload, checkedHubConfig, type JoinDeps } from './join';
import { isJoined, setJoined } from './outbox';
import { LOCAL_POUCH_NAME, openRemote, type LocalPouch } from './pouch';
import { createPump } from './pump';
import { claimDeskNumber, claimTakenReason } from './claim';
import { backOff, failurePhase, replicateLive } from './replicate';
import { setSyncStatus } from './status';
import { backfillOwnCenterDesk } from '../db/repositories/centerDesks';

export { joinCenter, type JoinDeps, type JoinProgress } from './join';

export type SyncDeps = JoinDeps & {
  /** The in part's `startInbound`: applies the documents arriving in `local`; returns its stop. */
  inbound: (desk: DeskBase, local: LocalPouch) => () => void;
  /**
   * A document the hub refused (403): the in part's `syncRejected` table once merged. Until then
   * the engine keeps them in memory (`rejectedDocs()`) and counts them in the status.
   */
  onRejected?: (doc: RejectedDoc) => void;
};

export type SyncHandle = {
  /** The desk's PouchDB (open while the exchange runs). */
  local: LocalPouch;
  /** The outbox moved as far as it goes now (tests, and before a clean close). */
  idle(): Promise<void>;
  /** Stops the pump, the replication and the inbound side; the data stays. */
  stop(): Promise<void>;
};

const running = new Map<DutyDeskDB, SyncHandle>();
const rejected: RejectedDoc[] = [];

/** Documents the hub refused since the app started (until the in part's table is merged). */
export function rejectedDocs(): readonly RejectedDoc[] {
  return rejected;
}

/** Why the desk is 未连接 when the computer itself reports no network. */
const NETWORK_DOWN = '本机网络已断开（请检查网线或网络连接）';

/** Each desk's last start, so a start begins only after the one before it (see startSync). */
const starts = new Map<DutyDeskDB, Promise<unknown>>();

/**
 * The joined desk's live exchange with its hub (see above). Starts of one desk run one after the
 * other, each stopping the exchange before it first: two at once (the app restarting the exchange
 * while it was still starting — slow on a loaded PC) would open the desk's PouchDB twice, and the
 * first one's stop closes the IndexedDB connection PouchDB shares between same-named instances,
 * leaving the second exchange failing for good (未连接 while nothing is wrong with the hub).
 */
export function startSync(desk: DeskBase, config: HubConfig, deps: SyncDeps): Promise<SyncHandle> {
  const db = databaseOf(desk);
  const started = (starts.get(db) ?? Promise.resolve()).catch(() => undefined).then(() => begin(desk, config, deps));
  starts.set(db, started);
  return started;
}

async function begin(desk: DeskBase, config: HubConfig, deps: SyncDeps): Promise<SyncHandle> {
  const db = databaseOf(desk);
  if ((await readInstallKind(db)) === '街道') throw new DomainRefusal(STREET_NO_SYNC);
  if (!(await isJoined(db))) throw new DomainRefusal('本机尚未加入中心同步');
  await running.get(db)?.stop();
  const hub = checkedHubConfig(config);
  const local = new deps.PouchDB<SyncDoc>(deps.localName ?? LOCAL_POUCH_NAME);
  const remote = openRemote(deps.PouchDB, hub);
  const plainHttp = hub.url.startsWith('http:');

  let phase: SyncPhase = 'syncing';
  let outbox = await db.outbox.count();
  const inFlight = { push: 0, pull: 0 };
  let failure: { reason: string; since: number } | undefined;
  const publish = (change: Partial<SyncStatus> = {}) => {
    const pending = outbox + inFlight.push + inFlight.pull;
    const shown: SyncPhase = phase === 'synced' && pending > 0 ? 'syncing' : phase;
    setSyncStatus({
      phase: shown,
      pending,
      hub: { url: hub.url, plainHttp },
      reason: failure?.reason,
      since: failure?.since,
      rejected: rejected.length,
      progress: undefined,
      ...change,
    });
  };
  publish();

  // An upload cut short at join is finished first (idempotent); an account without the desk's
  // work (审计员) cannot write the mark: the next start of another account finishes it.
  const joined = await db.deskMeta.get('joinedCenter');
  if (joined?.key === 'joinedCenter' && joined.value.uploaded === undefined)
    await finishUpload(desk, local).catch(() => undefined);
  // A desk joined before v22 names itself in the center's list of desks now (the same account rule).
  if (!(await db.centerDesks.get(String(deskNumberOf(desk))))) await backfillOwnCenterDesk(desk).catch(() => undefined);

  const pump = createPump(db, local, {
    onIdle: (n) => {
      outbox = n;
      publish();
    },
    onError: () => undefined, // the rows stay; the pump retries (and the next commit kicks it)
  });
  const stopWatching = onWriteCommitted(pump.kick);
  pump.kick();
  const stopInbound = deps.inbound(desk, local);
  // The network cable out (the browser's `offline` event): 未连接 at once, not after the live
  // exchange's next request times out; back `online`: the exchange restarts now, not after its
  // back-off.
  const net = typeof window === 'undefined' ? undefined : window;
  const netDown = () => net?.navigator.onLine === false;
  const exchange = () =>
    replicateLive(
      local,
      remote,
      {
        active: () => {
          phase = 'syncing';
          publish();
        },
        paused: (f) => {
          if (f || netDown()) {
            phase = f?.phase ?? 'offline';
            failure = { reason: f?.reason ?? NETWORK_DOWN, since: failure?.since ?? desk.clock.now() };
            publish();
            return;
          }
          phase = 'synced';
          failure = undefined;
          inFlight.push = 0;
          inFlight.pull = 0;
          publish({ lastSyncedAt: desk.clock.now() });
        },
        pending: (direction, n) => {
          inFlight[direction] = n;
          publish();
        },
        denied: (doc) => {
          rejected.push(doc);
          deps.onRejected?.(doc);
          publish();
        },
      },
      () => desk.clock.now(),
    );
  // The exchange starts once the hub confirms this desk's number is still this installation's
  // (claim.ts): asked again after a back-off while the hub does not answer; never started when
  // another PC holds the number.
  let cancel: (() => void) | undefined;
  let ended = false;
  let blocked = false;
  let wake: (() => void) | undefined;
  const installRow = await db.deskMeta.get('installId');
  const installId = installRow?.key === 'installId' ? installRow.value : '';
  const gate = async () => {
    for (let delay = 0; !ended;) {
      const claim = await claimDeskNumber(remote, desk, installId);
      if (ended) return;
      if (claim.kind === 'ours') {
        cancel = exchange();
        return;
      }
      const since = failure?.since ?? desk.clock.now();
      if (claim.kind === 'taken') {
        blocked = true;
        phase = 'refused';
        failure = { reason: claimTakenReason(deskNumberOf(desk), claim.by), since };
        publish();
        return;
      }
      const why = failurePhase(claim.failure);
      phase = netDown() ? 'offline' : why.phase;
      failure = { reason: netDown() ? NETWORK_DOWN : why.reason, since };
      publish();
      delay = backOff(delay);
      await new Promise<void>((resume) => {
        wake = resume;
        setTimeout(resume, delay);
      });
    }
  };
  void gate();
  const onOffline = () => {
    if (blocked) return;
    phase = 'offline';
    failure = { reason: NETWORK_DOWN, since: failure?.since ?? desk.clock.now() };
    publish();
  };
  const onOnline = () => {
    if (!cancel) return wake?.();
    cancel();
    cancel = exchange();
  };
  net?.addEventListener('offline', onOffline);
  net?.addEventListener('online', onOnline);

  let stopped: Promise<void> | undefined;
  const handle: SyncHandle = {
    local,
    idle: () => pump.idle(),
    stop: () =>
      (stopped ??= (async () => {
        stopWatching();
        pump.stop();
        net?.removeEventListener('offline', onOffline);
        net?.removeEventListener('online', onOnline);
        ended = true;
        wake?.();
        cancel?.();
        stopInbound();
        await pump.idle();
        if (running.get(db) === handle) running.delete(db);
        await remote.close().catch(() => undefined);
        await local.close().catch(() => undefined);
        setSyncStatus(SYNC_OFF);
      })()),
  };
  running.set(db, handle);
  return handle;
}

/**
 * Leaves the center (`sync.manage`): the live exchange stops, `joinedCenter` goes and the audit
 * row `sync.leave` is written in one writeTx, with the outbox emptied (a later join uploads every
 * record again). The desk keeps all its data and works alone; its number stays claimed on the hub
 * for this installation (a rejoin takes it again).
 */
export async function leaveCenter(desk: Desk): Promise<void> {
  const db = databaseOf(desk);
  await writeTx(desk, ['deskMeta'], async (tx) => {
    await requirePermission(tx, desk.actor, 'sync.manage', '退出中心同步');
    if (!(await tx.deskMeta.get('joinedCenter'))) throw new DomainRefusal('本机没有加入中心同步');
    await tx.deskMeta.delete('joinedCenter');
    await tx.audit({ action: 'sync.leave', entity: 'sync', entityId: String(deskNumberOf(desk)) });
  });
  setJoined(db, false);
  await running.get(db)?.stop();
  await db.outbox.clear();
  setSyncStatus(SYNC_OFF);
}

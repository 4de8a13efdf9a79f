/**
 * Issue 24, inbound: the desk's local PouchDB (which replicates live with the hub) into Dexie.
 * `startInbound(desk, local)` follows the replica's changes feed from the checkpoint kept in
 * deskMeta (`inboundSeq`), with every document's conflicts, and:
 * - skips this desk's own revisions (written from Dexie by the pump) unless they conflict;
 * - groups documents by their `action` (one writeTx of another desk) and applies an action only
 *   when all its `size` documents are here — in ONE Dexie transaction with the checkpoint
 *   (applyDocs.ts) — so no desk shows a case without its 受理 event, or half a merge; an action
 *   still incomplete after `timeoutMs` (a later revision replaced one of its documents) is applied
 *   as it is, with a warning;
 * - stops at a document of a newer program (`schema` > SYNC_SCHEMA): status 请升级;
 * - after each commit tells the wipe detection the rows it added (`notifyCommitted(rows)`: its
 *   record moves its counts, never counting every table) and updates the status' counts,
 *   which also follow this desk's own writes (a 同步冲突 handled or a 数据冲突 resolved here) from
 *   the start.
 * Applying twice is harmless (records put again, audit rows by id, refolds deterministic), so the
 * checkpoint only ever stays behind: at most the documents of a pending action are read again.
 */
import { notifyCommitted, onWriteCommitted } from '../db/committed';
import type { DeskBase } from '../db/desk';
import { deskNumberOf } from '../db/desk';
import { FLAGS } from '@shared/domain/caseQueues';
import { SYNC_SCHEMA, type RecordConflict, type SyncDoc } from './contract';
import { applyDocs, appliedTableOf, INBOUND_SEQ_KEY, isRecordTable, storedAmong, type Incoming } from './applyDocs';
import { countProxyCustodyConflicts } from './proxyCustodyConflicts';
import { setLocalReplica } from './recordConflicts';
import { setSyncStatus } from './status';
import type { LocalPouch } from './pouch';
import type { Change } from './pouchApi';

/** A change of the local replica's feed (`include_docs`, `conflicts`, `style: 'all_docs'`). */
export type LocalChange = Change<SyncDoc>;

/** What inbound needs of the desk's PouchDB (a LocalPouch has all of it). */
export type LocalReplica = Pick<LocalPouch, 'changes' | 'get' | 'bulkDocs' | 'info'>;

export type InboundOptions = {
  /** How long an incomplete action waits for its other documents (default 30 s). */
  timeoutMs?: number;
  /** Told about an action applied incomplete, a failed apply (no personal data: ids and counts only). */
  warn?: (message: string) => void;
  /** After each commit: how many changes of the feed were handled since the start (a join's progress). */
  onProgress?: (handled: number) => void;
};

export type Inbound = {
  stop(): void;
  /** Resolves once every change the replica holds now has been handled (tests, the join's progress). */
  idle(): Promise<void>;
  /** Actions waiting for their other documents. */
  pendingActions(): number;
  /** Changes of the feed handled since the start. */
  handled(): number;
};

export const UPGRADE_NEEDED = '其他窗口使用了更新版本的程序，本窗口暂停接收数据：请升级本窗口的程序';

const seqNumber = (s: number | string): number => (typeof s === 'number' ? s : Number.parseInt(String(s), 10) || 0);

type Group = {
  size: number;
  docs: Map<string, { item: Incoming; seq: number | string }>;
  timer?: ReturnType<typeof setTimeout>;
};

/** The status' counts of what waits for a person (同步冲突 of cases, requests and custody items; 数据冲突; refused documents). */
export async function refreshSyncCounts(desk: DeskBase): Promise<void> {
  const [cases, others, recordConflicts, rejected] = await Promise.all([
    desk.db.cases.where('flags').equals(FLAGS.syncConflict).count(),
    countProxyCustodyConflicts(desk),
    desk.db.syncConflicts.count(),
    desk.db.syncRejected.count(),
  ]);
  setSyncStatus({ caseConflicts: cases + others, recordConflicts, rejected });
}

/** The losing revisions of a conflicted document, read from the replica (before any transaction). */
async function losersOf(local: LocalReplica, doc: SyncDoc, revs: readonly string[]): Promise<RecordConflict['losers']> {
  const out: RecordConflict['losers'] = [];
  for (const rev of revs) {
    const loser = await local.get(doc._id, { rev });
    const at = typeof loser.record?.updatedAt === 'number' ? { at: loser.record.updatedAt } : {};
    out.push({ rev, desk: loser.desk, ...at, record: loser.record ?? {} });
  }
  return out;
}

/** Changes read from the feed and handled together: their stored records looked up in bulk. */
const CHUNK = 1_000;

export function createInbound(desk: DeskBase, local: LocalReplica, o: InboundOptions = {}): Inbound {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const warn = o.warn ?? ((m: string) => console.warn(`[sync] ${m}`));
  const me = deskNumberOf(desk);
  const groups = new Map<string, Group>();
  /** Which pending action holds each document (a later revision of it leaves that action). */
  const holder = new Map<string, string>();
  /** Changes of the feed not handled yet (handled a chunk at a time, in order). */
  const incoming: LocalChange[] = [];
  /** Complete actions handled and not yet stored: stored together, in feed order, by `flush`. */
  const ready: Incoming[][] = [];
  let handled = 0;
  let lastSeq: number | string | undefined;
  let stopped = false;
  let draining = false;
  let feed: { cancel(): void } | undefined;
  let queue: Promise<void> = Promise.resolve();

  /** How far everything is applied: before the first document still waiting, else the last change. */
  const checkpoint = (): number | string | undefined => {
    const waiting = [...groups.values()].flatMap((g) => [...g.docs.values()].map((d) => seqNumber(d.seq)));
    if (waiting.length === 0) return lastSeq;
    return Math.min(...waiting) - 1;
  };

  /** Rows added (removed) per table by the applies since the last `committed` (the wipe record follows them). */
  let rows = new Map<string, number>();

  const committed = async () => {
    notifyCommitted(rows);
    rows = new Map();
    await refreshSyncCounts(desk);
    o.onProgress?.(handled);
  };

  /** Stores `items` with the checkpoint; the failure, if any (nothing stored then). */
  const tryStore = async (items: Incoming[], cp: number | string | undefined, own = false) => {
    try {
      const applied = await applyDocs(desk, items, { ...(cp !== undefined ? { checkpoint: cp } : {}), own });
      for (const [table, n] of applied.rows) rows.set(table, (rows.get(table) ?? 0) + n);
      return undefined;
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  };

  /** Stores one action (warned about when it fails: its tables and the error's name, no content). */
  const store = async (items: Incoming[], cp: number | string | undefined, own = false) => {
    const failed = await tryStore(items, cp, own);
    if (failed)
      warn(
        `接收的数据未能保存（${[...new Set(items.map((i) => i.doc._id.split(':')[0]))].join('、')}）：${failed.name}`,
      );
  };

  /**
   * Every complete action handled so far, in ONE transaction with the checkpoint — thousands of
   * documents at a first join, one action when documents trickle in. Refused as a whole (one
   * action failing, e.g. a unique index), each action is stored on its own: the failing one is
   * warned about and skipped, as it would have been alone; the checkpoint goes with the last.
   */
  const flush = async () => {
    if (ready.length === 0) return;
    const actions = ready.splice(0);
    const cp = checkpoint();
    if (actions.length === 1) await store(actions[0]!, cp);
    else if (await tryStore(actions.flat(), cp))
      for (const [i, action] of actions.entries()) await store(action, i === actions.length - 1 ? cp : undefined);
    await committed();
  };

  /** Applies `items` now (after everything handled before them). */
  const applyNow = async (items: Incoming[], own = false) => {
    await flush();
    await store(items, checkpoint(), own);
    await committed();
  };

  const release = (actionId: string, why?: string) => {
    const g = groups.get(actionId);
    if (!g) return undefined;
    groups.delete(actionId);
    if (g.timer) clearTimeout(g.timer);
    for (const id of g.docs.keys()) holder.delete(id);
    if (why) warn(why);
    return [...g.docs.values()].map((d) => d.item);
  };

  const handle = async (change: LocalChange, stored: ReadonlySet<string>) => {
    if (stopped) return;
    handled += 1;
    const doc = change.doc;
    const table = doc ? appliedTableOf(doc) : undefined;
    if (!doc || !table) {
      lastSeq = change.seq; // design documents, desk claims, tables this desk does not store
      return;
    }
    if (typeof doc.schema === 'number' && doc.schema > SYNC_SCHEMA) {
      stopped = true;
      feed?.cancel();
      setSyncStatus({ phase: 'upgradeNeeded', reason: UPGRADE_NEEDED });
      return;
    }
    const conflicts = isRecordTable(table) ? (doc._conflicts ?? []) : [];
    const item: Incoming = { doc, ...(conflicts.length > 0 ? { losers: await losersOf(local, doc, conflicts) } : {}) };
    // A later revision of a document waiting in an action leaves that action.
    const previous = holder.get(doc._id);
    if (previous) {
      groups.get(previous)?.docs.delete(doc._id);
      holder.delete(doc._id);
    }
    lastSeq = change.seq;
    if (doc.desk === me) {
      // Our own revision: the rest of its action is here already (this desk wrote it). In conflict,
      // it is applied alone (its 数据冲突 row kept); else only a row it resolves is removed.
      if (conflicts.length > 0) return applyNow([item]);
      if (isRecordTable(table) && (await desk.db.syncConflicts.get(doc._id))) await applyNow([item], true);
      return;
    }
    const action = doc.action;
    if (!action?.id || !(action.size > 1) || stored.has(doc._id)) {
      ready.push([item]);
      return;
    }
    let g = groups.get(action.id);
    if (!g) {
      g = { size: action.size, docs: new Map() };
      groups.set(action.id, g);
      const id = action.id;
      g.timer = setTimeout(() => {
        queue = queue.then(async () => {
          const items = release(id, `一组数据等待超时，已按收到的部分保存（${g!.docs.size}/${g!.size}）`);
          if (items && !stopped) {
            ready.push(items);
            await flush();
          }
        });
      }, timeoutMs);
    }
    g.docs.set(doc._id, { item, seq: change.seq });
    holder.set(doc._id, action.id);
    if (g.docs.size >= g.size) ready.push(release(action.id) ?? []);
  };

  /** Handles what the feed gave, a chunk at a time: one bulk look-up and one transaction per chunk. */
  const drain = async () => {
    draining = false;
    while (incoming.length > 0 && !stopped) {
      const chunk = incoming.splice(0, CHUNK);
      const candidates = chunk.flatMap((c) =>
        c.doc && c.doc.desk !== me && (c.doc.action?.size ?? 0) > 1 ? [c.doc] : [],
      );
      const stored = candidates.length > 0 ? await storedAmong(desk, candidates) : new Set<string>();
      for (const change of chunk) await handle(change, stored);
      await flush();
    }
  };

  const start = async () => {
    const meta = await desk.db.deskMeta.get(INBOUND_SEQ_KEY);
    if (stopped) return;
    const since = meta?.key === INBOUND_SEQ_KEY ? meta.value : 0;
    lastSeq = since;
    const f = local.changes({ live: true, since, include_docs: true, conflicts: true, style: 'all_docs' });
    f.on('change', (change) => {
      incoming.push(change);
      if (draining) return;
      draining = true;
      queue = queue.then(drain);
    });
    f.on('error', (e) => {
      const name = e !== null && typeof e === 'object' && 'name' in e ? String(e.name) : 'Error';
      warn(`本地副本的变更读取出错：${name}`);
    });
    feed = f;
  };
  const started = start();
  setLocalReplica(local);
  // The counts from the start, and after every write of this desk (a conflict handled here).
  const recount = () => void refreshSyncCounts(desk).catch(() => undefined);
  const stopRecount = onWriteCommitted(recount);
  recount();

  return {
    stop() {
      stopped = true;
      feed?.cancel();
      for (const g of groups.values()) if (g.timer) clearTimeout(g.timer);
      groups.clear();
      stopRecount();
      incoming.length = 0;
      setLocalReplica(undefined, local);
    },
    async idle() {
      await started;
      for (;;) {
        const target = seqNumber((await local.info()).update_seq);
        await queue;
        if (stopped || (lastSeq !== undefined && seqNumber(lastSeq) >= target) || target === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    pendingActions: () => groups.size,
    handled: () => handled,
  };
}

/** A join's inbound side (join.ts `JoinDeps.receive`): started before the pull, finished after it. */
export type Receiving = {
  /** Resolves once everything the replica holds now is stored; `onProgress(done, total)` until then. */
  finish(onProgress?: (done: number, total: number) => void): Promise<void>;
  stop(): void;
};

/**
 * A join's first apply: the inbound side follows the replica WHILE the center is pulled into it
 * (the Dexie writes overlap the replication's), stores whole actions many to a transaction, and
 * is finished once the join's exchange is done — progress: changes handled of the documents the
 * replica holds —, then stopped (the live exchange's inbound side goes on from the checkpoint).
 */
export function startReceiving(desk: DeskBase, local: LocalReplica): Receiving {
  let report: ((handled: number) => void) | undefined;
  const inbound = createInbound(desk, local, { onProgress: (n) => report?.(n) });
  return {
    async finish(onProgress) {
      const total = (await local.info()).doc_count ?? 0;
      report = (n) => onProgress?.(Math.min(n, total), total);
      report(inbound.handled());
      try {
        await inbound.idle();
      } finally {
        inbound.stop();
      }
      onProgress?.(total, total);
    },
    stop: () => inbound.stop(),
  };
}

/** Follows the desk's local replica into Dexie until the returned stop is called (engine.ts injects it). */
export function startInbound(desk: DeskBase, local: LocalReplica): () => void {
  return createInbound(desk, local).stop;
}

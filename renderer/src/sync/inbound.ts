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
 * - after each commit tells the wipe detection (`notifyCommitted`) and updates the status' counts,
 *   which also follow this desk's own writes (a 同步冲突 handled or a 数据冲突 resolved here) from
 *   the start.
 * Applying twice is harmless (records put again, audit rows by id, refolds deterministic), so the
 * checkpoint only ever stays behind: at most the documents of a pending action are read again.
 */
import { notifyCommitted, onWriteCommitted } from '../db/write';
import type { DeskBase } from '../db/desk';
import { deskNumberOf } from '../db/desk';
import { FLAGS } from '@shared/domain/caseQueues';
import { SYNC_SCHEMA, type RecordConflict, type SyncDoc } from './contract';
import { applyDocs, appliedTableOf, INBOUND_SEQ_KEY, isAlreadyStored, isRecordTable, type Incoming } from './applyDocs';
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
};

export type Inbound = {
  stop(): void;
  /** Resolves once every change the replica holds now has been handled (tests, the join's progress). */
  idle(): Promise<void>;
  /** Actions waiting for their other documents. */
  pendingActions(): number;
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

export function createInbound(desk: DeskBase, local: LocalReplica, o: InboundOptions = {}): Inbound {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const warn = o.warn ?? ((m: string) => console.warn(`[sync] ${m}`));
  const me = deskNumberOf(desk);
  const groups = new Map<string, Group>();
  /** Which pending action holds each document (a later revision of it leaves that action). */
  const holder = new Map<string, string>();
  let lastSeq: number | string | undefined;
  let stopped = false;
  let feed: { cancel(): void } | undefined;
  let queue: Promise<void> = Promise.resolve();

  /** How far everything is applied: before the first document still waiting, else the last change. */
  const checkpoint = (): number | string | undefined => {
    const waiting = [...groups.values()].flatMap((g) => [...g.docs.values()].map((d) => seqNumber(d.seq)));
    if (waiting.length === 0) return lastSeq;
    return Math.min(...waiting) - 1;
  };

  const apply = async (items: Incoming[], own = false) => {
    try {
      const cp = checkpoint();
      await applyDocs(desk, items, { ...(cp !== undefined ? { checkpoint: cp } : {}), own });
      notifyCommitted();
      await refreshSyncCounts(desk);
    } catch (e) {
      warn(`接收的数据未能保存（${items.map((i) => i.doc._id.split(':')[0]).join('、')}）：${(e as Error).name}`);
    }
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

  const handle = async (change: LocalChange) => {
    if (stopped) return;
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
      if (conflicts.length > 0) return apply([item]);
      if (isRecordTable(table) && (await desk.db.syncConflicts.get(doc._id))) await apply([item], true);
      return;
    }
    const action = doc.action;
    if (!action?.id || !(action.size > 1) || (await isAlreadyStored(desk, doc))) return apply([item]);
    let g = groups.get(action.id);
    if (!g) {
      g = { size: action.size, docs: new Map() };
      groups.set(action.id, g);
      const id = action.id;
      g.timer = setTimeout(() => {
        queue = queue.then(async () => {
          const items = release(id, `一组数据等待超时，已按收到的部分保存（${g!.docs.size}/${g!.size}）`);
          if (items && !stopped) await apply(items);
        });
      }, timeoutMs);
    }
    g.docs.set(doc._id, { item, seq: change.seq });
    holder.set(doc._id, action.id);
    if (g.docs.size >= g.size) await apply(release(action.id) ?? []);
  };

  const start = async () => {
    const meta = await desk.db.deskMeta.get(INBOUND_SEQ_KEY);
    if (stopped) return;
    const since = meta?.key === INBOUND_SEQ_KEY ? meta.value : 0;
    lastSeq = since;
    const f = local.changes({ live: true, since, include_docs: true, conflicts: true, style: 'all_docs' });
    f.on('change', (change) => {
      queue = queue.then(() => handle(change));
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
  };
}

/** Follows the desk's local replica into Dexie until the returned stop is called (engine.ts injects it). */
export function startInbound(desk: DeskBase, local: LocalReplica): () => void {
  return createInbound(desk, local).stop;
}

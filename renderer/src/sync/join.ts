/**
 * Joining a center (issue 24, `sync.manage`): the hub checked (address, credentials, its
 * validation), this desk's number claimed on it (`desk:<n>`: only one installation may create
 * it), the center pulled into the desk's PouchDB, then `joinedCenter` and the audit row
 * `sync.join` in one writeTx — from then on every write also goes to the outbox —, then every
 * record the desk held uploaded (upload.ts) and pushed, with progress. Nothing is written to the
 * desk's data before the hub has answered; an upload cut short is finished by the next start
 * (`joinedCenter.uploaded` absent: startSync uploads again, idempotently). The center is stored
 * in the desk's Dexie as it is pulled (`deps.receive`), and the join ends when all of it is (with
 * progress); cut short, what arrived stays and the live exchange's inbound side goes on from its
 * checkpoint. The upload sends what the desk held before the center arrived.
 */
import { readInstallKind, STREET_NO_SYNC } from '../db/installKind';
import { can, holdersOf } from '@shared/domain/roles';
import { requirePermission } from '../db/authorize';
import { deskNumberOf, type Desk, type DeskBase } from '../db/desk';
import { DEFAULT_DESK_IDENTITY } from '@shared/domain/deskNumber';
import { DomainRefusal } from '../db/refusal';
import { centerDeskRow } from '../db/repositories/centerDesks';
import { ensureInstallId } from '../db/repositories/reportExports';
import { databaseOf, writeTx } from '../db/write';
import { type HubConfig, type SyncDoc } from './contract';
import { withBulkRevsDiff } from './bulkRevsDiff';
import { claimDeskNumber } from './claim';
import { checkHub } from './hubCheck';
import { newActionId, setJoined } from './outbox';
import { openRemote, LOCAL_POUCH_NAME, type LocalPouch, type PouchConstructor } from './pouch';
import type { ReplicationResult } from './pouchApi';
import { failurePhase } from './replicate';
import { setSyncStatus } from './status';
import { pumpOutbox } from './pump';
import { uploadAll, uploadKeys, type UploadKeys } from './upload';

export type JoinDeps = {
  PouchDB: PouchConstructor;
  /** The desk's own PouchDB's name (default LOCAL_POUCH_NAME). */
  localName?: string;
  /**
   * The inbound side's first apply (inbound.ts `startReceiving`): started before the pull, it
   * stores the center in Dexie as it arrives; finished (with progress) before the join is done —
   * so the desk shows the center when the progress ends. Without it the live exchange's inbound
   * side does it later.
   */
  receive?: (
    desk: DeskBase,
    local: LocalPouch,
  ) => { finish(onProgress?: (done: number, total: number) => void): Promise<void>; stop(): void };
};

/**
 * The stages of a join, each with documents done of total: the center pulled, this desk's records
 * uploaded and pushed, the center stored on this desk.
 */
export type JoinProgress = { stage: 'pull' | 'upload' | 'push' | 'apply'; done: number; total: number };

const ALREADY_JOINED = '本机已加入中心同步';

/** A PouchDB sequence as a number (CouchDB's are strings starting with it). */
const seqOf = (seq: number | string): number => (typeof seq === 'number' ? seq : Number.parseInt(seq, 10) || 0);

/** The hub address and account as typed: refused at the field, in Chinese. */
export function checkedHubConfig(config: HubConfig): HubConfig {
  let url: URL;
  try {
    url = new URL(config.url.trim());
  } catch {
    throw new DomainRefusal('请填写中心服务器的完整地址，例如 https://192.168.1.10:6984/center', 'url');
  }
  if (url.username || url.password) throw new DomainRefusal('地址中不要写账号和密码，请分别填写', 'url');
  if (url.protocol === 'http:' && !config.allowPlainHttp)
    throw new DomainRefusal('这是未加密的 http 地址：只有确认在本中心局域网内使用时，才可勾选“允许未加密连接”', 'url');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainRefusal('地址须以 https:// 开头', 'url');
  if (!config.username.trim()) throw new DomainRefusal('请填写本窗口在中心服务器上的账号', 'username');
  if (!config.password) throw new DomainRefusal('请填写本窗口账号的密码', 'password');
  return { ...config, url: url.toString().replace(/\/$/, ''), username: config.username.trim() };
}

/** Claims this desk's number at the join: refused when the hub fails or another installation holds it. */
async function claimAtJoin(remote: LocalPouch, desk: Desk, installId: string): Promise<void> {
  const claim = await claimDeskNumber(remote, desk, installId);
  if (claim.kind === 'unknown') throw new DomainRefusal(failurePhase(claim.failure).reason);
  if (claim.kind === 'taken')
    throw new DomainRefusal(
      `窗口号 ${deskNumberOf(desk)} 已被本中心的「${claim.by}」使用：请先在「设置 → 本机设置」改用一个未被使用的窗口号，再加入`,
      'no',
    );
}

/**
 * The batching of a join's one-shot replications (bench/syncJoin.bench.test.ts measures it): the
 * same 5,000 documents under way as 500 × 10, in half the requests and PouchDB transactions — the
 * bare pull of issue 24's center 16.9 → 10.8 s, the bench's join 26.1 → 21.2 s (s39).
 */
export const JOIN_PULL = { batch_size: 1000, batches_limit: 5 };

/** Replicates `from` into `to` once (after `since` of `from`, if given); `onDocs(n)` as documents arrive. */
function replicateOnce(
  from: LocalPouch,
  to: LocalPouch,
  onDocs: (n: number) => void,
  since?: number | string,
): Promise<ReplicationResult> {
  const rep = from.replicate.to(to, since === undefined ? JOIN_PULL : { ...JOIN_PULL, since });
  rep.on('change', (info) => onDocs(info.docs_written ?? info.docs_read ?? 0));
  return rep;
}

/**
 * Joins this desk to the center of `config` (see above). Refused (DomainRefusal, Chinese) without
 * `sync.manage`, when already joined, for a bad address, when the hub refuses or cannot be
 * reached, or when another installation holds the desk number.
 */
export async function joinCenter(
  desk: Desk,
  config: HubConfig,
  deps: JoinDeps,
  onProgress?: (p: JoinProgress) => void,
): Promise<void> {
  const db = databaseOf(desk);
  const me = desk.actor ? await db.staff.get(desk.actor.id) : undefined;
  if (!me || !can(me, 'sync.manage')) throw new DomainRefusal(`只有${holdersOf('sync.manage')}可以加入中心同步`);
  if ((await readInstallKind(db)) === '街道') throw new DomainRefusal(STREET_NO_SYNC);
  if (await db.deskMeta.get('joinedCenter')) throw new DomainRefusal(ALREADY_JOINED);
  const hub = checkedHubConfig(config);
  const remote = openRemote(deps.PouchDB, hub);
  const local = new deps.PouchDB<SyncDoc>(deps.localName ?? LOCAL_POUCH_NAME);
  let receiving: ReturnType<NonNullable<JoinDeps['receive']>> | undefined;
  const progress = (p: JoinProgress) => {
    setSyncStatus({ phase: 'joining', progress: { done: p.done, total: p.total } });
    onProgress?.(p);
  };
  try {
    // PouchDB's info() answers a 401/404 with `{ error }` rather than rejecting: asked here first.
    const answer: unknown = await remote.info().catch((e: unknown) => e);
    if (typeof answer !== 'object' || answer === null || 'error' in answer || 'status' in answer)
      throw new DomainRefusal(failurePhase(answer).reason);
    const check = await checkHub(remote);
    if (!check.ok) throw new DomainRefusal(check.reason);
    const installId = await ensureInstallId(desk);
    await claimAtJoin(remote, desk, installId);
    // From here every write of this desk also goes to the outbox (emptied again if the join
    // fails), so the upload is what the desk holds now — never the center arriving meanwhile.
    setJoined(db, true);
    const own = await uploadKeys(db);
    receiving = deps.receive?.(desk, local);
    // The center first, into the desk's PouchDB: the upload then places records on the hub's revs.
    const centerTotal = (await remote.info()).doc_count ?? 0;
    const emptyBefore = seqOf((await local.info()).update_seq) === 0;
    progress({ stage: 'pull', done: 0, total: centerTotal });
    // What the pull must fetch asked in one read per batch, not a transaction per document.
    const ownRevsDiff = withBulkRevsDiff(local);
    await replicateOnce(remote, local, (n) => progress({ stage: 'pull', done: n, total: Math.max(n, centerTotal) }))
      .catch((e: unknown) => {
        throw new DomainRefusal(failurePhase(e).reason);
      })
      .finally(ownRevsDiff);
    // A desk's PouchDB empty before the pull holds only what came from the hub up to here (nothing
    // else writes it during a join: the pump runs in the live exchange): the push starts after it
    // rather than asking the hub about every pulled document again (s35: the join's push stage).
    const pulledSeq = emptyBefore ? (await local.info()).update_seq : undefined;
    await writeTx(desk, ['deskMeta', 'centerDesks'], async (tx) => {
      await requirePermission(tx, desk.actor, 'sync.manage', '加入中心同步');
      if (await tx.deskMeta.get('joinedCenter')) throw new DomainRefusal(ALREADY_JOINED);
      await tx.deskMeta.put({ key: 'joinedCenter', value: { at: tx.now } });
      // The center's list of desks (its reports name them): travels through the outbox, like this transaction's audit row.
      await tx.centerDesks.put(centerDeskRow(desk.identity ?? DEFAULT_DESK_IDENTITY, tx.now));
      await tx.audit({
        action: 'sync.join',
        entity: 'sync',
        entityId: String(deskNumberOf(desk)),
        detail: new URL(hub.url).host,
      });
    });
    setJoined(db, true);
    await finishUpload(desk, local, (done, total) => progress({ stage: 'upload', done, total }), own);
    await pumpOutbox(db, local); // what was written during the join (its own audit row too)
    const pending = seqOf((await local.info()).update_seq) - seqOf(pulledSeq ?? 0);
    await replicateOnce(
      local,
      remote,
      (n) => progress({ stage: 'push', done: n, total: pending || n }),
      pulledSeq,
    ).catch(
      () => undefined, // joined: the live replication carries on where this stopped
    );
    await receiving?.finish((done, total) => progress({ stage: 'apply', done, total }));
    setSyncStatus({
      phase: 'syncing',
      progress: undefined,
      hub: { url: hub.url, plainHttp: hub.url.startsWith('http:') },
    });
  } catch (e) {
    receiving?.stop();
    const joined = (await db.deskMeta.get('joinedCenter')) !== undefined;
    if (!joined) {
      setJoined(db, false);
      await db.outbox.clear();
    }
    setSyncStatus({ progress: undefined, ...(joined ? {} : { phase: 'off' }) });
    throw e;
  } finally {
    await remote.close().catch(() => undefined);
    await local.close().catch(() => undefined);
  }
}

/** Uploads every record into `local` and marks the upload complete (joinedCenter.uploaded). */
export async function finishUpload(
  desk: DeskBase,
  local: LocalPouch,
  onProgress?: (done: number, total: number) => void,
  keys?: UploadKeys,
): Promise<void> {
  const db = databaseOf(desk);
  await uploadAll(db, local, { desk: deskNumberOf(desk), newActionId, onProgress, ...(keys ? { keys } : {}) });
  await writeTx(desk, ['deskMeta'], async (tx) => {
    const row = await tx.deskMeta.get('joinedCenter');
    if (row?.key === 'joinedCenter')
      await tx.deskMeta.put({ key: 'joinedCenter', value: { ...row.value, uploaded: tx.now } });
  });
}

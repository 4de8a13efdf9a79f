/**
 * Issue 24 — every desk of a center on one replicated store. THE contract between the sync
 * engine (outbox, pump, inbound apply: renderer/src/sync/engine/…), the hub (scripts/hub, the
 * design document) and the sync screens (设置 → 多窗口同步, the top bar's status, 同步冲突,
 * 数据冲突). Types and fixed names only; each part implements its side.
 *
 * What crosses the wire is CouchDB documents (PouchDB in the desk, CouchDB 3 or the test hub):
 * - one document per record of a center table (dataScope.ts `tablesOf('center')`), except the
 *   records that are the fold of their events (PROJECTED): those never travel, their events do,
 *   and every desk refolds the record from them (events never conflict);
 * - desk-local tables never leave the desk.
 */

/** The version of the document shapes below; the hub refuses a newer one, a desk stops applying one. */
export const SYNC_SCHEMA = 1;

/** Records rebuilt from their events on every desk (never sent themselves): table → its events' table. */
export const PROJECTED = {
  cases: 'caseEvents',
  proxyTasks: 'proxyEvents',
  custodyItems: 'custodyEvents',
  problems: 'problemEvents',
} as const;

/**
 * Tables whose documents, once written, never change (the hub's validation refuses an edit): the
 * events, the audit rows, the records of the JSON package's exports (packageExports.ts only
 * ever adds one), the 走访记录 entries (a correction is a new entry: homeVisits.ts), the lines
 * added to 错时服务 (offHours.ts only ever adds one) and the hand-over notes with their 签阅
 * (交接班: append-only).
 */
export const IMMUTABLE_TABLES = [
  'caseEvents',
  'proxyEvents',
  'custodyEvents',
  'problemEvents',
  'auditLog',
  'packageExports',
  'offHoursLines',
  'handovers',
  'handoverReads',
  'homeVisits',
] as const;

/** A document's id: `<table>:<key>` (the audit log by its row's stable `id`, never its local `seq`). */
export const syncDocId = (table: string, key: string): string => `${table}:${key}`;

/** One record as a CouchDB document. */
export type SyncDoc = {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  /** The table (required by the hub's validation). */
  type: string;
  /** SYNC_SCHEMA of the desk that wrote this revision (required by the hub's validation). */
  schema: number;
  /** The desk number that wrote this revision. */
  desk: number;
  /** The one writeTx this revision came from: every document of one action has the same id and size. */
  action: { id: string; size: number };
  /** The record as stored, without its derived index fields (every desk derives them again). */
  record: Record<string, unknown>;
};

/** The desk document only one desk can create: the claim of a desk number on the hub. */
export const deskClaimId = (no: number): string => `desk:${no}`;

/** How this desk reaches its center's hub: kept per machine, never in the replicated data. */
export type HubConfig = {
  /** The center database's URL, e.g. https://192.168.1.10:6984/center-ylq. */
  url: string;
  /** This desk's hub account (CouchDB user). */
  username: string;
  password: string;
  /** Plain HTTP on the LAN: only by the admin's explicit choice, and shown on the status. */
  allowPlainHttp: boolean;
};

export type SyncPhase =
  /** Not joined to a center (alone). */
  | 'off'
  /** Joining: the first exchange (progress shown). */
  | 'joining'
  /** Joined, nothing waiting either way. */
  | 'synced'
  /** Joined, documents going up or coming down. */
  | 'syncing'
  /** Joined, the hub unreachable (retrying, back-off capped at a few seconds). */
  | 'offline'
  /** Joined, the hub refuses us (wrong credentials, desk number taken, …): `reason` says why. */
  | 'refused'
  /** A document from a newer app version arrived: inbound stopped until this desk is upgraded. */
  | 'upgradeNeeded';

/** What the top bar shows (已同步 / 同步中 N / 未连接 since HH:MM / 冲突 N) and its detail. */
export type SyncStatus = {
  phase: SyncPhase;
  /** Documents waiting to go up (outbox) plus documents received and not yet applied. */
  pending: number;
  /** Since when the hub is unreachable or refusing (epoch ms). */
  since?: number;
  /** The last moment both directions were caught up (epoch ms). */
  lastSyncedAt?: number;
  /** Why not connected, in Chinese, without personal data or credentials. */
  reason?: string;
  /** The hub's address as configured (no credentials), and whether it is plain HTTP. */
  hub?: { url: string; plainHttp: boolean };
  /** The first exchange of a join: documents done of total. */
  progress?: { done: number; total: number };
  /** Cases, proxy requests and custody items with actions that no longer fit after merging (同步冲突), not yet handled. */
  caseConflicts: number;
  /** Records edited on two desks (数据冲突), not yet resolved. */
  recordConflicts: number;
  /** Documents the hub refused (403), listed, never retried forever. */
  rejected: number;
};

export const SYNC_OFF: SyncStatus = { phase: 'off', pending: 0, caseConflicts: 0, recordConflicts: 0, rejected: 0 };

/**
 * A record edited on two desks: the winner CouchDB chose and the losing revisions, kept in a
 * desk-local table until a 站长 picks or combines the values (数据冲突).
 */
export type RecordConflict = {
  /** The document id (`<table>:<key>`). */
  id: string;
  table: string;
  key: string;
  winner: { rev: string; desk: number; at?: number; record: Record<string, unknown> };
  losers: { rev: string; desk: number; at?: number; record: Record<string, unknown> }[];
  /** When this desk first saw the conflict (epoch ms). */
  seenAt: number;
};

/** A document the hub refused: listed for a person, not retried forever. */
export type RejectedDoc = { id: string; table: string; status: number; reason: string; at: number };

/**
 * The entity → table map of the database, and the read-only view repositories read through.
 *
 * `Entities` names every table and the record type it holds; `EntityName` is what a write
 * transaction lists (`writeTx(desk, ['cases', 'caseEvents'], …)`), so a table name that does
 * not exist does not compile, and the transaction hands back writable tables for exactly
 * those names. `ReadableDB` is the database as repositories' read functions see it: the same
 * tables with only the read methods (no `add`/`put`/`update`/`delete`, no `modify` on
 * collections). Writes get a writable table only inside `writeTx` (see write.ts).
 */
import type { StoredGuest } from '@shared/domain/meetings/guests';
import type { IndexableType } from 'dexie';
import type { SlimRow } from '@shared/reports/slimRows';
import type {
  AgendaItem,
  AuditEntry,
  CenterDesk,
  CaseEvent,
  CaseRecord,
  CommunityProfile,
  Counter,
  ImportBatch,
  CustodyItem,
  CustodyItemEvent,
  HandoverNote,
  HandoverRead,
  HomeVisit,
  Meeting,
  Problem,
  ProblemEvent,
  ProxyTask,
  ProxyEvent,
  Resident,
  RotaEntry,
  SignInGuard,
  MergeUndo,
  OffHoursLine,
  PackageExport,
  Staff,
  StoredPackageRecords,
  StoredStreetPackage,
  StreetResponse,
  StreetCommunity,
  Visit,
} from '@shared/domain/records';
import type { InstallKind, StreetProfile } from '@shared/domain/street/install';
import type { CalendarOverride } from '@shared/domain/workingCalendar';
import type { TallyRow } from '@shared/domain/tallies';
import type { CareVisitRow } from '@shared/domain/homeVisits/unvisited';
import type { KeptSummaryRow } from '@shared/reports/keptSummaries';
import type { MatterType } from './matterType';
import type { ReportNotes } from '@shared/reports/reportData';
import type { RecordConflict, RejectedDoc, SyncDoc } from '../sync/contract';

export type MetaRow =
  | { key: 'community'; value: CommunityProfile }
  | { key: 'calendarOverrides'; value: CalendarOverride[] }
  /** Years (not in the bundled data) an admin declared completely entered in calendarOverrides. */
  | { key: 'calendarCompleteYears'; value: number[] }
  /** 本周重点工作 / 问题与建议 of a report period, keyed `reportNotes:<from>:<to>`. */
  | { key: `reportNotes:${string}`; value: ReportNotes & { updatedAt: number; updatedBy: string } }
  /** The header texts of the last resident import and the field each went to (居民台账导入). */
  | { key: 'importMapping'; value: Record<string, string> }
  /**
   * People at the joint meeting who are not app users (网格长, 社区民警 …): unit, name, role, kept
   * for next time — added from the meeting or in 设置 (older rows: name and role only).
   */
  | { key: 'meetingGuests'; value: StoredGuest[] };

/** Facts of this desk (PC) alone, never shared with the other desks of the center (DB v14). */
export type DeskMetaRow =
  /** A random id of this installation (this desk's database), made on its first report export. */
  | { key: 'installId'; value: string }
  /**
   * When this desk first exchanged data with another desk of its center (issue 24 writes it when
   * the desk joins the center's hub). Absent = the desk is alone (its number may still change).
   */
  | {
      key: 'joinedCenter';
      /** `uploaded`: when the join's upload of every record this desk held was complete (sync/upload.ts). */
      value: { at: number; uploaded?: number };
    }
  /**
   * Issue 24: how far this desk applied its local PouchDB's changes feed (the feed's `seq`):
   * inbound (renderer/src/sync/inbound.ts) goes on from here, written with each applied action.
   */
  | { key: 'inboundSeq'; value: number | string }
  /**
   * Issue 27: a community's desk or a street office's, chosen at first-run setup (absent on a desk
   * set up before = 社区). db/installKind.ts reads it; writeTx refuses the other kind's tables.
   */
  | { key: 'installKind'; value: InstallKind }
  /** Issue 27: a street install's name, code and settings (shared/domain/street). */
  | { key: 'streetProfile'; value: StreetProfile };

/**
 * One committed write transaction of a desk that has joined its center (DB v20, desk-local):
 * the documents it wrote, waiting for the pump to move them into the desk's PouchDB
 * (renderer/src/sync/outbox.ts, pump.ts). Deleted once moved.
 */
export type OutboxRow = {
  /** Local order (auto-increment): the pump moves rows in this order. */
  seq?: number;
  /** The action id every document of the row carries (`action.id`). */
  action: string;
  /** When the transaction ran (epoch ms). */
  at: number;
  docs: SyncDoc[];
};

/** Every table: its record type and its primary key type. */
export type Entities = {
  meta: [MetaRow, string];
  staff: [Staff, string];
  residents: [Resident, string];
  visits: [Visit, string];
  matterTypes: [MatterType, string];
  cases: [CaseRecord, string];
  caseEvents: [CaseEvent, string];
  proxyTasks: [ProxyTask, string];
  proxyEvents: [ProxyEvent, string];
  custodyItems: [CustodyItem, string];
  custodyEvents: [CustodyItemEvent, string];
  meetings: [Meeting, string];
  agendaItems: [AgendaItem, string];
  problems: [Problem, string];
  problemEvents: [ProblemEvent, string];
  rota: [RotaEntry, string];
  handovers: [HandoverNote, string];
  handoverReads: [HandoverRead, string];
  homeVisits: [HomeVisit, string];
  auditLog: [AuditEntry, number];
  counters: [Counter, string];
  importBatches: [ImportBatch, string];
  signInGuards: [SignInGuard, string];
  deskMeta: [DeskMetaRow, string];
  mergeUndos: [MergeUndo, string];
  outbox: [OutboxRow, number];
  syncConflicts: [RecordConflict, string];
  syncRejected: [RejectedDoc, string];
  centerDesks: [CenterDesk, string];
  packageExports: [PackageExport, string];
  /** Kept counts (DB v28, desk-local and derived): written only by db/tallies (middleware, repair). */
  tallies: [TallyRow, string];
  /** Each 重点服务对象's last 走访 (DB v34, desk-local and derived): written only by db/careVisits (middleware, repair). */
  careLastVisits: [CareVisitRow, string];
  /** Kept summaries of closed periods (DB v36, desk-local and derived): db/keptSummaries. */
  keptSummaries: [KeptSummaryRow, string];
  /** The slim visit and case rows of the period summaries (DB v39, desk-local and derived): written only by db/slimRows (middleware, repair). */
  slimRows: [SlimRow, string];
  offHoursLines: [OffHoursLine, string];
  /** Issue 27 (DB v30, street installs only): the 社区名单 and every imported package file. */
  streetCommunities: [StreetCommunity, string];
  streetPackages: [StoredStreetPackage, string];
  /** Issue 28 (DB v40, street installs only): each package's records (上报事项, 办件 ledger), apart from its figures. */
  streetPackageRecords: [StoredPackageRecords, string];
  /** Issue 27 item 5 (DB v31, street installs only): the 报到 and 处理反馈 the street recorded per escalation. */
  streetResponses: [StreetResponse, string];
};

export type EntityName = keyof Entities;
export type RecordOf<N extends EntityName> = Entities[N][0];
export type KeyOf<N extends EntityName> = Entities[N][1];

/** A Dexie collection with its read methods only. */
export type ReadCollection<T, K> = {
  filter(fn: (x: T) => boolean): ReadCollection<T, K>;
  and(fn: (x: T) => boolean): ReadCollection<T, K>;
  limit(n: number): ReadCollection<T, K>;
  offset(n: number): ReadCollection<T, K>;
  reverse(): ReadCollection<T, K>;
  count(): Promise<number>;
  toArray(): Promise<T[]>;
  first(): Promise<T | undefined>;
  last(): Promise<T | undefined>;
  sortBy(keyPath: string): Promise<T[]>;
  primaryKeys(): Promise<K[]>;
  /** The index keys of the collection, in index order (with repeats on a plain index). */
  keys(): Promise<IndexableType[]>;
  /** The distinct index keys of the collection, in index order (skips repeats natively). */
  uniqueKeys(): Promise<IndexableType[]>;
};

/** A Dexie where-clause with the comparisons repositories use. */
export type ReadWhere<T, K> = {
  equals(key: IndexableType): ReadCollection<T, K>;
  anyOf(keys: readonly IndexableType[]): ReadCollection<T, K>;
  startsWith(prefix: string): ReadCollection<T, K>;
  below(key: IndexableType): ReadCollection<T, K>;
  above(key: IndexableType): ReadCollection<T, K>;
  between(
    lower: IndexableType,
    upper: IndexableType,
    includeLower?: boolean,
    includeUpper?: boolean,
  ): ReadCollection<T, K>;
};

/** A Dexie table with its read methods only. */
export type ReadTable<T, K> = {
  get(key: K): Promise<T | undefined>;
  bulkGet(keys: K[]): Promise<(T | undefined)[]>;
  where(index: string): ReadWhere<T, K>;
  orderBy(index: string): ReadCollection<T, K>;
  filter(fn: (x: T) => boolean): ReadCollection<T, K>;
  toCollection(): ReadCollection<T, K>;
  count(): Promise<number>;
  toArray(): Promise<T[]>;
};

/** The database as read functions see it. */
export type ReadableDB = { readonly [N in EntityName]: ReadTable<RecordOf<N>, KeyOf<N>> };

/**
 * The one Dexie database of the app. Versions are append-only: never edit a shipped
 * `version(n)`; add `version(n+1)` with its data migration in `upgrades/vN-*.ts`.
 *
 * All transactions default to strict durability (the data is written to disk before the
 * promise resolves): the desk writes a few records a minute, and a record the clerk saw saved
 * must survive a power cut.
 *
 * Features never see this class: repositories read through the `ReadableDB` view of the desk
 * context (desk.ts) and write only inside `writeTx` (write.ts). Derived index fields are
 * applied to every write by a middleware (derived.ts), the kept counts moved by another
 * (tallies/middleware.ts), the 重点服务对象's last 走访 by a third (careVisits/middleware.ts), the
 * summaries' slim rows by a fourth (slimRows/middleware.ts).
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { EntityName, KeyOf, RecordOf } from './entities';
import { derivedFieldsMiddleware } from './derived';
import { talliesMiddleware } from './tallies/middleware';
import { careVisitsMiddleware } from './careVisits/middleware';
import { keptSummariesMiddleware } from './keptSummaries/middleware';
import { slimRowsMiddleware } from './slimRows/middleware';
import { ensureSearchKeys } from './searchKeys';
import type { UPGRADE_STEPS, UpgradeVersion } from './upgrades';

let steps: typeof UPGRADE_STEPS | null = null;

/**
 * Loads the versions' data steps (upgrades/index.ts, a chunk of its own). Call it before opening
 * a database that may be older than this build: without it an upgrade refuses to run (it throws,
 * so the upgrade is rolled back and the data stays as it was — never half-upgraded).
 */
export async function loadUpgradeSteps(): Promise<void> {
  steps ??= (await import('./upgrades')).UPGRADE_STEPS;
  // A step that rewrites residents (v32) passes them through the derived fields, the search keys too.
  await ensureSearchKeys();
}

/** The data step of version `n`, as Dexie's upgrade function. */
const step =
  (n: UpgradeVersion) =>
  (tx: Transaction): void | PromiseLike<unknown> => {
    if (!steps) throw new Error(`upgrade steps not loaded (v${n}): call loadUpgradeSteps() before opening`);
    return (steps[n] as (tx: Transaction) => void | PromiseLike<unknown>)(tx);
  };

export const DB_NAME = 'duty-desk';
/** The newest version below (the one this build upgrades to). */
export const SCHEMA_VERSION = 40;

/** One Dexie table per entity of the entity map (entities.ts is the one list of tables). */
type Tables = { [N in EntityName]: Table<RecordOf<N>, KeyOf<N>> };

class DutyDeskDatabase extends Dexie {
  constructor(name = DB_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      meta: 'key',
      staff: 'id, name, role, active',
      residents: 'id, &idNumber, name, phone, gridId, *searchKeys, *tags, updatedAt',
      visits: 'id, residentId, day, visitedAt, channel, firstContactId, kind',
      matterTypes: 'code, category, name, active',
      cases:
        'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay',
      caseEvents: 'id, caseId, at',
      proxyTasks: 'id, caseId, residentId, status',
      custodyItems: 'id, proxyTaskId',
      meetings: 'id, weekOf, status',
      agendaItems: 'id, meetingId, sourceId, status',
      rota: 'id, day, staffId',
      handovers: 'id, day',
      auditLog: '++seq, at, staffId, action',
      counters: 'key',
    });
    // v2: case queues by index (see shared/domain/caseIndex.ts and upgrades/v2-case-queues.ts).
    this.version(2)
      .stores({
        cases:
          'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags',
      })
      .upgrade(step(2));
    // v3: queues in their order by index (shared/domain/caseQueues.ts, upgrades/v3-case-order.ts).
    this.version(3)
      .stores({
        cases:
          'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags, *queueKeys',
      })
      .upgrade(step(3));
    // v4: queues filtered by index, 我的已办结, 办件检索 by index (upgrades/v4-case-search.ts).
    this.version(4)
      .stores({
        cases:
          'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags, *queueKeys, *searchKeys',
        visits: 'id, residentId, day, visitedAt, channel, firstContactId, kind, *words',
      })
      .upgrade(step(4));
    // v5: cases by the months they count in a summary (周报, upgrades/v5-report-months.ts).
    this.version(5)
      .stores({
        cases:
          'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags, *queueKeys, *searchKeys, *reportMonths',
      })
      .upgrade(step(5));
    // v6: resident imports (居民台账导入), kept for a same-day undo. A new table: no data step.
    this.version(6).stores({ importBatches: 'id, day' });
    // v7: documents in custody (材料交接), reshaped from the placeholder (upgrades/v7-custody.ts).
    this.version(7).stores({ custodyItems: 'id, caseId, residentId, status, holderKey, collectedAt' }).upgrade(step(7));
    // v8: proxy tasks become proxy requests: source, request, home visit, 送达 (upgrades/v8-proxy-requests.ts).
    this.version(8).stores({ proxyTasks: 'id, caseId, residentId, status, visitDay, requestedDay' }).upgrade(step(8));
    // v9: the problem pool (问题库) and meetings reshaped: day, attendees, agenda entries (upgrades/v9-problem-pool.ts).
    this.version(9)
      .stores({
        problems: 'id, raisedDay, status, caseId, gridId, category, *residentIds',
        meetings: 'id, day, status',
        agendaItems: 'id, meetingId, problemId, caseId',
      })
      .upgrade(step(9));
    // v10: every audit row has a stable identity, so a restore never removes one (upgrades/v10-audit-ids.ts).
    this.version(10).stores({ auditLog: '++seq, &id, at, staffId, action' }).upgrade(step(10));
    // v11: business keys are plain indexes (a record from another desk with the same ID number or
    // tracking number must store; the write path refuses a duplicate at the form), and resident
    // tombstones by `deleted.at` (shared/domain/residentTombstone.ts). No data step: no stored row
    // changes (a deletion removed the row until now).
    this.version(11).stores({
      residents: 'id, idNumber, name, phone, gridId, *searchKeys, *tags, updatedAt, deleted.at',
      cases:
        'id, trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags, *queueKeys, *searchKeys, *reportMonths',
    });
    // v12: the audit log chained per desk; rows from before sealed once (upgrades/v12-audit-chain.ts).
    this.version(12).stores({ auditLog: '++seq, &id, at, staffId, action, [desk+deskSeq]' }).upgrade(step(12));
    // v13: case and proxy histories as replayable events: clock, desk, full input, decisions; one
    // opening event per record stored before (upgrades/v13-replayable-events.ts).
    this.version(13)
      .stores({ caseEvents: 'id, caseId, at, clock', proxyEvents: 'id, taskId, clock' })
      .upgrade(step(13));
    // v14: this PC's own facts apart from the center's data — sign-in failures and locks, the
    // install id (upgrades/v14-desk-local.ts; which table is which: dataScope.ts).
    this.version(14).stores({ signInGuards: 'staffId', deskMeta: 'key' }).upgrade(step(14));
    // v15: documents in custody as replayable events like cases and requests; one opening event
    // per item stored before (upgrades/v15-custody-events.ts).
    this.version(15).stores({ custodyEvents: 'id, itemId, caseId, clock' }).upgrade(step(15));
    // v16: a merge's undo snapshot leaves the tombstone for the desk-local `mergeUndos`
    // (upgrades/v16-merge-undos.ts).
    this.version(16).stores({ mergeUndos: 'mergedId, keptId, day' }).upgrade(step(16));
    // v17: the indexes no read uses dropped (each is an entry per record written: the five-year
    // desk loads about a fifth faster, every write does less). Kept: what a query, a queue, a
    // count or the audit chain reads (grep `where(`/`orderBy(`). No data step.
    this.version(17).stores({
      residents: 'id, idNumber, name, phone, *searchKeys, *tags, updatedAt, deleted.at',
      visits: 'id, residentId, day, kind, *words',
      cases:
        'id, trackingNumber, residentId, matterCode, status, acceptedDay, dueDay, *flags, *queueKeys, *searchKeys, *reportMonths',
      caseEvents: 'id, caseId, clock',
      auditLog: '++seq, &id, action, [desk+deskSeq]',
    });
    // v18: a problem's sources and decisions as appended events (two desks never lose one); one
    // opening event per problem stored before (upgrades/v18-problem-events.ts).
    this.version(18).stores({ problemEvents: 'id, problemId, clock' }).upgrade(step(18));
    // v20 (issue 24): the outbox of a desk joined to its center — one row per committed write
    // transaction, the documents it wrote, until the pump moves them into the desk's PouchDB
    // (renderer/src/sync/outbox.ts). Desk-local; a new empty table: no data step.
    this.version(20).stores({ outbox: '++seq' });
    // v21 (issue 24, inbound sync): the 数据冲突 this desk saw (a record edited on two desks) and the
    // documents the hub refused, both desk-local (dataScope.ts). New tables: no data step.
    this.version(21).stores({ syncConflicts: 'id', syncRejected: 'id' });
    // v22 (issue 24 item 7, the center's reports): the desks of the center as they joined, and each
    // export of a period's JSON package (by period), both center data. New tables: no data step.
    this.version(22).stores({ centerDesks: 'id', packageExports: 'id, [kind+from+to]' });
    // v23 (issue 24, 同步冲突 of 帮代办 and 材料保管): requests and custody items indexed by their
    // oldest unhandled 同步冲突 (derived `syncConflictAt`, absent without one), for the queue and the
    // 工作台's count. No stored record has one yet: no data step.
    this.version(23).stores({
      proxyTasks: 'id, caseId, residentId, status, visitDay, requestedDay, syncConflictAt',
      custodyItems: 'id, caseId, residentId, status, holderKey, collectedAt, syncConflictAt',
    });
    // v24 (issue 26, 值班表): one rota record per day × person, keyed `day|staffId`
    // (upgrades/v24-rota-cells.ts re-keys the placeholder rows); the week is a range of `day`.
    this.version(24).stores({ rota: 'id, day, staffId' }).upgrade(step(24));
    // v25 (issue 26 item 2, 走访记录): the 走访岗's home-visit log, append-only center data — read
    // by day (the month and quarter figures, the list) and by resident and day (a 重点服务对象's
    // last visit). A new table: no data step.
    this.version(25).stores({ homeVisits: 'id, day, [residentId+day]' });
    // v26 (issue 26, 交接班): hand-over notes append-only by writing day and by the day they are for,
    // their 签阅 as events of their own (upgrades/v26-handovers.ts).
    this.version(26).stores({ handovers: 'id, day, forDay', handoverReads: 'id, noteId, day' }).upgrade(step(26));
    // v27 (issue 26 item 4, 错时服务): the lines staff add for work outside standard hours that no
    // record shows — append-only center data, read by month (`day`). A new table: no data step.
    this.version(27).stores({ offHoursLines: 'id, day' });
    // v28 (issue 28 item 1): the kept counts of the 工作台 and the queue tabs, desk-local and derived,
    // moved with every write by a middleware (tallies/middleware.ts); the data step counts them once.
    this.version(28).stores({ tallies: 'key' }).upgrade(step(28));
    // v29 (issue 28 item 3, long lists page): the 操作日志 filtered by category or staff reads an
    // index range from the last row shown (action, staff, both: no audit row changes); the 问题库 a
    // range of the derived `poolKeys` (shared/domain/meetings/poolKeys.ts: recomputed on every
    // problem, upgrades/v29-pool-keys.ts); the 帮代办 queues and 材料在外 ranges of their order.
    this.version(29)
      .stores({
        auditLog: '++seq, &id, action, [desk+deskSeq], [action+seq], [staffId+seq], [staffId+action+seq]',
        problems: 'id, raisedDay, status, caseId, gridId, category, *residentIds, *poolKeys',
        proxyTasks: 'id, caseId, residentId, status, visitDay, requestedDay, syncConflictAt, [status+requestedDay+id]',
        custodyItems: 'id, caseId, residentId, status, holderKey, collectedAt, syncConflictAt, [status+collectedAt+id]',
      })
      .upgrade(step(29));
    // v30 (issue 27, the street office): its 社区名单 by code, and one immutable row per imported
    // package file (id = sha256) — a community's periods by `[communityCode+periodKey]`, a range of
    // periods of every community by `[kind+from]`, the import history by `importedAt`. Written
    // only on a street install (db/installKind.ts). New tables: no data step.
    this.version(30).stores({
      streetCommunities: 'code',
      streetPackages: 'id, [communityCode+periodKey], [kind+from], importedAt',
    });
    // v31 (issue 27 item 5, 吹哨事项): what the street clerk recorded per escalation (报到, 处理反馈),
    // id `<communityCode>|<trackingNumber>|<raisedAt>`, a community's by `communityCode` (its
    // 反馈包). Street installs only. New table: no data step.
    this.version(31).stores({
      streetResponses: 'id, communityCode',
    });
    // v32 (issue 26, 超期未走访 pages): a resident's derived multiEntry `careKeys`, one
    // `<网格>␟<tag>␟<id>` per tag (none when 已迁出 / 已故 / deleted: shared/domain/homeVisits/
    // unvisited.ts), so a zone's 重点服务对象 are one range per register tag in id order; a 走访 entry
    // that corrects another by `corrects` (absent on most: a small index). The data step gives every
    // resident its keys (upgrades/v32-care-keys.ts).
    this.version(32)
      .stores({
        residents: 'id, idNumber, name, phone, *searchKeys, *tags, updatedAt, deleted.at, *careKeys',
        homeVisits: 'id, day, [residentId+day], corrects',
      })
      .upgrade(step(32));
    // v33 (issue 28 item 3): the 操作日志 by 类别 is ONE index range — every audit row gets the derived
    // `domain` (its action's part before the dot; db/derived.ts, upgrades/v33-audit-domain.ts) and
    // `[domain+seq]` / `[staffId+domain+seq]` replace the per-action ranges `[action+seq]` /
    // `[staffId+action+seq]`, which walked every row of the category to list its actions.
    this.version(33)
      .stores({
        auditLog: '++seq, &id, action, [desk+deskSeq], [staffId+seq], [domain+seq], [staffId+domain+seq]',
      })
      .upgrade(step(33));
    // v34 (issue 26, 超期未走访 longest-unvisited first): each 重点服务对象's last current 走访 kept in a
    // desk-local derived table of its own, moved with every write of residents and 走访 entries by a
    // middleware (careVisits/middleware.ts); its multiEntry `keys` `<网格>␟<tag>␟<last day>␟<id>` make
    // a page ONE range per register tag in that order. The data step works them out once.
    this.version(34).stores({ careLastVisits: 'residentId, *keys' }).upgrade(step(34));
    // v36 (issue 28 item 2): the kept summaries of closed periods (a year's report reads one row),
    // desk-local and derived, dropped by a middleware in the transaction of any write that makes
    // them stale (keptSummaries/middleware.ts). A new empty table: no data step.
    this.version(36).stores({ keptSummaries: 'key' });
    // v37 (issue 28 item 2, a year's first computation): case events by the instant they were made
    // (`at`, dropped at v17 when nothing read it), so the 错时 table reads only the events made
    // outside standard hours (one range per off-hours span: repositories/offHours.ts) instead of
    // every event of both periods; the rota by `[post+day]`, so it reads the 值班岗 days only (the
    // table's 值班天数), not every cell. IndexedDB builds the indexes over the stored rows: no data step.
    this.version(37).stores({ caseEvents: 'id, caseId, clock, at', rota: 'id, day, staffId, [post+day]' });
    // v38 (issue 26, 超期未走访 flat with size): a kept last 走访 row has ONE `key`
    // `<网格>␟<last day>␟<id>` when the resident holds a register tag (none otherwise), keyed for the
    // center's register tags as stored — a page is ONE range read, a resident on two register tags
    // one row; a change of the register tags re-keys the rows in its own transaction
    // (careVisits/middleware.ts). The data step re-keys every row (upgrades/v38-care-register-keys.ts).
    this.version(38).stores({ careLastVisits: 'residentId, key' }).upgrade(step(38));
    // v39 (issue 28 item 2, a year's first statistics): the slim row of every visit and case — the
    // fields a period summary reads, keyed `v|<day>|<id>` / `c|<acceptedDay>|<id>` so a month is ONE
    // key range — desk-local and derived, kept with every write of visits and cases by a middleware
    // (slimRows/middleware.ts). The data step makes them once (upgrades/v39-slim-rows.ts).
    this.version(39).stores({ slimRows: 'key' }).upgrade(step(39));
    // v40 (issue 28, the street's year view): a package's records (上报事项, 办件 ledger) move to
    // `streetPackageRecords` (same id), so 汇总 reads the figures of a year's packages without them
    // (63 KB a package at full size, most of it the ledger). Street installs only. The data step
    // moves them, a page at a time (upgrades/v40-street-records.ts).
    this.version(40).stores({ streetPackageRecords: 'id' }).upgrade(step(40));
    this.use(derivedFieldsMiddleware);
    this.use(slimRowsMiddleware);
    this.use(careVisitsMiddleware);
    this.use(talliesMiddleware);
    this.use(keptSummariesMiddleware);
  }
}

export type DutyDeskDB = DutyDeskDatabase & Tables;
/** The database class, typed with its tables (Dexie adds them at run time from the schema). */
export const DutyDeskDB = DutyDeskDatabase as (new (name?: string) => DutyDeskDB) & typeof DutyDeskDatabase;

let instance: DutyDeskDB | null = null;

/** The app's database (opened lazily, once): only the app's desk provider asks for it. */
export function getDb(): DutyDeskDB {
  instance ??= new DutyDeskDB();
  return instance;
}

/**
 * Issue 28 item 3: the long lists a page at a time — 操作日志 (first page, each filter, a deep
 * page from its cursor), 问题库 (first page, each filter, its total and headings), the 帮代办
 * queues, 材料在外 and the 联席会议 agenda — each next to a bare read of THE SAME ROWS as a minimal
 * reader would get them: the list's rows from the same index range (from the same cursor, never
 * `offset()`), and the rows the page shows beside them (a problem's case and residents, a request's
 * resident and case, an item's case) by key, all reads at once, no transaction of its own, no
 * permission check. Goals: a first page ≤ 3× bare; the 问题库 and the agenda usable ≤ 300 ms at
 * full size (the pool: its page + total + headings).
 */
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { auditPage, auditTotal, type AuditFilter } from '../../renderer/src/db/repositories/auditLog';
import { poolCounts, poolPage, poolTotal } from '../../renderer/src/db/repositories/problems';
import { proxyQueuePage } from '../../renderer/src/db/repositories/proxy';
import { documentsOutPage } from '../../renderer/src/db/repositories/custody';
import { countLabel } from '@shared/domain/caseQueues';
import { LIST_PAGE_SIZE } from '@shared/domain/listPaging';
import { getMeetingView } from '../../renderer/src/db/repositories/meetings';
import { poolRange, type PoolFilter } from '@shared/domain/meetings';
import { Dexie } from 'dexie';
import { ADMIN_ID } from '../data/generate';

type ListMeasure = {
  name: string;
  group: 'lists';
  subject: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
};

/** `n` case rows by primary key after `after` (a cursor, as a page reads): the bare baseline. */
export const bareAfter = (db: DutyDeskDB, n: number, after?: string) =>
  (after === undefined ? db.cases.orderBy(':id') : db.cases.where(':id').above(after)).limit(Math.max(1, n)).toArray();

/** The primary key a bare read `offset` rows deep starts after (read once, before the timing). */
export async function bareCursorAt(db: DutyDeskDB, offset: number): Promise<string | undefined> {
  if (offset <= 0) return undefined;
  return (
    await db.cases
      .orderBy(':id')
      .offset(offset - 1)
      .limit(1)
      .primaryKeys()
  )[0];
}

/** The ids a page shows beside its rows, read by key (bulkGet per table, all at once): the bare join. */
type Joined = { cases?: string[]; residents?: string[]; problems?: string[] };

const ids = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

function bareJoin(db: DutyDeskDB, j: Joined): Promise<unknown> {
  return Promise.all([
    j.cases && db.cases.bulkGet(j.cases),
    j.residents && db.residents.bulkGet(j.residents),
    j.problems && db.problems.bulkGet(j.problems),
  ]);
}

/** A bare audit range: the same index and bounds as the 操作日志's filter (auditLog.ts), newest first. */
function bareAudit(db: DutyDeskDB, f: AuditFilter, n: number) {
  const upper = f.before ?? Infinity;
  const log = db.auditLog;
  const col =
    f.staffId && f.domain
      ? log.where('[staffId+domain+seq]').between([f.staffId, f.domain, -Infinity], [f.staffId, f.domain, upper])
      : f.staffId
        ? log.where('[staffId+seq]').between([f.staffId, -Infinity], [f.staffId, upper])
        : f.domain
          ? log.where('[domain+seq]').between([f.domain, -Infinity], [f.domain, upper])
          : log.where(':id').below(upper);
  return col.reverse().limit(Math.max(1, n)).toArray();
}

export async function listMeasures(db: DutyDeskDB, desk: Desk): Promise<ListMeasure[]> {
  // 操作日志 is read by an admin (audit.read).
  const admin = { ...desk, actor: { id: ADMIN_ID, role: '站长/管理员' as const } };
  const out: ListMeasure[] = [];
  const audit: [string, AuditFilter][] = [
    ['', {}],
    ['按类别 办件', { domain: 'case' }],
    ['按类别 问题库', { domain: 'problem' }],
    ['按类别 备份 (无记录)', { domain: 'backup' }],
    ['按工作人员', { staffId: desk.actor.id }],
    ['按类别+工作人员', { domain: 'visit', staffId: desk.actor.id }],
  ];
  for (const [label, filter] of audit) {
    const rows = (await auditPage(admin, filter)).length;
    const total = await auditTotal(admin, filter);
    out.push({
      name: `操作日志${label ? ` ${label}` : ''} 首页 (${countLabel(total)})`,
      group: 'lists',
      subject: () => auditPage(admin, filter),
      baseline: () => bareAudit(db, filter, rows),
    });
  }
  // The 21st page of the unfiltered log and of a category, from the cursor a clerk paging would hold.
  for (const [label, filter] of [audit[0]!, audit[1]!]) {
    let before: number | undefined;
    for (let i = 0; i < 20; i++) before = (await auditPage(admin, { ...filter, before })).at(-1)?.seq ?? before;
    const deep = { ...filter, before };
    const rows = (await auditPage(admin, deep)).length;
    out.push({
      name: `操作日志${label ? ` ${label}` : ''} 第21页`,
      group: 'lists',
      subject: () => auditPage(admin, deep),
      baseline: () => bareAudit(db, deep, rows),
    });
  }
  const pool: [string, PoolFilter][] = [
    ['', {}],
    ['按类别', { category: '环境卫生' }],
    ['按网格', { gridId: 'grid-2' }],
    ['按状态 已解决', { status: '已解决' }],
  ];
  /** The same problems from the same `poolKeys` range (and one more), then their cases and residents by key. */
  const barePool = async (filter: PoolFilter, n: number, after?: string) => {
    const { prefix } = poolRange(filter);
    const problems = await db.problems
      .where('poolKeys')
      .between(after ?? prefix, prefix + '\uffff', after === undefined, false)
      .limit(n + 1)
      .toArray();
    const shown = problems.slice(0, n);
    return bareJoin(db, {
      cases: ids(shown.map((p) => p.caseId)),
      residents: ids(shown.flatMap((p) => p.residentIds ?? [])),
    });
  };
  for (const [label, filter] of pool) {
    const page = await poolPage(desk, filter);
    const total = await poolTotal(desk, filter);
    out.push({
      name: `问题库${label ? ` ${label}` : ''} 首页 (${countLabel(total)})`,
      group: 'lists',
      subject: () => poolPage(desk, filter),
      baseline: () => barePool(filter, page.rows.length),
    });
    if (page.next) {
      const next = page.next;
      const rows = (await poolPage(desk, filter, { after: next })).rows.length;
      out.push({
        name: `问题库${label ? ` ${label}` : ''} 第2页`,
        group: 'lists',
        subject: () => poolPage(desk, filter, { after: next }),
        baseline: () => barePool(filter, rows, next),
      });
    }
  }
  const firstPage = (await poolPage(desk, {})).rows.length;
  out.push({
    name: '问题库 打开 (首页+总数+分类计数)',
    group: 'lists',
    subject: () => Promise.all([poolPage(desk, {}), poolTotal(desk, {}), poolCounts(desk)]),
    baseline: () => barePool({}, firstPage),
  });
  for (const queue of ['待确认', '待上门', '办理中', '待送达'] as const) {
    const rows = (await proxyQueuePage(desk, queue)).rows.length;
    out.push({
      name: `帮代办 ${queue} 首页 (${rows})`,
      group: 'lists',
      subject: () => proxyQueuePage(desk, queue),
      baseline: async () => {
        const tasks = await db.proxyTasks
          .where('[status+requestedDay+id]')
          .between([queue, Dexie.minKey], [queue, Dexie.maxKey])
          .limit(rows + 1)
          .toArray();
        const shown = tasks.slice(0, rows);
        return bareJoin(db, { residents: ids(shown.map((t) => t.residentId)), cases: ids(shown.map((t) => t.caseId)) });
      },
    });
  }
  const outRows = (await documentsOutPage(desk)).rows.length;
  out.push({
    name: `材料在外 首页 (${outRows})`,
    group: 'lists',
    subject: () => documentsOutPage(desk),
    baseline: async () => {
      const items = await db.custodyItems
        .where('[status+collectedAt+id]')
        .between(['在外', Dexie.minKey], ['在外', Dexie.maxKey])
        .limit(outRows + 1)
        .toArray();
      return bareJoin(db, { cases: ids(items.slice(0, outRows).map((i) => i.caseId)) });
    },
  });
  // The 联席会议 agenda of the latest meeting (at five years hundreds of stalled entries): its first
  // page as the meeting page reads it (getMeetingView), next to a bare read of the same rows — the
  // meeting, its entries and the last held meeting's (by meetingId), and by key the problems, cases
  // and residents the page shows (their ids found before the timing).
  const latest = (await db.meetings.orderBy('day').reverse().limit(1).toArray())[0];
  const view = latest && (await getMeetingView(desk, latest.id, { first: 0, size: LIST_PAGE_SIZE }));
  if (latest && view) {
    const previous = (await db.meetings.where('day').below(latest.day).reverse().toArray()).find(
      (m) => m.status === '已召开',
    );
    const joined: Joined = {
      problems: [...view.file.problems.keys()],
      cases: [...view.file.cases.keys()],
      residents: [...view.residents.keys()],
    };
    out.push({
      name: `议程 打开 首页 (${view.file.items.length} 项)`,
      group: 'lists',
      subject: () => getMeetingView(desk, latest.id, { first: 0, size: LIST_PAGE_SIZE }),
      baseline: () =>
        Promise.all([
          db.meetings.get(latest.id),
          db.agendaItems.where('meetingId').equals(latest.id).toArray(),
          previous && db.agendaItems.where('meetingId').equals(previous.id).toArray(),
          bareJoin(db, joined),
        ]),
    });
  }
  return out;
}

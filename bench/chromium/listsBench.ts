/**
 * Issue 28 item 3: the long lists a page at a time — 操作日志 (first page, each filter, a deep
 * page from its cursor), 问题库 (first page, each filter, its total and headings), the 帮代办
 * queues, 材料在外 and the 联席会议 agenda — each next to a bare read of as many rows from a cursor (never `offset()`).
 * Goals: a first page ≤ 3× bare; the 问题库 usable ≤ 300 ms at full size (its page + total + headings).
 */
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { auditPage, auditTotal, type AuditFilter } from '../../renderer/src/db/repositories/auditLog';
import { poolCounts, poolPage, poolTotal } from '../../renderer/src/db/repositories/problems';
import { proxyQueuePage } from '../../renderer/src/db/repositories/proxy';
import { documentsOutPage } from '../../renderer/src/db/repositories/custody';
import { countLabel } from '@shared/domain/caseQueues';
import { LIST_PAGE_SIZE } from '@shared/domain/listPaging';
import { getMeetingFile } from '../../renderer/src/db/repositories/meetings';
import type { PoolFilter } from '@shared/domain/meetings';
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
      baseline: () => bareAfter(db, rows),
    });
  }
  // The 21st page of the unfiltered log and of a category, from the cursor a clerk paging would hold.
  for (const [label, filter] of [audit[0]!, audit[1]!]) {
    let before: number | undefined;
    for (let i = 0; i < 20; i++) before = (await auditPage(admin, { ...filter, before })).at(-1)?.seq ?? before;
    const deep = { ...filter, before };
    const rows = (await auditPage(admin, deep)).length;
    const after = await bareCursorAt(db, 1000);
    out.push({
      name: `操作日志${label ? ` ${label}` : ''} 第21页`,
      group: 'lists',
      subject: () => auditPage(admin, deep),
      baseline: () => bareAfter(db, rows, after),
    });
  }
  const pool: [string, PoolFilter][] = [
    ['', {}],
    ['按类别', { category: '环境卫生' }],
    ['按网格', { gridId: 'grid-2' }],
    ['按状态 已解决', { status: '已解决' }],
  ];
  for (const [label, filter] of pool) {
    const page = await poolPage(desk, filter);
    const total = await poolTotal(desk, filter);
    out.push({
      name: `问题库${label ? ` ${label}` : ''} 首页 (${countLabel(total)})`,
      group: 'lists',
      subject: () => poolPage(desk, filter),
      baseline: () => bareAfter(db, page.rows.length),
    });
    if (page.next) {
      const next = page.next;
      const rows = (await poolPage(desk, filter, { after: next })).rows.length;
      const after = await bareCursorAt(db, 50);
      out.push({
        name: `问题库${label ? ` ${label}` : ''} 第2页`,
        group: 'lists',
        subject: () => poolPage(desk, filter, { after: next }),
        baseline: () => bareAfter(db, rows, after),
      });
    }
  }
  const firstPage = (await poolPage(desk, {})).rows.length;
  out.push({
    name: '问题库 打开 (首页+总数+分类计数)',
    group: 'lists',
    subject: () => Promise.all([poolPage(desk, {}), poolTotal(desk, {}), poolCounts(desk)]),
    baseline: () => bareAfter(db, firstPage),
  });
  for (const queue of ['待确认', '待上门', '办理中', '待送达'] as const) {
    const rows = (await proxyQueuePage(desk, queue)).rows.length;
    out.push({
      name: `帮代办 ${queue} 首页 (${rows})`,
      group: 'lists',
      subject: () => proxyQueuePage(desk, queue),
      baseline: () => bareAfter(db, rows),
    });
  }
  const outRows = (await documentsOutPage(desk)).rows.length;
  out.push({
    name: `材料在外 首页 (${outRows})`,
    group: 'lists',
    subject: () => documentsOutPage(desk),
    baseline: () => bareAfter(db, outRows),
  });
  // The 联席会议 agenda of the latest meeting (at five years hundreds of stalled entries): its
  // first page as the meeting page reads it, next to a bare read of its entries and of the first
  // page's problems.
  const latest = (await db.meetings.orderBy('day').reverse().limit(1).toArray())[0];
  if (latest) {
    const items = await db.agendaItems.where('meetingId').equals(latest.id).count();
    out.push({
      name: `议程 打开 首页 (${items} 项)`,
      group: 'lists',
      subject: () => getMeetingFile(desk, latest.id, { first: 0, size: LIST_PAGE_SIZE }),
      baseline: async () => {
        const all = await db.agendaItems.where('meetingId').equals(latest.id).toArray();
        return db.problems.bulkGet(all.slice(0, LIST_PAGE_SIZE).flatMap((i) => (i.problemId ? [i.problemId] : [])));
      },
    });
  }
  return out;
}

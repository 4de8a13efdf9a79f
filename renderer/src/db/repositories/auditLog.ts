/**
 * 操作日志: the audit log read back, newest first, a page at a time (from the last sequence shown;
 * a filter by category or staff reads index ranges, never the whole log), for the
 * 审计员 and the admins (`audit.read`, re-read from the staff table in the same read transaction). Entries never hold
 * personal data: action, who, when, what record, a short detail. `verifyAuditLog` checks the
 * chain of every desk (shared/domain/auditChain.ts) against the heads kept outside IndexedDB.
 */
import { can } from '@shared/domain/roles';
import type { AuditEntry } from '@shared/domain/records';
import type { AuditAction } from '@shared/domain/audit';
import { chainVerifier, isChained, type ChainHead, type ChainReport } from '@shared/domain/auditChain';
import { QUEUE_COUNT_CAP } from '@shared/domain/caseQueues';
import type { Desk } from '../desk';
import type { ReadCollection } from '../entities';
import { DomainRefusal } from '../refusal';
import { readTx } from '../readTx';

export type AuditFilter = {
  /** An action's domain: 'case', 'resident', 'custody' … (the part before the dot). */
  domain?: string;
  staffId?: string;
  /** Only entries with a sequence number below this one (the next page). */
  before?: number;
};

export const AUDIT_PAGE_SIZE = 50;

async function requireAuditRead(desk: Desk): Promise<void> {
  const me = await desk.db.staff.get(desk.actor.id);
  if (!me || !can(me, 'audit.read')) throw new DomainRefusal('只有审计员或站长/管理员可以查看操作日志');
}

/**
 * The ONE index range behind a filter, newest first and below `before`: the whole log by its key,
 * a staff member's rows by `[staffId+seq]`, a category's by `[domain+seq]` (the derived `domain`,
 * DB v33), both by `[staffId+domain+seq]`.
 */
function auditRange(desk: Desk, filter: AuditFilter): ReadCollection<AuditEntry, number> {
  const log = desk.db.auditLog;
  const upper = filter.before ?? Infinity;
  const { staffId, domain } = filter;
  const col =
    staffId && domain
      ? log.where('[staffId+domain+seq]').between([staffId, domain, -Infinity], [staffId, domain, upper], true, false)
      : staffId
        ? log.where('[staffId+seq]').between([staffId, -Infinity], [staffId, upper], true, false)
        : domain
          ? log.where('[domain+seq]').between([domain, -Infinity], [domain, upper], true, false)
          : log.where('seq').below(upper);
  return col.reverse();
}

/**
 * One page of the log, newest first, below `filter.before` (the last row shown): at most
 * AUDIT_PAGE_SIZE rows of the filter's one range, with the reader's right checked in the same read
 * transaction. Never the rest of the range.
 */
export async function auditPage(desk: Desk, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  return readTx(desk.db, ['staff', 'auditLog'], async () => {
    await requireAuditRead(desk);
    return auditRange(desk, filter).limit(AUDIT_PAGE_SIZE).toArray();
  });
}

/** How many rows the filter holds, counting index keys no further than one past the cap (「1000+」). */
export async function auditTotal(desk: Desk, filter: Omit<AuditFilter, 'before'> = {}): Promise<number> {
  return readTx(desk.db, ['staff', 'auditLog'], async () => {
    await requireAuditRead(desk);
    return (
      await auditRange(desk, filter)
        .limit(QUEUE_COUNT_CAP + 1)
        .primaryKeys()
    ).length;
  });
}

/** Rows read per step of the verification (a read transaction each: writes go on meanwhile). */
export const VERIFY_CHUNK = 2000;

/**
 * Verifies the whole log: every desk's chain in (desk, deskSeq) order by the chain index, a
 * chunk at a time, then the rows without chain fields, then `anchors` (the heads kept outside
 * IndexedDB, read BEFORE the rows: rows only ever grow, so a head the log lacks is a loss).
 */
export async function verifyAuditLog(desk: Desk, anchors: readonly ChainHead[]): Promise<ChainReport> {
  await requireAuditRead(desk);
  const log = desk.db.auditLog;
  const v = chainVerifier(anchors);
  let seen = 0;
  // Where the last chunk ended: its (desk, deskSeq) and primary key. The index orders rows of one
  // (desk, deskSeq) — a duplicate — by primary key, so the rest of that key comes first.
  let after: { key: [number, number]; seq: number } | null = null;
  for (;;) {
    const from = after;
    const rest: AuditEntry[] = from
      ? await log
          .where('[desk+deskSeq]')
          .equals(from.key)
          .filter((r) => (r.seq ?? 0) > from.seq)
          .toArray()
      : [];
    const chunk: AuditEntry[] = await (
      from ? log.where('[desk+deskSeq]').above(from.key) : log.orderBy('[desk+deskSeq]')
    )
      .limit(VERIFY_CHUNK)
      .toArray();
    for (const row of [...rest, ...chunk])
      if (isChained(row)) v.add(row);
      else v.unchained(row);
    seen += rest.length + chunk.length;
    const last = chunk.at(-1);
    if (!last || chunk.length < VERIFY_CHUNK) break;
    after = { key: [last.desk ?? 0, last.deskSeq ?? 0], seq: last.seq ?? 0 };
  }
  // Rows outside the chain index (no desk or sequence): only a write around this program makes one.
  if ((await log.count()) > seen) {
    const outside = await log.filter((r) => r.desk === undefined || r.deskSeq === undefined).toArray();
    for (const r of outside) v.unchained(r);
  }
  return v.finish();
}

/** The part of an action before its dot: the log's domain (its 类别). */
type DomainOf<A> = A extends `${infer D}.${string}` ? D : A;
type AuditDomain = DomainOf<AuditAction>;

/** The domains of the log in Chinese, for the filter and the table (every domain named: the type holds it). */
export const AUDIT_DOMAINS: Record<AuditDomain, string> = {
  signin: '登录',
  signout: '退出登录',
  session: '锁屏',
  staff: '工作人员',
  setup: '初始设置',
  community: '社区信息',
  catalog: '事项目录',
  calendar: '节假日',
  resident: '居民',
  visit: '来访',
  case: '办件',
  custody: '材料交接',
  proxy: '帮代办',
  problem: '问题库',
  meeting: '联席会议',
  report: '报表导出',
  backup: '备份',
  desk: '本机窗口',
  sync: '多窗口同步',
  tallies: '计数核对',
  rota: '值班表',
  homeVisit: '走访记录',
  handover: '交接班',
  offHours: '错时服务',
  street: '街道',
};

/**
 * 操作日志: the audit log read back, newest first, a page at a time (by its sequence key), for the
 * 审计员 and the admins (`audit.read`, re-read from the staff table). Entries never hold
 * personal data: action, who, when, what record, a short detail. `verifyAuditLog` checks the
 * chain of every desk (shared/domain/auditChain.ts) against the heads kept outside IndexedDB.
 */
import { can } from '@shared/domain/roles';
import type { AuditEntry } from '@shared/domain/records';
import { chainVerifier, isChained, type ChainHead, type ChainReport } from '@shared/domain/auditChain';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';

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

export async function auditPage(desk: Desk, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  await requireAuditRead(desk);
  const range =
    filter.before === undefined ? desk.db.auditLog.toCollection() : desk.db.auditLog.where('seq').below(filter.before);
  const prefix = filter.domain ? `${filter.domain}.` : '';
  return range
    .reverse()
    .filter((e) => (!prefix || e.action.startsWith(prefix)) && (!filter.staffId || e.staffId === filter.staffId))
    .limit(AUDIT_PAGE_SIZE)
    .toArray();
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

/** The domains of the log in Chinese, for the filter and the table. */
export const AUDIT_DOMAINS: Record<string, string> = {
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
};

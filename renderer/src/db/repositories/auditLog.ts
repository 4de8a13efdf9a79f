/**
 * 操作日志: the audit log read back, newest first, a page at a time (by its sequence key), for the
 * 审计员 and the admins (`audit.read`, re-read from the staff table). Entries never hold
 * personal data: action, who, when, what record, a short detail.
 */
import { can } from '@shared/domain/roles';
import type { AuditEntry } from '@shared/domain/records';
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

export async function auditPage(desk: Desk, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const me = await desk.db.staff.get(desk.actor.id);
  if (!me || !can(me, 'audit.read')) throw new DomainRefusal('只有审计员或站长/管理员可以查看操作日志');
  const range =
    filter.before === undefined ? desk.db.auditLog.toCollection() : desk.db.auditLog.where('seq').below(filter.before);
  const prefix = filter.domain ? `${filter.domain}.` : '';
  return range
    .reverse()
    .filter((e) => (!prefix || e.action.startsWith(prefix)) && (!filter.staffId || e.staffId === filter.staffId))
    .limit(AUDIT_PAGE_SIZE)
    .toArray();
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

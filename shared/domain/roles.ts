/**
 * Who may do what: one permission table for every role. Repositories enforce it (re-reading
 * the acting staff row inside the write transaction, db/authorize.ts) and screens use the same
 * `can()` to show or hide controls. A role is a name on the account; what it allows is only
 * ever decided here.
 */
import { isStreetRole, type StaffRole } from './records';

export const PERMISSIONS = [
  /** The desk's work: visits, cases, residents, 帮代办, the meeting, reports — every write but sign-in. */
  'desk.work',
  /** 操作日志: read the audit log. */
  'audit.read',
  /** 查看完整: reveal one resident's full ID number or phone, with a reason (logged). */
  'resident.reveal',
  /** 社区信息 and 人员标签 in 设置. */
  'community.edit',
  /** 事项目录: add, change, deactivate matters. */
  'catalog.edit',
  /** 节假日安排: the override table and the "已完整录入" statement. */
  'calendar.edit',
  /** 工作人员: add accounts, change role / grids / PIN, deactivate, unlock. */
  'staff.manage',
  /** Case supervision: 整改复核, reopening an archived case, sending back someone else's 转办. */
  'case.supervise',
  /** 数据恢复: replace all data with a backup, or go on empty after a data loss. */
  'data.restore',
  /**
   * 数据备份: set or change the backup passphrase, and make a backup that leaves the machine's
   * control (立即备份, a download in the browser build, a folder chosen in the dialog). A backup
   * holds every resident's personal data and every PIN hash. The scheduled backups of the
   * desktop app (timer, sign-out, quit) to the configured folder run whoever is signed in.
   */
  'data.backup',
  /** 实名台账: a report ledger with full names, ID numbers and phones (with a recorded reason). */
  'report.exportNamed',
  /** 居民台账导入: import a ledger file, and undo an import the same day. */
  'resident.import',
  /** 居民状态: mark a resident 已迁出 or 已故 (with the day and a note). */
  'resident.markInactive',
  /** Undo a marking: an 已迁出 / 已故 resident back to 在册. */
  'resident.reactivate',
  /** 删除居民: with a reason, nothing open; their history kept under 已删除居民. */
  'resident.delete',
  /**
   * 合并居民档案: two records of one person become one (the admin picks the values); the other
   * becomes a tombstone pointing to the kept one. Undo the same day while nothing touched either.
   */
  'resident.merge',
  /**
   * 人员标签 shown in lists: the register of residents (最近登记的居民) and the search results.
   * The tags (独居老人, 残疾人, 重病, 困难家庭 …) are sensitive; without this a list read carries
   * none (shared/domain/residentTagsVisibility.ts). A resident's own page and the 重点服务对象
   * register (帮代办's purpose-bound list) show them to everyone at the desk.
   */
  'resident.tagsInLists',
  /** 多窗口同步: join or leave the center's hub, resolve 同步冲突 and 数据冲突 (issue 24). */
  'sync.manage',
  /** 值班表: draw up the week rota, copy last week, approve 换班, set the rota's rules (issue 26). */
  'rota.edit',
  /**
   * A street office's work (issue 27): 周报接收 (import the communities' packages), 吹哨事项 (record
   * 报到 and 处理反馈), the street's exports. Street roles only.
   */
  'street.work',
  /** A street office's 社区名单 and its settings (report deadline, thresholds). 街道管理员 only. */
  'street.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * The roles that hold each permission (every cell is tested in tests/unit/domain/roles.test.ts).
 * Community roles never hold `street.*`; street roles hold nothing of the community's work — only
 * what every installation has: accounts, backups, restore and the audit log (街道管理员).
 */
const HOLDERS: Record<Permission, readonly StaffRole[]> = {
  'desk.work': ['值班员', '站长/管理员'],
  'audit.read': ['站长/管理员', '审计员', '街道管理员'],
  'resident.reveal': ['值班员', '站长/管理员'],
  'community.edit': ['站长/管理员'],
  'catalog.edit': ['站长/管理员'],
  'calendar.edit': ['站长/管理员'],
  'staff.manage': ['站长/管理员', '街道管理员'],
  'case.supervise': ['站长/管理员'],
  'data.restore': ['站长/管理员', '街道管理员'],
  'data.backup': ['站长/管理员', '街道管理员'],
  'report.exportNamed': ['站长/管理员'],
  'resident.import': ['站长/管理员'],
  'resident.markInactive': ['值班员', '站长/管理员'],
  'resident.reactivate': ['站长/管理员'],
  'resident.delete': ['站长/管理员'],
  'resident.merge': ['站长/管理员'],
  'resident.tagsInLists': ['站长/管理员'],
  'sync.manage': ['站长/管理员'],
  'rota.edit': ['站长/管理员'],
  'street.work': ['街道管理员', '街道工作人员'],
  'street.manage': ['街道管理员'],
};

/** Whether this staff member may do it now (a deactivated account may do nothing). */
export function can(staff: { role: StaffRole; active?: boolean }, permission: Permission): boolean {
  if (staff.active === false) return false;
  return HOLDERS[permission].includes(staff.role);
}

/**
 * Whether this account does an installation's work (the community desk's `desk.work`, or the
 * street office's `street.work`): writeTx refuses every other write of an account without it.
 */
export function doesWork(staff: { role: StaffRole; active?: boolean }): boolean {
  return can(staff, 'desk.work') || can(staff, 'street.work');
}

/**
 * '站长/管理员' (or 'A或B'): who to ask, for refusal messages — the holders of the asker's kind of
 * installation (`forRole`: a street role names the street's holders; default the community's).
 */
export function holdersOf(permission: Permission, forRole?: StaffRole): string {
  const street = forRole !== undefined && isStreetRole(forRole);
  const holders = HOLDERS[permission].filter((r) => isStreetRole(r) === street);
  return (holders.length > 0 ? holders : HOLDERS[permission]).join('或');
}

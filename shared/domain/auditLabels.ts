/**
 * 操作日志 in words: the Chinese name of every audit action and entity, for the 审计员's screen.
 * The log stores ASCII names (audit.ts); a name this build does not know (a newer build's) is
 * shown as stored. Typed over every action and every entity (AUDIT_ENTITIES), so a new one
 * without a label fails to compile.
 */
import {
  auditActionOf,
  CASE_AUDIT_ACTIONS,
  CUSTODY_AUDIT_ACTIONS,
  PROXY_AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntity,
  type CaseAuditAction,
} from './audit';

type Labelled<T extends Record<string, string>> = { [K in T[keyof T]]: string };

/** Case, 帮代办 and 材料交接 actions are named by their Chinese action type. */
function byType<T extends Record<string, string>>(table: T, prefix: string): Labelled<T> {
  return Object.fromEntries(Object.entries(table).map(([type, name]) => [name, `${prefix}${type}`])) as Labelled<T>;
}

const OTHER_LABELS = {
  'setup.complete': '完成初始设置',
  'community.update': '修改社区信息',
  'desk.identity': '修改本机窗口号',
  'signin.ok': '登录',
  'signin.failed': '登录失败（密码错误）',
  'signin.locked': '账号临时锁定',
  signout: '退出登录',
  'session.lock': '锁屏',
  'session.unlock': '解锁',
  'session.switch': '换人值班',
  'backup.create': '备份数据',
  'backup.restore': '从备份恢复',
  'backup.startEmpty': '数据丢失后从空白开始',
  'backup.passphraseSet': '设置备份密码',
  'backup.passphraseChange': '更改备份密码',
  'staff.add': '添加工作人员',
  'staff.update': '修改工作人员账号',
  'catalog.add': '添加事项',
  'catalog.update': '修改事项',
  'calendar.update': '修改节假日安排',
  'calendar.complete': '确认节假日已完整录入',
  'calendar.incomplete': '撤销节假日完整录入',
  'resident.create': '登记居民',
  'resident.update': '修改居民信息',
  'resident.reveal': '查看完整信息',
  'resident.import': '导入居民台账',
  'resident.importUndo': '撤销居民导入',
  'visit.create': '来访登记',
  'case.accept': '受理办件',
  'case.note': '办件备注',
  'case.reassign': '办件改挂居民',
  'case.deadline': '调整承诺办结日期',
  'case.documentsIn': '办件登记收到材料',
  'case.streetFeedback': '导入街道反馈包',
  'report.notes': '填写报表说明',
  'report.export': '导出报表',
  'report.exportCanceled': '取消导出报表',
  'report.exportFailed': '导出报表失败',
  'proxy.request': '登记代办需求',
  'problem.add': '登记问题',
  'problem.merge': '合并问题',
  'meeting.plan': '安排联席会议',
  'meeting.refresh': '更新会议议程',
  'meeting.move': '调整议程顺序',
  'meeting.cancel': '会议改期或取消',
  'meeting.hold': '召开会议',
  'meeting.item': '修改议程事项',
  'meeting.decision': '记录会议决定',
  'meeting.guests': '修改参会名单',
  'meeting.predecide': '标记会前已议定',
  'proxy.settings': '修改帮代办设置',
  'proxy.reassign': '帮代办：改挂居民',
  'resident.care': '修改重点服务信息',
  'resident.search': '按号码查找居民',
  'case.search': '按号码查找办件',
  'staff.pledge': '确认保密承诺',
  'resident.status': '修改居民状态',
  'resident.delete': '删除居民',
  'resident.merge': '合并居民档案',
  'resident.mergeUndo': '撤销合并居民档案',
  'sync.join': '加入中心同步',
  'sync.leave': '退出中心同步',
  'sync.account': '更改中心同步账号',
  'sync.conflict': '发现数据冲突',
  'sync.resolve': '处理同步冲突',
  'tallies.repair': '修复统计计数',
  'tallies.careRepair': '修复超期未走访排序',
  'tallies.slimRepair': '修复报表精简记录',
  'offHours.line': '补充登记错时服务',
  'rota.set': '排班',
  'rota.copyWeek': '复制上周值班表',
  'rota.swapRequest': '申请换班',
  'rota.swap': '换班',
  'handover.write': '写交接班记录',
  'handover.read': '签阅交接班记录',
  'street.setup': '完成街道版初始设置',
  'street.settings': '修改街道设置',
  'street.communityAdd': '添加社区（社区名单）',
  'street.communityUpdate': '修改社区（社区名单）',
  'street.import': '导入社区周报',
  'street.checkIn': '记录部门报到（吹哨事项）',
  'street.feedback': '记录处理反馈（吹哨事项）',
  'street.feedbackExport': '导出反馈包',
  'street.summaryExport': '导出汇总（街道周报）',
  'homeVisit.log': '登记走访',
} as const satisfies Record<
  | Exclude<AuditAction, CaseAuditAction | `proxy.${string}` | `custody.${string}`>
  | 'proxy.request'
  | 'proxy.settings'
  | 'proxy.reassign',
  string
>;

const LABELS: Record<AuditAction, string> = {
  ...byType(CASE_AUDIT_ACTIONS, '办件：'),
  ...byType(PROXY_AUDIT_ACTIONS, '帮代办：'),
  ...byType(CUSTODY_AUDIT_ACTIONS, '材料：'),
  ...OTHER_LABELS,
};

/** The Chinese name of a stored action (legacy names mapped; unknown ones as stored). */
export function auditActionLabel(stored: string): string {
  const action = auditActionOf(stored);
  return action ? LABELS[action] : stored;
}

const ENTITY_LABELS = {
  agendaItem: '议程事项',
  backup: '备份',
  calendar: '节假日',
  case: '办件',
  community: '社区',
  custodyItem: '材料',
  desk: '本机窗口',
  handover: '交接班',
  homeVisit: '走访记录',
  importBatch: '导入批次',
  matterType: '事项',
  meeting: '联席会议',
  offHours: '错时服务',
  problem: '问题',
  proxyTask: '代办需求',
  report: '报表',
  resident: '居民',
  rota: '值班表',
  staff: '工作人员',
  street: '街道',
  streetCommunity: '社区名单',
  streetPackage: '社区周报',
  streetResponse: '吹哨事项',
  streetSummary: '汇总',
  sync: '多窗口同步',
  visit: '来访',
} as const satisfies Record<AuditEntity, string>;

const isAuditEntity = (entity: string): entity is AuditEntity => Object.hasOwn(ENTITY_LABELS, entity);

/** The Chinese name of what an entry is about (one this build does not know: as stored). */
export function auditEntityLabel(entity: string): string {
  return isAuditEntity(entity) ? ENTITY_LABELS[entity] : entity;
}

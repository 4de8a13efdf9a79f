/**
 * THE one map of a table to the name a person reads: wherever a table's name reaches the screen
 * (数据丢失, a backup's contents, 数据冲突, the hub's refusals) it is this Chinese name. Every
 * table has one (the compiler checks the keys; tests/db/tableNames.test.ts the opened schema).
 */
import type { EntityName } from './entities';

export const TABLE_NAMES = {
  meta: '社区设置',
  staff: '工作人员',
  residents: '居民',
  visits: '来访',
  matterTypes: '事项目录',
  cases: '办件',
  caseEvents: '办理过程',
  proxyTasks: '帮代办',
  proxyEvents: '帮代办过程',
  custodyItems: '代管材料',
  custodyEvents: '材料交接记录',
  meetings: '联席会议',
  agendaItems: '会议议程',
  problems: '问题库',
  problemEvents: '问题处理过程',
  rota: '值班表',
  handovers: '交接班记录',
  handoverReads: '交接班签阅',
  homeVisits: '走访记录',
  auditLog: '操作日志',
  counters: '编号计数',
  importBatches: '导入记录',
  signInGuards: '登录保护',
  deskMeta: '本机信息',
  mergeUndos: '合并撤销记录',
  outbox: '待同步记录',
  syncConflicts: '数据冲突',
  syncRejected: '未被接受的同步记录',
  centerDesks: '中心值班台',
  packageExports: '报送记录',
  tallies: '统计计数',
  careLastVisits: '走访排序',
  keptSummaries: '报表留存',
  slimRows: '报表精简记录',
  offHoursLines: '错时服务补充登记',
  streetCommunities: '社区名单',
  streetPackages: '周报接收记录',
  streetPackageRecords: '周报接收明细',
  streetResponses: '吹哨事项记录',
} as const satisfies Record<EntityName, string>;

/** The Chinese name of a table; a name from elsewhere (an old record) reads as 其他记录, never in English. */
export function tableName(table: string): string {
  return (TABLE_NAMES as Record<string, string>)[table] ?? '其他记录';
}

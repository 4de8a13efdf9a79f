/**
 * The names of audit-log actions: one typed union of ASCII names (`domain.verb`), so a search
 * of the log, a report or a permission check spells them one way. The log is append-only:
 * rows written before these names existed (e.g. `case.转办`) stay as they are and are mapped
 * to the current name when read (`auditActionOf`).
 */
import type { CaseActionType } from './caseMachine';
import type { CustodyActionType } from './records';
import type { ProxyActionType } from './proxy';

/**
 * What an audit row is about (its `entity`): one typed list, so a write naming a domain not
 * on it does not compile and the 操作日志's names (auditLabels.ts) cover every one.
 */
export const AUDIT_ENTITIES = [
  'agendaItem',
  'backup',
  'calendar',
  'case',
  'community',
  'custodyItem',
  'desk',
  'handover',
  'homeVisit',
  'importBatch',
  'matterType',
  'meeting',
  'offHours',
  'problem',
  'proxyTask',
  'report',
  'resident',
  'rota',
  'staff',
  'street',
  'streetCommunity',
  'streetPackage',
  'streetResponse',
  'streetSummary',
  'sync',
  'visit',
] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** The ASCII name of each case action (`case.<verb>`). */
export const CASE_AUDIT_ACTIONS = {
  开始办理: 'case.start',
  要求补正: 'case.requestDocuments',
  补正材料: 'case.receiveDocuments',
  转办: 'case.transfer',
  会议交办: 'case.assignByMeeting',
  签收: 'case.signFor',
  退回: 'case.sendBack',
  上报街道: 'case.escalate',
  报到: 'case.checkIn',
  处理反馈: 'case.feedback',
  核实结项: 'case.verify',
  评价部门: 'case.rateDepartment',
  办结: 'case.complete',
  回访: 'case.callback',
  回访未接通: 'case.callbackMissed',
  评价: 'case.rate',
  整改回访: 'case.rectificationCallback',
  复核: 'case.review',
  归档: 'case.archive',
  重新办理: 'case.reopen',
  不予受理: 'case.refuse',
} as const satisfies Record<CaseActionType, `case.${string}`>;

export type CaseAuditAction = (typeof CASE_AUDIT_ACTIONS)[CaseActionType];

/** The ASCII name of each proxy-request action (帮代办, `proxy.<verb>`). */
export const PROXY_AUDIT_ACTIONS = {
  受理: 'proxy.accept',
  预约上门: 'proxy.book',
  上门完成: 'proxy.visited',
  办理完毕: 'proxy.ready',
  送达: 'proxy.deliver',
  取消: 'proxy.cancel',
  委托书回收: 'proxy.mandateBack',
} as const satisfies Record<ProxyActionType, `proxy.${string}`>;

/** The ASCII name of each custody action (材料交接, `custody.<verb>`). */
export const CUSTODY_AUDIT_ACTIONS = {
  收取: 'custody.collect',
  移交: 'custody.handOver',
  取回: 'custody.fetch',
  归还: 'custody.return',
  留存: 'custody.retain',
  遗失损坏: 'custody.lost',
} as const satisfies Record<CustodyActionType, `custody.${string}`>;

/** The actions that are not case actions, by domain. */
const OTHER_AUDIT_ACTIONS = [
  'setup.complete',
  'community.update',
  'desk.identity',
  'signin.ok',
  'signin.failed',
  'signin.locked',
  'signout',
  'session.lock',
  'session.unlock',
  'session.switch',
  'backup.create',
  'backup.restore',
  'backup.startEmpty',
  'backup.passphraseSet',
  'backup.passphraseChange',
  'staff.add',
  'staff.update',
  'catalog.add',
  'catalog.update',
  'calendar.update',
  'calendar.complete',
  'calendar.incomplete',
  'resident.create',
  'resident.update',
  'resident.reveal',
  'resident.import',
  'resident.importUndo',
  'visit.create',
  'case.accept',
  'case.note',
  'case.reassign',
  'case.deadline',
  'case.documentsIn',
  'case.streetFeedback',
  'report.notes',
  'report.export',
  'report.exportCanceled',
  'report.exportFailed',
  'proxy.request',
  'problem.add',
  'problem.merge',
  'homeVisit.log',
  'meeting.plan',
  'meeting.refresh',
  'meeting.move',
  'meeting.cancel',
  'meeting.hold',
  'meeting.item',
  'meeting.decision',
  'meeting.guests',
  'meeting.predecide',
  'proxy.settings',
  'proxy.reassign',
  'resident.care',
  'resident.search',
  'case.search',
  'staff.pledge',
  'resident.status',
  'resident.delete',
  'resident.merge',
  'resident.mergeUndo',
  'sync.join',
  'sync.leave',
  'sync.account',
  'sync.conflict',
  'sync.resolve',
  'tallies.repair',
  'tallies.careRepair',
  'tallies.slimRepair',
  'offHours.line',
  'rota.set',
  'rota.copyWeek',
  'rota.swapRequest',
  'rota.swap',
  'handover.write',
  'handover.read',
  'street.setup',
  'street.settings',
  'street.communityAdd',
  'street.communityUpdate',
  'street.import',
  'street.checkIn',
  'street.feedback',
  'street.feedbackExport',
  'street.summaryExport',
] as const;

/** Every action the audit log records. */
export type AuditAction =
  | (typeof OTHER_AUDIT_ACTIONS)[number]
  | CaseAuditAction
  | (typeof CUSTODY_AUDIT_ACTIONS)[CustodyActionType]
  | (typeof PROXY_AUDIT_ACTIONS)[ProxyActionType];

const CURRENT: ReadonlySet<string> = new Set<AuditAction>([
  ...OTHER_AUDIT_ACTIONS,
  ...Object.values(CASE_AUDIT_ACTIONS),
  ...Object.values(CUSTODY_AUDIT_ACTIONS),
  ...Object.values(PROXY_AUDIT_ACTIONS),
]);

/** Rows written before the ASCII names: `case.<Chinese action type>`. */
const LEGACY: ReadonlyMap<string, AuditAction> = new Map(
  Object.entries(CASE_AUDIT_ACTIONS).map(([type, name]) => [`case.${type}`, name]),
);

/**
 * The current name of a stored row's action: a legacy name (`case.转办`) is mapped, a current
 * one returned as is; a name this build does not know (written by a newer build) is `undefined`.
 */
export function auditActionOf(stored: string): AuditAction | undefined {
  if (CURRENT.has(stored)) return stored as AuditAction;
  return LEGACY.get(stored);
}

/** The audit name of a case action. */
export function caseAuditAction(type: CaseActionType): CaseAuditAction {
  return CASE_AUDIT_ACTIONS[type];
}

/**
 * An action's domain, its 类别 in the 操作日志: the part before the first dot (`case.transfer` →
 * `case`; a legacy `case.转办` too), the whole name when it has none. Stored on every audit row as
 * the derived `domain` (db/derived.ts, DB v33), so a category is ONE range of `[domain+seq]`.
 */
export function auditDomainOf(action: string): string {
  const dot = action.indexOf('.');
  return dot < 0 ? action : action.slice(0, dot);
}

/**
 * The cascades between machines, as pure rules returning further actions: the doors apply them
 * in the same transaction (a proxy cancel ends its case, a refused case cancels its request, a
 * collected document checks off the case's list and resumes 补正, the case follows the 帮代办
 * steps into 办理中).
 */
import type { CaseRecord, CaseStatus, ProxyStatus, ProxyTask } from '../records';
import type { ProxyAction } from '../proxy';
import type { CaseAction } from '../caseMachine';
import type { CaseChange } from './caseEvents';

const CASE_ENDS_ON_CANCEL: readonly CaseStatus[] = ['已受理', '待补正', '办理中'];

/** A 取消 of an accepted request ends its case (不予受理) while the case is still open. */
export function caseChangeOnProxyCancel(record: CaseRecord, reason: string): CaseAction | null {
  if (!CASE_ENDS_ON_CANCEL.includes(record.status)) return null;
  return { type: '不予受理', reason: `代办取消（${reason}）`, redirectTo: '无（居民不再办理）' };
}

/** A proxy case refused after acceptance ends its request: nothing left to visit or deliver. */
export function proxyChangeOnCaseRefused(record: CaseRecord, proxy: ProxyTask | undefined): ProxyAction | null {
  if (!proxy || record.status !== '不予受理') return null;
  if (proxy.status === '已送达' || proxy.status === '已取消') return null;
  return { type: '取消', reason: '其他', note: '办件不予受理' };
}

/** A document collected for a case: 补正材料 while the case waits for it, else checked off the list. */
export function caseChangeOnCollected(record: CaseRecord, document: string): CaseChange | null {
  const missing = record.documentsMissing.includes(document);
  if (!missing && record.documentsReceived.includes(document)) return null;
  if (record.status === '待补正' && missing) return { type: '补正材料', received: [document] };
  if (!missing && !record.documentsReceived.includes(document)) return null;
  return { type: '登记收到材料', document };
}

/** The case timeline's note when the case follows a proxy step (`caseChangeOnProxyStep`). */
export const FOLLOWS_PROXY = '随帮代办进度';

/** The request's statuses that mean its case is being worked on, whatever was collected. */
const RESULT_UNDER_WAY: readonly ProxyStatus[] = ['待送达', '已送达'];

/**
 * Issue 25 item 1: the case follows the 帮代办 steps. A visit made with documents collected (the
 * request 办理中 with at least one item in custody), or the result ready or delivered (办理完毕,
 * 送达), means the case is being handled: a case still 已受理 starts (开始办理, the case's own
 * event). 办结 then follows 送达 without a detour. Any other case status is left alone (待补正,
 * 待签收, 已上报街道 … are the case's own business).
 */
export function caseChangeOnProxyStep(
  record: Pick<CaseRecord, 'status'>,
  proxyStatus: ProxyStatus,
  collected: number,
): CaseAction | null {
  if (record.status !== '已受理') return null;
  const working = RESULT_UNDER_WAY.includes(proxyStatus) || (proxyStatus === '办理中' && collected > 0);
  return working ? { type: '开始办理' } : null;
}

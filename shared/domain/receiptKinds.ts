/**
 * Which paper a case gives the resident — decided once, for the counter (planCase) and for a
 * reprint from the register or the case page alike:
 * - 不予受理 → 不予受理告知书 only;
 * - required documents missing → 一次性告知单 (every missing document at once), except for
 *   帮代办: staff collect the documents at the resident's home, so there is nothing to bring;
 * - accepted for later (承诺件, 预约, 帮代办) and not waiting for documents → 受理回执;
 * - finished (已办结, 已归档) → 办结回执, listed first (the latest paper);
 * - 咨询: nothing when answered on the spot; a 受理回执 (with the reply date) while the reply
 *   is still due.
 */
import type { CaseRecord } from './records';

export type ReceiptKindForCase = '受理回执' | '办结回执' | '一次性告知单' | '不予受理告知书';

export type ReceiptFacts = Pick<CaseRecord, 'status' | 'mode' | 'documentsMissing'> &
  Partial<Pick<CaseRecord, 'refusalReason' | 'callback'>> & {
    /** 咨询 not answered on the spot (its callback is the reply). */
    replyPending?: boolean;
  };

export function receiptKindsFor(c: ReceiptFacts): ReceiptKindForCase[] {
  if (c.status === '不予受理' || c.refusalReason) return ['不予受理告知书'];
  if (c.mode === '咨询') {
    const pending = c.replyPending ?? (c.callback !== undefined && c.callback.status !== '已回访');
    return pending ? ['受理回执'] : [];
  }
  const kinds: ReceiptKindForCase[] = [];
  // The most recent paper first (it is what Ctrl+P prints on a reprint).
  if (c.status === '已办结' || c.status === '已归档') kinds.push('办结回执');
  if (c.documentsMissing.length > 0 && c.mode !== '帮代办') kinds.push('一次性告知单');
  if (c.status !== '待补正' && c.mode !== '即办') kinds.push('受理回执');
  return kinds;
}

/**
 * The receipt of one case of a visit just registered, built from what `registerVisit` stored
 * (the case and the resident as the write read them), never from the form's copy.
 */
import type { CommunityProfile } from '@shared/domain/records';
import type { ReceiptData } from '@shared/receipts/types';
import type { RegisteredVisit } from '../../db/repositories/visits';
import type { MatterType } from '../../db/matterType';
import { buildReceiptData } from '../../components/receiptData';

export type VisitReceiptContext = {
  community: CommunityProfile;
  /** The signed-in staff member: received the visit and prints its receipt. */
  staffName: string;
  matters: readonly MatterType[];
  now: number;
};

export function visitReceiptData(saved: RegisteredVisit, caseIndex: number, ctx: VisitReceiptContext): ReceiptData {
  const record = saved.cases[caseIndex];
  if (!record) throw new Error(`visitReceiptData: no case ${caseIndex}`);
  return buildReceiptData({
    record,
    resident: saved.resident,
    community: ctx.community,
    staffName: ctx.staffName,
    printedBy: ctx.staffName,
    matter: ctx.matters.find((m) => m.code === record.matterCode),
    now: ctx.now,
  });
}

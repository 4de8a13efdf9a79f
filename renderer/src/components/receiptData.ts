/**
 * Builds what a receipt prints from the stored records. Raw ID and phone go in; the
 * templates mask them (shared/receipts), so paper never carries the full values.
 */
import type { MatterTypeDef } from '@shared/domain/catalog';
import type { CaseRecord, CommunityProfile, Resident } from '@shared/domain/records';
import type { ReceiptData } from '@shared/receipts/types';
import { residentLabel } from '@shared/domain/residentStatus';
import { localDateTime } from '../app/clock';

export type ReceiptSources = {
  record: CaseRecord;
  resident: Resident | undefined;
  community: CommunityProfile;
  staffName: string;
  /** The signed-in staff member who prints (打印：<name> <time>). */
  printedBy: string;
  matter: MatterTypeDef | undefined;
  now: number;
};

export function buildReceiptData(s: ReceiptSources): ReceiptData {
  const h = s.community.openingHours;
  const missing = s.record.documentsMissing.map((name) => {
    const doc = s.matter?.documents.find((d) => d.name === name);
    return { name, form: doc?.form, count: doc?.count, source: doc?.source };
  });
  const data: ReceiptData = {
    community: {
      name: s.community.name,
      phone: s.community.phone,
      hoursText: `工作日 ${h.weekday.start}–${h.weekday.end}；周末 ${h.weekend.start}–${h.weekend.end}`,
    },
    trackingNumber: s.record.trackingNumber,
    matterName: s.record.matterName,
    mode: s.record.mode,
    resident: {
      name: residentLabel(s.record.residentId, s.resident, (r) => r.name, '（未登记）'),
      idNumber: s.resident?.idNumber,
      phone: s.resident?.phone,
    },
    acceptedAt: localDateTime(s.record.createdAt),
    staffName: s.staffName,
    documentsReceived: s.record.documentsReceived,
    documentsMissing: missing,
    printedAt: localDateTime(s.now),
    printedBy: s.printedBy,
  };
  if (s.record.agent) data.agent = s.record.agent;
  if (s.record.deadline) data.deadline = s.record.deadline;
  if (s.record.deadlineUncoveredYears?.length) {
    data.deadlineUncertain = true;
    data.deadlineUncoveredYears = s.record.deadlineUncoveredYears;
  }
  if (s.record.appointmentAt) data.appointmentAt = s.record.appointmentAt.replace('T', ' ');
  if (s.record.result) data.result = s.record.result;
  if (s.record.refusalReason) data.refusalReason = s.record.refusalReason;
  if (s.record.redirectTo) data.redirectTo = s.record.redirectTo;
  return data;
}

/**
 * Accepting one case inside a write: its tracking number from this desk's counter of the day
 * (in the same transaction, so two tabs never share one; the desk's digits in it, so two desks
 * never do), the record, its first timeline event and the
 * audit row. Used by the counter (registerVisit) and by the joint meeting when a decision needs
 * a case for a problem that has none.
 */
import { acceptedCaseRecord, type CaseDraft, type CasePlan, type VisitInput } from '@shared/domain/intake';
import type { CaseRecord } from '@shared/domain/records';
import { counterKeyFor, formatTrackingNumber, nextSeq } from '@shared/domain/trackingNumber';
import { deskNumberOf, type Desk } from '../desk';
import type { WriteTx } from '../write';
import { openCase } from './changeCase';

export type Acceptance = {
  draft: CaseDraft;
  plan: CasePlan;
  id: string;
  visitId?: string;
  input: Pick<VisitInput, 'residentId' | 'agent'>;
  gridId?: string;
  note?: string;
};

export async function acceptCase(
  desk: Desk,
  tx: WriteTx<'cases' | 'caseEvents' | 'counters'>,
  a: Acceptance,
): Promise<CaseRecord> {
  const deskNo = deskNumberOf(desk);
  const key = counterKeyFor(desk.community.code, tx.today, deskNo);
  const seq = nextSeq((await tx.counters.get(key))?.value);
  await tx.counters.put({ key, value: seq });
  const trackingNumber = formatTrackingNumber({
    communityCode: desk.community.code,
    date: tx.today,
    desk: deskNo,
    seq,
  });
  const draftRecord = acceptedCaseRecord(
    a.draft,
    a.plan,
    { id: a.id, trackingNumber, visitId: a.visitId ?? '' },
    { channel: '来站', content: '', kind: '办件', cases: [], ...a.input },
    { staffId: desk.actor.id, today: tx.today },
    a.gridId,
  );
  if (!a.visitId) delete draftRecord.visitId;
  // The opening event carries the record as accepted: the case's fold starts there.
  const record = await openCase(desk, tx, draftRecord, {
    action: a.plan.status === '不予受理' ? '不予受理' : '受理',
    note: a.note ?? a.draft.mode,
  });
  await tx.audit({
    action: 'case.accept',
    entity: 'case',
    entityId: record.id,
    detail: `${record.matterCode}/${record.mode}/${record.status}`,
  });
  return record;
}

/**
 * 办件 → 导入街道反馈: a street's 反馈包 into this community's cases. The file is read and checked
 * first (readFeedback: JSON, schema, version, hash, this community of this street); then each item
 * is ONE writeTx: the case re-read inside it, planned (planFeedbackItem) and its new 报到 and
 * 处理反馈 applied through the case machine's door (`changeCase`), as the signed-in clerk, the
 * timeline naming the street. Per item, not per file: an item that does not fit — or that the
 * machine refuses half-way (a 反馈 dated after now, say) — is listed with its reason and leaves
 * nothing of itself written, while the items that fit are applied, as issue 27 asks ("listed, not
 * forced"). A last audit row names the file's street, hash and what came of it (no text of a 反馈,
 * no person).
 */
import { feedbackSource, planFeedbackItem, readFeedback, type FeedbackItem } from '@shared/reports/feedback';
import type { CaseRecord } from '@shared/domain/records';
import { sha256Hex } from '../bytes';
import { requirePermission } from '../authorize';
import type { Desk } from '../desk';
import { failureMessage } from '../refusal';
import { writeTx } from '../write';
import { changeCase } from './changeCase';

/** What came of one item: the steps applied (报到, 处理反馈 …), or the reason it was not. */
export type FeedbackItemOutcome = {
  trackingNumber: string;
  department: string;
  caseId: string | null;
  applied: string[];
  /** Set when the item was not applied (nothing of it written). */
  reason?: string;
  /** What was kept as the community had it. */
  notes: string[];
};

export type FeedbackImportResult =
  { ok: false; reason: string } | { ok: true; street: string; items: FeedbackItemOutcome[] };

const ACTION = '导入街道反馈';

function findCase(cases: CaseRecord[], item: FeedbackItem): CaseRecord | undefined {
  const raisedAt = Date.parse(item.raisedAt);
  return cases.find((c) => c.escalations?.some((e) => e.raisedAt === raisedAt)) ?? cases[0];
}

/** One item in its own transaction; a refusal rolls the item back and becomes its reason. */
async function importItem(desk: Desk, item: FeedbackItem, street: string): Promise<FeedbackItemOutcome> {
  const outcome = { trackingNumber: item.trackingNumber, department: item.department, notes: [] as string[] };
  let caseId: string | null = null;
  try {
    return await writeTx(desk, ['cases', 'caseEvents', 'counters'], async (tx) => {
      await requirePermission(tx, desk.actor, 'desk.work', ACTION);
      let record = findCase(await tx.cases.where('trackingNumber').equals(item.trackingNumber).toArray(), item);
      caseId = record?.id ?? null;
      const plan = planFeedbackItem(item, record);
      if (!plan.fits || !record) return { ...outcome, caseId, applied: [], reason: plan.fits ? '' : plan.reason };
      const applied: string[] = [];
      for (const step of plan.steps) {
        ({ record } = await changeCase(desk, tx, record, step, {
          why: feedbackSource(street),
          auditNote: '；街道反馈包',
        }));
        applied.push(step.type);
      }
      return { ...outcome, caseId, applied, notes: plan.notes };
    });
  } catch (e) {
    const refused = failureMessage(e);
    if (!refused) throw e;
    return { ...outcome, caseId, applied: [], reason: refused.message };
  }
}

/** Reads the file and imports every item that fits (see the module's note). */
export async function importStreetFeedback(desk: Desk, text: string): Promise<FeedbackImportResult> {
  const read = await readFeedback(
    text,
    { community: desk.community.code, street: desk.community.street ?? '' },
    sha256Hex,
  );
  if (!read.ok) return read;
  const { content, sha256 } = read.pkg;
  const items: FeedbackItemOutcome[] = [];
  for (const item of content.items) items.push(await importItem(desk, item, content.street.name));
  const applied = items.filter((i) => i.applied.length > 0).length;
  const listed = items.filter((i) => i.reason !== undefined).length;
  await writeTx(desk, [], async (tx) => {
    await requirePermission(tx, desk.actor, 'desk.work', ACTION);
    await tx.audit({
      action: 'case.streetFeedback',
      entity: 'case',
      detail: `${content.street.name}反馈包 ${sha256.slice(0, 12)}：${content.items.length} 项，导入 ${applied} 项，未导入 ${listed} 项`,
    });
  });
  return { ok: true, street: content.street.name, items };
}

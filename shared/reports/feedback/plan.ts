/**
 * What one item of a 反馈包 does to the community's case (pure): the 报到 and the 处理反馈 the
 * case does not have yet, as case-machine actions for the door, or the reason the item does not
 * fit. Nothing is forced: an escalation not found, already verified or sent back, or a case no
 * longer 已上报街道 is listed with its reason; what the case already has (the same 报到, a 反馈
 * with the same time and text) is not applied again, so a file imported twice applies nothing
 * the second time. A 报到 the community recorded itself (by phone, differently) is kept and said so.
 */
import type { CaseRecord, Escalation } from '../../domain/records';
import type { FeedbackItem } from './types';

export type FeedbackStep =
  { type: '报到'; unit: string; person?: string; at: number } | { type: '处理反馈'; text: string; at: number };

export type ItemPlan =
  | { fits: false; reason: string }
  /** `steps` empty: nothing new (already imported). `notes`: what was kept as the community has it. */
  | { fits: true; steps: FeedbackStep[]; notes: string[] };

const CLOSED_ESCALATION: Partial<Record<Escalation['stage'], string>> = {
  已核实: '该上报事项社区已核实结项',
  已退回: '该上报事项已退回',
};

/** The plan for `item` against the case as stored now (undefined: no case of that number here). */
export function planFeedbackItem(
  item: FeedbackItem,
  record: Pick<CaseRecord, 'status' | 'escalations'> | undefined,
): ItemPlan {
  if (!record) return { fits: false, reason: '本社区没有这个受理编号的办件' };
  const raisedAt = Date.parse(item.raisedAt);
  const escalations = record.escalations ?? [];
  const index = escalations.findIndex((e) => e.raisedAt === raisedAt);
  const esc = escalations[index];
  if (!esc) return { fits: false, reason: '办件中没有这次上报（上报时间不符）' };
  const closed = CLOSED_ESCALATION[esc.stage];
  if (closed) return { fits: false, reason: `${closed}，办件状态：${record.status}` };
  if (index !== escalations.length - 1 || record.status !== '已上报街道')
    return { fits: false, reason: `办件状态为「${record.status}」，不再记录这次上报的报到和反馈` };

  const steps: FeedbackStep[] = [];
  const notes: string[] = [];
  if (item.checkIn) {
    const at = Date.parse(item.checkIn.at);
    const had = esc.checkIn;
    if (!had)
      steps.push({
        type: '报到',
        unit: item.checkIn.unit,
        ...(item.checkIn.person ? { person: item.checkIn.person } : {}),
        at,
      });
    else if (had.at !== at || had.unit !== item.checkIn.unit.trim()) notes.push('社区已记录报到，保留社区的记录');
  }
  const known = new Set(esc.feedback.map((f) => `${f.at}|${f.text}`));
  for (const f of item.feedback) {
    const at = Date.parse(f.at);
    const text = f.text.trim();
    if (!known.has(`${at}|${text}`)) steps.push({ type: '处理反馈', text, at });
  }
  return { fits: true, steps, notes };
}

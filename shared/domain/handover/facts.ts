/**
 * What the desk knows at hand-over: one line per kind, in this order. Counts and tracking numbers
 * only — never a resident's name or number, so a note may be printed and shown anywhere.
 */
import type { HandoverFact, HandoverFactKind } from '../records';

/** How many tracking numbers a line names (the rest is the count). */
export const MAX_FACT_REFS = 5;

/** Each kind's words, in the order the note lists them. */
export const HANDOVER_FACT_LABELS: Readonly<Record<HandoverFactKind, string>> = {
  明日到期: '下一工作日到期的办件',
  已超期: '已超期的办件',
  待签收: '转办待签收',
  材料在外: '居民材料在外',
  待回访: '待回访',
  明日上门: '下一值班日预约上门（帮代办）',
  会议决定到期: '会议决定到期（社区处置）',
};

export const HANDOVER_FACT_KINDS = Object.keys(HANDOVER_FACT_LABELS) as HandoverFactKind[];

/** A line as the note shows and prints it: 「已超期的办件：3 件（YLQ-…、YLQ-…）」. */
export function factLine(f: HandoverFact): string {
  const refs = f.refs.length > 0 ? `（${f.refs.join('、')}${f.count > f.refs.length ? ' 等' : ''}）` : '';
  return `${HANDOVER_FACT_LABELS[f.kind]}：${f.count} 件${refs}`;
}

/** The facts in the note's order, each with at most MAX_FACT_REFS numbers. */
export function orderedFacts(facts: readonly HandoverFact[]): HandoverFact[] {
  const byKind = new Map(facts.map((f) => [f.kind, f]));
  return HANDOVER_FACT_KINDS.flatMap((kind) => {
    const f = byKind.get(kind);
    return f ? [{ kind, count: f.count, refs: f.refs.slice(0, MAX_FACT_REFS) }] : [];
  });
}

/** How a proxy request's home visit and target read on screen (the queues and the case's panel). */
import type { ProxyTask } from '@shared/domain/records';

export function visitText(task: ProxyTask, name: (id: string) => string): string {
  const v = task.visit;
  if (!v) return '未预约';
  const who = v.staffIds.map(name).join('、');
  return `${v.day} ${v.slot}，${who}${v.soloReason ? `（一人上门：${v.soloReason}）` : ''}`;
}

/** The routine target beside the case's own deadline. */
export function targetText(task: ProxyTask, deadline: string | undefined): string {
  const parts = [];
  if (task.targetDay) parts.push(`代办目标 ${task.targetDay}`);
  if (deadline) parts.push(`办结时限 ${deadline}`);
  return parts.join('；') || '—';
}

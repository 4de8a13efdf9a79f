/**
 * Five years of 交接班 (issue 26 item 3): on each working day one of the day's duty staff writes
 * the evening note (in the last half hour, as the sign-out asks it) for the next working day, and
 * one or two of the next day's staff sign it (签阅) the next morning — a few recent notes still
 * unread. Its own random stream and ids: the rest of the desk does not depend on its draws.
 * Counts and tracking numbers only in the facts, texts from a fixed list (no personal data).
 */
import type { HandoverFact, HandoverNote, HandoverRead } from '@shared/domain/records';
import { HANDOVER_FACT_KINDS } from '@shared/domain/handover';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import { instantOn } from './lifecycle';
import { chance, int, pick, type Rand } from './random';

const TEXTS = [
  '街道明早九点回电，关于低保复核，请接听并记录。',
  '社保窗口系统下午升级，明天上午可能较慢。',
  '居民反映的楼道灯已报物业，明天跟进。',
  '',
  '今日来访较多，已全部处理完毕。',
  '明天上午有上门核实，请提前准备材料。',
];
const WATCH = ['3栋漏水跟进', '明早街道回电', '重点服务对象回访', '会议决定的整改期限', '材料归还'];

export type HandoverContext = {
  rand: Rand;
  newId: () => string;
  calendar: WorkingCalendar;
  staffIds: readonly string[];
  today: string;
};

/** The notes of the working days `days` (ascending; the last is before today) and their 签阅. */
export function generateHandovers(c: HandoverContext, days: readonly string[]) {
  const notes: HandoverNote[] = [];
  const reads: HandoverRead[] = [];
  for (const [i, day] of days.entries()) {
    const forDay = days[i + 1] ?? c.today;
    const staffId = pick(c.rand, c.staffIds);
    const at = instantOn(day, int(c.rand, 570, 600)); // 17:30–18:00
    const facts: HandoverFact[] = HANDOVER_FACT_KINDS.map((kind) => ({ kind, count: int(c.rand, 0, 6), refs: [] }));
    const watch = chance(c.rand, 0.5) ? [pick(c.rand, WATCH)] : [];
    const id = c.newId();
    notes.push({
      id,
      day,
      forDay,
      staffId,
      facts,
      text: pick(c.rand, TEXTS),
      watch,
      createdAt: at,
      createdBy: staffId,
      updatedAt: at,
      updatedBy: staffId,
    });
    // The last few days' notes may still wait; older ones were all signed the next morning.
    if (forDay >= c.today || (i >= days.length - 3 && chance(c.rand, 0.5))) continue;
    const readers = new Set([pick(c.rand, c.staffIds), pick(c.rand, c.staffIds)]);
    readers.delete(staffId);
    for (const reader of readers)
      reads.push({
        id: c.newId(),
        noteId: id,
        staffId: reader,
        at: instantOn(forDay, int(c.rand, 0, 60)),
        day: forDay,
      });
  }
  return { notes, reads };
}

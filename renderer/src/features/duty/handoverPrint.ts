/** The 值班 section's A4 printing: the 交接班记录 of a note as the desk shows it, and any A4 sheet. */
import { renderHandoverNote } from '@shared/receipts/handoverNote';
import type { HandoverView } from '../../db/repositories/handovers';
import type { Desk } from '../../db/desk';
import { localDateTime } from '../../app/clock';
import { platform } from '../../platform';

export function handoverNoteHtml(desk: Desk, note: HandoverView, printedBy: string): string {
  return renderHandoverNote({
    communityName: desk.community.name,
    day: note.day,
    forDay: note.forDay,
    writerName: note.writerName,
    writtenAt: localDateTime(note.createdAt),
    facts: note.facts,
    text: note.text,
    watch: note.watch,
    readers: note.readers.map((r) => ({ name: r.name, at: localDateTime(r.at) })),
    printedAt: localDateTime(desk.clock.now()),
    printedBy,
  });
}

/** Prints an A4 sheet of the 值班 section; the clerk's line for the result ('交接班记录已送打印'). */
export async function printA4Sheet(html: string, what: string): Promise<string> {
  const r = await platform.printHtml({ html, pageSize: 'A4' });
  if (r.printed) return `${what}已送打印`;
  return r.reason === 'canceled' ? '已取消打印' : `打印未完成：${r.message ?? '请检查打印机'}`;
}

/** Prints the note on A4; the clerk's line for the result. */
export const printHandoverNote = (desk: Desk, note: HandoverView, printedBy: string): Promise<string> =>
  printA4Sheet(handoverNoteHtml(desk, note, printedBy), '交接班记录');

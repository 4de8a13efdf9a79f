/** The printed 交接班记录 (shared/receipts/handoverNote.ts) of a note as the desk shows it. */
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

/** Prints the note on A4; the clerk's line for the result. */
export async function printHandoverNote(desk: Desk, note: HandoverView, printedBy: string): Promise<string> {
  const r = await platform.printHtml({ html: handoverNoteHtml(desk, note, printedBy), pageSize: 'A4' });
  if (r.printed) return '交接班记录已送打印';
  return r.reason === 'canceled' ? '已取消打印' : `打印未完成：${r.message ?? '请检查打印机'}`;
}

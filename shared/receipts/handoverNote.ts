/**
 * 交接班记录 on A4, black on white: who handed over to which day, what the desk knew (counts and
 * tracking numbers), the writer's notes and items to watch, and who signed it when (签阅) — with
 * lines to sign by hand when printed before anyone read it. Every value escaped; the text was
 * masked when kept (numbers) and is masked again here.
 */
import { maskNumbersInText } from '../domain/masking';
import { factLine } from '../domain/handover/facts';
import type { HandoverFact } from '../domain/records';
import { formatReceiptDate } from './format';
import { a4SheetHtml, BLANK, escapeHtml, listHtml, printedHtml, rowsHtml, section, type Row } from './html';

export type HandoverNotePaper = {
  communityName: string;
  day: string;
  forDay: string;
  writerName: string;
  /** When it was written, formatted ('2026-11-24 17:45'). */
  writtenAt: string;
  facts: readonly HandoverFact[];
  text: string;
  watch: readonly string[];
  /** Who signed it, with the time formatted. */
  readers: readonly { name: string; at: string }[];
  printedAt: string;
  printedBy: string;
};

export function renderHandoverNote(d: HandoverNotePaper): string {
  const rows: Row[] = [
    { label: '交班日期', valueHtml: escapeHtml(formatReceiptDate(d.day)), half: true },
    { label: '接班日期', valueHtml: `<strong>${escapeHtml(formatReceiptDate(d.forDay))}</strong>`, half: true },
    { label: '交班人', valueHtml: escapeHtml(d.writerName), half: true },
    { label: '填写时间', valueHtml: escapeHtml(d.writtenAt), half: true },
  ];
  const text = d.text ? `<p class="pre">${escapeHtml(maskNumbersInText(d.text))}</p>` : '<p class="empty">（无）</p>';
  const readers: Row[] =
    d.readers.length > 0
      ? d.readers.map((r) => ({ label: '签阅', valueHtml: `${escapeHtml(r.name)}　${escapeHtml(r.at)}` }))
      : [
          { label: '接班人签阅', valueHtml: BLANK, half: true },
          { label: '时间', valueHtml: BLANK, half: true },
        ];
  return a4SheetHtml(
    {
      title: `交接班记录 ${d.day}`,
      communityName: d.communityName,
      heading: '交接班记录',
    },
    `${rowsHtml(rows)}
${section('值班台情况', listHtml(d.facts.map(factLine), '（无）'))}
${section('交接内容', text)}
${section(
  '需关注事项',
  listHtml(
    d.watch.map((w) => maskNumbersInText(w)),
    '（无）',
  ),
)}
${section('签阅', rowsHtml(readers))}`,
    [printedHtml({ by: d.printedBy, at: d.printedAt })],
  );
}

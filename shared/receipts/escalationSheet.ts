/**
 * 上报事项单: what the community hands the street office (or department) when it escalates a
 * case (社区吹哨) — the matter, the request, the class, who raised it and when, and lines for
 * 报到 (单位 and 人员, printed when recorded) and 处理反馈 to be filled in. A4, every value escaped, the resident's numbers masked (and
 * ID- and phone-shaped numbers typed into the request).
 */
import { maskIdNumber, maskNumbersInText, maskPhone } from '../domain/masking';
import type { Escalation } from '../domain/records';
import { checkInShown } from '../domain/checkIn';
import { residentLabel } from '../domain/residentStatus';
import { formatReceiptDate } from './format';
import { a4SheetHtml, BLANK, escapeHtml, printedHtml, rowsHtml, section, type Row } from './html';

export type EscalationSheetData = {
  communityName: string;
  communityPhone: string;
  trackingNumber: string;
  matterName: string;
  /** The case's resident id: set with no `resident` means a deleted resident (已删除居民). */
  residentId?: string;
  resident?: { name: string; idNumber?: string; phone?: string };
  escalation: Escalation;
  raisedByName: string;
  /** The recorded 报到's time, formatted ('2026-12-03 15:14'), when there is one. */
  checkInAt?: string;
  printedAt: string;
  /** The signed-in staff member who prints. */
  printedBy: string;
};

export function renderEscalationSheet(d: EscalationSheetData): string {
  const e = d.escalation;
  const resident = residentLabel(d.residentId, d.resident, (r) =>
    [r.name, maskIdNumber(r.idNumber), maskPhone(r.phone)].filter(Boolean).join(' '),
  );
  const rows: Row[] = [
    { label: '受理编号', valueHtml: `<strong>${escapeHtml(d.trackingNumber)}</strong>`, strong: true },
    { label: '事项', valueHtml: escapeHtml(d.matterName) },
    { label: '上报类别', valueHtml: `<strong>${escapeHtml(e.level)}</strong>`, half: true },
    { label: '上报日期', valueHtml: escapeHtml(formatReceiptDate(e.raisedDay)), half: true },
    { label: '上报至', valueHtml: escapeHtml(e.office), half: true },
    { label: '上报人', valueHtml: escapeHtml(d.raisedByName), half: true },
    { label: '居民', valueHtml: escapeHtml(resident) },
    {
      label: '请求事项',
      valueHtml: `<span class="pre">${escapeHtml(maskNumbersInText(e.request))}</span>`,
      strong: true,
    },
  ];
  // A recorded 报到 is printed (the unit and the person, two fields); else lines to fill in.
  const c = e.checkIn;
  const shown = checkInShown(c, true);
  const filled = (v: string) => (v ? escapeHtml(v) : BLANK);
  const fill: Row[] = [
    { label: '报到单位', valueHtml: filled(shown.unit), half: true },
    { label: '报到人员', valueHtml: filled(shown.person), half: true },
    { label: '报到时间', valueHtml: c ? escapeHtml(d.checkInAt ?? '') : BLANK },
    { label: '处理反馈', valueHtml: `${BLANK}<br>${BLANK}` },
  ];
  return a4SheetHtml(
    {
      title: `上报事项单 ${d.trackingNumber}`,
      communityName: d.communityName,
      heading: '上报事项单',
    },
    `${rowsHtml(rows)}
${section('街道（部门）填写', rowsHtml(fill))}`,
    [
      `社区联系电话：<span class="num">${escapeHtml(d.communityPhone)}</span>`,
      printedHtml({ by: d.printedBy, at: d.printedAt }),
    ],
  );
}

/**
 * 委托书 (A4) of a proxy case: the resident (委托人) entrusts the staff member(s) who go to the
 * home (受托人) with the matter and the documents to be taken, under the center's three promises.
 * The ID number prints in full only when the clerk revealed it for this purpose (logged);
 * otherwise a blank line to fill in by hand. Every value escaped.
 */
import { BLANK, documentHtml, escapeHtml, printedHtml } from './html';
import { RECEIPT_FONT_STACK } from './styles';

export type Mandate = {
  communityName: string;
  trackingNumber: string;
  matterName: string;
  residentName: string;
  /** The full ID number, only after a logged reveal; absent → a blank line. */
  idNumber?: string;
  /** The staff going to the home, with their 工号 (a blank line where none is on file). */
  trustees: readonly { name: string; staffNo?: string }[];
  documents: readonly string[];
  /** The center's promises (设置 → 帮代办; default 不收费、不拖延、不泄露信息). */
  promises: readonly string[];
  day: string;
  /** The signed-in staff member who prints, and when ('YYYY-MM-DD HH:mm'). */
  printedBy: string;
  printedAt: string;
};

const CSS = `
@page { size: A4 portrait; margin: 20mm; }
body { margin: 0; color: #000; background: #fff; font-family: ${RECEIPT_FONT_STACK}; font-size: 12.5pt; line-height: 1.7; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 8mm; letter-spacing: 0.5em; }
.blank { display: inline-block; min-width: 55mm; border-bottom: 1px solid #000; }
ol { margin: 2mm 0 6mm; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 12mm; margin-top: 16mm; }
.sign div { border-bottom: 1px solid #000; padding-bottom: 14mm; }
`;

const trustees = (list: Mandate['trustees']) =>
  list.length
    ? list.map((t) => `${escapeHtml(t.name)}（工号：${t.staffNo ? escapeHtml(t.staffNo) : BLANK}）`).join('　')
    : BLANK;

export function renderMandate(m: Mandate): string {
  const docs = m.documents.length
    ? `<ol>${m.documents.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ol>`
    : `<p>${BLANK}</p>`;
  return documentHtml(
    `委托书 ${m.trackingNumber}`,
    CSS,
    `<h1>委托书</h1>
<p>委托人：${escapeHtml(m.residentName)}　身份证号：${m.idNumber ? escapeHtml(m.idNumber) : BLANK}</p>
<p>受托人（${escapeHtml(m.communityName)}工作人员）：${trustees(m.trustees)}</p>
<p>本人因行动不便，委托上述工作人员代为办理“${escapeHtml(m.matterName)}”（受理编号 ${escapeHtml(m.trackingNumber)}），并同意其上门收取以下材料，办结后归还：</p>
${docs}
<p>受托人承诺：${m.promises.map((p) => escapeHtml(p)).join('、')}。材料交接逐件登记，委托人可随时查询材料由谁保管。</p>
<div class="sign"><div>委托人签字（按手印）：</div><div>受托人签字：</div></div>
<p style="text-align:right">日期：${escapeHtml(m.day)}</p>
<p style="text-align:right;font-size:10.5pt">${printedHtml({ by: m.printedBy, at: m.printedAt })}</p>`,
  );
}

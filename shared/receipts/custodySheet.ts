/**
 * 材料交接单 / 材料归还单: the paper of one custody hand-over — which documents (原件 or 复印件,
 * how many), from whom to whom, when, for which case — with signature lines for the giver and
 * the receiver. A4, black on white, every value escaped; the resident's name masked.
 */
import { maskResidentName } from '../domain/residentStatus';
import { documentHtml, escapeHtml, printedHtml, type Printed } from './html';
import { RECEIPT_FONT_STACK } from './styles';

export type CustodySheet = {
  kind: '材料交接单' | '材料归还单';
  communityName: string;
  trackingNumber: string;
  matterName: string;
  residentName: string;
  items: readonly { document: string; original: boolean; count: number }[];
  from: string;
  to: string;
  /** 'YYYY-MM-DD HH:mm' */
  at: string;
  recordedBy: string;
};

const CSS = `
@page { size: A4 portrait; margin: 18mm; }
body { margin: 0; color: #000; background: #fff; font-family: ${RECEIPT_FONT_STACK}; font-size: 12pt; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 6mm; }
dl { display: grid; grid-template-columns: 28mm 1fr; gap: 2mm 4mm; margin: 0 0 6mm; }
dt { font-weight: bold; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin-bottom: 10mm; }
th, td { border: 1px solid #000; padding: 2mm; text-align: left; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; margin-top: 12mm; }
.sign div { border-bottom: 1px solid #000; padding-bottom: 14mm; }
.printed { margin-top: 8mm; text-align: right; font-size: 10.5pt; }
`;

export function renderCustodySheet(s: CustodySheet, printed: Printed): string {
  const giver = s.kind === '材料归还单' ? '交还人（工作人员）签字' : '移交人签字';
  const receiver = s.kind === '材料归还单' ? '居民（或代收人）签字' : '接收人签字';
  const rows = s.items
    .map(
      (i, n) =>
        `<tr><td>${n + 1}</td><td>${escapeHtml(i.document)}</td><td>${i.original ? '原件' : '复印件'}</td><td>${escapeHtml(i.count)}</td></tr>`,
    )
    .join('\n');
  return documentHtml(
    `${s.kind} ${s.trackingNumber}`,
    CSS,
    `<h1>${escapeHtml(s.communityName)} ${escapeHtml(s.kind)}</h1>
<dl>
<dt>受理编号</dt><dd>${escapeHtml(s.trackingNumber)}</dd>
<dt>事项</dt><dd>${escapeHtml(s.matterName)}</dd>
<dt>居民</dt><dd>${escapeHtml(maskResidentName(s.residentName))}</dd>
<dt>交出</dt><dd>${escapeHtml(s.from)}</dd>
<dt>接收</dt><dd>${escapeHtml(s.to)}</dd>
<dt>时间</dt><dd>${escapeHtml(s.at)}</dd>
<dt>登记人</dt><dd>${escapeHtml(s.recordedBy)}</dd>
</dl>
<table><thead><tr><th>序号</th><th>材料</th><th>原件/复印件</th><th>份数</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>以上材料当面点清，双方签字确认。</p>
<div class="sign"><div>${giver}：</div><div>${receiver}：</div></div>
<p class="printed">${printedHtml(printed)}</p>`,
  );
}

/**
 * 重点服务对象名单: the register of special households for the zone staff, as the screen shows it
 * and on paper (A4 landscape). One line per resident, masked as on screen: the name and the
 * contact's name masked, phones masked, no ID number, the address at most the building. The
 * title names the community, the filter and the day; a signature line for the zone staff who
 * takes the list. Every value escaped.
 */
import type { CareProfile } from '../domain/records';
import { careNeedsText } from '../domain/careProfile';
import { maskName, maskPhone } from '../domain/masking';
import { documentHtml, escapeHtml } from './html';
import { RECEIPT_FONT_STACK } from './styles';

/** A register row as the data layer gives it (raw values; masked here). */
export type CareRegisterEntry = {
  resident: { name: string; phone?: string; building?: string; tags: readonly string[]; care?: CareProfile };
  gridName: string;
  registerTags: readonly string[];
  proxy: { count: number; lastDay?: string };
};

/** One line as shown and printed: every personal value already masked. */
export type CareRegisterLine = {
  grid: string;
  building: string;
  name: string;
  tags: string;
  needs: string;
  contact: string;
  phone: string;
  time: string;
  proxy: string;
};

export const CARE_REGISTER_COLUMNS: readonly { key: keyof CareRegisterLine; title: string }[] = [
  { key: 'grid', title: '网格' },
  { key: 'building', title: '楼栋' },
  { key: 'name', title: '姓名' },
  { key: 'tags', title: '标签' },
  { key: 'needs', title: '需求' },
  { key: 'contact', title: '联系人' },
  { key: 'phone', title: '联系电话' },
  { key: 'time', title: '联系时间' },
  { key: 'proxy', title: '代办记录' },
];

const DASH = '—';

/** The contact as '儿子 李*国' (relation, masked name). */
export function contactText(care: CareProfile | undefined): string {
  if (!care?.contactName) return DASH;
  return [care.contactRelation, maskName(care.contactName)].filter(Boolean).join(' ');
}

/** The contact's phone masked; without one, the resident's own (marked 本人). */
export function contactPhoneText(entry: Pick<CareRegisterEntry, 'resident'>): string {
  const { care, phone } = entry.resident;
  if (care?.contactPhone) return maskPhone(care.contactPhone);
  return phone ? `本人 ${maskPhone(phone)}` : DASH;
}

export function proxyText(proxy: CareRegisterEntry['proxy']): string {
  return proxy.count === 0 ? '无' : `${proxy.count} 次，最近 ${proxy.lastDay ?? DASH}`;
}

export function careRegisterLine(e: CareRegisterEntry): CareRegisterLine {
  const care = e.resident.care;
  return {
    grid: e.gridName || '未分网格',
    building: e.resident.building ? `${e.resident.building}栋` : DASH,
    name: maskName(e.resident.name),
    tags: e.registerTags.join('、'),
    needs: careNeedsText(care) || DASH,
    contact: contactText(care),
    phone: contactPhoneText(e),
    time: care?.preferredTime ?? DASH,
    proxy: proxyText(e.proxy),
  };
}

export type CareRegisterDocument = {
  communityName: string;
  /** The filter as words: '第一网格', '全部网格'; '独居老人', '全部标签'. */
  gridLabel: string;
  tagLabel: string;
  /** 'YYYY-MM-DD' */
  day: string;
  /** 'YYYY-MM-DD HH:mm' */
  printedAt: string;
  printedBy: string;
  entries: readonly CareRegisterEntry[];
};

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff; font-family: ${RECEIPT_FONT_STACK}; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
.meta { display: flex; justify-content: space-between; gap: 6mm; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: bold; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.empty { text-align: center; padding: 6mm; }
.notice { margin: 3mm 0 0; }
.sign { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 10mm; margin-top: 10mm; break-inside: avoid; }
.sign div { border-bottom: 1px solid #000; padding-bottom: 10mm; }
`;

export function renderCareRegister(d: CareRegisterDocument): string {
  const head = CARE_REGISTER_COLUMNS.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const lines = d.entries.map(careRegisterLine);
  const body = lines.length
    ? lines
        .map((l) => `<tr>${CARE_REGISTER_COLUMNS.map((c) => `<td>${escapeHtml(l[c.key])}</td>`).join('')}</tr>`)
        .join('\n')
    : `<tr><td class="empty" colspan="${CARE_REGISTER_COLUMNS.length}">没有符合条件的重点服务对象</td></tr>`;
  return documentHtml(
    `重点服务对象名单 ${d.day}`,
    CSS,
    `<h1>${escapeHtml(d.communityName)} 重点服务对象名单</h1>
<div class="meta"><span>网格：${escapeHtml(d.gridLabel)}　标签：${escapeHtml(d.tagLabel)}</span><span>共 ${lines.length} 人</span><span>日期：${escapeHtml(d.day)}</span><span>打印：${escapeHtml(d.printedBy)} ${escapeHtml(d.printedAt)}</span></div>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<p class="notice">本名单含居民个人信息，仅供网格员入户联系、帮代办使用，不得转发、拍照外传；用后交回服务中心或销毁。</p>
<div class="sign"><div>网格员签收：</div><div>签收日期：</div><div>交回日期：</div></div>`,
  );
}

/**
 * 会议议程 (A4) of a 联席会议: the community and the day (moved days kept), the attendees to tick,
 * how last meeting's decisions are going, the counts by kind and by category and 网格, then the
 * entries in the meeting's order, each run of one kind under its heading, with a line to write the
 * decision on. Black on white, every value escaped; residents' names masked and ID- or phone-shaped
 * runs in free text masked (titles are already free of them).
 *
 * The entry and progress shapes and the helpers here are shared with the 会议纪要
 * (meetingMinutes.ts): both papers print an entry the same way.
 */
import { agendaCounts } from '../domain/meetings/agenda';
import { dayOfWeek } from '../domain/localDate';
import { maskNumbersInText } from '../domain/masking';
import { maskResidentName } from '../domain/residentStatus';
import type { AgendaKind, DecisionType } from '../domain/records';
import { BLANK, documentHtml, escapeHtml } from './html';
import { RECEIPT_FONT_STACK } from './styles';

/** One agenda entry as both papers print it (raw values; masked and escaped here). */
export type MeetingPaperEntry = {
  /** Its place on the agenda, 1, 2, 3 … */
  order: number;
  kind: AgendaKind;
  title: string;
  /** The whole text when the title shortens it: printed in full, wrapped. */
  detail?: string;
  category: string;
  /** The 网格's name ('' when none). */
  grid: string;
  place?: string;
  /** How many times it was reported (a merged problem keeps every report). */
  reports?: number;
  /** The residents who raised it (full names: masked when printed). */
  residents?: readonly string[];
  caseNumber?: string;
  /** The case's status and deadline, e.g. '办理中', '2026-12-02'. */
  caseStatus?: string;
  deadline?: string;
  /** Earlier meetings' decisions on it, oldest first: '2026-11-27 继续跟踪：约双方下周调解'. */
  history?: readonly string[];
  discussion?: string;
  decision?: { type: DecisionType; text: string };
};

/** One of last meeting's decisions and how it is going. */
export type MeetingPaperProgress = {
  title: string;
  /** The decision as decisionText writes it. */
  decision: string;
  caseNumber?: string;
  caseStatus?: string;
  deadline?: string;
  done: boolean;
};

export type MeetingPaperPerson = { name: string; role: string };

export type MeetingAgendaPaper = {
  communityName: string;
  /** 'YYYY-MM-DD' */
  day: string;
  /** Earlier days of a moved meeting. */
  movedFrom?: readonly string[];
  /** The last meeting held: the agenda covers what came up after it. */
  since?: string;
  attendees: readonly MeetingPaperPerson[];
  /** Last meeting's decisions (none: no meeting held before, or nothing decided). */
  progress: readonly MeetingPaperProgress[];
  entries: readonly MeetingPaperEntry[];
  /** 'YYYY-MM-DD HH:mm' */
  printedAt: string;
  printedBy: string;
};

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** '2026-11-27 星期五' */
export function dayWithWeekday(day: string): string {
  return `${day} ${WEEKDAYS[dayOfWeek(day)] ?? ''}`.trim();
}

/** Free text as printed: ID- and phone-shaped runs masked, then escaped. */
export const freeText = (text: string | undefined): string => escapeHtml(maskNumbersInText(text ?? ''));

export const MEETING_PAPER_CSS = `
@page { size: A4 portrait; margin: 15mm 15mm 16mm; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff; font-family: ${RECEIPT_FONT_STACK}; font-size: 12pt; line-height: 1.5; overflow-wrap: anywhere; }
@media screen { body { padding: 12mm; max-width: 210mm; margin: 0 auto; } }
h1 { font-size: 19pt; text-align: center; margin: 0 0 1.5mm; letter-spacing: 0.1em; }
.meta { text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13.5pt; margin: 5mm 0 1.5mm; border-bottom: 1.5px solid #000; padding-bottom: 0.5mm; }
h3 { font-size: 12.5pt; margin: 3mm 0 1mm; }
table { width: 100%; border-collapse: collapse; }
table.entries, table.progress { table-layout: fixed; font-size: 11pt; }
col.c-no { width: 11mm; } col.c-cat { width: 25mm; } col.c-case { width: 38mm; } col.c-decision { width: 44mm; } col.c-done { width: 24mm; }
th, td { border: 1px solid #000; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
th { font-weight: bold; white-space: nowrap; }
thead { display: table-header-group; }
tr, .item { break-inside: avoid; }
td.n, th.n { text-align: center; white-space: nowrap; width: 12mm; }
td.nowrap, .nowrap { white-space: nowrap; }
.sub { display: block; }
.empty { margin: 1mm 0; }
.people { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1.5mm 6mm; margin: 1mm 0; }
.box { display: inline-block; width: 4.2mm; height: 4.2mm; border: 1px solid #000; margin-right: 2mm; vertical-align: -0.6mm; }
.counts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 4mm; align-items: start; }
.line { display: block; border-bottom: 1px solid #000; height: 7mm; }
.blank { display: inline-block; min-width: 40mm; border-bottom: 1px solid #000; height: 1.2em; vertical-align: bottom; }
.note { white-space: pre-wrap; border: 1px solid #000; padding: 2mm 3mm; min-height: 16mm; }
.sign { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8mm; margin-top: 10mm; break-inside: avoid; }
.sign div { border-bottom: 1px solid #000; padding-bottom: 10mm; }
.foot { margin-top: 5mm; font-size: 10.5pt; text-align: right; }
`;

const gridText = (grid: string) => grid || '未分网格';

/** Who raised it, masked: '张*三、李*' or '张*三 等 3 人'. */
export function residentsText(names: readonly string[] | undefined): string {
  const list = [...new Set(names ?? [])].map(maskResidentName);
  if (list.length === 0) return '';
  return list.length <= 2 ? list.join('、') : `${list.slice(0, 2).join('、')} 等 ${list.length} 人`;
}

/** The case of an entry: '办件 THL-… · 办理中 · 时限 2026-12-02'. */
export function caseText(e: Pick<MeetingPaperEntry, 'caseNumber' | 'caseStatus' | 'deadline'>): string {
  if (!e.caseNumber) return '';
  return [e.caseNumber, e.caseStatus, e.deadline ? `时限 ${e.deadline}` : ''].filter(Boolean).join(' · ');
}

/** The lines under an entry's title (already escaped): place, who raised it and how often, earlier decisions. */
export function entryDetailLines(e: MeetingPaperEntry): string[] {
  const lines: string[] = [];
  if (e.detail) lines.push(`反映内容：${freeText(e.detail)}`);
  if (e.place) lines.push(`地点：${freeText(e.place)}`);
  const who = residentsText(e.residents);
  const times = e.reports ?? 0;
  if (who) lines.push(`反映人：${escapeHtml(who)}${times > 1 ? `（${times} 次反映）` : ''}`);
  else if (times > 1) lines.push(`共 ${times} 次反映`);
  for (const h of e.history ?? []) lines.push(`此前决定：${freeText(h)}`);
  return lines;
}

/** The case cell: the tracking number, its status, its deadline — each on its own line. */
export function caseCellHtml(e: Pick<MeetingPaperEntry, 'caseNumber' | 'caseStatus' | 'deadline'>): string {
  if (!e.caseNumber) return '—';
  return [e.caseNumber, e.caseStatus, e.deadline ? `时限 ${e.deadline}` : '']
    .filter(Boolean)
    .map((l) => `<span class="sub nowrap">${escapeHtml(l)}</span>`)
    .join('');
}

/** The entry's title cell: the title in bold, then its detail lines. */
export function entryTitleHtml(e: MeetingPaperEntry): string {
  return [
    `<strong>${freeText(e.title)}</strong>`,
    ...entryDetailLines(e).map((l) => `<span class="sub">${l}</span>`),
  ].join('');
}

/** Consecutive entries of one kind: the agenda keeps the meeting's order, a heading per run. */
export function kindRuns<T extends { kind: AgendaKind }>(entries: readonly T[]): { kind: AgendaKind; entries: T[] }[] {
  const runs: { kind: AgendaKind; entries: T[] }[] = [];
  for (const e of entries) {
    const last = runs.at(-1);
    if (last?.kind === e.kind) last.entries.push(e);
    else runs.push({ kind: e.kind, entries: [e] });
  }
  return runs;
}

/** How a decision of last meeting stands on `day`: 已落实, 待街道办理, 未落实（已超期）, 未落实. */
export function progressLabel(p: Pick<MeetingPaperProgress, 'done' | 'caseStatus' | 'deadline'>, day: string): string {
  if (p.done) return '已落实';
  if (p.caseStatus === '已上报街道') return '待街道办理';
  return p.deadline !== undefined && p.deadline < day ? '未落实（已超期）' : '未落实';
}

/** The progress table of last meeting's decisions (as they stand on the meeting's `day`). */
export function progressHtml(
  progress: readonly MeetingPaperProgress[],
  since: string | undefined,
  day: string,
): string {
  if (progress.length === 0)
    return `<p class="empty">${since ? `上次会议（${escapeHtml(since)}）没有需要落实的决定。` : '此前没有召开过联席会议。'}</p>`;
  const rows = progress
    .map(
      (p, i) =>
        `<tr><td class="n">${i + 1}</td><td>${freeText(p.title)}</td><td>${freeText(p.decision)}</td><td>${caseCellHtml(p)}</td><td>${escapeHtml(progressLabel(p, day))}</td></tr>`,
    )
    .join('\n');
  return `<table class="progress"><colgroup><col class="c-no"><col><col><col class="c-case"><col class="c-done"></colgroup>
<thead><tr><th class="n">序号</th><th>问题</th><th>决定</th><th>办件进度</th><th>落实</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** Counts by kind and by category and 网格 (agendaCounts, the meeting page's own). */
export function countsHtml(entries: readonly MeetingPaperEntry[]): string {
  const counts = agendaCounts(entries.map((e) => ({ kind: e.kind, category: e.category, gridId: e.grid })));
  const byKind = Object.entries(counts.byKind)
    .map(([k, n]) => `<tr><td>${escapeHtml(k)}</td><td class="n">${escapeHtml(n)}</td></tr>`)
    .join('\n');
  const groups = counts.groups
    .map(
      (g) =>
        `<tr><td>${escapeHtml(g.category)} · ${escapeHtml(gridText(g.gridId ?? ''))}</td><td class="n">${escapeHtml(g.count)}</td></tr>`,
    )
    .join('\n');
  return `<div class="counts">
<table><thead><tr><th>议题类型</th><th class="n">项数</th></tr></thead><tbody>
${byKind}
</tbody></table>
<table><thead><tr><th>类别 · 网格</th><th class="n">项数</th></tr></thead><tbody>
${groups}
</tbody></table>
</div>`;
}

/** '2026-11-27 星期五（原定 2026-11-26，已改期）' */
export function meetingDayText(day: string, movedFrom: readonly string[] | undefined): string {
  const moved = movedFrom?.length ? `（原定 ${movedFrom.join('、')}，已改期）` : '';
  return `${dayWithWeekday(day)}${moved}`;
}

export function renderMeetingAgenda(a: MeetingAgendaPaper): string {
  const people = a.attendees.length
    ? `<div class="people">${a.attendees
        .map(
          (p) =>
            `<div><span class="box"></span>${escapeHtml(p.name)}${p.role ? `（${escapeHtml(p.role)}）` : ''}</div>`,
        )
        .join('')}</div>`
    : `<p class="empty">参会名单为空：请在“设置 → 联席会议”中维护网格长、居民代表名单。</p>`;
  const agenda = a.entries.length
    ? kindRuns(a.entries)
        .map(
          (run) => `<h3>${escapeHtml(run.kind)}（${run.entries.length} 项）</h3>
<table class="entries"><colgroup><col class="c-no"><col><col class="c-cat"><col class="c-case"><col class="c-decision"></colgroup>
<thead><tr><th class="n">序号</th><th>议题</th><th>类别/网格</th><th>办件</th><th>会议决定</th></tr></thead>
<tbody>
${run.entries
  .map(
    (e) =>
      `<tr><td class="n">${escapeHtml(e.order)}</td><td>${entryTitleHtml(e)}</td><td>${escapeHtml(e.category)}<span class="sub">${escapeHtml(
        gridText(e.grid),
      )}</span></td><td>${caseCellHtml(e)}</td><td>${
        e.decision ? freeText(e.decision.text) : '<span class="line"></span><span class="line"></span>'
      }</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
        )
        .join('\n')
    : '<p class="empty">本次会议没有议题。</p>';
  const scope = a.since ? `${a.since} 上次会议之后提出的问题及结转事项` : '此前提出、尚未研究的全部问题';
  return documentHtml(
    `联席会议议程 ${a.day}`,
    MEETING_PAPER_CSS,
    `<h1>${escapeHtml(a.communityName)} 联席会议议程</h1>
<p class="meta">会议日期：${escapeHtml(meetingDayText(a.day, a.movedFrom))}　共 ${a.entries.length} 项议题<br>议题范围：${escapeHtml(scope)}</p>
<section><h2>参会人员（出席的在方框内打 √）</h2>
${people}
<p>其他参会人员：${BLANK}</p>
</section>
<section><h2>一、上次会议决定落实情况</h2>
${progressHtml(a.progress, a.since, a.day)}
</section>
<section><h2>二、议题统计</h2>
${a.entries.length ? countsHtml(a.entries) : '<p class="empty">无</p>'}
</section>
<section><h2>三、议题</h2>
${agenda}
</section>
<p class="foot">打印：${escapeHtml(a.printedBy)} ${escapeHtml(a.printedAt)}</p>`,
  );
}

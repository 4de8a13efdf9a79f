/**
 * 会议纪要 (A4) of a 联席会议 held: the day, who was present and who absent, how last meeting's
 * decisions went, each entry with its discussion and its decision, the decisions counted by type,
 * the meeting's summary, and the lines the recorder and the chair sign. Printed and saved as PDF
 * through the bridge. Black on white, every value escaped; residents' names masked, ID- or
 * phone-shaped runs in free text masked.
 */
import { DECISION_TYPES } from '../domain/records';
import { documentHtml, escapeHtml } from './html';
import {
  caseText,
  entryDetailLines,
  freeText,
  MEETING_PAPER_CSS,
  meetingDayText,
  progressHtml,
  type MeetingPaperEntry,
  type MeetingPaperPerson,
  type MeetingPaperProgress,
} from './meetingAgenda';

export type MeetingMinutesPaper = {
  communityName: string;
  day: string;
  /** When it was actually held, 'HH:mm' (登记召开). */
  heldTime?: string;
  movedFrom?: readonly string[];
  since?: string;
  present: readonly MeetingPaperPerson[];
  absent: readonly MeetingPaperPerson[];
  progress: readonly MeetingPaperProgress[];
  entries: readonly MeetingPaperEntry[];
  /** 会议小结 */
  summary?: string;
  printedAt: string;
  printedBy: string;
};

const people = (list: readonly MeetingPaperPerson[]) =>
  list.length ? list.map((p) => `${escapeHtml(p.name)}${p.role ? `（${escapeHtml(p.role)}）` : ''}`).join('、') : '无';

const MINUTES_CSS = `${MEETING_PAPER_CSS}
dl.attend { display: grid; grid-template-columns: 20mm minmax(0, 1fr); gap: 1.5mm 3mm; margin: 1mm 0; }
dl.attend dt { font-weight: bold; }
dl.attend dd { margin: 0; }
.item { border: 1px solid #000; padding: 2mm 3mm; margin: 2mm 0; }
.item h3 { margin: 0 0 1mm; }
.item p { margin: 0.8mm 0; }
.item .label { font-weight: bold; }
.decision { font-weight: bold; }
`;

function itemHtml(e: MeetingPaperEntry): string {
  const facts = [`${e.category} · ${e.grid || '未分网格'}`, caseText(e) ? `办件 ${caseText(e)}` : ''].filter(Boolean);
  return `<div class="item">
<h3>${escapeHtml(e.order)}.【${escapeHtml(e.kind)}】${freeText(e.title)}</h3>
<p>${escapeHtml(facts.join('　'))}</p>
${entryDetailLines(e)
  .map((l) => `<p>${l}</p>`)
  .join('\n')}
<p><span class="label">讨论情况：</span>${e.discussion ? freeText(e.discussion) : '（未记录）'}</p>
<p class="decision"><span class="label">会议决定：</span>${e.decision ? freeText(e.decision.text) : '未作决定，下次会议继续研究'}</p>
</div>`;
}

export function renderMeetingMinutes(m: MeetingMinutesPaper): string {
  const counts = DECISION_TYPES.map((t) => [t, m.entries.filter((e) => e.decision?.type === t).length] as const);
  const undecided = m.entries.filter((e) => !e.decision).length;
  const countRow = [...counts, ['未作决定', undecided] as const]
    .map(([t, n]) => `<td>${escapeHtml(t)}</td><td class="n">${escapeHtml(n)}</td>`)
    .join('');
  return documentHtml(
    `联席会议纪要 ${m.day}`,
    MINUTES_CSS,
    `<h1>${escapeHtml(m.communityName)} 联席会议纪要</h1>
<p class="meta">会议日期：${escapeHtml(meetingDayText(m.day, m.movedFrom))}${m.heldTime ? ` ${escapeHtml(m.heldTime)}` : ''}　议题 ${m.entries.length} 项</p>
<section><h2>参会人员</h2>
<dl class="attend">
<dt>出席（${m.present.length}）</dt><dd>${people(m.present)}</dd>
<dt>缺席（${m.absent.length}）</dt><dd>${people(m.absent)}</dd>
</dl>
</section>
<section><h2>一、上次会议决定落实情况</h2>
${progressHtml(m.progress, m.since, m.day)}
</section>
<section><h2>二、议题及决定</h2>
${m.entries.length ? m.entries.map(itemHtml).join('\n') : '<p class="empty">本次会议没有议题。</p>'}
</section>
<section><h2>三、决定汇总</h2>
<table><tbody><tr>${countRow}</tr></tbody></table>
</section>
<section><h2>四、会议小结</h2>
<div class="note">${m.summary ? freeText(m.summary) : '（无）'}</div>
</section>
<div class="sign"><div>记录人签字：</div><div>主持人签字：</div><div>日期：</div></div>
<p class="foot">打印：${escapeHtml(m.printedBy)} ${escapeHtml(m.printedAt)}</p>`,
  );
}

/**
 * 问题库: a problem's checks (a short title, never an ID or phone number; a resident, a place or
 * a 网格), merging reports of the same problem into one that keeps every source, and the 投诉建议
 * matter a problem's case is of.
 */
import { maskNumbersInText } from '../masking';
import { charCount } from '../textLength';
import type { Problem, ProblemCategory } from '../records';
import { PROBLEM_CATEGORIES } from '../records';

export type ProblemInput = {
  title: string;
  category: ProblemCategory | '';
  gridId?: string;
  place?: string;
  residentId?: string;
};

export type FieldRefusal = { reason: string; field: string };

/** A title names the problem, never a resident's ID or phone number (it is listed and printed). */
const namesNumbers = (title: string): boolean => maskNumbersInText(title) !== title;

/** The first problem of the input at its field, or null. */
export function problemInputRefusal(p: ProblemInput): FieldRefusal | null {
  const title = p.title.trim();
  if (charCount(title) < 2) return { reason: '请用一句话写明问题（至少 2 个字）', field: 'title' };
  if (charCount(title) > 60) return { reason: '问题标题不超过 60 个字，详情写在办件里', field: 'title' };
  if (namesNumbers(title)) return { reason: '标题中不要写身份证号或电话号码', field: 'title' };
  if (!(PROBLEM_CATEGORIES as readonly string[]).includes(p.category))
    return { reason: '请选择问题类别', field: 'category' };
  const place = p.place?.trim() ?? '';
  if (charCount(place) > 60) return { reason: '地点不超过 60 个字', field: 'place' };
  if (!p.residentId && !place && !p.gridId) return { reason: '没有反映人的问题，请写明地点或选择网格', field: 'place' };
  return null;
}

/** An agenda entry's title as changed at the meeting: 2–60 characters, no numbers (as a problem's title). */
export function agendaTitleRefusal(title: string): FieldRefusal | null {
  const t = title.trim();
  if (charCount(t) < 2 || charCount(t) > 60) return { reason: '议题标题应为 2–60 个字', field: 'title' };
  if (namesNumbers(t)) return { reason: '议题标题中不要写身份证号或电话号码', field: 'title' };
  return null;
}

/** The matter a problem's case is accepted under (the 投诉建议 catalog entries). */
export const MATTER_OF_CATEGORY: Record<ProblemCategory, string> = {
  环境卫生: 'TS-002',
  公共设施: 'TS-002',
  物业管理: 'TS-002',
  违建占道: 'TS-003',
  服务投诉: 'TS-004',
  邻里纠纷: 'TS-001',
  意见建议: 'TS-001',
  其他: 'TS-001',
};

/** The problem category a 投诉建议 matter starts in (a 诉求 at the desk). */
export function categoryOfMatter(code: string): ProblemCategory {
  if (code === 'TS-002') return '环境卫生';
  if (code === 'TS-003') return '违建占道';
  if (code === 'TS-004') return '服务投诉';
  return '意见建议';
}

export const residentIdsOf = (p: Pick<Problem, 'sources'>): string[] => [
  ...new Set(p.sources.flatMap((s) => (s.residentId ? [s.residentId] : []))),
];

/**
 * `list` with `added` put in day order: each after every entry of its day or earlier (so a list
 * in day order stays so, and entries of one day keep the order they were added in). A problem's
 * sources and decisions grow only this way, on every desk alike (events/problemEvents.ts).
 */
export function insertByDay<T extends { day: string }>(list: readonly T[], added: readonly T[]): T[] {
  const out = [...list];
  for (const a of added) {
    let i = out.length;
    while (i > 0 && out[i - 1]!.day > a.day) i--;
    out.splice(i, 0, a);
  }
  return out;
}

/**
 * Merges reports of the same problem into `into`: it keeps every source (in day order), the
 * earliest day, its own title and category; the others are 已合并 and point at it. Refused when
 * a problem is already merged or decided elsewhere, or has a case of its own while `into` has
 * one too (two cases cannot become one).
 */
export function mergeProblems(
  into: Problem,
  others: readonly Problem[],
): { ok: true; into: Problem; merged: Problem[] } | { ok: false; reason: string } {
  if (others.length === 0) return { ok: false, reason: '请选择要合并的问题' };
  for (const p of [into, ...others]) {
    if (p.status === '已合并') return { ok: false, reason: `“${p.title}”已合并到其他问题` };
    if (p.status === '已解决') return { ok: false, reason: `“${p.title}”已解决，不能合并` };
  }
  if (others.some((o) => o.id === into.id)) return { ok: false, reason: '不能把问题合并到它自己' };
  const withCase = [into, ...others].filter((p) => p.caseId);
  if (withCase.length > 1) return { ok: false, reason: '两个问题都有办件，不能合并；请分别处理' };
  const sources = insertByDay(
    into.sources,
    others.flatMap((p) => p.sources),
  );
  const caseId = withCase[0]?.caseId;
  const raisedDay = [into, ...others].map((p) => p.raisedDay).sort()[0] ?? into.raisedDay;
  const next: Problem = { ...into, sources, raisedDay, ...(caseId ? { caseId } : {}) };
  next.residentIds = residentIdsOf(next);
  const merged = others.map((o) => ({ ...o, status: '已合并' as const, mergedInto: into.id }));
  return { ok: true, into: next, merged };
}

const CATEGORY_WORDS: [ProblemCategory, RegExp][] = [
  ['违建占道', /违建|违章|占道|搭建|摆摊/],
  ['环境卫生', /垃圾|卫生|堆物|异味|污水|清运/],
  ['公共设施', /路灯|井盖|电梯|设施|健身|漏水|道路|停车/],
  ['物业管理', /物业/],
  ['邻里纠纷', /邻居|纠纷|噪声|噪音|扰民|吵/],
  ['服务投诉', /态度|投诉.*(工作人员|服务)/],
  ['意见建议', /建议|意见|希望/],
];

/** A first guess of a problem's category from its text (the clerk confirms or changes it). */
export function guessCategory(text: string): ProblemCategory {
  return CATEGORY_WORDS.find(([, re]) => re.test(text))?.[0] ?? '其他';
}

const spokenText = (content: string) => maskNumbersInText(content).replace(/\s+/g, ' ').trim();

/** A short title from what the resident said: its first sentence, numbers masked, at most 30 characters. */
export function problemTitleOf(content: string): string {
  const text = spokenText(content);
  const first = text.split(/[。！？!?\n；;]/)[0]?.trim() || text;
  const chars = Array.from(first);
  return chars.length > 30 ? `${chars.slice(0, 29).join('')}…` : first;
}

/** The whole of what the resident said (numbers masked) when `problemTitleOf` shortens it; else undefined. */
export function problemDetailOf(content: string): string | undefined {
  const text = spokenText(content);
  return text && text !== problemTitleOf(content) ? text : undefined;
}

/**
 * The 联席会议 agenda as pure, clock-free rules: given the meeting day, the day of the last
 * meeting held, the open problems and the open cases, which entries the agenda holds — one rule
 * per kind, in the order they are listed (`AGENDA_RULES satisfies AgendaRuleTable`):
 *
 *   上次结转  problems to keep watching (继续跟踪), and problems raised before the last meeting
 *            held and still undecided (a cancelled week carries them too)
 *   新问题    problems raised since the last meeting held, up to the meeting day
 *   超期办件  open cases past their deadline on the meeting day
 *   待街道    open cases waiting on the street office (已上报街道)
 *
 * A case already on the agenda through its problem is not listed again; a merged problem is
 * not listed (the problem it was merged into carries its sources). Entries are grouped by
 * category and 网格, with counts. The last meeting's decisions are listed with their progress
 * (the linked case's status and deadline) at the head of the agenda.
 */
import type { AgendaItem, AgendaKind, CaseRecord, DecisionRecord, Problem } from '../records';
import { PROBLEM_CATEGORIES } from '../records';

/** The part of a case the agenda reads. */
export type AgendaCase = Pick<CaseRecord, 'id' | 'trackingNumber' | 'matterName' | 'status' | 'deadline' | 'gridId'> & {
  category: string;
};

export type AgendaInput = {
  day: string;
  /** The day of the last meeting held before this one (none: everything up to the day). */
  since?: string;
  problems: readonly Problem[];
  /** Open cases (any status before 已办结) that may be overdue or waiting on the street. */
  cases: readonly AgendaCase[];
};

/** An entry as the rules propose it (the repository gives it an id, a meeting and an order). */
export type ProposedEntry = Omit<AgendaItem, 'id' | 'meetingId' | 'order'> & { raisedDay: string };

type AgendaRule = (input: AgendaInput, onAgenda: ReadonlySet<string>) => ProposedEntry[];
type AgendaRuleTable = { [K in Exclude<AgendaKind, '临时增加'>]: AgendaRule };

const OPEN_PROBLEM = new Set(['待研究', '继续跟踪']);
const CLOSED_CASE = new Set(['已办结', '已归档', '不予受理']);

const fromProblem = (kind: AgendaKind, p: Problem): ProposedEntry => ({
  kind,
  problemId: p.id,
  ...(p.caseId ? { caseId: p.caseId } : {}),
  title: p.title,
  category: p.category,
  ...(p.gridId ? { gridId: p.gridId } : {}),
  raisedDay: p.raisedDay,
});

const fromCase = (kind: AgendaKind, c: AgendaCase): ProposedEntry => ({
  kind,
  caseId: c.id,
  title: `${c.matterName}（${c.trackingNumber}）`,
  category: c.category,
  ...(c.gridId ? { gridId: c.gridId } : {}),
  raisedDay: c.deadline ?? '',
});

const listed = (p: Problem, day: string) => OPEN_PROBLEM.has(p.status) && !p.mergedInto && p.raisedDay <= day;

export const AGENDA_RULES = {
  上次结转: ({ problems, since, day }) =>
    problems
      .filter((p) => listed(p, day))
      .filter((p) => p.status === '继续跟踪' || (since !== undefined && p.raisedDay <= since))
      .map((p) => fromProblem('上次结转', p)),
  新问题: ({ problems, since, day }) =>
    problems
      .filter((p) => listed(p, day) && p.status === '待研究')
      .filter((p) => since === undefined || p.raisedDay > since)
      .map((p) => fromProblem('新问题', p)),
  超期办件: ({ cases, day }, onAgenda) =>
    cases
      .filter((c) => !onAgenda.has(c.id) && !CLOSED_CASE.has(c.status) && c.status !== '已上报街道')
      .filter((c) => c.deadline !== undefined && c.deadline < day && c.status !== '待补正')
      .map((c) => fromCase('超期办件', c)),
  待街道: ({ cases }, onAgenda) =>
    cases.filter((c) => !onAgenda.has(c.id) && c.status === '已上报街道').map((c) => fromCase('待街道', c)),
} satisfies AgendaRuleTable;

const KIND_ORDER = Object.keys(AGENDA_RULES) as (keyof typeof AGENDA_RULES)[];

const categoryRank = (c: string) => {
  const i = (PROBLEM_CATEGORIES as readonly string[]).indexOf(c);
  return i === -1 ? PROBLEM_CATEGORIES.length : i;
};

/** The entries of the agenda, in their order: by kind, then category, 网格 and day. */
export function buildAgenda(input: AgendaInput): ProposedEntry[] {
  const out: ProposedEntry[] = [];
  const onAgenda = new Set<string>();
  for (const kind of KIND_ORDER) {
    const entries = AGENDA_RULES[kind](input, onAgenda).sort(
      (a, b) =>
        categoryRank(a.category) - categoryRank(b.category) ||
        a.category.localeCompare(b.category) ||
        (a.gridId ?? '\uffff').localeCompare(b.gridId ?? '\uffff') ||
        a.raisedDay.localeCompare(b.raisedDay) ||
        a.title.localeCompare(b.title),
    );
    for (const e of entries) {
      if (e.caseId) onAgenda.add(e.caseId);
      out.push(e);
    }
  }
  return out;
}

export type AgendaGroup = { category: string; gridId?: string; count: number };

/** Counts per category and 网格 (in the agenda's order of first appearance), and per kind. */
export function agendaCounts(entries: readonly Pick<AgendaItem, 'kind' | 'category' | 'gridId'>[]): {
  groups: AgendaGroup[];
  byKind: Partial<Record<AgendaKind, number>>;
  byCategory: Record<string, number>;
} {
  const groups = new Map<string, AgendaGroup>();
  const byKind: Partial<Record<AgendaKind, number>> = {};
  const byCategory: Record<string, number> = {};
  for (const e of entries) {
    const key = `${e.category}|${e.gridId ?? ''}`;
    const g = groups.get(key) ?? { category: e.category, ...(e.gridId ? { gridId: e.gridId } : {}), count: 0 };
    g.count += 1;
    groups.set(key, g);
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    byCategory[e.category] = (byCategory[e.category] ?? 0) + 1;
  }
  return { groups: [...groups.values()], byKind, byCategory };
}

/** One decision of the last meeting held and how it is going (the linked case's status and deadline). */
export type DecisionProgress = {
  title: string;
  decision: DecisionRecord;
  caseStatus?: string;
  deadline?: string;
  /** The case is finished (已办结 / 已归档) or the problem was solved at the meeting. */
  done: boolean;
};

/** The last meeting's decisions (社区处置, 上报街道, 已解决) with their progress. */
export function decisionProgress(
  lastMeetingId: string | undefined,
  problems: readonly Problem[],
  caseOf: (id: string) => Pick<CaseRecord, 'status' | 'deadline'> | undefined,
): DecisionProgress[] {
  if (!lastMeetingId) return [];
  const out: DecisionProgress[] = [];
  for (const p of problems) {
    const d = p.decisions.filter((x) => x.meetingId === lastMeetingId && x.type !== '继续跟踪').at(-1);
    if (!d) continue;
    const c = p.caseId ? caseOf(p.caseId) : undefined;
    out.push({
      title: p.title,
      decision: d,
      ...(c ? { caseStatus: c.status, ...(c.deadline ? { deadline: c.deadline } : {}) } : {}),
      done: d.type === '已解决' || c?.status === '已办结' || c?.status === '已归档',
    });
  }
  return out;
}

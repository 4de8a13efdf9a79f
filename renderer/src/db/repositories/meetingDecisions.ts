/**
 * 联席会议's decisions: each decision is ONE transaction — the entry, the problem (its status,
 * and the decision appended to its history through its door, changeProblem.ts), the case
 * (accepted for a problem without one, then 会议交办 or 上报街道 through the case machine's
 * door), the timeline event and the audit row.
 */
import { defaultCounterMode, planCase } from '@shared/domain/intake';
import { checkDecision, decisionRefusal, MATTER_OF_CATEGORY, type DecisionInput } from '@shared/domain/meetings';
import type { AgendaItem, Problem } from '@shared/domain/records';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';
import { acceptCase, type Acceptance } from './caseAcceptance';
import type { MatterType } from '../matterType';
import { changeCase } from './changeCase';
import { changeProblem, openProblem } from './changeProblem';

const DECISION_TABLES = [
  'meetings',
  'agendaItems',
  'problems',
  'problemEvents',
  'cases',
  'caseEvents',
  'counters',
  'matterTypes',
  'staff',
] as const;
type DecisionTx = WriteTx<(typeof DECISION_TABLES)[number]>;

/**
 * How a problem that has no case gets one: its category's 投诉建议 matter, accepted now. Not an
 * async helper around `acceptCase`: Dexie keeps the transaction's zone across one level of
 * native `await` of its promises, not across nested async functions (the zone is lost and later
 * writes would escape the transaction), so the caller awaits `acceptCase` itself.
 */
function acceptanceForProblem(desk: Desk, today: string, problem: Problem, matter: MatterType): Acceptance {
  const draft = { matter, mode: defaultCounterMode(matter), received: [] };
  const residentId = problem.residentIds?.[0];
  return {
    draft,
    plan: planCase(draft, today, desk.calendar),
    id: desk.newId(),
    input: residentId ? { residentId } : {},
    gridId: problem.gridId,
    note: '联席会议决定办理',
  };
}

/** The problem of an entry: its own, or one made for a case entry (超期办件 / 待街道) so the decision has a history. */
async function problemOfEntry(desk: Desk, tx: DecisionTx, item: AgendaItem): Promise<Problem> {
  const own = item.problemId ? await tx.problems.get(item.problemId) : undefined;
  if (own) return own;
  const record = item.caseId ? await tx.cases.get(item.caseId) : undefined;
  const existing = record ? await tx.problems.where('caseId').equals(record.id).first() : undefined;
  if (existing) return existing;
  return openProblem(desk, tx, {
    id: desk.newId(),
    title: item.title,
    category: '其他',
    ...(item.gridId ? { gridId: item.gridId } : {}),
    raisedDay: tx.today,
    status: '待研究',
    ...(record ? { caseId: record.id } : {}),
    sources: [
      {
        kind: '会上提出',
        day: tx.today,
        by: desk.actor.id,
        ...(record ? { caseId: record.id } : {}),
        ...(record?.residentId ? { residentId: record.residentId } : {}),
      },
    ],
    decisions: [],
  });
}

/** The meeting's decision on one entry, with its effect on the problem and the case. */
export async function recordDecision(desk: Desk, itemId: string, input: DecisionInput): Promise<AgendaItem> {
  return writeTx(desk, DECISION_TABLES, async (tx) => {
    const item = await tx.agendaItems.get(itemId);
    if (!item) throw new DomainRefusal('未找到该议题');
    const meeting = await tx.meetings.get(item.meetingId);
    if (!meeting) throw new DomainRefusal('未找到该会议');
    const refused = decisionRefusal(meeting);
    if (refused) throw new DomainRefusal(refused);
    if (item.decision) throw new DomainRefusal('该议题已作出决定');
    const checked = checkDecision(input, meeting.day, desk.calendar);
    if (!checked.ok) throw new DomainRefusal(checked.reason, checked.field);
    const decision = checked.decision;
    const problem = await problemOfEntry(desk, tx, item);
    let caseId = problem.caseId;
    if (decision.type === '社区处置' || decision.type === '上报街道') {
      if (decision.type === '社区处置' && !(await tx.staff.get(decision.ownerId))?.active)
        throw new DomainRefusal('请选择在用的工作人员', 'ownerId');
      const linked = problem.caseId ? await tx.cases.get(problem.caseId) : undefined;
      if (linked && linked.status !== '已受理' && linked.status !== '办理中')
        throw new DomainRefusal(
          `办件当前为「${linked.status}」，不能${decision.type === '社区处置' ? '由会议交办' : '上报街道'}`,
        );
      const code = MATTER_OF_CATEGORY[problem.category];
      const matter = linked ? undefined : await tx.matterTypes.get(code);
      if (!linked && !matter?.active)
        throw new DomainRefusal(`投诉建议事项（${code}）已停用，请管理员在事项目录中启用`);
      const record = linked ?? (await acceptCase(desk, tx, acceptanceForProblem(desk, tx.today, problem, matter!)));
      caseId = record.id;
      // The case machine's 会议交办 / 上报街道, through its one door, as the acting staff row.
      await changeCase(
        desk,
        tx,
        record,
        decision.type === '社区处置'
          ? { type: '会议交办', ownerId: decision.ownerId, dueDay: decision.dueDay }
          : { type: '上报街道', level: decision.level, request: decision.request, office: decision.office },
      );
    }
    // The decision appended to the problem's history through its one door (two desks keep both).
    await changeProblem(desk, tx, problem, {
      type: '会议决定',
      decision: { ...decision, meetingId: meeting.id, day: meeting.day },
      ...(caseId ? { caseId } : {}),
    });
    const saved = await tx.agendaItems.put({ ...item, problemId: problem.id, ...(caseId ? { caseId } : {}), decision });
    await tx.audit({ action: 'meeting.decision', entity: 'agendaItem', entityId: itemId, detail: decision.type });
    return saved;
  });
}

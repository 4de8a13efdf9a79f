/**
 * The ledgers (台账) of a report, as column specs and rows: 办件台账 (cases accepted in the
 * period), 上报事项 (escalations raised in it), 评价与整改 (ratings given and rectifications
 * opened or closed in it). The same rows feed the xlsx sheets and the CSV files.
 *
 * Minimum necessary: by default a ledger names no one — the resident's name, ID number and
 * phone are masked as on screen, ID- and phone-shaped numbers in an escalation's request too,
 * the name of who came for the department (报到人员; the unit is shown as typed) is masked, and a
 * 不满意原因's ID- and phone-shaped numbers; no special-group tag is written
 * per person. The 实名台账
 * (`named: true`, an admin with a recorded reason; see db/repositories/reports.ts) carries them
 * in full, for a street office that asked for exactly that.
 */
import { maskIdNumber, maskName, maskNumbersInText, maskPhone } from '../domain/masking';
import { checkInShown } from '../domain/checkIn';
import { residentLabel } from '../domain/residentStatus';
import type { CaseRecord, Resident } from '../domain/records';
import type { Period } from './periods';
import { namesOf, type ReportData } from './reportData';
import { ratedDayOf } from './reportIndex';

export type Cell = string | number;
export type Column = { title: string; width: number };
export type Ledger = { key: LedgerKey; title: string; columns: Column[]; rows: Cell[][] };
export type LedgerKey = 'cases' | 'escalations' | 'ratings';
export const LEDGER_TITLES: Record<LedgerKey, string> = {
  cases: '办件台账',
  escalations: '上报事项',
  ratings: '评价与整改',
};

const inside = (day: string | undefined, p: Period) => day !== undefined && day >= p.from && day <= p.to;
const col = (title: string, width: number): Column => ({ title, width });

/** Name, ID, phone (masked unless 实名); 已删除居民 for a deleted resident, blank for none. */
function residentCells(residentId: string | undefined, r: Resident | undefined, named: boolean): Cell[] {
  if (!r) return [residentLabel(residentId, r, () => '', ''), '', ''];
  return named
    ? [r.name, r.idNumber ?? '', r.phone ?? '']
    : [maskName(r.name), r.idNumber ? maskIdNumber(r.idNumber) : '', r.phone ? maskPhone(r.phone) : ''];
}

function onTimeOf(c: CaseRecord): string {
  if (!c.completedDay || !c.deadline || c.mode === '咨询') return '';
  return c.completedDay <= c.deadline ? '按时' : '逾期';
}

export function ledgersOf(data: ReportData, named = false): Ledger[] {
  const names = namesOf(data);
  const residents = new Map(data.residents.map((r) => [r.id, r]));
  const resident = (c: CaseRecord) => (c.residentId ? residents.get(c.residentId) : undefined);
  const personCells = (c: CaseRecord, named: boolean) => residentCells(c.residentId, resident(c), named);
  const byNumber = (a: CaseRecord, b: CaseRecord) => (a.trackingNumber < b.trackingNumber ? -1 : 1);
  const p = data.period;
  const caseHead = [col('受理编号', 22), col('事项', 26), col('网格', 12)];
  const caseHeadCells = (c: CaseRecord): Cell[] => [c.trackingNumber, c.matterName, names.grid(c.gridId)];
  const personHead = [col('居民', 10), col('身份证号', 21), col('联系电话', 15)];

  const accepted = data.cases.filter((c) => inside(c.acceptedDay, p)).sort(byNumber);
  const escalations = data.cases
    .flatMap((c) => (c.escalations ?? []).filter((e) => inside(e.raisedDay, p)).map((e) => ({ c, e })))
    .sort((a, b) => (a.e.raisedAt === b.e.raisedAt ? byNumber(a.c, b.c) : a.e.raisedAt - b.e.raisedAt));
  const rated = data.cases
    .filter(
      (c) => inside(ratedDayOf(c), p) || inside(c.rectification?.openedDay, p) || inside(c.rectification?.closedDay, p),
    )
    .sort(byNumber);

  return [
    {
      key: 'cases',
      title: LEDGER_TITLES.cases,
      columns: [
        ...caseHead,
        col('类别', 14),
        col('办理方式', 10),
        ...personHead,
        col('受理日期', 12),
        col('承诺办结', 12),
        col('办结日期', 12),
        col('状态', 12),
        col('是否按时', 10),
        col('首问责任人', 12),
        col('承办人', 12),
      ],
      rows: accepted.map((c) => [
        ...caseHeadCells(c),
        names.category(c.matterCode),
        c.mode,
        ...personCells(c, named),
        c.acceptedDay,
        c.deadline ?? '',
        c.completedDay ?? '',
        c.status,
        onTimeOf(c),
        names.staff(c.firstContactId),
        names.staff(c.handlerId),
      ]),
    },
    {
      key: 'escalations',
      title: LEDGER_TITLES.escalations,
      columns: [
        ...caseHead,
        col('级别', 8),
        col('上报至', 18),
        col('请求事项', 40),
        col('上报日期', 12),
        col('阶段', 10),
        col('报到单位', 18),
        col('报到人员', 10),
        col('反馈次数', 10),
        col('核实结果', 12),
      ],
      rows: escalations.map(({ c, e }) => [
        ...caseHeadCells(c),
        e.level,
        e.office,
        named ? e.request : maskNumbersInText(e.request),
        e.raisedDay,
        e.stage,
        ...Object.values(checkInShown(e.checkIn, named)),
        e.feedback.length,
        e.verification ? (e.verification.solved ? '已解决' : '未解决') : '',
      ]),
    },
    {
      key: 'ratings',
      title: LEDGER_TITLES.ratings,
      columns: [
        ...caseHead,
        ...(named ? personHead : []),
        col('评价日期', 12),
        col('评价', 12),
        col('评价方式', 10),
        col('不满意原因', 30),
        col('整改状态', 10),
        col('整改期限', 12),
        col('整改完成', 12),
      ],
      rows: rated.map((c) => [
        ...caseHeadCells(c),
        ...(named ? personCells(c, true) : []),
        ratedDayOf(c) ?? '',
        c.rating ?? '',
        c.ratingBy ?? '',
        named ? (c.rectification?.reason ?? '') : maskNumbersInText(c.rectification?.reason ?? ''),
        c.rectification?.status ?? '',
        c.rectification?.dueDay ?? '',
        c.rectification?.closedDay ?? '',
      ]),
    },
  ];
}

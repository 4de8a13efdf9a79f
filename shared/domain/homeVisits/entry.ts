/**
 * 走访记录 (issue 26 item 2): what a home-visit entry must say, the household it counts for, and
 * the fold of corrections (an entry is never changed: a correction is a new entry naming it).
 */
import { addDays, compareLocalDates, isValidLocalDate } from '../localDate';
import { maskNumbersInText } from '../masking';
import { problemInputRefusal } from '../meetings';
import { proxyRequestRefusal } from '../proxy';
import { HOME_VISIT_PURPOSES, type HomeVisitPurpose, type ProblemCategory, type Resident } from '../records';
import { charCount } from '../textLength';

/** What the person chooses the entry leads to, written in the same transaction. */
export type HomeVisitThen =
  | { kind: '无' }
  | { kind: '问题'; title: string; category: ProblemCategory | '' }
  | { kind: '来访'; matterCode: string }
  | { kind: '帮代办'; request: string };

export type HomeVisitInput = {
  day: string;
  residentId?: string;
  address?: string;
  gridId: string;
  purpose: HomeVisitPurpose | '';
  found: string;
  followUp: string;
  then: HomeVisitThen;
  /** The entry this one corrects (its replacement). */
  corrects?: string;
};

export type HomeVisitField =
  | 'day'
  | 'household'
  | 'gridId'
  | 'purpose'
  | 'found'
  | 'followUp'
  | 'problemTitle'
  | 'problemCategory'
  | 'matter'
  | 'proxyRequest';
export type HomeVisitFieldErrors = Partial<Record<HomeVisitField, string>>;

export const HOME_VISIT_LIMITS = { address: 60, found: 500, followUp: 200 } as const;
/** How far back a visit may be logged (a week's notes typed on Monday, a month's at most). */
export const HOME_VISIT_BACKDATE_DAYS = 31;

const namesNumbers = (text: string): boolean => maskNumbersInText(text) !== text;

/** Every field's Chinese message (empty = the entry may be saved). `gridIds`: the community's zones. */
export function validateHomeVisit(
  input: HomeVisitInput,
  today: string,
  gridIds: readonly string[],
): HomeVisitFieldErrors {
  const e: HomeVisitFieldErrors = {};
  if (!isValidLocalDate(input.day)) e.day = '请填写走访日期';
  else if (compareLocalDates(input.day, today) > 0) e.day = '走访日期不能晚于今天';
  else if (compareLocalDates(input.day, addDays(today, -HOME_VISIT_BACKDATE_DAYS)) < 0)
    e.day = `只能补记 ${HOME_VISIT_BACKDATE_DAYS} 天内的走访`;
  const address = input.address?.trim() ?? '';
  if (!input.residentId && !address) e.household = '请从居民档案中选定居民，或填写走访地址';
  else if (!input.residentId && charCount(address) > HOME_VISIT_LIMITS.address)
    e.household = `地址不超过 ${HOME_VISIT_LIMITS.address} 个字`;
  else if (!input.residentId && namesNumbers(address)) e.household = '地址中不要写身份证号或电话号码';
  if (!gridIds.includes(input.gridId)) e.gridId = '请选择网格';
  if (!(HOME_VISIT_PURPOSES as readonly string[]).includes(input.purpose)) e.purpose = '请选择走访目的';
  const found = input.found.trim();
  if (!found) e.found = '请填写走访情况';
  else if (charCount(found) > HOME_VISIT_LIMITS.found) e.found = `走访情况不超过 ${HOME_VISIT_LIMITS.found} 字`;
  else if (namesNumbers(found)) e.found = '走访情况中不要写身份证号或电话号码';
  const followUp = input.followUp.trim();
  if (charCount(followUp) > HOME_VISIT_LIMITS.followUp) e.followUp = `后续跟进不超过 ${HOME_VISIT_LIMITS.followUp} 字`;
  else if (namesNumbers(followUp)) e.followUp = '后续跟进中不要写身份证号或电话号码';
  Object.assign(e, thenErrors(input));
  return e;
}

/** The chosen follow-up's own rules: the problem's (as 登记问题), a matter, the request's (as 登记代办需求). */
function thenErrors(input: HomeVisitInput): HomeVisitFieldErrors {
  const then = input.then;
  if (then.kind === '问题') {
    const r = problemInputRefusal({ title: then.title, category: then.category, gridId: input.gridId });
    if (r) return r.field === 'category' ? { problemCategory: r.reason } : { problemTitle: r.reason };
  }
  if (then.kind === '来访') {
    if (!input.residentId) return { matter: '登记来访办件须选定居民' };
    if (!then.matterCode) return { matter: '请选择事项' };
  }
  if (then.kind === '帮代办') {
    if (!input.residentId) return { proxyRequest: '帮代办须选定居民' };
    const r = proxyRequestRefusal({ residentId: input.residentId, source: '入户走访', request: then.request });
    if (r) return { proxyRequest: r.reason };
  }
  return {};
}

/** The first message, in the form's order (for a refusal naming its field). */
export function firstHomeVisitError(e: HomeVisitFieldErrors): { field: HomeVisitField; message: string } | null {
  const order: HomeVisitField[] = [
    'day',
    'household',
    'gridId',
    'purpose',
    'found',
    'followUp',
    'problemTitle',
    'problemCategory',
    'matter',
    'proxyRequest',
  ];
  const field = order.find((f) => e[f]);
  return field ? { field, message: e[field] as string } : null;
}

/** The household a visit counts for: the resident's 楼栋-单元-房号 (their id when none), or the address typed. */
export function householdOf(o: {
  resident?: Pick<Resident, 'id' | 'building' | 'unit' | 'room'>;
  address?: string;
}): string {
  const r = o.resident;
  if (r) {
    const parts = [r.building, r.unit, r.room].map((p) => p?.normalize('NFKC').trim() ?? '');
    return parts.some(Boolean) ? parts.join('-') : `居民:${r.id}`;
  }
  return (o.address ?? '').normalize('NFKC').replace(/\s+/g, '');
}

/** The entries as they stand: an entry replaced by a later correction is left out. */
export function currentEntries<T extends { id: string; corrects?: string }>(entries: readonly T[]): T[] {
  const replaced = new Set(entries.flatMap((e) => (e.corrects ? [e.corrects] : [])));
  return entries.filter((e) => !replaced.has(e.id));
}

/** An address as a list or paper shows it: the room number (the last run of digits) masked. */
export function maskAddress(address: string): string {
  return address.replace(/[0-9０-９]+(?=[^0-9０-９]*$)/, '**');
}

/**
 * 走访记录 (issue 26 item 2): the 走访岗's home-visit log.
 *
 * Invariants:
 * - An entry is written once and never changed (`homeVisits` is IMMUTABLE in sync/contract.ts):
 *   a correction is a new entry naming the one it replaces (`corrects`); reads fold them
 *   (`currentEntries`). Two desks therefore never conflict over an entry.
 * - What the entry leads to — a 问题 (as 登记问题), a registered visit of channel 走访 with its
 *   matter (as 来访登记), a 帮代办 request (as 登记代办需求) — is written in the SAME writeTx as
 *   the entry, through those repositories' own inner writes (addProblemIn, registerVisitIn,
 *   registerProxyRequestIn): all of it or none.
 * - The audit row names the purpose and the follow-up kind only (no resident, no address).
 * - Reads are index reads: the month figures by `day` (the quarter); the unvisited list pages
 *   by the kept last 走访 of each 重点服务对象 (`careLastVisits`, unvisitedCare.ts).
 */
import {
  currentEntries,
  DEFAULT_UNVISITED_DAYS,
  firstHomeVisitError,
  householdOf,
  monthRange,
  quarterRange,
  validateHomeVisit,
  zoneDaysOfMonth,
  zoneHouseholds,
  type HomeVisitFieldErrors,
  type HomeVisitInput,
  type StaffZoneDays,
  type ZoneHouseholds,
} from '@shared/domain/homeVisits';
import { defaultCounterMode, type VisitInput } from '@shared/domain/intake';
import type { HomeVisit, HomeVisitLink, Problem, ProxyTask, Resident, Staff } from '@shared/domain/records';
import { residentAddress } from '@shared/domain/resident';
import type { HomeVisitListLine } from '@shared/receipts/homeVisitList';
import type { Desk, DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { Dexie } from 'dexie';
import { writeTx, type Unstamped, type WriteTx } from '../write';
import { addProblemIn, PROBLEM_TABLES } from './problems';
import { PROXY_REQUEST_TABLES, registerProxyRequestIn } from './proxy';
import { residentsByIds, resolveResident } from './residents';
import { checkedVisit, registerVisitIn, VISIT_TABLES, type RegisteredVisit } from './visits';

/** Thrown when the entry cannot be saved; carries every field's message. */
export class HomeVisitValidationError extends DomainRefusal {
  readonly errors: HomeVisitFieldErrors;
  constructor(errors: HomeVisitFieldErrors) {
    const first = firstHomeVisitError(errors);
    super(first?.message ?? '请检查所填走访记录', first?.field);
    this.errors = errors;
  }
}

export type LoggedHomeVisit = { entry: HomeVisit; problem?: Problem; visit?: RegisteredVisit; proxyTask?: ProxyTask };

const TABLES = [
  'homeVisits',
  ...new Set([...VISIT_TABLES, ...PROBLEM_TABLES, ...PROXY_REQUEST_TABLES]),
] as const satisfies readonly string[];

/** The registered visit (channel 走访) of an entry that leads to a matter, checked as 来访登记 checks it. */
async function visitOfEntry(desk: Desk, input: HomeVisitInput): Promise<VisitInput | undefined> {
  if (input.then.kind !== '来访') return undefined;
  const matter = await desk.db.matterTypes.get(input.then.matterCode);
  if (!matter?.active) throw new HomeVisitValidationError({ matter: '该事项不存在或已停用' });
  return checkedVisit(desk, {
    residentId: input.residentId,
    channel: '走访',
    content: input.found.trim(),
    kind: '办件',
    cases: [{ matter, mode: defaultCounterMode(matter), received: [] }],
  });
}

/**
 * Logs a home visit by the desk's actor and, as they chose, its 问题 / registered visit / 帮代办
 * request, in one transaction.
 * @throws HomeVisitValidationError (every field's message; nothing written), DomainRefusal.
 */
export async function logHomeVisit(desk: Desk, input: HomeVisitInput): Promise<LoggedHomeVisit> {
  const errors = validateHomeVisit(
    input,
    desk.clock.today(),
    desk.community.grids.map((g) => g.id),
  );
  if (Object.keys(errors).length > 0) throw new HomeVisitValidationError(errors);
  const visitInput = await visitOfEntry(desk, input);
  const id = desk.newId();
  // A chain of Dexie promises, no async level around the inner writes (registerVisitIn nests its
  // own helpers: one more async level would end the transaction early, see architecture.md).
  return writeTx(desk, [...TABLES], (tx) =>
    Dexie.Promise.resolve(entryResident(tx, input))
      .then((resident) => followUpOf(desk, tx, input, visitInput, resident).then((out) => ({ resident, out })))
      .then(({ resident, out }) =>
        addEntry(tx, id, desk.actor.id, input, resident, out.link).then((entry) => ({ entry, ...out.written })),
      ),
  );
}

type EntryTx = WriteTx<(typeof TABLES)[number]>;

/** The entry's resident as stored now (a merged one: the kept record), and the entry it corrects checked. */
async function entryResident(tx: EntryTx, input: HomeVisitInput): Promise<Resident | undefined> {
  const resident = input.residentId ? await resolveResident(tx, input.residentId) : undefined;
  if (input.residentId && !resident) throw new DomainRefusal('该居民记录已不存在，请重新查找', 'household');
  if (input.corrects && !(await tx.homeVisits.get(input.corrects))) throw new DomainRefusal('要更正的走访记录不存在');
  return resident;
}

type FollowUp = { written: Omit<LoggedHomeVisit, 'entry'>; link?: HomeVisitLink };

/** What the person chose the entry leads to, through its own repository's write. */
function followUpOf(
  desk: Desk,
  tx: EntryTx,
  input: HomeVisitInput,
  visitInput: VisitInput | undefined,
  resident: Resident | undefined,
): Promise<FollowUp> {
  const then = input.then;
  if (then.kind === '问题') {
    const problemId = desk.newId();
    const at = resident ? { residentId: resident.id } : { place: input.address?.trim() };
    return addProblemIn(desk, tx, problemId, {
      title: then.title,
      category: then.category,
      gridId: input.gridId,
      ...at,
      source: '入户走访',
    }).then((problem) => ({ written: { problem }, link: { kind: '问题', problemId } }));
  }
  if (then.kind === '来访' && visitInput && resident)
    return registerVisitIn(desk, tx, { ...visitInput, residentId: resident.id }).then((visit) => ({
      written: { visit },
      link: { kind: '来访', visitId: visit.visit.id },
    }));
  if (then.kind === '帮代办' && resident) {
    const taskId = desk.newId();
    return registerProxyRequestIn(desk, tx, taskId, {
      residentId: resident.id,
      source: '入户走访',
      request: then.request,
    }).then((proxyTask) => ({ written: { proxyTask }, link: { kind: '帮代办', proxyTaskId: taskId } }));
  }
  return Dexie.Promise.resolve({ written: {} });
}

/** The entry itself and its audit row (purpose and follow-up kind only: no person, no address). */
async function addEntry(
  tx: EntryTx,
  id: string,
  staffId: string,
  input: HomeVisitInput,
  resident: Resident | undefined,
  link: HomeVisitLink | undefined,
): Promise<HomeVisit> {
  const address = input.address?.trim();
  const draft: Unstamped<HomeVisit> = {
    id,
    day: input.day,
    at: new Date(tx.now).toISOString(),
    staffId,
    gridId: input.gridId,
    purpose: input.purpose as HomeVisit['purpose'],
    ...(resident ? { residentId: resident.id } : { address }),
    household: householdOf(resident ? { resident } : { address }),
    found: input.found.trim(),
    followUp: input.followUp.trim(),
    ...(link ? { link } : {}),
    ...(input.corrects ? { corrects: input.corrects } : {}),
  };
  const entry = await tx.homeVisits.add(draft);
  await tx.audit({
    action: 'homeVisit.log',
    entity: 'homeVisit',
    entityId: id,
    detail: [draft.purpose, link?.kind, input.corrects ? '更正' : undefined].filter(Boolean).join('/'),
  });
  return entry;
}

/** The current entries whose day is in [from, to] (corrections folded). */
async function entriesBetween(desk: DeskBase, from: string, to: string): Promise<HomeVisit[]> {
  return currentEntries(await desk.db.homeVisits.where('day').between(from, to, true, true).toArray());
}

export type HomeVisitMonth = {
  month: string;
  people: (StaffZoneDays & { name: string; grids: string[] })[];
  zones: (ZoneHouseholds & { name: string })[];
};

/** The month table: per person the days in their zone (10-day target), per zone the households visited. */
export async function homeVisitMonth(desk: Desk, month: string): Promise<HomeVisitMonth> {
  const q = quarterRange(month);
  const [entries, staff] = await Promise.all([entriesBetween(desk, q.from, q.to), desk.db.staff.toArray()]);
  const visitors = staff.filter(
    (s) => (s.active && s.role !== '审计员') || entries.some((e) => e.staffId === s.id && e.day.startsWith(month)),
  );
  const byId = new Map<string, Staff>(visitors.map((s) => [s.id, s]));
  return {
    month,
    people: zoneDaysOfMonth(entries, visitors, month).map((r) => ({
      ...r,
      name: byId.get(r.staffId)?.name ?? '',
      grids: byId.get(r.staffId)?.grids ?? [],
    })),
    zones: zoneHouseholds(entries, desk.community.grids, month).map((z) => ({
      ...z,
      name: desk.community.grids.find((g) => g.id === z.gridId)?.name ?? '',
    })),
  };
}

/** The unvisited-days setting (default 30). */
export const unvisitedDaysOf = (desk: Pick<Desk, 'community'>): number =>
  desk.community.unvisitedDays ?? DEFAULT_UNVISITED_DAYS;

/** Who visited (staff names) and the residents the entries name (one read each). */
async function whoOf(desk: DeskBase, entries: readonly HomeVisit[]) {
  const [staff, residents] = await Promise.all([
    desk.db.staff.bulkGet([...new Set(entries.map((e) => e.staffId))]),
    residentsByIds(
      desk,
      entries.flatMap((e) => (e.residentId ? [e.residentId] : [])),
    ),
  ]);
  return { names: new Map(staff.flatMap((s) => (s ? [[s.id, s.name] as const] : []))), residents };
}

export type HomeVisitRow = { entry: HomeVisit; staffName: string; resident?: Resident; corrected: boolean };

/** The newest entries (by day, then logged time), with who visited and the resident; a replaced one marked. */
export async function recentHomeVisits(desk: DeskBase, limit = 30): Promise<HomeVisitRow[]> {
  const rows = await desk.db.homeVisits.orderBy('day').reverse().limit(limit).toArray();
  rows.sort((a, b) => b.day.localeCompare(a.day) || b.at.localeCompare(a.at));
  const current = new Set(currentEntries(rows).map((e) => e.id));
  const { names, residents } = await whoOf(desk, rows);
  return rows.map((entry) => ({
    entry,
    staffName: names.get(entry.staffId) ?? '',
    ...(entry.residentId && residents.get(entry.residentId) ? { resident: residents.get(entry.residentId) } : {}),
    corrected: !current.has(entry.id),
  }));
}

/**
 * The printed 走访 list of a month: its current entries (corrections folded) by day, with who
 * visited, the 网格's name and the resident's name and address as stored (masked by the printout).
 */
export async function homeVisitListOfMonth(desk: Desk, month: string): Promise<HomeVisitListLine[]> {
  const { from, to } = monthRange(month);
  const entries = (await entriesBetween(desk, from, to)).sort(
    (a, b) => a.day.localeCompare(b.day) || a.at.localeCompare(b.at),
  );
  const { names, residents } = await whoOf(desk, entries);
  const grids = new Map(desk.community.grids.map((g) => [g.id, g.name]));
  return entries.map((e) => {
    const r = e.residentId ? residents.get(e.residentId) : undefined;
    return {
      day: e.day,
      staffName: names.get(e.staffId) ?? '（已停用人员）',
      gridName: grids.get(e.gridId) ?? '',
      ...(r ? { residentName: r.name } : {}),
      address: r ? residentAddress(r) : (e.address ?? ''),
      purpose: e.purpose,
      found: e.found,
      followUp: e.followUp,
    };
  });
}

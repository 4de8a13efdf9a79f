/**
 * 交接班 (issue 26 item 3): what the desk knows at hand-over, the notes (append-only) and their
 * 签阅 (one event row each). The rota is read only as rows of `rota` with `day`, `staffId` and
 * `post` (值班岗 = on duty at the center that day), by its `day` index.
 */
import {
  checkHandoverInput,
  nextDutyDay,
  orderedFacts,
  pendingNotes,
  pendingSpan,
  readersOf,
  shiftSpan,
  signOutAsks,
  HANDOVER_LOOKBACK_DAYS,
  MAX_FACT_REFS,
  type HandoverInput,
} from '@shared/domain/handover';
import { FLAGS } from '@shared/domain/caseQueues';
import { addDays } from '@shared/domain/localDate';
import type { HandoverFact, HandoverNote, HandoverRead } from '@shared/domain/records';
import type { Desk, DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';

/** How far ahead the rota is read for the next duty day (a long holiday closes a week at most). */
const ROTA_AHEAD_DAYS = 14;
const DUTY_POST = '值班岗';

/** The rota's 值班岗 rows of the days [from, to]. */
async function dutyRows(desk: DeskBase, from: string, to: string) {
  const rows = await desk.db.rota.where('day').between(from, to, true, true).toArray();
  return rows.filter((r) => r.post === DUTY_POST);
}

/** The staff member is on the 值班岗 on that day. */
export async function isOnDuty(desk: DeskBase, staffId: string, day: string): Promise<boolean> {
  return (await dutyRows(desk, day, day)).some((r) => r.staffId === staffId);
}

/** The day a note written today is for: the next day the rota has someone on the 值班岗. */
export async function handoverForDay(desk: Desk, day = desk.clock.today()): Promise<string> {
  const rows = await dutyRows(desk, addDays(day, 1), addDays(day, ROTA_AHEAD_DAYS));
  return nextDutyDay(
    day,
    rows.map((r) => r.day),
  );
}

const trackingNumbers = (rows: { trackingNumber: string }[]) =>
  rows.slice(0, MAX_FACT_REFS).map((r) => r.trackingNumber);

/**
 * What the desk knows for the note: counted by the same indexes as the 工作台 (办件 due the next
 * working day and overdue, 转办 waiting for anyone's 签收, 待回访, documents out, 帮代办 home
 * visits booked for the note's day, 社区处置 decisions due by then). Tracking numbers only.
 */
export async function handoverFacts(desk: Desk, forDay: string): Promise<HandoverFact[]> {
  const { db } = desk;
  const today = desk.clock.today();
  const nextWorkday = desk.calendar.addWorkingDays(today, 1).date;
  const fact = async (
    kind: HandoverFact['kind'],
    count: Promise<number>,
    first?: Promise<{ trackingNumber: string }[]>,
  ): Promise<HandoverFact> => ({ kind, count: await count, refs: first ? trackingNumbers(await first) : [] });
  const due = () => db.cases.where('dueDay').equals(nextWorkday);
  const overdue = () => db.cases.where('dueDay').below(today);
  const toSign = () => db.cases.where('flags').startsWith(FLAGS.toSignFor(''));
  const callbacks = () => db.cases.where('flags').equals(FLAGS.callback);
  const decisionsDue = db.problems
    .where('status')
    .equals('社区处置')
    .filter((p) => {
      const last = p.decisions.at(-1);
      return last?.type === '社区处置' && last.dueDay <= forDay;
    })
    .count();
  return orderedFacts(
    await Promise.all([
      fact('明日到期', due().count(), due().limit(MAX_FACT_REFS).toArray()),
      fact('已超期', overdue().count(), overdue().limit(MAX_FACT_REFS).toArray()),
      fact('待签收', toSign().count(), toSign().limit(MAX_FACT_REFS).toArray()),
      fact('材料在外', db.custodyItems.where('holderKey').above('').count()),
      fact('待回访', callbacks().count(), callbacks().limit(MAX_FACT_REFS).toArray()),
      fact('明日上门', db.proxyTasks.where('visitDay').equals(forDay).count()),
      fact('会议决定到期', decisionsDue),
    ]),
  );
}

/** A note being prepared: the day it is for and what the desk knows now. */
export type HandoverDraft = { day: string; forDay: string; facts: HandoverFact[] };

export async function prepareHandover(desk: Desk): Promise<HandoverDraft> {
  const forDay = await handoverForDay(desk);
  return { day: desk.clock.today(), forDay, facts: await handoverFacts(desk, forDay) };
}

/** Minutes since local midnight of the desk's now. */
function minutesNow(desk: DeskBase): number {
  const d = new Date(desk.clock.now());
  return d.getHours() * 60 + d.getMinutes();
}

/** The sign-out of the desk's actor asks for a hand-over note (shared/domain/handover/shift.ts). */
export async function signOutAsksHandover(desk: Desk): Promise<boolean> {
  const today = desk.clock.today();
  const [onDuty, written] = [
    await isOnDuty(desk, desk.actor.id, today),
    await desk.db.handovers
      .where('day')
      .equals(today)
      .filter((n) => n.staffId === desk.actor.id)
      .count(),
  ];
  const end = shiftSpan(desk.calendar.describeDay(today).kind, desk.community.openingHours).end;
  return signOutAsks({ onDuty, minutesNow: minutesNow(desk), shiftEnd: end, wroteToday: written > 0 });
}

/** Writes the actor's note: what the desk knows now, their text and watch list. */
export async function writeHandover(desk: Desk, input: HandoverInput): Promise<HandoverNote> {
  const checked = checkHandoverInput(input);
  if (!checked.ok) {
    const field = checked.errors.text ? 'text' : 'watch';
    throw new DomainRefusal(checked.errors[field]!, field);
  }
  const draft = await prepareHandover(desk);
  const id = desk.newId();
  return writeTx(desk, ['handovers'], async (tx) => {
    const note = await tx.handovers.add({
      id,
      day: tx.today,
      forDay: draft.forDay,
      staffId: desk.actor.id,
      facts: draft.facts,
      ...checked.value,
    });
    await tx.audit({ action: 'handover.write', entity: 'handover', entityId: id, detail: `交接至 ${draft.forDay}` });
    return note;
  });
}

/** 签阅: the actor marks a note read (once; signing again changes nothing). */
export async function signHandover(desk: Desk, noteId: string): Promise<HandoverRead> {
  const id = desk.newId();
  return writeTx(desk, ['handovers', 'handoverReads'], async (tx) => {
    const note = await tx.handovers.get(noteId);
    if (!note) throw new DomainRefusal('未找到这份交接班记录');
    if (note.staffId === desk.actor.id) throw new DomainRefusal('自己写的交接班记录不需要签阅');
    const mine = (await tx.handoverReads.where('noteId').equals(noteId).toArray()).filter(
      (r) => r.staffId === desk.actor.id,
    );
    const [already] = readersOf(noteId, mine);
    if (already) return already;
    const read = await tx.handoverReads.add({ id, noteId, staffId: desk.actor.id, at: tx.now, day: tx.today });
    await tx.audit({ action: 'handover.read', entity: 'handover', entityId: noteId });
    return read;
  });
}

/** A note as shown: the writer's name and who signed it when. */
export type HandoverView = HandoverNote & {
  writerName: string;
  readers: { staffId: string; name: string; at: number }[];
};

async function viewsOf(desk: DeskBase, notes: HandoverNote[]): Promise<HandoverView[]> {
  const reads = await desk.db.handoverReads
    .where('noteId')
    .anyOf(notes.map((n) => n.id))
    .toArray();
  const ids = [...new Set([...notes.map((n) => n.staffId), ...reads.map((r) => r.staffId)])];
  const staff = await desk.db.staff.bulkGet(ids);
  const names = new Map(staff.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
  const name = (id: string) => names.get(id) ?? '（已停用人员）';
  return notes.map((n) => ({
    ...n,
    writerName: name(n.staffId),
    readers: readersOf(n.id, reads).map((r) => ({ staffId: r.staffId, name: name(r.staffId), at: r.at })),
  }));
}

/** 值班 → 交接班: the notes written on a day, oldest first, with who read them when. */
export async function handoversOfDay(desk: DeskBase, day: string): Promise<HandoverView[]> {
  const notes = (await desk.db.handovers.where('day').equals(day).toArray()).sort(
    (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
  return viewsOf(desk, notes);
}

/** One note as shown (the printout). */
export async function handoverView(desk: DeskBase, id: string): Promise<HandoverView | undefined> {
  const note = await desk.db.handovers.get(id);
  return note ? (await viewsOf(desk, [note]))[0] : undefined;
}

/**
 * The notes the actor must 签阅 before the 工作台: only while they are on the 值班岗 today, the
 * notes for the days since their previous duty day (pending.ts).
 */
export async function pendingHandovers(desk: Desk): Promise<HandoverView[]> {
  const today = desk.clock.today();
  const staffId = desk.actor.id;
  if (!(await isOnDuty(desk, staffId, today))) return [];
  const before = (await dutyRows(desk, addDays(today, -HANDOVER_LOOKBACK_DAYS), addDays(today, -1)))
    .filter((r) => r.staffId === staffId)
    .map((r) => r.day)
    .sort();
  const query = { staffId, today, previousDutyDay: before.at(-1) };
  const { after, upTo } = pendingSpan(query);
  const notes = await desk.db.handovers.where('forDay').between(after, upTo, false, true).toArray();
  const reads = await desk.db.handoverReads
    .where('noteId')
    .anyOf(notes.map((n) => n.id))
    .toArray();
  return viewsOf(desk, pendingNotes(notes, reads, query));
}

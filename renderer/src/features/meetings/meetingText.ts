/**
 * What the 联席会议 screens and papers say about a problem, an entry or a meeting, computed once
 * from the meeting's file: the 网格's name, the sources of a (merged) problem, the default day of
 * the next meeting, and the data of the printed 会议议程 and 会议纪要.
 */
import { addDays, dayOfWeek } from '@shared/domain/localDate';
import { decisionText } from '@shared/domain/meetings';
import type { AgendaItem, Attendee, CaseRecord, CommunityProfile, Problem, Resident } from '@shared/domain/records';
import { namedResidents, type NamedResident } from '@shared/domain/residentStatus';
import type { MeetingAgendaPaper, MeetingPaperEntry, MeetingPaperProgress } from '@shared/receipts/meetingAgenda';
import type { MeetingMinutesPaper } from '@shared/receipts/meetingMinutes';
import type { MeetingFile } from '../../db/repositories/meetings';
import { localDateTime } from '../../app/clock';

export const NO_GRID = '未分网格';

export function gridNameOf(community: CommunityProfile, id: string | undefined): string {
  return (id && community.grids.find((g) => g.id === id)?.name) || NO_GRID;
}

/** The Friday on or after `today` (the weekly meeting's usual day). */
export function nextFriday(today: string): string {
  return addDays(today, (5 - dayOfWeek(today) + 7) % 7);
}

/** An entry with the problem and case it names. */
export type EntryView = {
  item: AgendaItem;
  /** 1, 2, 3 … its place on the agenda as shown. */
  position: number;
  problem?: Problem;
  record?: CaseRecord;
  /** Who reported the problem: on file, or 已删除居民. */
  residents: NamedResident[];
  /** Decisions of earlier meetings, oldest first, as text with their day. */
  history: string[];
  decision?: string;
};

export type StaffName = (id: string) => string;

export function entryViews(
  file: MeetingFile,
  residents: ReadonlyMap<string, Resident>,
  staffName: StaffName,
): EntryView[] {
  const { first, size } = file.shown;
  return file.items.slice(first, first + size).map((item, i) => {
    const problem = item.problemId ? file.problems.get(item.problemId) : undefined;
    const caseId = item.caseId ?? problem?.caseId;
    return {
      item,
      position: first + i + 1,
      problem,
      record: caseId ? file.cases.get(caseId) : undefined,
      residents: namedResidents(problem?.residentIds, residents),
      history: (problem?.decisions ?? [])
        .filter((d) => d.meetingId !== file.meeting.id)
        .map((d) => `${d.day} ${decisionText(d, staffName)}`),
      ...(item.decision ? { decision: decisionText(item.decision, staffName) } : {}),
    };
  });
}

/** Last meeting's decisions with the case each one concerns (the problem keeps the same record). */
export function progressViews(file: MeetingFile, staffName: StaffName) {
  const problems = [...file.problems.values()];
  return file.progress.map((p) => {
    const problem = problems.find((x) => x.decisions.includes(p.decision));
    const record = problem?.caseId ? file.cases.get(problem.caseId) : undefined;
    return { ...p, text: decisionText(p.decision, staffName), record };
  });
}

function paperEntry(v: EntryView, community: CommunityProfile): MeetingPaperEntry {
  const { item, problem, record } = v;
  return {
    order: v.position,
    kind: item.kind,
    title: item.title,
    category: item.category,
    grid: gridNameOf(community, item.gridId),
    ...(problem?.detail ? { detail: problem.detail } : {}),
    ...(problem?.place ? { place: problem.place } : {}),
    ...(problem ? { reports: problem.sources.length } : {}),
    residents: v.residents.map((r) => r.name),
    ...(record ? { caseNumber: record.trackingNumber, caseStatus: record.status } : {}),
    ...(record?.deadline ? { deadline: record.deadline } : {}),
    history: v.history,
    ...(item.discussion ? { discussion: item.discussion } : {}),
    ...(item.decision && v.decision ? { decision: { type: item.decision.type, text: v.decision } } : {}),
  };
}

function paperProgress(file: MeetingFile, staffName: StaffName): MeetingPaperProgress[] {
  return progressViews(file, staffName).map((p) => ({
    title: p.title,
    decision: p.text,
    ...(p.record ? { caseNumber: p.record.trackingNumber } : {}),
    ...(p.caseStatus ? { caseStatus: p.caseStatus } : {}),
    ...(p.deadline ? { deadline: p.deadline } : {}),
    done: p.done,
  }));
}

type PaperContext = {
  file: MeetingFile;
  entries: EntryView[];
  community: CommunityProfile;
  staffName: StaffName;
  printedAt: string;
  printedBy: string;
};

export function agendaPaper({
  file,
  entries,
  community,
  staffName,
  printedAt,
  printedBy,
}: PaperContext): MeetingAgendaPaper {
  const { meeting } = file;
  return {
    communityName: community.name,
    day: meeting.day,
    ...(meeting.movedFrom ? { movedFrom: meeting.movedFrom } : {}),
    ...(meeting.since ? { since: meeting.since } : {}),
    attendees: meeting.attendees.map(paperPerson),
    progress: paperProgress(file, staffName),
    entries: entries.map((v) => paperEntry(v, community)),
    printedAt,
    printedBy,
  };
}

/** A guest's unit before the name, as typed ('桃花岭派出所 孙警官'). */
const paperPerson = (a: Attendee) => ({ name: a.unit ? `${a.unit} ${a.name}` : a.name, role: a.role });

export function minutesPaper({
  file,
  entries,
  community,
  staffName,
  printedAt,
  printedBy,
}: PaperContext): MeetingMinutesPaper {
  const { meeting } = file;
  return {
    communityName: community.name,
    day: meeting.day,
    ...(meeting.heldAt !== undefined ? { heldTime: localDateTime(meeting.heldAt).slice(11) } : {}),
    ...(meeting.movedFrom ? { movedFrom: meeting.movedFrom } : {}),
    ...(meeting.since ? { since: meeting.since } : {}),
    present: meeting.attendees.filter((a) => a.present).map(paperPerson),
    absent: meeting.attendees.filter((a) => !a.present).map(paperPerson),
    progress: paperProgress(file, staffName),
    entries: entries.map((v) => paperEntry(v, community)),
    ...(meeting.summary ? { summary: meeting.summary } : {}),
    printedAt,
    printedBy,
  };
}

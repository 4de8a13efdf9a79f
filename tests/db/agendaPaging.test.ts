/**
 * The 联席会议 agenda a page at a time (issue 28 item 3): at five years an agenda carries hundreds
 * of stalled entries, so the meeting page reads its entries' problems and cases a page at a time —
 * the counts, the positions and the moves still cover the whole agenda, and the printed agenda
 * reads every entry.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { LIST_PAGE_SIZE } from '@shared/domain/listPaging';
import { addProblem } from '../../renderer/src/db/repositories/problems';
import { getMeetingFile, getMeetingView, planMeeting } from '../../renderer/src/db/repositories/meetings';
import { entryViews } from '../../renderer/src/features/meetings/meetingText';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { counterIds, createZhangSan, freshDb, setUpCommunity, T0, testDesk } from './testDb';

const FRI = '2026-11-27';
const ENTRIES = LIST_PAGE_SIZE + 12;

/** A meeting planned on FRI over ENTRIES problems of places, after `before` added its own. */
async function agendaOf(before: (db: DutyDeskDB, adminId: string, desk: Desk) => Promise<void>) {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const ids = counterIds('a');
  const desk = () => testDesk(db, { staffId: admin.id, today: FRI, now: T0, calendar: createCalendar(), ...ids });
  await before(db, admin.id, desk());
  for (let i = 0; i < ENTRIES; i++)
    await addProblem(desk(), {
      title: `问题 ${i + 1}`,
      category: '公共设施',
      place: `${i + 1} 栋`,
      source: '入户走访',
    });
  return { desk, meeting: await planMeeting(desk(), FRI) };
}

describe('the agenda a page at a time', () => {
  it('reads the problems of the page shown only; positions, counts and the whole file cover every entry', async () => {
    const { desk, meeting } = await agendaOf(async () => {});

    const whole = (await getMeetingFile(desk(), meeting.id))!;
    expect(whole.items).toHaveLength(ENTRIES);
    expect(whole.problems.size).toBe(ENTRIES);

    const second = (await getMeetingFile(desk(), meeting.id, { first: LIST_PAGE_SIZE, size: LIST_PAGE_SIZE }))!;
    expect(second.items).toHaveLength(ENTRIES);
    const views = entryViews(second, new Map(), () => '王秀英');
    expect(views.map((v) => v.position)).toEqual(Array.from({ length: 12 }, (_, i) => LIST_PAGE_SIZE + i + 1));
    expect(views.map((v) => v.item.id)).toEqual(whole.items.slice(LIST_PAGE_SIZE).map((i) => i.id));
    // Only the page's problems were read, and each entry found its own.
    expect(second.problems.size).toBe(12);
    expect(views.every((v) => v.problem?.id === v.item.problemId)).toBe(true);
  });

  it('the meeting page reads the page file and the residents its shown problems name, no others', async () => {
    let zhang = '';
    // One problem of a resident's among the places' (one entry more than the first test's).
    const { desk, meeting } = await agendaOf(async (db, adminId, desk) => {
      zhang = (await createZhangSan(db, adminId, FRI)).id;
      await addProblem(desk, { title: '楼道堆物', category: '环境卫生', residentId: zhang, source: '入户走访' });
    });
    const whole = (await getMeetingFile(desk(), meeting.id))!;
    const last = whole.items.findIndex((i) => whole.problems.get(i.problemId ?? '')?.residentIds?.includes(zhang));
    expect(last).toBeGreaterThanOrEqual(0);
    const pageOf = (at: number) => ({ first: Math.floor(at / LIST_PAGE_SIZE) * LIST_PAGE_SIZE, size: LIST_PAGE_SIZE });
    const other =
      last < LIST_PAGE_SIZE ? { first: LIST_PAGE_SIZE, size: LIST_PAGE_SIZE } : { first: 0, size: LIST_PAGE_SIZE };

    const withHer = (await getMeetingView(desk(), meeting.id, pageOf(last)))!;
    expect(withHer.file).toEqual(await getMeetingFile(desk(), meeting.id, pageOf(last)));
    expect([...withHer.residents.keys()]).toEqual([zhang]);
    const without = (await getMeetingView(desk(), meeting.id, other))!;
    expect(without.residents.size).toBe(0);
    expect(await getMeetingView(desk(), 'no-such-meeting')).toBeNull();
  });
});

/**
 * The 错时 table's case events (issue 28 item 2, DB v37): read by their instant (`at`) over the
 * spans of off-hours time only (db/repositories/offHours.ts `offHoursCaseEvents`), they are
 * exactly the events of the period a read of every one of them finds outside standard hours —
 * on the generated desk (1/100) and at the edges: the last instant before opening, opening
 * itself, the last instant before closing, closing itself, a rest day, a 调休 working Saturday,
 * the first and last instants of the period.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDesk } from '../../bench/data/generate';
import { localMinuteOf, offHoursPartAt } from '@shared/domain/offHours';
import { toLocalDateString } from '@shared/domain/localDate';
import type { CaseEvent } from '@shared/domain/records';
import { offHoursCaseEvents, readOffHoursTables } from '../../renderer/src/db/repositories/offHours';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { generatedAdminDesk, loadedDb } from './generatedDesk';

const data = generateDesk('tiny');
let db: DutyDeskDB;
let desk: Desk;
const dayOf = (ms: number) => toLocalDateString(new Date(ms));
/** A local instant: 'YYYY-MM-DD', 'HH:MM:SS.mmm'. */
const local = (day: string, time: string) => new Date(`${day}T${time}`).getTime();

beforeAll(async () => {
  db = await loadedDb(data);
  desk = await generatedAdminDesk(db, { dayOf });
}, 120_000);

/** Every event of [from, to] a read of them all finds outside standard hours (the table's own rule). */
async function oracle(from: string, to: string) {
  const hours = desk.community.openingHours;
  return (await db.caseEvents.toArray())
    .filter((e) => e.action !== '升级基线')
    .map((e) => ({ staffId: e.by, day: dayOf(e.at), at: e.at }))
    .filter((m) => m.day >= from && m.day <= to)
    .filter((m) => offHoursPartAt(m.day, localMinuteOf(m.at), desk.calendar, hours) !== null);
}
const sorted = <T extends { at: number; staffId: string }>(ms: readonly T[]) =>
  [...ms].sort((a, b) => a.at - b.at || a.staffId.localeCompare(b.staffId));

describe('错时: the case events made outside standard hours, read by instant', { timeout: 60_000 }, () => {
  it('are exactly those a read of every event finds, on the generated desk', async () => {
    const days = [...new Set(data.caseEvents.map((e) => dayOf(e.at)))].sort();
    const [from, to] = [days[0]!, days[days.length - 1]!];
    const read = await offHoursCaseEvents(desk, from, to);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(data.caseEvents.length); // the working hours' events are not read
    expect(sorted(read)).toEqual(sorted(await oracle(from, to)));
    // …and a month inside it: nothing of the days around.
    const month = { from: '2026-10-01', to: '2026-10-31' };
    expect(sorted(await offHoursCaseEvents(desk, month.from, month.to))).toEqual(
      sorted(await oracle(month.from, month.to)),
    );
  });

  it('at the edges of standard hours, of rest days and of the period', async () => {
    const { start, end } = desk.community.openingHours.weekday;
    const edges: [string, string][] = [
      ['2026-11-02', `${start}:00.000`], // a Monday, opening: within
      ['2026-11-02', `${start}:00.000-1`], // the last instant before it: 早间
      ['2026-11-03', `${end}:00.000-1`], // the last instant open: within
      ['2026-11-03', `${end}:00.000`], // closing: 晚间
      ['2026-11-07', '12:00:00.000'], // a Saturday: 休息日
      ['2026-10-01', '10:00:00.000'], // 国庆节: 休息日
      ['2026-09-28', '10:00:00.000'], // an ordinary Monday
      ['2026-10-10', '10:00:00.000'], // the 调休 Saturday, a working day: within
      ['2026-10-10', '20:00:00.000'], // …its evening: 晚间
      ['2026-11-01', '00:00:00.000'], // the period's first instant (a Sunday)
      ['2026-11-08', '23:59:59.999'], // the period's last instant (a Sunday)
      ['2026-10-31', '23:59:59.999'], // the instant before the period
      ['2026-11-09', '00:00:00.000'], // the instant after it
    ];
    const events: CaseEvent[] = edges.map(([day, time], i) => {
      const [t, less] = time.split('-');
      return {
        id: `edge-${i}`,
        caseId: 'edge-case',
        n: i + 1,
        at: local(day, t!) - (less ? 1 : 0),
        by: `edge-${day}-${time}`,
        action: '补正',
      };
    });
    await db.caseEvents.bulkAdd(events);
    try {
      const period = { from: '2026-11-01', to: '2026-11-08' };
      const edgeOf = (ms: readonly { staffId: string }[]) =>
        ms
          .map((m) => m.staffId)
          .filter((s) => s.startsWith('edge-'))
          .sort();
      expect(edgeOf(await offHoursCaseEvents(desk, period.from, period.to))).toEqual(
        [
          `edge-2026-11-02-${start}:00.000-1`,
          `edge-2026-11-03-${end}:00.000`,
          'edge-2026-11-07-12:00:00.000',
          'edge-2026-11-01-00:00:00.000',
          'edge-2026-11-08-23:59:59.999',
        ].sort(),
      );
      const autumn = { from: '2026-09-28', to: '2026-10-10' };
      expect(edgeOf(await offHoursCaseEvents(desk, autumn.from, autumn.to))).toEqual(
        ['edge-2026-10-01-10:00:00.000', 'edge-2026-10-10-20:00:00.000'].sort(),
      );
      // The table counts them as 办件 occasions of their own people.
      const [rows] = await readOffHoursTables(desk, [period]);
      const edgeRows = rows!.filter((r) => r.staffId.startsWith('edge-'));
      expect(edgeRows.map((r) => r.staffId).sort()).toEqual(
        edgeOf(await offHoursCaseEvents(desk, period.from, period.to)),
      );
      for (const r of edgeRows) expect(r.detail.flatMap((o) => o.sources)).toEqual(['办件']);
    } finally {
      await db.caseEvents.bulkDelete(events.map((e) => e.id));
    }
  });
});

/**
 * A clerk's shift (issue 28 item 6): the loop a clerk repeats — a resident searched, the
 * resident's page (record, visits, cases), a visit with one 承诺件 registered for them, the 办件
 * queues (the 12 counts and a first page), the 工作台 counts — through the app's own repository
 * functions on the prepared desk, in its real IndexedDB. The Node side (chromium.bench.test.ts)
 * forces a GC and reads the JS heap over CDP between rounds. The loop WRITES (a visit and a case
 * each time): the profile is marked stale afterwards, so the next run loads a fresh desk.
 */
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { queueCounts, queuePage } from '../../renderer/src/db/repositories/cases';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { getResident } from '../../renderer/src/db/repositories/residents';
import { searchResidents } from '../../renderer/src/db/repositories/residentSearch';
import { casesOfResident, registerVisit, visitsOfResident } from '../../renderer/src/db/repositories/visits';

export type ClerkLoop = (from: number, n: number) => Promise<number>;

/** The loop over `desk`: residents of the desk in turn, each loop's queries different. */
export async function clerkLoop(db: DutyDeskDB, desk: Desk): Promise<ClerkLoop> {
  const residents = (await db.residents.limit(400).toArray()).filter((r) => !r.deleted);
  const matter = (await db.matterTypes.toArray()).find(
    (m) => m.active && m.documents.length >= 2 && m.timeLimitDays > 0,
  );
  if (!matter || residents.length === 0) throw new Error('the desk has no resident or matter for the loop');
  return async (from, n) => {
    let rows = 0;
    for (let i = from; i < from + n; i++) {
      const r = residents[i % residents.length]!;
      const found = await searchResidents(desk, r.name, 20);
      const id = found[0]?.id ?? r.id;
      const [resident, visits, cases] = await Promise.all([
        getResident(desk, id),
        visitsOfResident(desk, id),
        casesOfResident(desk, id),
      ]);
      await registerVisit(desk, {
        residentId: id,
        channel: '来站',
        kind: '办件',
        content: '',
        cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
      });
      const [counts, page, board] = await Promise.all([
        queueCounts(desk),
        queuePage(desk, '全部在办', {}, { limit: 25 }),
        dashboardCounts(desk),
      ]);
      rows += found.length + (resident ? 1 : 0) + visits.length + cases.length + Object.keys(counts).length;
      rows += page.rows.length + Object.keys(board).length;
    }
    return rows;
  };
}

/**
 * The slim rows' cost on a registration (issue 28 item 2, DB v39), in Chromium's real IndexedDB:
 * the app's `registerVisit` (visit, case, timeline event, counter, audit rows) keeping the visit's
 * and the case's slim rows (slimRows/middleware.ts) next to the same write keeping none
 * (`setSlimRowsForBench`, reachable from the bench only), interleaved in the same run. A fresh
 * database of its own: the cached bench profile is not written.
 */
import { Dexie } from 'dexie';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { setSlimRowsForBench } from '../../renderer/src/db/slimRows/middleware';
import { benchDesk, interleaved, registration } from './auditChainBench';

const NAME = 'bench-slim-rows';

export async function slimRowsRun(reps: number, warmup = 3) {
  await Dexie.delete(NAME);
  const db = new DutyDeskDB(NAME);
  try {
    const desk = await benchDesk(db);
    const register = await registration(desk, db);
    const before = await db.slimRows.count();
    await register();
    const rowsPerRegistration = (await db.slimRows.count()) - before;
    return { ...(await interleaved(reps, warmup, setSlimRowsForBench, register)), rowsPerRegistration };
  } finally {
    db.close();
    await Dexie.delete(NAME);
  }
}

/**
 * The outbox's cost on a registration (issue 24 item 1), in Chromium's real IndexedDB: the app's
 * `registerVisit` on a desk JOINED to its center — every travelling record and audit row also
 * written as documents into ONE outbox row in the same transaction (renderer/src/sync/outbox.ts)
 * — next to the same write on the desk alone, interleaved in the same run, alternating who goes
 * first (as the audit chain's cost is measured). The outbox rows are removed between writes, as
 * the pump would (not timed). A fresh database of its own.
 */
import { Dexie } from 'dexie';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { setJoined } from '../../renderer/src/sync/outbox';
import { NOW } from '../data/generate';
import { benchDesk, registration } from './auditChainBench';

const NAME = 'bench-outbox';

export async function outboxRun(reps: number, warmup = 3) {
  await Dexie.delete(NAME);
  const db = new DutyDeskDB(NAME);
  try {
    const desk = await benchDesk(db);
    const register = await registration(desk, db);
    await db.deskMeta.put({ key: 'joinedCenter', value: { at: NOW } });
    setJoined(db, true);
    await register();
    const docsPerRegistration = (await db.outbox.toArray())[0]?.docs.length ?? 0;
    await db.outbox.clear();
    const subject: number[] = [];
    const baseline: number[] = [];
    for (let rep = 0; rep < warmup + reps; rep++) {
      for (const joined of rep % 2 === 0 ? [true, false] : [false, true]) {
        setJoined(db, joined);
        const t0 = performance.now();
        await register();
        const ms = performance.now() - t0;
        if (rep >= warmup) (joined ? subject : baseline).push(ms);
        await db.outbox.clear();
      }
    }
    return { subject, baseline, docsPerRegistration };
  } finally {
    setJoined(db, false);
    db.close();
    await Dexie.delete(NAME);
  }
}

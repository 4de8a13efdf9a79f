/**
 * The 交接班 gate's live read (issue 26, the lag noticed at the merge): a note 签阅'd at the gate
 * leaves the live list at once. The gate read `useLiveQuery(() => pendingHandovers(desk))`; a plain
 * arrow querier lets Dexie observe only the reads before pendingHandovers' first await (the rota),
 * so the stored 签阅 never re-ran it. `liveQuerier` (app/liveQuerier.ts) is the querier the gate uses now.
 */
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { liveQuerier } from '../../renderer/src/app/liveQuerier';
import { pendingHandovers, signHandover, writeHandover } from '../../renderer/src/db/repositories/handovers';
import { addClerkLiMing, communityDesk, freshDb, localAt, rotaCell, setUpCommunity } from './testDb';

const at = localAt;
const TUE = '2026-11-24';
const WED = '2026-11-25';

describe('交接班 gate: the live list of notes to 签阅', () => {
  it('drops a note as soon as its 签阅 is stored (the live read observes handoverReads)', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const li = await addClerkLiMing(db, admin.id);
    await db.rota.bulkAdd([rotaCell(TUE, li.id, '值班岗'), rotaCell(WED, admin.id, '值班岗')]);
    const as = (staffId: string, day: string, hhmm: string) =>
      communityDesk(db, { staffId, now: at(day, hhmm), today: day });
    const note = await writeHandover(await as(li.id, TUE, '17:45'), { text: '街道9点回电', watch: [] });
    const morning = await as(admin.id, WED, '08:05');

    const seen: string[][] = [];
    let wake: () => void = () => {};
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    let emitted = next();
    const sub = liveQuery(liveQuerier(() => pendingHandovers(morning))).subscribe({
      next: (notes) => {
        seen.push(notes.map((n) => n.id));
        wake();
      },
    });
    try {
      await emitted;
      expect(seen).toEqual([[note.id]]);
      emitted = next();
      await signHandover(morning, note.id);
      // No timer: the test waits for the re-run itself (on the old querier it never came).
      await emitted;
      expect(seen.at(-1)).toEqual([]);
    } finally {
      sub.unsubscribe();
    }
  });
});

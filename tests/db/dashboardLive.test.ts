/**
 * Issue 28 item 4: saving a visit re-runs only the 工作台's live reads that the write touched.
 * Dexie's live queries re-run every querier whose observed ranges a write touches; each of the
 * 工作台's queriers is subscribed here as the page subscribes it and its runs are counted: a
 * visit's save re-runs the counts (their kept rows moved) and nothing that reads no visit, case
 * or count (today's rota, the hand-over notes), and the counts' re-run reads only kept rows.
 */
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { pendingHandovers } from '../../renderer/src/db/repositories/handovers';
import { getRotaToday } from '../../renderer/src/db/repositories/rota';
import type { Desk } from '../../renderer/src/db/desk';
import { acceptCommittedCase, communityDesk, communityWithZhangSan } from './testDb';

const QUERIERS = {
  counts: dashboardCounts,
  rotaToday: getRotaToday,
  handovers: pendingHandovers,
} satisfies Record<string, (desk: Desk) => Promise<unknown>>;

describe('the 工作台 after a save', () => {
  it('a visit re-runs the counts, and no querier that reads neither visits nor counts', async () => {
    const { db, admin, resident } = await communityWithZhangSan();
    const desk = await communityDesk(db, { staffId: admin.id });
    const runs: Record<string, number> = {};
    const values: Record<string, unknown> = {};
    const subs = Object.entries(QUERIERS).map(([name, read]) =>
      liveQuery<unknown>(() => {
        runs[name] = (runs[name] ?? 0) + 1;
        return read(desk);
      }).subscribe((v) => (values[name] = v)),
    );
    await expect.poll(() => Object.keys(values).length).toBe(3);
    const first = { ...runs };
    expect(first).toEqual({ counts: 1, rotaToday: 1, handovers: 1 });

    await acceptCommittedCase(desk, resident.id);
    await expect.poll(() => (values.counts as { visitsToday: number }).visitsToday).toBe(1);
    // Let every notification of the write arrive before counting.
    await new Promise((r) => setTimeout(r, 200));
    for (const s of subs) s.unsubscribe();
    // The counts ran again (Dexie runs a touched querier while the transaction runs, on its
    // changes, and once more after the commit); the others did not.
    expect(runs.counts).toBeGreaterThan(1);
    expect({ rotaToday: runs.rotaToday, handovers: runs.handovers }).toEqual({ rotaToday: 1, handovers: 1 });
  });
});

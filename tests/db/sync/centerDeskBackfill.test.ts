/**
 * Issue 24 item 7 for desks joined before DB v22: their join wrote no row of their own in the
 * center's list of desks (centerDesks), so reports and packages did not name them. The start of
 * the exchange writes it (backfillOwnCenterDesk, called by startSync: tests/sync/engine.test.ts),
 * once, through the outbox so every desk gets it; a desk alone writes none.
 */
import { describe, expect, it } from 'vitest';
import { backfillOwnCenterDesk, knownDesks } from '../../../renderer/src/db/repositories/centerDesks';
import { joinedWorld } from './world';
import { T0 } from '../testDb';

describe('a desk joined before v22 gets its centerDesks row', () => {
  it('written once with the time it joined, and sent to the center (outbox)', async () => {
    const { db, desk } = await joinedWorld();
    expect(await db.centerDesks.count()).toBe(0);
    expect(await backfillOwnCenterDesk(desk)).toBe(true);
    expect(await db.centerDesks.toArray()).toEqual([{ id: '1', no: 1, name: '一号窗口', joinedAt: T0 }]);
    const sent = (await db.outbox.toArray()).flatMap((r) => r.docs);
    expect(sent.map((d) => [d._id, d.record])).toEqual([
      ['centerDesks:1', { id: '1', no: 1, name: '一号窗口', joinedAt: T0 }],
    ]);
    expect(await backfillOwnCenterDesk(desk)).toBe(false);
    expect(await db.outbox.count()).toBe(1);
    expect((await knownDesks(desk)).map((d) => d.no)).toEqual([1]);
  });

  it('a desk alone writes nothing', async () => {
    const { db, desk } = await joinedWorld({ joined: false });
    expect(await backfillOwnCenterDesk(desk)).toBe(false);
    expect(await db.centerDesks.count()).toBe(0);
  });
});

/**
 * 交接班 travels: desk 1's note and desk 2's 签阅 reach the other desk as they are (append-only
 * documents, events never conflict), and the note shows who read it on both.
 */
import { describe, expect, it } from 'vitest';
import { addClerkLiMing, communityDesk, freshDb, setUpCommunity, testDesk } from '../testDb';
import { acted, exchange, follow, memoryPouch } from '../support/syncHarness';
import { handoversOfDay, signHandover, writeHandover } from '../../../renderer/src/db/repositories/handovers';
import { IMMUTABLE_TABLES } from '../../../renderer/src/sync/contract';

const DESK2 = { no: 2, name: '二号窗口' };

describe('inbound: 交接班', () => {
  it('a note written on desk 1 and signed on desk 2 is the same on both desks', async () => {
    expect(IMMUTABLE_TABLES).toEqual(expect.arrayContaining(['handovers', 'handoverReads']));
    const db1 = freshDb();
    const local1 = memoryPouch();
    const admin = await acted(db1, local1, 1, () => setUpCommunity(db1));
    const li = await acted(db1, local1, 1, () => addClerkLiMing(db1, admin.id));
    const desk1 = await communityDesk(db1, { staffId: li.id, today: '2026-11-24' });
    const note = await acted(db1, local1, 1, () => writeHandover(desk1, { text: '街道9点回电', watch: ['3栋漏水'] }));

    const db2 = freshDb();
    const local2 = memoryPouch();
    await exchange(local1, local2);
    const first = follow(testDesk(db2, { identity: DESK2 }), local2);
    await first.inbound.idle();
    first.inbound.stop();
    expect(await db2.handovers.get(note.id)).toEqual(note);

    const desk2 = await communityDesk(db2, { staffId: admin.id, today: '2026-11-25', identity: DESK2 });
    await acted(db2, local2, 2, () => signHandover(desk2, note.id));
    await exchange(local1, local2);
    const back = follow(await communityDesk(db1), local1);
    await back.inbound.idle();
    back.inbound.stop();
    expect(first.warnings).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(await db1.handoverReads.toArray()).toEqual(await db2.handoverReads.toArray());
    const [seen] = await handoversOfDay(desk1, '2026-11-24');
    expect(seen?.readers.map((r) => r.name)).toEqual(['王秀英']);
  });
});

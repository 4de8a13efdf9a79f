/**
 * Issue 26 item 4: a 错时服务 line travels between the desks of a center — desk 1 adds it, the
 * document (immutable table) reaches desk 2, whose month table then counts it the same.
 */
import { describe, expect, it } from 'vitest';
import { communityDesk, freshDb, setUpCommunity, testDesk } from './testDb';
import { acted, exchange, follow, memoryPouch } from './support/syncHarness';
import { addOffHoursLine, readOffHoursTable } from '../../renderer/src/db/repositories/offHours';
import { IMMUTABLE_TABLES } from '../../renderer/src/sync/contract';
import { toLocalDateString } from '../../shared/domain/localDate';

const dayOf = (ms: number) => toLocalDateString(new Date(ms));

describe('错时服务 lines between desks', () => {
  it('arrive on the other desk as they were written, and count there the same', async () => {
    expect(IMMUTABLE_TABLES).toContain('offHoursLines');
    const db1 = freshDb();
    const local1 = memoryPouch();
    const admin = await acted(db1, local1, 1, () => setUpCommunity(db1));
    const desk1 = await communityDesk(db1, {
      staffId: admin.id,
      now: Date.parse('2026-10-20T09:00:00'),
      today: '2026-10-20',
      dayOf,
    });
    const line = await acted(db1, local1, 1, () =>
      addOffHoursLine(desk1, { day: '2026-10-17', start: '09:00', end: '11:00', content: '周六入户走访独居老人' }),
    );
    const doc = await local1.get(`offHoursLines:${line.id}`);
    expect(doc.record).toEqual(line);

    const db2 = freshDb();
    const local2 = memoryPouch();
    await exchange(local1, local2);
    const { inbound, warnings } = follow(testDesk(db2, { identity: { no: 2, name: '二号窗口' } }), local2);
    await inbound.idle();
    inbound.stop();
    expect(warnings).toEqual([]);
    expect(await db2.offHoursLines.toArray()).toEqual([line]);
    const desk2 = await communityDesk(db2, { staffId: admin.id, dayOf });
    const [one, two] = await Promise.all([
      readOffHoursTable(desk1, '2026-10-01', '2026-10-31'),
      readOffHoursTable(desk2, '2026-10-01', '2026-10-31'),
    ]);
    expect(two).toEqual(one);
    expect(two[0]).toMatchObject({ occasions: 1, lineOnly: 1 });
  });
});

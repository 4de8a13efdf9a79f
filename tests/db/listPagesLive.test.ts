/**
 * The long lists' pages read in ONE read transaction (issue 28 item 3, db/readTx.ts) stay live:
 * the screens watch them with `useLiveQuery` (app/liveQuerier.ts), so a page must re-run when a
 * row of the list changes AND when a row it shows beside them (a problem's resident, read after the
 * page's first await inside the transaction) changes.
 */
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { liveQuerier } from '../../renderer/src/app/liveQuerier';
import { addProblem, poolPage } from '../../renderer/src/db/repositories/problems';
import { updateResident } from '../../renderer/src/db/repositories/residents';
import { createZhangSan, freshDb, setUpCommunity, testDesk, TODAY } from './testDb';

describe('a 问题库 page in one read transaction, watched live', () => {
  it('re-runs on a new problem and on a change to a resident it shows', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const desk = testDesk(db, { staffId: admin.id, role: admin.role });
    const zhang = await createZhangSan(db, admin.id, TODAY);
    await addProblem(desk, { title: '楼道堆物', category: '环境卫生', residentId: zhang.id, source: '入户走访' });

    const seen: string[][] = [];
    let wake: () => void = () => {};
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    let emitted = next();
    const sub = liveQuery(liveQuerier(() => poolPage(desk, {}))).subscribe({
      next: (page) => {
        seen.push(page.rows.map((r) => `${r.problem.title}:${r.residents.map((p) => p.name).join()}`));
        wake();
      },
    });
    try {
      await emitted;
      expect(seen).toEqual([['楼道堆物:张三']]);
      emitted = next();
      await addProblem(desk, { title: '路灯不亮', category: '公共设施', place: '3 栋', source: '入户走访' });
      await emitted;
      expect(seen.at(-1)?.sort()).toEqual(['楼道堆物:张三', '路灯不亮:'].sort());
      emitted = next();
      const { idNumber = '', phone = '' } = zhang;
      const address = { building: '', unit: '', room: '', gridId: '', tags: [] };
      await updateResident(desk, zhang.id, { name: '张三丰', idNumber, phone, ...address });
      await emitted;
      expect(seen.at(-1)).toContain('楼道堆物:张三丰');
    } finally {
      sub.unsubscribe();
    }
  });
});

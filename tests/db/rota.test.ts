/** 值班表 through the data layer: cells, 复制上周 in one transaction, the week's checks, 换班, the 工作台's view. */
import { describe, expect, it } from 'vitest';
import { rotaCellId, type RotaPost } from '@shared/domain/records';
import { hashSecret } from '../../renderer/src/db/secrets';
import { getRotaToday, getRotaWeek, listSwapRequests } from '../../renderer/src/db/repositories/rota';
import { copyLastWeek, decideSwap, requestSwap, setRotaCell } from '../../renderer/src/db/repositories/rotaChanges';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import type { Desk } from '../../renderer/src/db/desk';
import { addSignedStaff, communityDesk, counterIds, fails, freshDb, setUpCommunity, T0 } from './testDb';

const MON = '2026-11-23'; // today (TODAY = 2026-11-24) is in this week
const LAST_MON = '2026-11-16';

async function world() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const ids = counterIds('r');
  const chief = await communityDesk(db, { staffId: admin.id, role: '站长/管理员', ...ids });
  const password = await hashSecret('864209', undefined, 1000);
  const add = (name: string) => addSignedStaff(chief, { name, role: '值班员', grids: [], password });
  const [li, zhao] = [await add('李明'), await add('赵芳')];
  const as = async (staffId: string) => communityDesk(db, { staffId, role: '值班员', ...ids });
  return { db, chief, admin, li, zhao, as };
}

const refusal = async (p: Promise<unknown>) => (await fails(p))?.message ?? null;

const set = (desk: Desk, day: string, staffId: string, post: RotaPost) => setRotaCell(desk, { day, staffId, post });

describe('a cell', () => {
  it('is one record per day × person, stamped, audited without a name', async () => {
    const { db, chief, li } = await world();
    await set(chief, '2026-11-24', li.id, '值班岗');
    await set(chief, '2026-11-24', li.id, '走访岗');
    const rows = await db.rota.toArray();
    expect(rows).toEqual([
      expect.objectContaining({ id: `2026-11-24|${li.id}`, post: '走访岗', createdAt: T0, updatedBy: chief.actor.id }),
    ]);
    const audit = await db.auditLog.where('action').equals('rota.set').toArray();
    expect(audit.map((a) => a.detail)).toEqual(['2026-11-24 值班岗', '2026-11-24 走访岗']);
    expect(JSON.stringify(audit)).not.toContain('李明');
  });

  it('refuses leave without its type at the field, and a 值班员 drawing up the rota', async () => {
    const { chief, li, as } = await world();
    const noType = setRotaCell(chief, { day: '2026-11-24', staffId: li.id, post: '请假' });
    await expect(noType).rejects.toMatchObject({ message: '请假须选择假别', field: 'leaveType' });
    expect(await refusal(set(await as(li.id), '2026-11-24', li.id, '值班岗'))).toBe('只有站长/管理员可以排班');
    await setRotaCell(chief, { day: '2026-11-24', staffId: li.id, post: '请假', leaveType: '病假' });
  });
});

describe('the week', () => {
  it('flags an open day below N, not a closed one; N is the 站长 setting', async () => {
    const { chief, li, zhao, admin } = await world();
    for (const d of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
      await set(chief, d, li.id, '值班岗');
      await set(chief, d, zhao.id, '值班岗');
    }
    await set(chief, '2026-11-28', li.id, '值班岗'); // Saturday: one person
    const week = await getRotaWeek(chief, '2026-11-26');
    expect(week.monday).toBe(MON);
    expect(week.staff.map((s) => s.name).sort()).toEqual(['李明', '王秀英', '赵芳'].sort());
    expect(week.checks.filter((c) => c.belowMinimum).map((c) => c.day)).toEqual(['2026-11-28', '2026-11-29']);
    // N = 1: only Sunday (open 09:00–12:00, nobody) stays flagged.
    await updateCommunity(chief, { rota: { minOnDuty: 1, swapsNeedApproval: true } });
    const one = await communityDesk(chief.db as never, { staffId: admin.id, role: '站长/管理员' });
    expect((await getRotaWeek(one, MON)).checks.filter((c) => c.belowMinimum).map((c) => c.day)).toEqual([
      '2026-11-29',
    ]);
    await expect(updateCommunity(chief, { rota: { minOnDuty: 0, swapsNeedApproval: true } })).rejects.toMatchObject({
      field: 'minOnDuty',
    });
  });

  it('复制上周 copies last week in one transaction with one audit row', async () => {
    const { db, chief, li, zhao } = await world();
    await set(chief, LAST_MON, li.id, '值班岗');
    await set(chief, LAST_MON, zhao.id, '走访岗');
    await setRotaCell(chief, { day: '2026-11-17', staffId: zhao.id, post: '请假', leaveType: '事假' });
    expect(await copyLastWeek(chief, '2026-11-25')).toBe(2);
    expect((await db.rota.where('day').aboveOrEqual(MON).toArray()).map((c) => `${c.day}${c.post}`).sort()).toEqual([
      '2026-11-23值班岗',
      '2026-11-23走访岗',
    ]);
    expect(await db.auditLog.where('action').equals('rota.copyWeek').count()).toBe(1);
    // Nothing last week: refused, nothing written.
    expect(await refusal(copyLastWeek(chief, '2026-12-14'))).toBe('上周没有值班表可复制');
  });

  it('a failure inside 复制上周 writes nothing (one transaction)', async () => {
    const { db, chief, li, zhao } = await world();
    await set(chief, LAST_MON, li.id, '值班岗');
    await set(chief, LAST_MON, zhao.id, '值班岗');
    let puts = 0;
    const failSecond = () => {
      if (++puts === 2) throw new Error('disk full');
    };
    db.rota.hook('creating', failSecond);
    expect(await refusal(copyLastWeek(chief, MON))).toBeTruthy();
    db.rota.hook('creating').unsubscribe(failSecond);
    expect([
      await db.rota.where('day').aboveOrEqual(MON).count(),
      await db.auditLog.where('action').equals('rota.copyWeek').count(),
    ]).toEqual([0, 0]);
  });
});

describe('换班', () => {
  it('waits for the 站长 when the center says so, then trades the posts', async () => {
    const { db, chief, li, zhao, as } = await world();
    await set(chief, '2026-11-24', li.id, '值班岗');
    await set(chief, '2026-11-24', zhao.id, '走访岗');
    await set(chief, '2026-11-28', li.id, '休息');
    await set(chief, '2026-11-28', zhao.id, '值班岗');
    const input = { staffA: li.id, dayA: '2026-11-24', staffB: zhao.id, dayB: '2026-11-28' };
    expect(await requestSwap(await as(li.id), input)).toBe('requested');
    expect((await db.rota.get(rotaCellId('2026-11-24', li.id)))?.post).toBe('值班岗');
    expect(await refusal(decideSwap(await as(li.id), rotaCellId('2026-11-24', li.id), { approve: true }))).toBe(
      '只有站长/管理员可以批准换班',
    );
    await decideSwap(chief, rotaCellId('2026-11-24', li.id), { approve: true });
    const posts = Object.fromEntries(
      (await db.rota.toArray()).map((c) => [c.id, [c.post, c.swap?.state, c.swap?.approvedBy]]),
    );
    expect(posts).toEqual({
      [rotaCellId('2026-11-24', li.id)]: ['走访岗', 'done', chief.actor.id],
      [rotaCellId('2026-11-24', zhao.id)]: ['值班岗', 'done', chief.actor.id],
      [rotaCellId('2026-11-28', li.id)]: ['值班岗', 'done', chief.actor.id],
      [rotaCellId('2026-11-28', zhao.id)]: ['休息', 'done', chief.actor.id],
    });
    expect(await db.auditLog.where('action').anyOf('rota.swap', 'rota.swapRequest').count()).toBe(2);
  });

  it('is listed 待批准; refused with a reason the posts stay, the asker sees why, the audit has no reason', async () => {
    const { db, chief, li, zhao, as } = await world();
    await set(chief, '2026-11-24', li.id, '值班岗');
    await set(chief, '2026-11-24', zhao.id, '走访岗');
    const before = await db.rota.toArray();
    const input = { staffA: li.id, dayA: '2026-11-24', staffB: zhao.id, dayB: '2026-11-24' };
    expect(await requestSwap(await as(li.id), input)).toBe('requested');
    const cellId = rotaCellId('2026-11-24', li.id);
    expect(await listSwapRequests(chief)).toEqual([
      expect.objectContaining({ cellId, name: '李明', withName: '赵芳', state: 'requested', requestedByName: '李明' }),
    ]);
    expect(await fails(decideSwap(chief, cellId, { approve: false, reason: '  ' }))).toEqual({
      message: '请填写不批准的理由',
      field: 'reason',
    });
    expect(await refusal(decideSwap(chief, cellId, { approve: false, reason: '字'.repeat(101) }))).toBe(
      '理由最多 100 字',
    );
    expect(await refusal(decideSwap(await as(zhao.id), cellId, { approve: false, reason: '人手不够' }))).toBe(
      '只有站长/管理员可以批准换班',
    );
    await decideSwap(chief, cellId, { approve: false, reason: '周二已有培训安排' });
    const after = await db.rota.toArray();
    expect(after.map((c) => [c.id, c.post])).toEqual(before.map((c) => [c.id, c.post]));
    expect(await listSwapRequests(chief)).toEqual([
      expect.objectContaining({ cellId, state: 'refused', reason: '周二已有培训安排' }),
    ]);
    // Decided once: a second decision finds nothing 待批准.
    expect(await refusal(decideSwap(chief, cellId, { approve: true }))).toBe('没有待批准的换班');
    const audit = await db.auditLog.where('action').equals('rota.swap').toArray();
    expect(audit.map((a) => a.detail)).toEqual(['不批准 2026-11-24 ↔ 2026-11-24']);
    // The cell drawn up anew clears the refusal.
    await set(chief, '2026-11-24', li.id, '值班岗');
    expect(await listSwapRequests(chief)).toEqual([]);
  });

  it('goes through at once where the center allows swaps without approval; only one’s own', async () => {
    const { db, chief, li, zhao, admin, as } = await world();
    await updateCommunity(chief, { rota: { minOnDuty: 2, swapsNeedApproval: false } });
    const community = (await db.meta.get('community'))!.value as never;
    await set(chief, '2026-11-24', li.id, '值班岗');
    await set(chief, '2026-11-24', zhao.id, '走访岗');
    await set(chief, '2026-11-24', admin.id, '走访岗');
    const liDesk = { ...(await as(li.id)), community };
    const input = { staffA: li.id, dayA: '2026-11-24', staffB: zhao.id, dayB: '2026-11-24' };
    expect(await refusal(requestSwap(liDesk, { ...input, staffA: admin.id }))).toBe('只能为自己申请换班');
    expect(await requestSwap(liDesk, input)).toBe('done');
    expect((await db.rota.get(rotaCellId('2026-11-24', zhao.id)))?.post).toBe('值班岗');
  });
});

describe('the 工作台', () => {
  it('today’s team and the days ahead below N', async () => {
    const { chief, li, zhao, admin } = await world();
    await set(chief, '2026-11-24', li.id, '值班岗');
    await set(chief, '2026-11-24', admin.id, '值班岗');
    await set(chief, '2026-11-24', zhao.id, '走访岗');
    const today = await getRotaToday(chief);
    expect([today.onDuty.map((p) => p.name).sort(), today.visiting.map((p) => p.name)]).toEqual([
      ['李明', '王秀英'].sort(),
      ['赵芳'],
    ]);
    // Today is fine; every other open day to the end of next week has nobody.
    expect(today.short.map((c) => c.day)).not.toContain('2026-11-24');
    expect(today.short.map((c) => c.day)).toContain('2026-12-06');
  });
});

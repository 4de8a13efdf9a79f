/**
 * Issue 26 item 4: the 错时服务 month table over records stored through the real write path
 * (visits and their cases at set times, a 走访, the rota, an added line), read by index.
 */
import { describe, expect, it } from 'vitest';
import type { HomeVisit } from '@shared/domain/records';
import {
  acceptCommittedCase,
  addClerkLiMing,
  communityDesk,
  createZhangSan,
  fails,
  freshDb,
  rotaCell,
  setUpCommunity,
} from './testDb';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import {
  addOffHoursLine,
  listOffHoursLines,
  readOffHoursTable,
  readOffHoursTables,
} from '../../renderer/src/db/repositories/offHours';
import { toLocalDateString } from '../../shared/domain/localDate';
import type { DutyDeskDB } from '../../renderer/src/db/database';

const local = (day: string, time: string) => new Date(`${day}T${time}:00`).getTime();
const dayOf = (ms: number) => toLocalDateString(new Date(ms));

async function center() {
  const db: DutyDeskDB = freshDb();
  const admin = await setUpCommunity(db);
  const li = await addClerkLiMing(db, admin.id);
  const zhang = await createZhangSan(db, admin.id, '2026-10-01');
  /** The desk of `staffId` at a local day and time. */
  const at = (staffId: string, day: string, time: string) =>
    communityDesk(db, { staffId, now: local(day, time), today: day, dayOf });
  return { db, admin, li, zhang, at };
}

describe('错时服务: the month table over stored records', () => {
  it('counts duty days, 走访 days and off-hours occasions per person, across a 调休 Saturday and a holiday', async () => {
    const { db, admin, li, zhang, at } = await center();
    // 国庆节 (Thu 2026-10-01): 李明 registers a 办件 — the visit and its 受理 are one occasion.
    await acceptCommittedCase(await at(li.id, '2026-10-01', '10:00'), zhang.id);
    // The 调休 Saturday 2026-10-10 is a working day: within hours nothing, the evening one.
    const consult = {
      residentId: zhang.id,
      channel: '来站' as const,
      kind: '咨询' as const,
      content: '咨询养老补贴',
      cases: [],
    };
    await registerVisit(await at(li.id, '2026-10-10', '10:00'), consult);
    await registerVisit(await at(li.id, '2026-10-10', '18:30'), consult);
    // An ordinary Saturday 走访 by the 站长: a 走访 day and an occasion.
    await registerVisit(await at(admin.id, '2026-10-17', '09:30'), { ...consult, channel: '走访' });
    // A weekday 走访 within hours: a 走访 day, no occasion.
    await registerVisit(await at(admin.id, '2026-10-13', '15:00'), { ...consult, channel: '走访' });
    // Last month's evening: not this month.
    await registerVisit(await at(li.id, '2026-09-30', '19:00'), consult);
    // The rota (only day, staffId and post are read).
    await db.rota.bulkPut([
      rotaCell('2026-10-12', li.id, '值班岗'),
      rotaCell('2026-10-13', li.id, '值班岗'),
      rotaCell('2026-10-13', admin.id, '走访岗'),
    ]);
    // 李明 adds a Wednesday evening the records do not show.
    await addOffHoursLine(await at(li.id, '2026-10-20', '09:00'), {
      day: '2026-10-14',
      start: '19:00',
      end: '20:00',
      content: '晚间接听居民电话 13812345678',
    });

    const desk = await at(admin.id, '2026-10-31', '09:00');
    const rows = await readOffHoursTable(desk, '2026-10-01', '2026-10-31');
    expect(rows.map((r) => [r.name, r.dutyDays, r.visitDays, r.occasions, r.lineOnly])).toEqual([
      ['李明', 2, 0, 3, 1],
      ['王秀英', 0, 2, 1, 0],
    ]);
    expect(rows[0]!.detail.map((o) => [o.day, o.part])).toEqual([
      ['2026-10-01', 'restDay'],
      ['2026-10-10', 'evening'],
      ['2026-10-14', 'evening'],
    ]);
    expect(rows[0]!.detail[0]!.sources).toEqual(['来访登记', '办件']);
    // A report's two periods from one read of their span: each table is that period's alone.
    const september = await readOffHoursTable(desk, '2026-09-01', '2026-09-30');
    expect(september.find((r) => r.name === '李明')?.occasions).toBe(1);
    expect(
      await readOffHoursTables(desk, [
        { from: '2026-10-01', to: '2026-10-31' },
        { from: '2026-09-01', to: '2026-09-30' },
      ]),
    ).toEqual([rows, september]);
    // The line is listed and audited without its text (it may hold a number).
    expect((await listOffHoursLines(desk, '2026-10-01', '2026-10-31')).map((l) => l.staffId)).toEqual([li.id]);
    const audit = (await db.auditLog.toArray()).filter((r) => r.action === 'offHours.line');
    expect(audit.map((r) => [r.staffId, r.detail])).toEqual([[li.id, '2026-10-14 19:00–20:00']]);
  });

  it('the 走访 log counts: its current entries, at the time logged on the visit day, else midday', async () => {
    const { db, li, at } = await center();
    const entry = (id: string, day: string, loggedAt: string, corrects?: string): HomeVisit => ({
      id,
      day,
      at: new Date(local(loggedAt.slice(0, 10), loggedAt.slice(11))).toISOString(),
      staffId: li.id,
      gridId: 'g1',
      purpose: '政策宣传',
      household: '1-1-101',
      found: '宣传养老政策',
      followUp: '',
      ...(corrects ? { corrects } : {}),
      createdAt: 0,
      createdBy: li.id,
      updatedAt: 0,
      updatedBy: li.id,
    });
    await db.homeVisits.bulkPut([
      entry('h1', '2026-10-24', '2026-10-24 10:00'), // a Saturday, logged then: a rest-day occasion
      entry('h2', '2026-10-27', '2026-10-28 19:30'), // a Tuesday logged the next evening: a day, no occasion
      entry('h3', '2026-10-21', '2026-10-21 19:00'), // replaced by h4: neither its day nor its evening
      entry('h4', '2026-10-22', '2026-10-22 11:00', 'h3'),
    ]);
    const rows = await readOffHoursTable(await at(li.id, '2026-10-31', '09:00'), '2026-10-01', '2026-10-31');
    const row = rows.find((r) => r.staffId === li.id)!;
    expect([row.visitDays, row.detail.map((o) => [o.day, o.part, o.sources.join()])]).toEqual([
      3,
      [['2026-10-24', 'restDay', '走访']],
    ]);
  });

  it('refuses a line within standard hours at its field, writing nothing', async () => {
    const { db, li, at } = await center();
    const desk = await at(li.id, '2026-10-20', '09:00');
    expect(
      await fails(addOffHoursLine(desk, { day: '2026-10-10', start: '10:00', end: '11:00', content: '整理台账' })),
    ).toEqual({
      message: '该时段在标准工作时间（工作日 08:00–18:00）之内，不算错时服务',
      field: 'start',
    });
    expect(await db.offHoursLines.count()).toBe(0);
  });

  it('an 审计员 adds no line (the data layer refuses)', async () => {
    const { db, at } = await center();
    const desk = await at('auditor', '2026-10-20', '09:00');
    const auditorDesk = { ...desk, actor: { id: 'auditor', role: '审计员' as const } };
    expect(
      await fails(addOffHoursLine(auditorDesk, { day: '2026-10-17', start: '10:00', end: '11:00', content: '走访' })),
    ).not.toBeNull();
    expect(await db.offHoursLines.count()).toBe(0);
  });
});

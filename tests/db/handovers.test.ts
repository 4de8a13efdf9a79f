/**
 * 交接班 (issue 26 item 3) in the data layer: a duty person's sign-out asks for the note only near
 * the shift's end, the note counts what the desk knows and masks numbers, the next duty person
 * must 签阅 it (an event row, once), and the day's list says who read it when.
 */
import { describe, expect, it } from 'vitest';
import {
  handoversOfDay,
  pendingHandovers,
  prepareHandover,
  signHandover,
  signOutAsksHandover,
  writeHandover,
} from '../../renderer/src/db/repositories/handovers';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import {
  acceptCommittedCase,
  addClerkLiMing,
  communityDesk,
  createZhangSan,
  fails,
  freshDb,
  localAt,
  rotaCell,
  setUpCommunity,
} from './testDb';

const at = localAt;
const TUE = '2026-11-24';
const WED = '2026-11-25';

/** 李明 on the 值班岗 Tuesday, 王秀英 (the admin) Wednesday; Thursday 李明 again. */
async function deskWithRota() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const li = await addClerkLiMing(db, admin.id);
  await db.rota.bulkAdd([
    rotaCell(TUE, li.id, '值班岗'),
    rotaCell(TUE, admin.id, '走访岗'),
    rotaCell(WED, admin.id, '值班岗'),
    rotaCell('2026-11-26', li.id, '值班岗'),
  ]);
  const as = (staffId: string, day: string, hhmm: string) =>
    communityDesk(db, { staffId, now: at(day, hhmm), today: day });
  return { db, admin, li, as };
}

const auditOf = (db: DutyDeskDB, action: string) => db.auditLog.where('action').equals(action).toArray();

describe('交接班: when a sign-out asks', () => {
  it('asks the duty person from half an hour before the shift end, once; mid-shift and off duty, never', async () => {
    const { li, admin, as } = await deskWithRota();
    expect(await signOutAsksHandover(await as(li.id, TUE, '11:00'))).toBe(false);
    expect(await signOutAsksHandover(await as(li.id, TUE, '17:40'))).toBe(true);
    expect(await signOutAsksHandover(await as(admin.id, TUE, '17:40'))).toBe(false); // 走访岗
    await writeHandover(await as(li.id, TUE, '17:41'), { text: '交接', watch: [] });
    expect(await signOutAsksHandover(await as(li.id, TUE, '17:50'))).toBe(false);
  });
});

describe('交接班: the note', () => {
  it('counts what the desk knows, is for the next duty day, masks numbers, and logs no personal data', async () => {
    const { db, admin, li, as } = await deskWithRota();
    const zhang = await createZhangSan(db, admin.id, TUE);
    const { record } = await acceptCommittedCase(await communityDesk(db, { staffId: admin.id }), zhang.id);
    // Weeks later the case is overdue: the note names its tracking number, not its resident.
    const later = '2026-12-29';
    await db.rota.add(rotaCell(later, li.id, '值班岗'));
    const draft = await prepareHandover(await as(li.id, later, '17:45'));
    expect(draft.forDay).toBe('2026-12-30'); // no rota after: the next day
    expect(draft.facts.map((f) => f.kind)).toEqual([
      '明日到期',
      '已超期',
      '待签收',
      '材料在外',
      '待回访',
      '明日上门',
      '会议决定到期',
    ]);
    expect(draft.facts.find((f) => f.kind === '已超期')).toEqual({
      kind: '已超期',
      count: 1,
      refs: [record.trackingNumber],
    });

    const note = await writeHandover(await as(li.id, TUE, '17:45'), {
      text: '街道9点回电，张三低保，电话13812345678',
      watch: ['', '3栋漏水 身份证 430104195803151230 '],
    });
    expect(note.forDay).toBe(WED); // the rota's next 值班岗 day
    expect(note.text).toBe('街道9点回电，张三低保，电话138****5678');
    expect(note.watch).toEqual(['3栋漏水 身份证 4301**********1230']);
    const [row] = await auditOf(db, 'handover.write');
    expect(row).toMatchObject({ entity: 'handover', entityId: note.id, detail: `交接至 ${WED}`, staffId: li.id });
    expect(JSON.stringify(await db.auditLog.toArray())).not.toContain('1381234');
  });

  it('refuses a text over the limit at its field, and an 审计员 writes nothing', async () => {
    const { db, li, as } = await deskWithRota();
    expect(await fails(writeHandover(await as(li.id, TUE, '17:45'), { text: '字'.repeat(1001), watch: [] }))).toEqual({
      message: '交接内容最多 1000 字',
      field: 'text',
    });
    const auditor = await communityDesk(db, { staffId: li.id, role: '审计员', now: at(TUE, '17:45'), today: TUE });
    expect(await fails(writeHandover(auditor, { text: '交接', watch: [] }))).not.toBeNull();
    expect(await db.handovers.count()).toBe(0);
  });
});

describe('交接班: 签阅', () => {
  it('stands before the next duty person until they sign it; the day lists who read it when', async () => {
    const { db, admin, li, as } = await deskWithRota();
    const note = await writeHandover(await as(li.id, TUE, '17:45'), { text: '街道9点回电', watch: ['3栋漏水'] });
    // Tuesday evening nobody else is on duty; Wednesday morning 王秀英 is.
    expect(await pendingHandovers(await as(admin.id, TUE, '17:50'))).toEqual([]);
    const morning = await as(admin.id, WED, '08:05');
    expect((await pendingHandovers(morning)).map((n) => [n.id, n.writerName])).toEqual([[note.id, '李明']]);
    // Not on duty: nothing stands before the desk.
    expect(await pendingHandovers(await as(li.id, WED, '08:05'))).toEqual([]);
    expect(await fails(signHandover(await as(li.id, WED, '08:06'), note.id))).toEqual({
      message: '自己写的交接班记录不需要签阅',
    });

    await signHandover(morning, note.id);
    await signHandover(await as(admin.id, WED, '08:30'), note.id); // twice: still once
    expect(await pendingHandovers(morning)).toEqual([]);
    expect(await db.handoverReads.count()).toBe(1);
    expect((await auditOf(db, 'handover.read')).map((r) => r.entityId)).toEqual([note.id]);
    const [listed] = await handoversOfDay(morning, TUE);
    expect(listed?.readers).toEqual([{ staffId: admin.id, name: '王秀英', at: at(WED, '08:05') }]);
    // The note itself never changed (append-only).
    expect(await db.handovers.get(note.id)).toEqual(note);
  });
});

describe('交接班 in the generated desk', () => {
  it('five years of evening notes, signed the next morning, pass the check; a broken one is named', async () => {
    const { generateDesk } = await import('../../bench/data/generate');
    const { handoverProblems } = await import('../../bench/data/checkHandovers');
    const data = generateDesk('tiny');
    const staff = new Set(['staff-admin', ...Array.from({ length: 11 }, (_, i) => `staff-${i + 1}`)]);
    expect(data.handovers.length).toBeGreaterThan(0);
    expect(data.handoverReads.length).toBeGreaterThan(0);
    expect(handoverProblems(data.handovers, data.handoverReads, staff)).toEqual([]);
    const [note] = data.handovers;
    const read = data.handoverReads.find((r) => r.noteId === note!.id) ?? data.handoverReads[0]!;
    const brokenNote = { ...note!, text: '电话13812345678', forDay: note!.day };
    const brokenReads = [
      { ...read, noteId: 'gone' },
      { ...read, staffId: data.handovers.find((n) => n.id === read.noteId)!.staffId },
    ];
    expect(handoverProblems([brokenNote, ...data.handovers.slice(1)], brokenReads, staff)).toEqual(
      expect.arrayContaining([
        `handover ${note!.id}: text or watch list not as the app keeps them`,
        `handover ${note!.id}: for a day not after its own`,
        `handover read ${read.id}: note gone does not exist`,
      ]),
    );
  });
});

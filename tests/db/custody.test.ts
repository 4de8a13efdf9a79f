/**
 * 材料交接 through the data layer (db/repositories/custody.ts): a proxy case's originals collected
 * at home (checked off the case's list), handed to a colleague and the street office, fetched
 * and returned; each event one transaction with its timeline event and audit row; a failure
 * injected into the transaction leaves nothing behind; closing refused while an original is out.
 */
import { caseEvents } from '../../renderer/src/db/repositories/caseTimeline';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { hashSecret } from '../../renderer/src/db/secrets';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { revealResidentField } from '../../renderer/src/db/repositories/residents';
import { renderMandate } from '@shared/receipts/proxyMandate';
import { DEFAULT_PROXY_SETTINGS } from '@shared/domain/proxy';
import {
  custodyMoveOf,
  custodyOfCase,
  documentsOut,
  recordCustody,
  recordCustodyMany,
} from '../../renderer/src/db/repositories/custody';
import { failureMessage } from '../../renderer/src/db/refusal';
import {
  addSignedStaff,
  communityDesk,
  counterIds,
  createZhangSan,
  freshDb,
  idsOf,
  setUpCommunity,
  T0,
  testDesk,
} from './testDb';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import { custodyAlertDays } from '@shared/domain/custody';

const calendar = createCalendar();
const DAY = '2026-11-24';
const street = { kind: 'street' as const, name: '岳麓街道政务服务中心' };

async function proxyCase() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const colleague = await addSignedStaff(testDesk(db, { staffId: admin.id, newId: idsOf('s-2') }), {
    name: '李明',
    role: '值班员',
    grids: [],
    password: await hashSecret('864209', undefined, 1000),
  });
  const resident = await createZhangSan(db, admin.id, DAY);
  const matter = (await db.matterTypes.toArray()).find((m) => m.documents.length >= 2 && m.timeLimitDays > 0)!;
  // One desk (and id source) per staff member: every write of theirs gets fresh ids.
  const desks = new Map<string, ReturnType<typeof testDesk>>();
  const desk = (staffId: string) => {
    const made = desks.get(staffId) ?? testDesk(db, { staffId, now: T0, today: DAY, calendar, ...counterIds(staffId) });
    desks.set(staffId, made);
    return made;
  };
  const { cases } = await registerVisit(desk(admin.id), {
    residentId: resident.id,
    channel: '来电',
    kind: '办件',
    content: '',
    cases: [{ matter, mode: '帮代办', received: [] }],
  });
  return { db, admin, colleague, caseId: cases[0]!.id, desk, docs: matter.documents.map((d) => d.name) };
}

describe('custody of a proxy case’s documents', () => {
  it('follows each original home and back; the case’s list is checked off; closing waits for them', async () => {
    const { db, admin, colleague, caseId, desk, docs } = await proxyCase();
    const before = await db.cases.get(caseId);
    expect(before?.documentsMissing).toEqual(docs);
    const a = desk(admin.id);
    const first = await recordCustody(a, caseId, { document: docs[0]!, original: true, count: 1 }, { type: '收取' });
    const second = await recordCustody(a, caseId, { document: docs[1]!, original: true, count: 1 }, { type: '收取' });
    expect((await db.cases.get(caseId))?.documentsMissing).not.toContain(docs[0]);
    await recordCustody(
      a,
      caseId,
      { itemId: first.id },
      { type: '移交', to: { kind: 'staff', staffId: colleague.id } },
    );
    await recordCustody(a, caseId, { itemId: second.id }, { type: '移交', to: street });
    expect((await documentsOut(a)).map((i) => i.holderKey).sort()).toEqual([
      `staff:${colleague.id}`,
      `street:${street.name}`,
    ]);
    // The 工作台 shows them out; eight days later they are flagged as out too long.
    expect(await dashboardCounts(a)).toMatchObject({ documentsOut: 2, documentsOutLong: 0 });
    const later = testDesk(db, { staffId: admin.id, now: T0 + 8 * 86_400_000, today: '2026-12-02', calendar });
    expect(await dashboardCounts(later)).toMatchObject({ documentsOut: 2, documentsOutLong: 2 });
    // Not the holder any more: refused.
    const notMine = await recordCustody(a, caseId, { itemId: first.id }, { type: '归还' }).catch((e) => e);
    expect(failureMessage(notMine)?.message).toContain('只有保管人可以办理');
    // Closing is refused naming the originals out.
    await performCaseAction(a, caseId, { type: '开始办理' }).catch(() => undefined);
    const early = await performCaseAction(a, caseId, {
      type: '办结',
      result: '已办理',
      notifiedBy: '上门',
      needsCallback: false,
    }).catch((e) => e);
    // Both collected in the same instant (the desk's clock is fixed): their order is not the point.
    const named = failureMessage(early)?.message ?? '';
    expect(named.startsWith('以下原件尚未归还居民（或登记留存、遗失）：')).toBe(true);
    expect(named.split('：')[1]!.split('、').sort()).toEqual([docs[0], docs[1]].sort());
    const c = desk(colleague.id);
    await recordCustody(c, caseId, { itemId: first.id }, { type: '归还' });
    // Returned: no longer out, nor out too long.
    expect(await dashboardCounts(later)).toMatchObject({ documentsOut: 1, documentsOutLong: 1 });
    await recordCustody(c, caseId, { itemId: second.id }, { type: '取回' });
    await recordCustody(c, caseId, { itemId: second.id }, { type: '归还' });
    const settled = new Map((await custodyOfCase(a, caseId)).map((i) => [i.id, [i.status, i.events.length]]));
    expect([settled.get(first.id), settled.get(second.id)]).toEqual([
      ['已归还', 3],
      ['已归还', 4],
    ]);
    expect(await documentsOut(a)).toEqual([]);
    const timeline = await caseEvents(a, caseId);
    expect(timeline.filter((e) => e.action.startsWith('材料')).map((e) => e.action)).toEqual([
      '材料收取',
      '材料收取',
      '材料移交',
      '材料移交',
      '材料归还',
      '材料取回',
      '材料归还',
    ]);
    expect(await db.auditLog.where('action').equals('custody.return').count()).toBe(2);
  });

  it('a failure inside the event’s transaction leaves no item, no timeline event, no audit row', async () => {
    const { db, admin, caseId, desk, docs } = await proxyCase();
    const counts = async () => [await db.custodyItems.count(), await db.caseEvents.count(), await db.auditLog.count()];
    const before = await counts();
    const caseBefore = await db.cases.get(caseId);
    const fail = () => {
      throw new Error('injected failure');
    };
    db.auditLog.hook('creating', fail);
    const refused = await recordCustody(
      desk(admin.id),
      caseId,
      { document: docs[0]!, original: true, count: 1 },
      { type: '收取' },
    ).catch((e) => e);
    db.auditLog.hook('creating').unsubscribe(fail);
    expect(refused).toBeInstanceOf(Error);
    expect(await counts()).toEqual(before);
    expect(await db.cases.get(caseId)).toEqual(caseBefore);
  });

  /** Four originals collected at T0 (four transactions, as at the door). */
  async function fourCollected() {
    const setup = await proxyCase();
    const a = setup.desk(setup.admin.id);
    const items = [];
    for (const document of ['户口簿', '居民身份证', '结婚证', '房产证'])
      items.push(await recordCustody(a, setup.caseId, { document, original: true, count: 1 }, { type: '收取' }));
    return { ...setup, a, items };
  }

  const rowsOf = async (db: Awaited<ReturnType<typeof proxyCase>>['db']) => ({
    custodyItems: await db.custodyItems.toArray(),
    caseEvents: await db.caseEvents.toArray(),
    cases: await db.cases.toArray(),
    auditLog: await db.auditLog.toArray(),
  });

  it('several documents handed over in ONE transaction: the stored records come back, with one stored time for the sheet', async () => {
    const { db, admin, colleague, caseId, items } = await fourCollected();
    const at = T0 + 37 * 60_000; // the hand-over, later than the collection
    const handing = testDesk(db, { staffId: admin.id, now: at, today: DAY, calendar });
    const to = { kind: 'staff' as const, staffId: colleague.id };
    const stored = await recordCustodyMany(handing, caseId, [items[2]!.id, items[0]!.id], { type: '移交', to });
    // In the order asked, each exactly as the table now holds it.
    expect(stored.map((i) => i.document)).toEqual(['结婚证', '户口簿']);
    expect(stored).toEqual(await db.custodyItems.bulkGet([items[2]!.id, items[0]!.id]));
    expect(stored.map((i) => i.holderKey)).toEqual([`staff:${colleague.id}`, `staff:${colleague.id}`]);
    // The sheet's move is the stored event: the transaction's time, not the collection's, not a later clock.
    expect(custodyMoveOf(stored)).toMatchObject({ type: '移交', at, to: { kind: 'staff', staffId: colleague.id } });
    expect(stored.map((i) => i.events.at(-1)!.at)).toEqual([at, at]);
    // One timeline event and one audit row per document.
    expect(
      await db.caseEvents
        .where('caseId')
        .equals(caseId)
        .filter((e) => e.action === '材料移交')
        .count(),
    ).toBe(2);
    expect(await db.auditLog.where('action').equals('custody.handOver').count()).toBe(2);
  });

  it('a refusal at item 3 of 4 leaves all four as they were (no item, timeline event or audit row written)', async () => {
    const { db, a, caseId, items } = await fourCollected();
    // Item 3 goes home meanwhile (another window): a hand-over of all four must not half-succeed.
    await recordCustody(a, caseId, { itemId: items[2]!.id }, { type: '归还' });
    const before = await rowsOf(db);
    const refused = await recordCustodyMany(
      a,
      caseId,
      items.map((i) => i.id),
      { type: '移交', to: street },
    ).catch((e) => e);
    expect(failureMessage(refused)?.message).toMatch(/^结婚证：/);
    expect(await rowsOf(db)).toEqual(before);
  });

  it('a storage failure at item 3 of 4 leaves nothing either', async () => {
    const { db, a, caseId, items } = await fourCollected();
    const before = await rowsOf(db);
    let puts = 0;
    const failThird = () => {
      if (++puts === 3) throw new Error('injected failure');
    };
    db.custodyItems.hook('updating', failThird);
    const failed = await recordCustodyMany(
      a,
      caseId,
      items.map((i) => i.id),
      { type: '移交', to: street },
    ).catch((e) => e);
    db.custodyItems.hook('updating').unsubscribe(failThird);
    expect(puts).toBe(3);
    expect(failed).toBeInstanceOf(Error);
    expect(await rowsOf(db)).toEqual(before);
  });

  it('refuses an empty choice and an item chosen twice, before anything is written', async () => {
    const { a, caseId, items } = await fourCollected();
    const none = await recordCustodyMany(a, caseId, [], { type: '归还' }).catch((e) => e);
    expect(failureMessage(none)?.message).toBe('请至少选择一份材料');
    const twice = await recordCustodyMany(a, caseId, [items[0]!.id, items[0]!.id], {
      type: '归还',
    }).catch((e) => e);
    expect(failureMessage(twice)?.message).toBe('同一份材料选了两次');
  });

  it('refuses an empty name and a count out of range at their fields, before anything is written', async () => {
    const { admin, caseId, desk } = await proxyCase();
    const empty = await recordCustody(
      desk(admin.id),
      caseId,
      { document: ' ', original: true, count: 1 },
      { type: '收取' },
    ).catch((e) => e);
    expect(failureMessage(empty)).toEqual({ message: '请填写材料名称', field: 'document' });
    const many = await recordCustody(
      desk(admin.id),
      caseId,
      { document: '户口簿', original: true, count: 0 },
      { type: '收取' },
    ).catch((e) => e);
    expect(failureMessage(many)?.field).toBe('count');
  });
});

describe('the 委托书', () => {
  it('prints the full ID only after a reveal logged with its reason', async () => {
    const { db, admin, desk } = await proxyCase();
    const resident = (await db.residents.toArray())[0]!;
    const id = await revealResidentField(desk(admin.id), resident.id, 'idNumber', '打印委托书');
    expect(id).toBe(resident.idNumber);
    const row = await db.auditLog.where('action').equals('resident.reveal').last();
    expect(row?.detail).toBe('idNumber；原因：打印委托书');
    expect(row?.detail).not.toContain(resident.idNumber!);
    const html = renderMandate({
      communityName: '桃花岭社区',
      trackingNumber: 'THL-20261124-0001',
      matterName: '高龄津贴申请',
      residentName: '张三<b>',
      trustees: [{ name: '王秀英', staffNo: 'THL-007' }, { name: '李明' }],
      documents: ['居民身份证'],
      promises: DEFAULT_PROXY_SETTINGS.promises,
      day: '2026-11-24',
      printedBy: '王秀英',
      printedAt: '2026-11-24 10:00',
    });
    expect(html).toContain('张三&lt;b&gt;');
    expect(html).toContain('打印：王秀英 2026-11-24 10:00');
    expect(html).toContain('王秀英（工号：THL-007）');
    expect(html).toContain('aria-label="待填写"');
    expect(html).toContain('不收费、不拖延、不泄露信息');
  });
});

describe('the days a document may stay out', () => {
  it('an admin sets them (1–90); a bad value is refused at its field', async () => {
    const { db, admin } = await proxyCase();
    const desk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员' });
    const bad = await updateCommunity(desk, { custodyAlertDays: 0 }).catch((e) => e);
    expect(failureMessage(bad)).toEqual({ message: '提醒天数应为 1–90 的整数', field: 'custodyAlertDays' });
    await updateCommunity(desk, { custodyAlertDays: 3 });
    const row = await db.meta.get('community');
    expect(row?.key === 'community' && custodyAlertDays(row.value)).toBe(3);
  });
});

/**
 * The crash loop's checker (tests/crash/checker.ts) can fail: a desk written through the real
 * repositories (a visit with its case, a case action, a 帮代办 case with custody 收取 and 移交) is
 * clean, then each planted defect — a case without its first event, a visit without its case, a
 * case without its visit, a tracking number used twice, a counter behind, a custody item without
 * its event or its case event, a confirmed action that is not there — is reported. The tables are
 * read back with the same raw-IndexedDB reader the loop runs in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { counterKeyFor, parseTrackingNumber } from '@shared/domain/trackingNumber';
import { hashSecret } from '../../renderer/src/db/secrets';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { recordCustody } from '../../renderer/src/db/repositories/custody';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { checkDesk, readAllTables, type ConfirmedAction, type Tables } from '../crash/checker';
import { addSignedStaff, counterIds, createZhangSan, freshDb, idsOf, setUpCommunity, T0, testDesk } from './testDb';

const DAY = '2026-11-24';
const calendar = createCalendar();

async function writtenDesk() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const colleague = await addSignedStaff(testDesk(db, { staffId: admin.id, newId: idsOf('s-2') }), {
    name: '李明',
    role: '值班员',
    grids: [],
    password: await hashSecret('864209', undefined, 1000),
  });
  const resident = await createZhangSan(db, admin.id, DAY);
  const desk = testDesk(db, { staffId: admin.id, now: T0, today: DAY, calendar, ...counterIds('w') });
  const matter = (await db.matterTypes.toArray()).find((m) => m.documents.length >= 2 && m.timeLimitDays > 0)!;
  const counter = await registerVisit(desk, {
    residentId: resident.id,
    channel: '来站',
    kind: '办件',
    content: '',
    cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
  });
  const plain = counter.cases[0]!;
  await performCaseAction(desk, plain.id, { type: '开始办理' });
  await performCaseAction(desk, plain.id, { type: '办结', result: '已办理', notifiedBy: '电话', needsCallback: false });
  const proxy = (
    await registerVisit(desk, {
      residentId: resident.id,
      channel: '来电',
      kind: '办件',
      content: '',
      cases: [{ matter, mode: '帮代办', received: [] }],
    })
  ).cases[0]!;
  const doc = matter.documents[0]!.name;
  const item = await recordCustody(desk, proxy.id, { document: doc, original: true, count: 1 }, { type: '收取' });
  await recordCustody(
    desk,
    proxy.id,
    { itemId: item.id },
    { type: '移交', to: { kind: 'staff', staffId: colleague.id } },
  );
  const confirmed: ConfirmedAction[] = [
    { kind: 'registration', trackingNumber: plain.trackingNumber, residentName: '张三' },
    { kind: 'caseAction', trackingNumber: plain.trackingNumber, action: '办结' },
    { kind: 'registration', trackingNumber: proxy.trackingNumber, residentName: '张三' },
    { kind: 'custody', trackingNumber: proxy.trackingNumber, type: '收取', document: doc },
    { kind: 'custody', trackingNumber: proxy.trackingNumber, type: '移交', document: doc },
  ];
  return { db, plain, proxy, item, confirmed };
}

const read = (db: DutyDeskDB): Promise<Tables> => readAllTables(db.name);

describe('the crash loop checker', () => {
  it('finds nothing wrong on a desk written through the repositories, and verifies every confirmed action', async () => {
    const { db, confirmed } = await writtenDesk();
    const report = checkDesk(await read(db), confirmed);
    expect(report.problems).toEqual([]);
    expect(report.actionsVerified).toBe(confirmed.length);
    expect(report.recordsChecked).toBeGreaterThan(10);
  });

  it('reads an absent database as empty and leaves none behind', async () => {
    expect(await readAllTables('never-made')).toEqual({});
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('never-made');
  });

  it('reports a case without its first event, and a status its events do not explain', async () => {
    const { db, plain, confirmed } = await writtenDesk();
    // A record its events do not explain (a write that escaped its door).
    await db.cases.update(plain.id, { documentsReceived: ['不在事件里的材料'] });
    const unexplained = checkDesk(await read(db), confirmed);
    expect(unexplained.problems).toContain(`办件 ${plain.trackingNumber}：记录与其事件的折叠不符`);
    const first = await db.caseEvents
      .where('caseId')
      .equals(plain.id)
      .filter((e) => e.base !== undefined)
      .first();
    await db.caseEvents.delete(first!.id);
    const report = checkDesk(await read(db), confirmed);
    expect(report.problems).toContain(`办件 ${plain.trackingNumber}：缺第一条事件`);
    await db.caseEvents.where('caseId').equals(plain.id).delete();
    const bare = checkDesk(await read(db), confirmed);
    expect(bare.problems).toContain(`办件 ${plain.trackingNumber}：没有任何办理记录（缺第一条事件）`);
    expect(bare.problems).toContain(`界面显示已完成的办结（${plain.trackingNumber}）：记录不在数据库里`);
    expect(bare.actionsVerified).toBe(confirmed.length - 1);
  });

  it('reports a case whose status is not where its last event left it', async () => {
    const { db, plain } = await writtenDesk();
    await db.cases.update(plain.id, { status: '办理中' });
    expect(checkDesk(await read(db)).problems).toContain(
      `办件 ${plain.trackingNumber}：状态 办理中 与最后事件的 已办结 不符`,
    );
  });

  it('reports a case without its visit and a visit without its case', async () => {
    const { db, plain, proxy } = await writtenDesk();
    await db.visits.delete(plain.visitId!);
    const visit = await db.visits.get(proxy.visitId!);
    await db.cases.delete(proxy.id);
    const problems = checkDesk(await read(db)).problems;
    expect(problems).toContain(`办件 ${plain.trackingNumber}：来访 ${plain.visitId} 不存在`);
    expect(problems).toContain(`来访 ${visit!.id}：办件 ${proxy.id} 不存在`);
  });

  it('reports a tracking number used twice, and a counter behind the numbers it issued', async () => {
    const { db, plain } = await writtenDesk();
    const tables = await read(db);
    // The unique index keeps a second one out of IndexedDB: planted in what was read.
    tables.cases!.push({ ...tables.cases![0]!, id: 'copy' });
    // The counter that issued it: desk 1's of the day ('THL-20261124-01').
    const n = parseTrackingNumber(plain.trackingNumber);
    if (!n.ok) throw new Error('bad number');
    const key = counterKeyFor(n.communityCode, n.date, n.desk);
    expect(key).toBe('THL-20261124-01');
    tables.counters = tables.counters!.map((c) => (c.key === key ? { ...c, value: 1 } : c));
    const problems = checkDesk(tables).problems;
    expect(problems).toContain(`受理编号 ${String(tables.cases![0]!.trackingNumber)} 用了 2 次`);
    expect(problems).toContain(`计数器 ${key} 为 1，落后于已发出的 2`);
    // And in the database: the counter row itself set back.
    await db.counters.put({ key, value: 1 });
    expect(checkDesk(await read(db)).problems).toContain(`计数器 ${key} 为 1，落后于已发出的 2`);
    await db.counters.delete(key);
    expect(checkDesk(await read(db)).problems).toContain(`计数器 ${key} 不存在（已发到 2）`);
  });

  it('reports a custody item without its events, without its case event, or held by someone its events do not name', async () => {
    const { db, proxy, item, confirmed } = await writtenDesk();
    const tn = proxy.trackingNumber;
    const moved = (await db.custodyItems.get(item.id))!;
    await db.custodyItems.put({ ...moved, holder: { kind: 'cabinet' } });
    expect(checkDesk(await read(db)).problems).toContain(`办件 ${tn} 的材料 ${item.id}：保管人与最后一条交接记录不符`);
    await db.custodyItems.put({ ...moved, events: moved.events.slice(0, 1), holder: moved.events[0]!.to });
    expect(checkDesk(await read(db)).problems).toContain(`办件 ${tn}：材料移交 的交接记录 0 条，办件事件 1 条`);
    await db.custodyItems.put({ ...moved, events: [] });
    const report = checkDesk(await read(db), confirmed);
    expect(report.problems).toContain(`办件 ${tn} 的材料 ${item.id}：没有交接记录`);
    expect(report.problems).toContain(`界面显示已完成的材料收取（${tn}）：记录不在数据库里`);
    await db.custodyItems.put(moved);
    const handOver = await db.caseEvents
      .where('caseId')
      .equals(proxy.id)
      .filter((e) => e.action === '材料移交')
      .first();
    await db.caseEvents.delete(handOver!.id);
    expect(checkDesk(await read(db)).problems).toContain(`办件 ${tn}：材料移交 的交接记录 1 条，办件事件 0 条`);
  });

  it('reports a confirmed registration that is not in the database', async () => {
    const { db } = await writtenDesk();
    const report = checkDesk(await read(db), [
      { kind: 'registration', trackingNumber: 'THL-20261124-0099', residentName: '张三' },
    ]);
    expect(report.problems).toEqual(['界面显示已完成的登记（THL-20261124-0099）：办件 THL-20261124-0099 不在数据库里']);
    expect(report.actionsVerified).toBe(0);
  });
});

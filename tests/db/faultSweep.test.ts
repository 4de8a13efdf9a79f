/**
 * A fault at every step (issue 22, item 12): each multi-record write of the desk run with a
 * fault at its 1st, 2nd, 3rd … IndexedDB operation — quota, abort, constraint — until it runs
 * through with no fault left to inject. After each fault the write is refused with the clerk's
 * Chinese message and the database equals the database before, every table row for row
 * (support/faultSweep.ts). The counts are printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { createCalendar } from '@shared/domain/workingCalendar';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { recordCustody, recordCustodyMany } from '../../renderer/src/db/repositories/custody';
import { performProxyAction, proxyTaskOfCase } from '../../renderer/src/db/repositories/proxy';
import { addProblem } from '../../renderer/src/db/repositories/problems';
import { getMeetingFile, performMeetingAction, planMeeting } from '../../renderer/src/db/repositories/meetings';
import { recordDecision } from '../../renderer/src/db/repositories/meetingDecisions';
import { importResidents, type ImportRow } from '../../renderer/src/db/repositories/residentImport';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import { validateResidentInput } from '@shared/domain/resident';
import { residentNo } from '../../bench/data/residentLedger';
import { memoryBackupDeps } from './backupDeps';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { faultInjector } from './support/faultInjection';
import { sweepWrite, totalOf, type SweepCounts } from './support/faultSweep';
import { addClerkLiMing, counterIds, createZhangSan, freshDb, setUpCommunity, T0, testDesk, TODAY } from './testDb';

const calendar = createCalendar();
const ZHANG_SAN = ['张三', '13812345678', '430104195803151234'];
const all: SweepCounts[] = [];

/** A set-up community on a database with the fault injector below every other middleware. */
async function faultyDesk() {
  const db = freshDb();
  const injector = faultInjector();
  db.use(injector.middleware);
  const admin = await setUpCommunity(db);
  const colleague = await addClerkLiMing(db, admin.id, 'staff-2');
  const resident = await createZhangSan(db, admin.id, TODAY);
  const ids = counterIds('f');
  const desk = (staffId = admin.id) => testDesk(db, { staffId, now: T0, today: TODAY, calendar, ...ids });
  return { db, dexie: db as unknown as Dexie, injector, admin, colleague, resident, desk };
}

const matterWithDocuments = async (db: DutyDeskDB) =>
  (await db.matterTypes.toArray()).find((m) => m.documents.length >= 2 && m.timeLimitDays > 0)!;

describe('a fault at every step', { timeout: 120_000 }, () => {
  afterAll(() => {
    const t = totalOf(all);
    console.log(
      `[fault sweep] total: ${all.length} writes, ${t.operations} operations, ${t.faultsInjected} faults injected, ${t.tablesCompared} tables compared`,
    );
  });

  it('a visit with two cases (registerVisit)', async () => {
    const { db, dexie, injector, resident, desk } = await faultyDesk();
    const matter = await matterWithDocuments(db);
    const other = (await db.matterTypes.toArray()).find(
      (m) => m.code !== matter.code && m.active && m.documents.length > 0 && m.timeLimitDays > 0,
    )!;
    const { result, counts } = await sweepWrite(
      'registerVisit',
      dexie,
      injector,
      () =>
        registerVisit(desk(), {
          residentId: resident.id,
          channel: '来站',
          kind: '办件',
          content: '',
          cases: [
            { matter, mode: '帮代办', received: [] },
            { matter: other, mode: '承诺件', received: other.documents.map((d) => d.name) },
          ],
        }),
      { secrets: ZHANG_SAN },
    );
    all.push(counts);
    expect(result.cases).toHaveLength(2);
    expect(await db.cases.count()).toBe(2);
    expect(await db.proxyTasks.count()).toBe(1);
  });

  /** A 帮代办 case of 张三 (documents still at home), accepted by the admin. */
  async function proxyCase(w: Awaited<ReturnType<typeof faultyDesk>>) {
    const matter = await matterWithDocuments(w.db);
    const { cases } = await registerVisit(w.desk(), {
      residentId: w.resident.id,
      channel: '来电',
      kind: '办件',
      content: '',
      cases: [{ matter, mode: '帮代办', received: [] }],
    });
    return { record: cases[0]!, docs: matter.documents.map((d) => d.name) };
  }

  it('a transfer (performCaseAction 转办)', async () => {
    const w = await faultyDesk();
    const { record } = await proxyCase(w);
    const { result, counts } = await sweepWrite(
      'performCaseAction 转办',
      w.dexie,
      w.injector,
      () =>
        performCaseAction(w.desk(), record.id, { type: '转办', toStaffId: w.colleague.id, reason: '李明熟悉此事项' }),
      { secrets: ZHANG_SAN },
    );
    all.push(counts);
    expect(result.status).toBe('待签收');
  });

  it('a 帮代办 hand-over: documents collected at the door, handed to a colleague, the request cancelled', async () => {
    const w = await faultyDesk();
    const { record, docs } = await proxyCase(w);
    const task = (await proxyTaskOfCase(w.desk(), record.id))!;
    await performProxyAction(w.desk(), task.id, {
      type: '预约上门',
      day: TODAY,
      slot: '上午',
      staffIds: [w.admin.id, w.colleague.id],
    });
    // 收取 at the door: the item, the case's list checked off, the home visit made (上门完成),
    // two timeline events, the audit rows — one transaction.
    const collected = await sweepWrite(
      'recordCustody 收取',
      w.dexie,
      w.injector,
      () => recordCustody(w.desk(), record.id, { document: docs[0]!, original: true, count: 1 }, { type: '收取' }),
      { secrets: ZHANG_SAN },
    );
    all.push(collected.counts);
    expect((await w.db.proxyTasks.get(task.id))?.status).not.toBe('待上门');
    const handed = await sweepWrite(
      'recordCustody 移交',
      w.dexie,
      w.injector,
      () =>
        recordCustody(
          w.desk(),
          record.id,
          { itemId: collected.result.id },
          { type: '移交', to: { kind: 'staff', staffId: w.colleague.id } },
        ),
      { secrets: ZHANG_SAN },
    );
    all.push(handed.counts);
    expect(handed.result.holderKey).toBe(`staff:${w.colleague.id}`);
    // 取消 of another accepted request (no original out) ends its case (不予受理) in the same transaction.
    const second = await proxyCase(w);
    const secondTask = (await proxyTaskOfCase(w.desk(), second.record.id))!;
    const cancelled = await sweepWrite(
      'performProxyAction 取消',
      w.dexie,
      w.injector,
      () => performProxyAction(w.desk(), secondTask.id, { type: '取消', reason: '居民撤回' }),
      { secrets: ZHANG_SAN },
    );
    all.push(cancelled.counts);
    expect((await w.db.cases.get(second.record.id))?.status).toBe('不予受理');
  });

  it('移交 of three documents at once (recordCustodyMany): all three or none', async () => {
    const w = await faultyDesk();
    const { record, docs } = await proxyCase(w);
    const ids: string[] = [];
    for (const document of [docs[0]!, docs[1]!, '户口簿'])
      ids.push((await recordCustody(w.desk(), record.id, { document, original: true, count: 1 }, { type: '收取' })).id);
    const moved = await sweepWrite(
      'recordCustodyMany 移交',
      w.dexie,
      w.injector,
      () =>
        recordCustodyMany(w.desk(), record.id, ids, { type: '移交', to: { kind: 'staff', staffId: w.colleague.id } }),
      { secrets: ZHANG_SAN },
    );
    all.push(moved.counts);
    expect(moved.result.map((i) => i.holderKey)).toEqual(ids.map(() => `staff:${w.colleague.id}`));
  });

  it('a meeting planned and a decision recorded (planMeeting, recordDecision 社区处置)', async () => {
    const w = await faultyDesk();
    const FRI = '2026-11-27';
    await addProblem(w.desk(), {
      title: '小区北门下水道堵塞',
      category: '环境卫生',
      place: '北门',
      source: '入户走访',
    });
    await registerVisit(w.desk(), {
      residentId: w.resident.id,
      channel: '来站',
      kind: '诉求',
      content: '3 栋门口路灯不亮',
      cases: [],
      complaint: { category: '公共设施' },
    });
    const planned = await sweepWrite('planMeeting', w.dexie, w.injector, () => planMeeting(w.desk(), FRI), {
      secrets: ZHANG_SAN,
    });
    all.push(planned.counts);
    const file = (await getMeetingFile(w.desk(), planned.result.id))!;
    // Decisions are recorded once the meeting is held (issue 25 item 16).
    await performMeetingAction(w.desk(), planned.result.id, {
      type: '召开',
      attendees: file.meeting.attendees.map((a) => ({ ...a, present: true })),
      heldAt: w.desk().clock.now(),
    });
    const drain = file.items.find((i) => i.title === '小区北门下水道堵塞')!;
    // A problem without a case: the case accepted (numbered), handed to its owner by the meeting.
    const decided = await sweepWrite(
      'recordDecision 社区处置',
      w.dexie,
      w.injector,
      () => recordDecision(w.desk(), drain.id, { type: '社区处置', ownerId: w.colleague.id, workingDays: 3 }),
      { secrets: ZHANG_SAN },
    );
    all.push(decided.counts);
    expect(decided.result.caseId).toBeTruthy();
    expect((await w.db.cases.get(decided.result.caseId!))?.handlerId).toBe(w.colleague.id);
    const lamp = file.items.find((i) => i.title === '3 栋门口路灯不亮')!;
    const escalated = await sweepWrite(
      'recordDecision 上报街道',
      w.dexie,
      w.injector,
      () =>
        recordDecision(w.desk(), lamp.id, {
          type: '上报街道',
          level: '日常',
          office: '街道城管办',
          request: '协调维修路灯',
        }),
      { secrets: ZHANG_SAN },
    );
    all.push(escalated.counts);
    expect((await w.db.cases.get(escalated.result.caseId!))?.status).toBe('已上报街道');
  });

  it('an import part (importResidents: new, updated and skipped rows, yesterday’s copies dropped)', async () => {
    const w = await faultyDesk();
    const admin = testDesk(w.db, { staffId: w.admin.id, role: '站长/管理员', today: TODAY, calendar });
    const value = (i: number, phone?: string) => {
      const r = residentNo(i);
      const checked = validateResidentInput(
        {
          name: r.name,
          idNumber: r.id,
          phone: phone ?? r.phone,
          building: '',
          unit: '',
          room: '',
          gridId: '',
          tags: [],
        },
        TODAY,
      );
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      return checked.value;
    };
    // On file: residents 1 and 2; yesterday's import changed resident 1 (its copy is kept until today).
    for (const i of [1, 2]) {
      const r = residentNo(i);
      await createResident(admin, {
        ...value(i),
        idNumber: r.id,
        phone: r.phone,
        building: '',
        unit: '',
        room: '',
        gridId: '',
      });
    }
    const yesterday = testDesk(w.db, {
      staffId: w.admin.id,
      role: '站长/管理员',
      today: '2026-11-23',
      now: T0 - 86_400_000,
    });
    await importResidents(yesterday, {
      fileName: '昨天.xlsx',
      mode: 'update',
      rows: [{ row: 4, value: { ...value(1), building: '3栋' } }],
      rejected: 0,
      mapping: {},
    });
    const rows: ImportRow[] = [
      { row: 4, value: value(1, '13700001111') }, // on file: updated (new phone)
      { row: 5, value: value(2) }, // on file, nothing new: skipped
      ...[3, 4, 5].map((i) => ({ row: 3 + i, value: value(i) })), // new
    ];
    const secrets = [1, 2, 3, 4, 5].flatMap((i) => [residentNo(i).name, residentNo(i).id, residentNo(i).phone]);
    const { result, counts } = await sweepWrite(
      'importResidents',
      w.dexie,
      w.injector,
      () =>
        importResidents(admin, { fileName: '台账.xlsx', mode: 'update', rows, rejected: 2, mapping: { 姓名: 'name' } }),
      { secrets },
    );
    all.push(counts);
    expect([result.created, result.updated, result.skipped.length]).toEqual([3, 1, 1]);
  });

  it('a restore (restoreBackup): every table, the audit log row for row', async () => {
    const w = await faultyDesk();
    const deps = memoryBackupDeps();
    const admin = testDesk(w.db, { staffId: w.admin.id, role: '站长/管理员', today: TODAY, calendar });
    const made = await makeBackup(admin, deps, 'regular', { passphrase: '梅花香自苦寒来2026年' });
    if (!made.ok) throw new Error(made.message);
    const file = deps.files.get(made.name)!;
    // Written after the backup: a visit with its case, and their audit rows.
    const { record } = await proxyCase(w);
    const { counts } = await sweepWrite(
      'restoreBackup',
      w.dexie,
      w.injector,
      () => restoreBackup(admin, deps, file, undefined, { liveBackedUp: true }),
      { secrets: ZHANG_SAN },
    );
    all.push(counts);
    expect(await w.db.cases.get(record.id)).toBeUndefined();
  });
});

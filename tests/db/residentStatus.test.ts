/**
 * 居民状态 and 删除居民 through the data layer (db/repositories/residents.ts): a resident marked
 * 已迁出 / 已故 keeps their history and leaves the default search (their keys move behind a
 * prefix); marking and undoing and deleting are refused for each role the table refuses, even
 * when the repository is called directly; a deletion is refused while anything is open, touches
 * exactly what the preview counted, and an injected failure leaves everything as it was.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { can, type Permission } from '@shared/domain/roles';
import { COMMUNITY_ROLES, STAFF_ROLES, type StaffRole } from '@shared/domain/records';
import {
  DELETED_RESIDENT_ID,
  DELETED_RESIDENT_NAME,
  INACTIVE_KEY_PREFIX,
  residentLabel,
} from '@shared/domain/residentStatus';
import { registerLines } from '@shared/domain/registerLines';
import { receiptKindsFor } from '@shared/domain/receiptKinds';
import { renderReceipt } from '@shared/receipts/render';
import { renderMeetingAgenda } from '@shared/receipts/meetingAgenda';
import { ledgersOf } from '@shared/reports/ledgers';
import { periodOf, previousPeriod } from '@shared/reports/periods';
import { EMPTY_NOTES } from '@shared/reports/reportData';
import { buildReceiptData } from '../../renderer/src/components/receiptData';
import { agendaPaper, entryViews } from '../../renderer/src/features/meetings/meetingText';
import { queuePage } from '../../renderer/src/db/repositories/cases';
import { getMeetingFile, planMeeting } from '../../renderer/src/db/repositories/meetings';
import { readReportData } from '../../renderer/src/db/repositories/reports';
import { hashSecret } from '../../renderer/src/db/secrets';
import {
  registerVisit,
  registerOfDay,
  visitsOfResident,
  casesOfResident,
} from '../../renderer/src/db/repositories/visits';
import { proxyQueue, registerProxyRequest } from '../../renderer/src/db/repositories/proxy';
import { addProblem, problemPool } from '../../renderer/src/db/repositories/problems';
import {
  createResident,
  getResident,
  residentsByIds,
  updateResident,
} from '../../renderer/src/db/repositories/residents';
import { searchResidents } from '../../renderer/src/db/repositories/residentSearch';
import {
  deleteResident,
  markResidentStatus,
  OpenItemsRefusal,
  openItemsOfResident,
  residentDeletionPreview,
} from '../../renderer/src/db/repositories/residentLifecycle';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { addSignedStaff, counterIds, createZhangSan, freshDb, setUpCommunity, T0, testDesk } from './testDb';

const calendar = createCalendar();
const DAY = '2026-11-24';

async function refusal(p: Promise<unknown>): Promise<DomainRefusal> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (e instanceof DomainRefusal) return e;
  throw new Error(`expected a DomainRefusal, got ${String(e)}`);
}

/** A set-up community, one staff member of each role, 张三 with a 咨询 visit (no case). */
async function desk() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const staffOf = new Map<StaffRole, string>([['站长/管理员', admin.id]]);
  for (const role of COMMUNITY_ROLES) {
    if (staffOf.has(role)) continue;
    const s = await addSignedStaff(testDesk(db, { staffId: admin.id, ...counterIds(`s-${role}`) }), {
      name: role === '值班员' ? '李明' : '周敏',
      role,
      grids: [],
      password: await hashSecret('864209', undefined, 1000),
    });
    staffOf.set(role, s.id);
  }
  const resident = await createZhangSan(db, admin.id, DAY);
  const ids = new Map(STAFF_ROLES.map((role) => [role, counterIds(role).newId]));
  const as = (role: StaffRole) =>
    testDesk(db, { staffId: staffOf.get(role)!, role, now: T0, today: DAY, calendar, newId: ids.get(role)! });
  await registerVisit(as('站长/管理员'), {
    residentId: resident.id,
    channel: '来站',
    kind: '咨询',
    content: '咨询居住证办理',
    cases: [],
  });
  return { db, admin, resident, as };
}

const moved = { status: '已迁出' as const, day: '2026-11-20', note: '迁往岳麓区，本人告知' };

async function everything(db: DutyDeskDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

describe('已迁出 / 已故', () => {
  it('keeps the history, leaves the default search, is found with 包括已迁出、已故, and comes back when undone', async () => {
    const { db, resident, as } = await desk();
    const clerk = as('值班员');
    expect((await searchResidents(clerk, '张三')).map((r) => r.id)).toEqual([resident.id]);
    const { resident: marked, open } = await markResidentStatus(clerk, resident.id, moved);
    expect(open).toEqual({ cases: [], documents: [], requests: [] });
    expect(marked).toMatchObject({ status: '已迁出', statusDay: '2026-11-20', statusNote: '迁往岳麓区，本人告知' });
    expect(marked.searchKeys.every((k) => k.startsWith(INACTIVE_KEY_PREFIX))).toBe(true);
    for (const q of ['张三', 'zs', 'zhangsan', '5678', '13812345678'])
      expect(await searchResidents(clerk, q), q).toEqual([]);
    for (const q of ['张三', 'zs', '5678', '~张'])
      expect(
        (await searchResidents(clerk, q, 20, { includeInactive: true })).map((r) => r.id),
        q,
      ).toEqual([resident.id]);
    // The default search never reads the prefixed range: one range of the index, as before.
    expect(await db.residents.where('searchKeys').startsWith('张').count()).toBe(0);
    expect(await visitsOfResident(clerk, resident.id)).toHaveLength(1);
    // Editing the record keeps the status (and the form cannot clear it).
    const edited = await updateResident(clerk, resident.id, {
      name: '张三',
      idNumber: resident.idNumber ?? '',
      phone: '13812345679',
      building: '',
      unit: '',
      room: '',
      gridId: '',
      tags: [],
    });
    expect(edited.status).toBe('已迁出');
    expect(await searchResidents(clerk, '5679')).toEqual([]);
    // 已迁出 → 已故 is another marking; back to 在册 is an admin's.
    await markResidentStatus(clerk, resident.id, { status: '已故', day: '2026-11-23', note: '家属来电告知' });
    const undo = await refusal(markResidentStatus(clerk, resident.id, { status: '在册', day: DAY, note: '登记错了' }));
    expect(undo.message).toBe('只有站长/管理员可以将已迁出、已故的居民恢复为在册');
    const back = await markResidentStatus(as('站长/管理员'), resident.id, {
      status: '在册',
      day: DAY,
      note: '登记错了',
    });
    expect(back.resident.status).toBeUndefined();
    expect(back.resident.statusNote).toBeUndefined();
    expect((await searchResidents(clerk, '张三')).map((r) => r.id)).toEqual([resident.id]);
    const rows = await db.auditLog.where('action').equals('resident.status').toArray();
    expect(rows.map((r) => r.detail)).toEqual(['在册→已迁出', '已迁出→已故', '已故→在册；说明：登记错了']);
    // A marking's note stays on the resident (not the log); the undo's note has no other home.
    for (const r of rows.slice(0, 2)) expect(r.detail).not.toMatch(/岳麓|家属/);
  });

  it('ranks a 在册 namesake before an 已迁出 one and stops each range at the limit', async () => {
    const { db, resident, as } = await desk();
    const admin = as('站长/管理员');
    await markResidentStatus(admin, resident.id, moved);
    const other = await db.residents.get(resident.id);
    await createResident(testDesk(db, { staffId: 'id-1', today: DAY, newId: () => 'res-2' }), {
      name: '张三',
      idNumber: '',
      phone: '13900001111',
      building: '',
      unit: '',
      room: '',
      gridId: '',
      tags: [],
    });
    expect(other?.status).toBe('已迁出');
    expect((await searchResidents(admin, '张三', 20, { includeInactive: true })).map((r) => r.id)).toEqual([
      'res-2',
      resident.id,
    ]);
    expect((await searchResidents(admin, '张三', 1, { includeInactive: true })).map((r) => r.id)).toEqual(['res-2']);
  });

  it('refuses at the field: the same status, a day to come or missing, no note', async () => {
    const { resident, as } = await desk();
    const clerk = as('值班员');
    expect(
      await refusal(markResidentStatus(as('站长/管理员'), resident.id, { ...moved, status: '在册' })),
    ).toMatchObject({ field: 'status', message: '该居民已是“在册”' });
    expect(await refusal(markResidentStatus(clerk, resident.id, { ...moved, day: '2026-11-25' }))).toMatchObject({
      field: 'day',
      message: '日期不能晚于今天',
    });
    expect(await refusal(markResidentStatus(clerk, resident.id, { ...moved, day: '' }))).toMatchObject({
      field: 'day',
    });
    expect(await refusal(markResidentStatus(clerk, resident.id, { ...moved, note: ' ' }))).toMatchObject({
      field: 'note',
    });
    expect((await getResident(clerk, resident.id))?.status).toBeUndefined();
  });

  it('an open case and an open 帮代办 request: the marking waits for confirmOpen, then is done and logged with the count', async () => {
    const { db, resident, as } = await desk();
    const clerk = as('值班员');
    const matter = (await db.matterTypes.toArray()).find((m) => m.timeLimitDays > 0)!;
    const { cases } = await registerVisit(clerk, {
      residentId: resident.id,
      channel: '来站',
      kind: '办件',
      content: '',
      cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
    });
    await registerProxyRequest(clerk, { residentId: resident.id, source: '电话', request: '帮忙办理高龄补贴' });
    const open = await openItemsOfResident(clerk, resident.id);
    expect(open.cases.map((c) => c.trackingNumber)).toEqual([cases[0]!.trackingNumber]);
    expect(open.requests).toHaveLength(1);
    const waits = await refusal(markResidentStatus(clerk, resident.id, { ...moved, status: '已故' }));
    expect(waits).toBeInstanceOf(OpenItemsRefusal);
    expect(waits.message).toBe('该居民还有未办完的事项（1 件办件未办完、1 项帮代办未完成），请先核对');
    expect((waits as OpenItemsRefusal).open).toEqual(open);
    expect((await getResident(clerk, resident.id))?.status).toBeUndefined();
    const done = await markResidentStatus(clerk, resident.id, { ...moved, status: '已故', confirmOpen: true });
    expect(done.open).toEqual(open);
    expect((await db.auditLog.where('action').equals('resident.status').last())?.detail).toBe('在册→已故；未完成 2');
    expect(await casesOfResident(clerk, resident.id)).toHaveLength(1);
  });
});

describe('each role, called directly', () => {
  const actions: [string, Permission, (d: Awaited<ReturnType<typeof desk>>, role: StaffRole) => Promise<unknown>][] = [
    ['标记迁出', 'resident.markInactive', (d, role) => markResidentStatus(d.as(role), d.resident.id, moved)],
    [
      '恢复在册',
      'resident.reactivate',
      async (d, role) => {
        await markResidentStatus(d.as('站长/管理员'), d.resident.id, moved);
        return markResidentStatus(d.as(role), d.resident.id, { status: '在册', day: DAY, note: '登记错了' });
      },
    ],
    [
      '删除居民',
      'resident.delete',
      async (d, role) =>
        deleteResident(d.as(role), d.resident.id, {
          reason: '重复登记的档案',
          expected: await residentDeletionPreview(d.as(role), d.resident.id).then(({ open: _o, ...c }) => c),
        }),
    ],
  ];
  for (const role of COMMUNITY_ROLES)
    for (const [name, permission, act] of actions) {
      const allowed = can({ role }, permission);
      it(`${role} × ${name} → ${allowed ? 'done' : 'refused, nothing written'}`, async () => {
        const d = await desk();
        if (allowed) {
          await act(d, role);
          return;
        }
        const before = await d.db.residents.get(d.resident.id);
        const audits = await d.db.auditLog.count();
        const e = await refusal(act(d, role));
        expect(e.message).toMatch(/^只有|不能修改数据/);
        const after = await d.db.residents.get(d.resident.id);
        // 恢复在册's set-up marked the resident first (by the admin): only the refused step is undone.
        if (permission !== 'resident.reactivate') expect(after).toEqual(before);
        else expect(after?.status).toBe('已迁出');
        expect(await d.db.auditLog.count()).toBe(audits + (permission === 'resident.reactivate' ? 1 : 0));
      });
    }
});

/** 张三 with a finished history: a 咨询 visit, a 即办 case, a 诉求-free problem, a returned document, a delivered request, today's import. */
async function history() {
  const d = await desk();
  const { db, resident, as } = d;
  const admin = as('站长/管理员');
  const matter = (await db.matterTypes.toArray()).find((m) => m.timeLimitDays > 0)!;
  const { cases } = await registerVisit(admin, {
    residentId: resident.id,
    channel: '来站',
    kind: '办件',
    content: '',
    cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
  });
  const caseId = cases[0]!.id;
  await addProblem(admin, { title: '楼道灯不亮', category: '公共设施', residentId: resident.id, source: '入户走访' });
  const stamp = { createdAt: T0, createdBy: 'id-1', updatedAt: T0, updatedBy: 'id-1' };
  await db.custodyItems.add({
    id: 'doc-1',
    caseId,
    residentId: resident.id,
    document: '户口簿',
    original: true,
    count: 1,
    holder: { kind: 'resident' },
    status: '已归还',
    collectedAt: T0,
    events: [],
    ...stamp,
  });
  await db.proxyTasks.add({
    id: 'task-1',
    residentId: resident.id,
    caseId,
    source: '电话',
    status: '已送达',
    request: '帮忙办理',
    requestedDay: DAY,
    ...stamp,
  });
  await db.importBatches.add({
    id: 'batch-1',
    day: DAY,
    fileName: '台账.xlsx',
    mode: 'update',
    created: [{ id: resident.id, row: 2, at: T0 }],
    updated: [{ id: 'someone-else', row: 3, at: T0 }],
    skipped: 0,
    rejected: 0,
    savedAt: T0,
    ...stamp,
  });
  // The case is finished: no longer open.
  await db.cases.update(caseId, { status: '已归档' });
  return { ...d, caseId, trackingNumber: cases[0]!.trackingNumber };
}

const counts = { visits: 2, cases: 1, custodyItems: 1, proxyRequests: 1, problems: 1 };

describe('删除居民', () => {
  it('previews the counts, refuses while open, then keeps the history under 已删除居民 in one transaction', async () => {
    const { db, resident, as, caseId, trackingNumber } = await history();
    const admin = as('站长/管理员');
    // Open again: refused, naming what is open.
    await db.cases.update(caseId, { status: '办理中' });
    const preview = await residentDeletionPreview(admin, resident.id);
    expect(preview).toMatchObject(counts);
    expect(preview.open.cases.map((c) => c.trackingNumber)).toEqual([trackingNumber]);
    const refused = await refusal(deleteResident(admin, resident.id, { reason: '重复登记的档案', expected: counts }));
    expect(refused).toBeInstanceOf(OpenItemsRefusal);
    expect(refused.message).toContain('办完后才能删除');
    await db.cases.update(caseId, { status: '已归档' });
    // The reason at its field.
    expect(await refusal(deleteResident(admin, resident.id, { reason: '重复', expected: counts }))).toMatchObject({
      field: 'reason',
    });
    // Counts that no longer match what was shown.
    expect(
      (
        await refusal(
          deleteResident(admin, resident.id, { reason: '重复登记的档案', expected: { ...counts, visits: 1 } }),
        )
      ).message,
    ).toBe('该居民的记录刚有变动，请重新查看删除影响后再确认');
    const before = await everything(db);
    const done = await deleteResident(admin, resident.id, { reason: '重复登记的档案', expected: counts });
    expect(done).toMatchObject(counts);
    // No resident any more; the row stays as a tombstone (who, when, why) without personal data.
    expect(await getResident(admin, resident.id)).toBeUndefined();
    expect(await db.residents.get(resident.id)).toEqual({
      id: resident.id,
      name: '',
      tags: [],
      searchKeys: [],
      deleted: { at: T0, day: DAY, by: admin.actor.id, reason: '删除：重复登记的档案' },
      createdAt: resident.createdAt,
      createdBy: resident.createdBy,
      updatedAt: T0,
      updatedBy: admin.actor.id,
    });
    // Exactly what the preview counted, each kept without the resident.
    const hisVisits = new Set(
      (before.visits as { id: string; residentId?: string }[])
        .filter((v) => v.residentId === resident.id)
        .map((v) => v.id),
    );
    const visits = (await db.visits.toArray()).filter((v) => hisVisits.has(v.id));
    expect(visits).toHaveLength(2);
    for (const v of visits) expect(v.residentId).toBe(DELETED_RESIDENT_ID);
    const kept = await db.cases.get(caseId);
    expect(kept?.trackingNumber).toBe(trackingNumber);
    expect(kept?.residentId).toBe(DELETED_RESIDENT_ID);
    expect(await db.cases.where('trackingNumber').equals(trackingNumber).count()).toBe(1);
    expect((await db.custodyItems.get('doc-1'))?.residentId).toBe(DELETED_RESIDENT_ID);
    expect((await db.proxyTasks.get('task-1'))?.residentId).toBe(DELETED_RESIDENT_ID);
    const problem = (await db.problems.toArray())[0]!;
    expect(problem.sources.map((s) => s.residentId)).toEqual([DELETED_RESIDENT_ID]);
    expect(problem.residentIds).toEqual([DELETED_RESIDENT_ID]);
    expect(await db.problems.where('residentIds').equals(resident.id).count()).toBe(0);
    expect((await db.importBatches.get('batch-1'))?.created).toEqual([]);
    expect((await db.importBatches.get('batch-1'))?.updated).toHaveLength(1);
    // Nothing else changed: other tables and the other rows are as they were.
    const after = await everything(db);
    for (const t of ['staff', 'matterTypes', 'meta', 'meetings', 'agendaItems']) expect(after[t], t).toEqual(before[t]);
    // The case moved through its door (changeCase): its events as before plus one 改挂居民, and
    // the desk's event clock (counters) moved on; nothing else.
    const moved = (after.caseEvents as { action: string }[]).filter((e) => e.action === '改挂居民');
    expect(moved).toHaveLength(1);
    expect((after.caseEvents as { action: string }[]).filter((e) => e.action !== '改挂居民')).toEqual(
      before.caseEvents,
    );
    expect((after.counters as { key: string }[]).filter((c) => c.key !== 'eventClock')).toEqual(
      (before.counters as { key: string }[]).filter((c) => c.key !== 'eventClock'),
    );
    expect(after.cases).toHaveLength(before.cases!.length);
    expect(after.visits).toHaveLength(before.visits!.length);
    const row = await db.auditLog.where('action').equals('resident.delete').last();
    expect(row).toMatchObject({ entity: 'resident', entityId: resident.id, staffId: 'id-1' });
    // The reason is kept (the resident row is gone), naming no one.
    expect(row?.detail).toBe('原因：重复登记的档案；来访 2，办件 1，材料 1，帮代办 1，问题 1');
    expect(JSON.stringify(row)).not.toMatch(/张三|1381234/);
    expect(await visitsOfResident(admin, resident.id)).toEqual([]);
  });

  it('every list, queue, agenda, receipt and ledger shows 已删除居民 for the deleted resident, — where there was none', async () => {
    const { db, resident, as, caseId, trackingNumber } = await history();
    const admin = as('站长/管理员');
    // A visit without a resident, the same day: it keeps showing '—'.
    await registerVisit(admin, { channel: '来电', kind: '咨询', content: '咨询社区开放时间', cases: [] });
    await deleteResident(admin, resident.id, { reason: '重复登记的档案', expected: counts });
    const name = (r: { name: string }) => r.name;

    // 来访台账 (screen, paper and Excel share registerLines).
    const register = await registerOfDay(admin, DAY);
    const lines = registerLines(
      register.rows,
      register.residents,
      () => '',
      () => '',
    );
    expect(lines.map((l) => l.resident).sort()).toEqual([DELETED_RESIDENT_NAME, DELETED_RESIDENT_NAME, '—'].sort());
    expect(lines.find((l) => l.trackingNumber === trackingNumber)?.resident).toBe(DELETED_RESIDENT_NAME);

    // 办件 queues: the row's resident is gone from the residents read for the page.
    const page = await queuePage(admin, '全部办件', {}, { limit: 25 });
    const row = page.rows.find((c) => c.id === caseId)!;
    const onPage = await residentsByIds(
      admin,
      page.rows.flatMap((c) => (c.residentId ? [c.residentId] : [])),
    );
    expect(residentLabel(row.residentId, onPage.get(row.residentId ?? ''), name)).toBe(DELETED_RESIDENT_NAME);
    expect(residentLabel(undefined, undefined, name)).toBe('—');

    // 帮代办 queue (the request reopened by hand: the queue row has no resident on file).
    await db.proxyTasks.update('task-1', { status: '待送达' });
    const [task] = await proxyQueue(admin, '待送达');
    expect(task?.resident).toBeUndefined();
    expect(residentLabel(task?.task.residentId, task?.resident, name)).toBe(DELETED_RESIDENT_NAME);

    // The problem pool and the meeting agenda (screen and paper).
    const [pooled] = await problemPool(admin);
    expect(pooled?.residents).toEqual([{ id: DELETED_RESIDENT_ID, name: DELETED_RESIDENT_NAME, onFile: false }]);
    const meeting = await planMeeting(admin, DAY);
    const file = (await getMeetingFile(admin, meeting.id))!;
    const ids = [...file.problems.values()].flatMap((p) => p.residentIds ?? []);
    const entries = entryViews(file, await residentsByIds(admin, ids), () => '');
    const entry = entries.find((e) => e.problem)!;
    expect(entry.residents.map((r) => r.name)).toEqual([DELETED_RESIDENT_NAME]);
    const context = {
      file,
      entries,
      community: admin.community,
      staffName: () => '',
      printedAt: '',
      printedBy: '王秀英',
    };
    expect(renderMeetingAgenda(agendaPaper(context))).toContain(`反映人：${DELETED_RESIDENT_NAME}`);

    // A reprinted receipt (补打回执); a case that never had a resident keeps （未登记）.
    const kept = (await db.cases.get(caseId))!;
    const data = buildReceiptData({
      record: kept,
      resident: undefined,
      community: admin.community,
      staffName: '王秀英',
      printedBy: '王秀英',
      matter: undefined,
      now: T0,
    });
    expect(data.resident.name).toBe(DELETED_RESIDENT_NAME);
    expect(renderReceipt(receiptKindsFor(kept)[0]!, data, 'a4', '<svg></svg>')).toContain(DELETED_RESIDENT_NAME);
    const noResident = buildReceiptData({
      ...{ record: { ...kept, residentId: undefined } },
      resident: undefined,
      community: admin.community,
      staffName: '',
      printedBy: '',
      matter: undefined,
      now: T0,
    });
    expect(noResident.resident.name).toBe('（未登记）');

    // The 办件台账 of the report (masked and 实名): the name column says 已删除居民.
    const period = periodOf('week', DAY);
    const report = await readReportData(admin, 'week', period, previousPeriod(period, 'week'), EMPTY_NOTES);
    for (const named of [false, true]) {
      const ledger = ledgersOf(report, named).find((l) => l.key === 'cases')!;
      const at = ledger.columns.findIndex((c) => c.title === '居民');
      expect(ledger.rows.map((r) => r[at])).toEqual([DELETED_RESIDENT_NAME]);
    }
  });

  it('a document out or an open request refuses the deletion too', async () => {
    const { db, resident, as } = await history();
    const admin = as('站长/管理员');
    await db.custodyItems.update('doc-1', { status: '在外', holder: { kind: 'cabinet' } });
    expect((await residentDeletionPreview(admin, resident.id)).open.documents).toHaveLength(1);
    expect(
      (await refusal(deleteResident(admin, resident.id, { reason: '重复登记的档案', expected: counts }))).message,
    ).toContain('1 份材料在外');
    await db.custodyItems.update('doc-1', { status: '已归还', holder: { kind: 'resident' } });
    await db.proxyTasks.update('task-1', { status: '待送达' });
    expect(
      (await refusal(deleteResident(admin, resident.id, { reason: '重复登记的档案', expected: counts }))).message,
    ).toContain('1 项帮代办未完成');
    expect(await db.residents.get(resident.id)).toBeDefined();
  });

  it('a failure injected in the transaction (the audit row) leaves everything as it was', async () => {
    const { db, resident, as } = await history();
    const before = await everything(db);
    const fail = () => {
      throw new Error('injected failure');
    };
    db.auditLog.hook('creating', fail);
    const e = await deleteResident(as('站长/管理员'), resident.id, {
      reason: '重复登记的档案',
      expected: counts,
    }).catch((x: unknown) => x);
    db.auditLog.hook('creating').unsubscribe(fail);
    expect(e).toBeInstanceOf(Error);
    expect(await everything(db)).toEqual(before);
  });
});

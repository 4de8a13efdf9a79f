import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import type { CaseDraft } from '@shared/domain/intake';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { VisitInput } from '@shared/domain/intake';
import { registerVisit, VisitValidationError } from '../../renderer/src/db/repositories/visits';
import { StorageError } from '../../renderer/src/db/storageErrors';
import { updateResident } from '../../renderer/src/db/repositories/residents';
import { visitReceiptData } from '../../renderer/src/features/intake/visitReceipt';
import { counterIds, freshDb, setUpCommunity, T0, createZhangSan, testDesk, type TestDeskOptions } from './testDb';

const calendar = createCalendar();

async function world(today = '2026-09-30') {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const resident = await createZhangSan(db, admin.id, today);
  const ctx: TestDeskOptions = { staffId: admin.id, now: T0, today, calendar, ...counterIds('v') };
  return { db, admin, resident, ctx };
}

async function draft(db: DutyDeskDB, code: string, patch: Partial<CaseDraft> = {}): Promise<CaseDraft> {
  const matter = await db.matterTypes.get(code);
  if (!matter) throw new Error(code);
  return { matter, mode: '承诺件', received: matter.documents.map((d) => d.name), ...patch };
}

describe('registering a visit at the counter', () => {
  it('saves visit, case, first event and counter together; 首问责任人 is the signed-in staff', async () => {
    const { db, admin, resident, ctx } = await world();
    const input: VisitInput = {
      residentId: resident.id,
      channel: '来站',
      kind: '办件',
      content: '',
      cases: [await draft(db, 'DY-001')],
    };
    const { visit, cases, plans } = await registerVisit(testDesk(db, ctx), input);
    expect(cases[0]).toMatchObject({
      trackingNumber: 'THL-20260930-010001',
      status: '已受理',
      deadline: calendar.addWorkingDays('2026-09-30', 3).date,
      firstContactId: admin.id,
      handlerId: admin.id,
    });
    expect(plans[0]?.receipts).toEqual(['受理回执']);
    expect(visit.caseIds).toEqual([cases[0]?.id]);
    expect(await db.caseEvents.where('caseId').equals(cases[0]!.id).count()).toBe(1);
    expect(await db.counters.get('THL-20260930-01')).toEqual({ key: 'THL-20260930-01', value: 1 });
  });

  it('returns what it stored, and the receipt is built from it, not from the form’s copy of the resident', async () => {
    const { db, resident, ctx } = await world();
    const formCopy = { ...resident }; // what the registration form picked
    // Meanwhile another window corrects the name; it is stored normalised (NFKC, spaces collapsed).
    await updateResident(testDesk(db, { ...ctx, ...counterIds('u') }), resident.id, {
      name: ' 张　三丰 ',
      idNumber: resident.idNumber ?? '',
      phone: resident.phone ?? '',
      building: '',
      unit: '',
      room: '',
      gridId: '',
      tags: [],
    });
    const saved = await registerVisit(testDesk(db, ctx), {
      residentId: formCopy.id,
      channel: '来站',
      kind: '办件',
      content: '',
      cases: [await draft(db, 'DY-001')],
    });
    const stored = await db.residents.get(resident.id);
    expect(stored?.name).toBe('张 三丰');
    expect(saved.resident).toEqual(stored);
    expect(saved.visit).toEqual(await db.visits.get(saved.visit.id));
    expect(saved.cases).toEqual(await db.cases.bulkGet(saved.cases.map((c) => c.id)));
    const receipt = visitReceiptData(saved, 0, {
      community: (await db.meta.get('community'))!.value as never,
      staffName: '王秀英',
      matters: await db.matterTypes.toArray(),
      now: T0,
    });
    expect(receipt.resident.name).toBe('张 三丰');
    expect(receipt.trackingNumber).toBe(saved.cases[0]!.trackingNumber);
  });

  it('numbers never repeat when many acceptances run at the same time', async () => {
    const { db, resident, ctx } = await world();
    const d = await draft(db, 'JZ-001', { mode: '即办' });
    const runs = Array.from({ length: 25 }, (_, i) =>
      registerVisit(testDesk(db, { ...ctx, ...counterIds(`p${i}`) }), {
        residentId: resident.id,
        channel: '来站',
        kind: '办件',
        content: '',
        cases: [d, d],
      }),
    );
    const numbers = (await Promise.all(runs)).flatMap((r) => r.cases.map((c) => c.trackingNumber));
    expect(numbers).toHaveLength(50);
    expect(new Set(numbers).size).toBe(50);
    expect((await db.counters.get('THL-20260930-01'))?.value).toBe(50);
  });

  it('a missing required document waits for it (待补正) and yields a 一次性告知单', async () => {
    const { db, resident, ctx } = await world();
    const d = await draft(db, 'YL-001', { received: ['居民身份证'] });
    const { cases, plans } = await registerVisit(testDesk(db, ctx), {
      residentId: resident.id,
      channel: '来电',
      kind: '办件',
      content: '',
      cases: [d],
    });
    expect(cases[0]?.status).toBe('待补正');
    expect(cases[0]?.deadline).toBeUndefined();
    expect(cases[0]?.documentsMissing.length).toBeGreaterThan(0);
    expect(plans[0]?.receipts).toEqual(['一次性告知单']);
  });

  it('refuses bad input with messages per field and writes nothing', async () => {
    const { db, ctx } = await world();
    const bad: VisitInput = {
      channel: '来站',
      kind: '办件',
      content: '',
      agent: { name: '', relation: '', phone: '1381234567' },
      cases: [await draft(db, 'WJ-004', { mode: '预约' }), await draft(db, 'ZX-001', { mode: '不予受理' })],
    };
    const err = await registerVisit(testDesk(db, ctx), bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VisitValidationError);
    const e = (err as VisitValidationError).errors;
    expect(e.resident).toBe('办件须先选定居民（查找或登记）');
    expect(e.agentName).toBeTruthy();
    expect(e.agentPhone).toContain('11');
    expect(e.caseErrors?.[0]?.appointmentAt).toBe('请填写预约日期和时间');
    expect(e.caseErrors?.[1]?.refusalReason).toBe('请填写不予受理的理由');
    expect(await db.visits.count()).toBe(0);
    expect(await db.cases.count()).toBe(0);
  });

  it('a storage failure while writing the second case leaves no visit, case or counter behind', async () => {
    const { db, resident, ctx } = await world();
    const d = await draft(db, 'JZ-001', { mode: '即办' });
    let writes = 0;
    db.cases.hook('creating', () => {
      writes += 1;
      if (writes === 2) throw new DOMException('disk full', 'QuotaExceededError');
    });
    const err = await registerVisit(testDesk(db, ctx), {
      residentId: resident.id,
      channel: '来站',
      kind: '办件',
      content: '',
      cases: [d, d],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).userMessage).toContain('存储空间不足');
    expect(await db.visits.count()).toBe(0);
    expect(await db.cases.count()).toBe(0);
    expect(await db.counters.count()).toBe(0);
  });

  it('a consultation records the visit without a case', async () => {
    const { db, ctx } = await world();
    const { visit, cases } = await registerVisit(testDesk(db, ctx), {
      channel: '来电',
      kind: '咨询',
      content: '低保要带什么材料',
      cases: [],
    });
    expect(cases).toEqual([]);
    expect(visit.kind).toBe('咨询');
    expect(await db.counters.count()).toBe(0);
  });

  it('a 诉求 becomes a numbered case of its 投诉建议 matter and a problem of the pool, in one transaction', async () => {
    const { db, ctx } = await world();
    const desk = testDesk(db, ctx);
    const noCategory = await registerVisit(desk, {
      channel: '来电',
      kind: '诉求',
      content: '小区路灯不亮',
      cases: [],
    }).catch((e: VisitValidationError) => e.errors);
    expect(noCategory).toMatchObject({
      complaintCategory: '请选择问题类别',
      place: '没有反映人的诉求，请写明地点或选择网格',
    });
    expect(await db.problems.count()).toBe(0);
    const { visit, cases } = await registerVisit(desk, {
      channel: '来电',
      kind: '诉求',
      content: '3 栋门口路灯不亮，晚上看不见路。来电号码 13875001234',
      cases: [],
      complaint: { category: '公共设施', place: '3 栋门口' },
    });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ matterCode: 'TS-002', mode: '承诺件', status: '已受理', visitId: visit.id });
    expect(cases[0]?.deadline).toBeDefined();
    const problem = await db.problems.where('caseId').equals(cases[0]!.id).first();
    expect(problem).toMatchObject({
      title: '3 栋门口路灯不亮，晚上看不见路',
      category: '公共设施',
      place: '3 栋门口',
      status: '待研究',
    });
    expect(problem?.sources).toEqual([expect.objectContaining({ kind: '窗口诉求', visitId: visit.id })]);
    expect(await db.auditLog.where('action').equals('problem.add').count()).toBe(1);
  });
});

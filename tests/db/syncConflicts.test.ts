/**
 * Issue 24 item 6, the data side: conflicts reach a person, never silently.
 * - 同步冲突: desk 1 转办s while desk 2 办结s the same case offline → after the exchange both desks
 *   hold the same case and the same refused event; handled on one desk → handled on both.
 * - Any arrival order of the documents gives the same case and the same conflicts (fast-check).
 * - 数据冲突: the same resident's phone changed on both desks → one conflict on both; resolved on
 *   one → none on either, the chosen phone on both.
 * - The same person registered on both desks → both records arrive; 重复档案 lists them on both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  freshDb,
  setUpCommunity,
  communityDesk,
  createZhangSan,
  acceptCommittedCase,
  addSignedStaff,
  T0,
  testDesk,
  WANG_WU,
} from './testDb';
import { computeCheckDigit } from '@shared/domain/idNumber';
import { acted, exchange, follow, memoryPouch } from './support/syncHarness';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { createResident, updateResident } from '../../renderer/src/db/repositories/residents';
import { duplicateResidentPairs } from '../../renderer/src/db/repositories/residentMerge';
import { hashSecret } from '../../renderer/src/db/secrets';
import { acknowledgeCaseConflict, listCaseConflicts } from '../../renderer/src/sync/caseConflicts';
import { listRecordConflicts, resolveRecordConflict } from '../../renderer/src/sync/recordConflicts';
import { applyDocs } from '../../renderer/src/sync/applyDocs';
import { syncStatus } from '../../renderer/src/sync/status';
import type { SyncDoc } from '../../renderer/src/sync/contract';
import type { Desk } from '../../renderer/src/db/desk';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Resident } from '@shared/domain/records';

const DESK2 = { no: 2, name: '二号窗口' };

/** Desk 1 set up (admin, a back-office 值班员, 张三, one case 办理中); desk 2 holding all of it. */
async function twoDesks() {
  const db1 = freshDb();
  const local1 = memoryPouch();
  const admin = await acted(db1, local1, 1, () => setUpCommunity(db1));
  const desk1 = await communityDesk(db1, { staffId: admin.id, role: '站长/管理员' });
  const password = await hashSecret('135790', undefined, 1000);
  const back = await acted(db1, local1, 1, () =>
    addSignedStaff(desk1, { name: '李梅', role: '值班员', grids: [], password }),
  );
  const zhang = await acted(db1, local1, 1, () => createZhangSan(db1, admin.id, '2026-11-24'));
  const { record } = await acted(db1, local1, 1, () => acceptCommittedCase(desk1, zhang.id));
  await acted(db1, local1, 1, () => performCaseAction(desk1, record.id, { type: '开始办理' }));
  const db2 = freshDb();
  const local2 = memoryPouch();
  await exchange(local1, local2);
  const desk2 = await (async () => {
    const first = follow(communityDeskOf(db2), local2);
    await first.inbound.idle();
    first.inbound.stop();
    return communityDesk(db2, { staffId: admin.id, role: '站长/管理员', identity: DESK2, now: T0 + 60_000 });
  })();
  return { db1, local1, desk1, db2, local2, desk2, admin, back, zhang, caseId: record.id };
}

/** A desk of db (whatever is stored yet), desk 2. */
function communityDeskOf(db: DutyDeskDB): Desk {
  return testDesk(db, { identity: DESK2 });
}

/** Both desks follow their replicas until idle, replicas exchanged first. */
async function syncAll(w: { db1: DutyDeskDB; local1: Replica; desk1: Desk; desk2: Desk; local2: Replica }) {
  await exchange(w.local1, w.local2);
  const i2 = follow(w.desk2, w.local2);
  const i1 = follow(w.desk1, w.local1); // started last: the replica record conflicts are resolved with
  await i1.inbound.idle();
  await i2.inbound.idle();
  i2.inbound.stop();
  expect([...i1.warnings, ...i2.warnings]).toEqual([]);
  return i1.inbound;
}
type Replica = ReturnType<typeof memoryPouch>;

const residentInput = (r: Resident, phone: string) => ({
  name: r.name,
  idNumber: r.idNumber ?? '',
  phone,
  building: r.building ?? '',
  unit: r.unit ?? '',
  room: r.room ?? '',
  gridId: r.gridId ?? '',
  tags: r.tags,
});

describe('同步冲突: actions the merged history refuses', () => {
  it('desk 1 转办 and desk 2 办结 offline: the same case and one 同步冲突 on both; handled on one, on both', async () => {
    const w = await twoDesks();
    await acted(w.db1, w.local1, 1, () => performCaseAction(w.desk1, w.caseId, { type: '转办', toStaffId: w.back.id }));
    await acted(w.db2, w.local2, 2, () =>
      performCaseAction(w.desk2, w.caseId, {
        type: '办结',
        result: '已办好',
        notifiedBy: '电话',
        needsCallback: false,
      }),
    );
    let inbound = await syncAll(w);
    inbound.stop();
    const c1 = await w.db1.cases.get(w.caseId);
    const c2 = await w.db2.cases.get(w.caseId);
    expect(c2).toEqual(c1);
    // The earlier 转办 stands; the refused 办结 does not take effect (not 已办结 with it 未生效).
    expect(c1).toMatchObject({ status: '待签收', transfer: { toStaffId: w.back.id } });
    expect(c1?.result).toBeUndefined();
    expect(c1?.syncConflicts).toHaveLength(1);
    expect(c1?.syncConflicts?.[0]).toMatchObject({ action: '办结', desk: 2, by: w.admin.id });
    expect(c1?.flags).toContain('同步冲突');
    const listed = await listCaseConflicts(w.desk1);
    expect(listed.map((e) => [e.case.id, e.conflicts.map((c) => c.event.action)])).toEqual([[w.caseId, ['办结']]]);
    expect(await listCaseConflicts(w.desk2)).toEqual(listed);
    // A 值班员 may not handle it (the data layer refuses).
    const clerk = await communityDesk(w.db1, { staffId: w.back.id, role: '值班员' });
    await expect(acknowledgeCaseConflict(clerk, w.caseId, '已电话核实')).rejects.toThrow(
      '只有站长/管理员可以处理同步冲突',
    );
    await expect(acknowledgeCaseConflict(w.desk1, w.caseId, ' ')).rejects.toThrow('请填写处理说明');
    // The 站长 handles it on desk 1: every desk sees it handled.
    await acted(w.db1, w.local1, 1, () => acknowledgeCaseConflict(w.desk1, w.caseId, '已电话核实，按转办处理'));
    inbound = await syncAll(w);
    inbound.stop();
    for (const db of [w.db1, w.db2]) {
      const c = await db.cases.get(w.caseId);
      expect(c?.syncConflicts).toBeUndefined();
      expect(c?.flags).not.toContain('同步冲突');
      expect(await db.auditLog.where('action').equals('sync.resolve').count()).toBe(1);
    }
    expect(await w.db2.cases.get(w.caseId)).toEqual(await w.db1.cases.get(w.caseId));
    expect(await listCaseConflicts(w.desk2)).toEqual([]);
  });

  it(
    'any arrival order of the documents gives the same case and the same conflicts',
    { timeout: 120_000 },
    async () => {
      const w = await twoDesks();
      await acted(w.db1, w.local1, 1, () =>
        performCaseAction(w.desk1, w.caseId, { type: '转办', toStaffId: w.back.id }),
      );
      await acted(w.db2, w.local2, 2, () =>
        performCaseAction(w.desk2, w.caseId, {
          type: '办结',
          result: '已办好',
          notifiedBy: '电话',
          needsCallback: false,
        }),
      );
      (await syncAll(w)).stop();
      const expected = await w.db1.cases.get(w.caseId);
      const docs = (await w.local1.allDocs({ include_docs: true })).rows.map((r) => r.doc as unknown as SyncDoc);
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(docs, { minLength: docs.length }), async (order) => {
          const db = freshDb();
          const desk = communityDeskOf(db);
          for (const doc of order) await applyDocs(desk, [{ doc }]);
          expect(await db.cases.get(w.caseId)).toEqual(expected);
        }),
        { numRuns: 8 },
      );
    },
  );
});

describe('数据冲突: a record edited on two desks', () => {
  it('the same phone changed on both desks: one conflict on both; resolved on one, none on either', async () => {
    const w = await twoDesks();
    const zhang = (await w.db1.residents.get(w.zhang.id))!;
    await acted(w.db1, w.local1, 1, () => updateResident(w.desk1, zhang.id, residentInput(zhang, '13911112222')));
    await acted(w.db2, w.local2, 2, () => updateResident(w.desk2, zhang.id, residentInput(zhang, '13733334444')));
    let inbound = await syncAll(w);
    const id = `residents:${zhang.id}`;
    const on1 = await listRecordConflicts(w.desk1);
    const on2 = await listRecordConflicts(w.desk2);
    expect(on1.map((c) => c.id)).toEqual([id]);
    expect(on2.map((c) => c.id)).toEqual([id]);
    // The same winner and loser on both desks, and both phones kept.
    expect(on2[0]!.winner.rev).toBe(on1[0]!.winner.rev);
    const phones = [on1[0]!.winner.record.phone, ...on1[0]!.losers.map((l) => l.record.phone)].sort();
    expect(phones).toEqual(['13733334444', '13911112222']);
    expect((await w.db1.residents.get(zhang.id))?.phone).toBe(on1[0]!.winner.record.phone);
    expect(syncStatus().recordConflicts).toBe(1);
    // A 值班员 may not resolve it.
    const clerk = await communityDesk(w.db1, { staffId: w.back.id, role: '值班员' });
    const chosen = { ...on1[0]!.winner.record, phone: '13911112222' };
    await expect(resolveRecordConflict(clerk, id, chosen)).rejects.toThrow('只有站长/管理员可以处理数据冲突');
    // The 站长 keeps desk 1's phone on desk 1 (the write goes out as the pump sends it).
    await acted(w.db1, w.local1, 1, () => resolveRecordConflict(w.desk1, id, chosen));
    // Desk 1's own count follows its own write (nothing has arrived from desk 2 yet).
    await expect.poll(() => syncStatus().recordConflicts, { timeout: 30_000 }).toBe(0);
    inbound.stop();
    inbound = await syncAll(w);
    inbound.stop();
    expect(await listRecordConflicts(w.desk1)).toEqual([]);
    expect(await listRecordConflicts(w.desk2)).toEqual([]);
    expect(syncStatus().recordConflicts).toBe(0);
    for (const db of [w.db1, w.db2]) {
      expect((await db.residents.get(zhang.id))?.phone).toBe('13911112222');
      expect(await db.auditLog.where('action').equals('sync.resolve').count()).toBe(1);
    }
    expect((await w.local2.get(id, { conflicts: true }))._conflicts).toBeUndefined();
  });

  it('the same person registered on both desks: both records arrive and 重复档案 lists them on both', async () => {
    const w = await twoDesks();
    const first17 = '43010419620708223';
    const li = { ...WANG_WU, name: '李四', idNumber: first17 + computeCheckDigit(first17) };
    const on1 = await acted(w.db1, w.local1, 1, () => createResident(w.desk1, li));
    const on2 = await acted(w.db2, w.local2, 2, () => createResident(w.desk2, { ...li, phone: '13600006666' }));
    expect(on2.id).not.toBe(on1.id);
    (await syncAll(w)).stop();
    for (const desk of [w.desk1, w.desk2]) {
      const pairs = await duplicateResidentPairs(desk);
      expect(pairs.map(([a, b]) => [a.id, b.id].sort())).toEqual([[on1.id, on2.id].sort()]);
    }
  });
});

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
import { freshDb, communityDesk, acceptCommittedCase, testDesk, WANG_WU } from './testDb';
import { computeCheckDigit } from '@shared/domain/idNumber';
import { acted } from './support/syncHarness';
import { DESK2, syncAll, twoSyncDesks } from './support/twoSyncDesks';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { createResident, updateResident } from '../../renderer/src/db/repositories/residents';
import { duplicateResidentPairs } from '../../renderer/src/db/repositories/residentMerge';
import { acknowledgeCaseConflict, listCaseConflicts } from '../../renderer/src/sync/caseConflicts';
import { listRecordConflicts, resolveRecordConflict } from '../../renderer/src/sync/recordConflicts';
import { applyDocs } from '../../renderer/src/sync/applyDocs';
import { syncStatus } from '../../renderer/src/sync/status';
import type { SyncDoc } from '../../renderer/src/sync/contract';
import type { Resident } from '@shared/domain/records';

/** Desk 1 set up (admin, a back-office 值班员, 张三, one case 办理中); desk 2 holding all of it. */
async function twoDesks() {
  const { w, ...rest } = await twoSyncDesks(async ({ desk1, zhang, on1 }) => {
    const { record } = await on1(() => acceptCommittedCase(desk1, zhang.id));
    await on1(() => performCaseAction(desk1, record.id, { type: '开始办理' }));
    return { caseId: record.id };
  });
  return { ...w, ...rest };
}

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
          const desk = testDesk(db, { identity: DESK2 });
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

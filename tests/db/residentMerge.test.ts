/**
 * Business keys not unique at the storage level (DB v11) and 合并居民档案 through the data layer
 * (db/repositories/residentMerge.ts): a record from another desk with an ID number already on
 * file stores, while the form still refuses it; the pair is listed; a clerk is refused by the
 * data layer; an admin's merge moves every visit, case, request, document and problem to the
 * kept record with the values chosen, leaves a tombstone that reads and later writes follow, and
 * writes an audit row without personal data; the same-day undo puts everything back, and is
 * refused once anything touched either record or a moved one, or on another day.
 */
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '@shared/domain/masking';
import type { Resident } from '@shared/domain/records';
import { casesOfResident, registerVisit, visitsOfResident } from '../../renderer/src/db/repositories/visits';
import { registerProxyRequest } from '../../renderer/src/db/repositories/proxy';
import { addProblem } from '../../renderer/src/db/repositories/problems';
import {
  createResident,
  getResident,
  residentsByIds,
  resolveResident,
  revealResidentField,
  updateResident,
} from '../../renderer/src/db/repositories/residents';
import { searchResidents } from '../../renderer/src/db/repositories/residentSearch';
import {
  duplicateResidentPairs,
  mergeCandidates,
  mergeResidents,
  todaysMerges,
  undoResidentMerge,
} from '../../renderer/src/db/repositories/residentMerge';
import { getCaseFile } from '../../renderer/src/db/repositories/cases';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { failureMessage } from '../../renderer/src/db/refusal';
import { readSnapshot, replaceAll } from '../../renderer/src/db/backup/snapshot';
import { freshDb, T0, testDesk } from './testDb';
import { CARE, DAY, everything, MINUTE, OTHER_PHONE, refusal, twoRecordsOfOnePerson } from './support/twoRecords';

describe('business keys are plain indexes (v11)', () => {
  it('stores a second record with the same ID number and a second case with the same tracking number; the form still refuses', async () => {
    const { db, at, kept } = await twoRecordsOfOnePerson();
    expect(await db.residents.where('idNumber').equals(kept.idNumber!).count()).toBe(2);
    const [first] = await db.cases.toArray();
    await db.cases.add({ ...first!, id: 'case-from-desk-2' });
    expect(await db.cases.where('trackingNumber').equals(first!.trackingNumber).count()).toBe(2);
    // The form's rule stays, in the write path, with its message at the field.
    const e = await createResident(at(5), {
      name: '张三',
      idNumber: kept.idNumber!,
      phone: '',
      building: '',
      unit: '',
      room: '',
      gridId: '',
      tags: [],
    }).catch((x: unknown) => x);
    expect(failureMessage(e)).toMatchObject({
      message: '该身份证号已有居民档案，请直接使用已有档案',
      field: 'idNumber',
    });
  });
});

describe('合并居民档案', () => {
  it('lists the pair, refuses a clerk in the data layer, merges with the chosen values, and the undo restores both', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    const pairs = await duplicateResidentPairs(at(2));
    // Same creation time: by id.
    expect(pairs.map(([a, b]) => [a.id, b.id])).toEqual([['from-desk-2', kept.id]]);
    const visitsBefore =
      (await visitsOfResident(at(2), kept.id)).length + (await visitsOfResident(at(2), other.id)).length;
    const casesBefore = [...(await casesOfResident(at(2), kept.id)), ...(await casesOfResident(at(2), other.id))];
    expect(casesBefore).toHaveLength(2);

    const before = await everything(db);
    const input = { keptId: kept.id, mergedId: other.id, choices: { phone: 'merged', care: 'merged' } as const };
    expect(await refusal(mergeResidents(at(3, '值班员'), input))).toBe('只有站长/管理员可以合并居民档案');
    expect(await everything(db)).toEqual(before);

    const { kept: merged, moved } = await mergeResidents(at(3), input);
    // The values chosen: the other record's phone and care profile, the kept record's own name and ID.
    expect(merged).toMatchObject({
      id: kept.id,
      name: '张三',
      idNumber: kept.idNumber,
      phone: OTHER_PHONE,
      care: CARE,
    });
    expect(moved).toEqual({
      visits: [expect.any(String)],
      cases: [expect.any(String)],
      proxyTasks: [expect.any(String)],
      custodyItems: ['doc-1'],
      problems: [expect.any(String)],
    });
    // The kept one shows every visit and case of both.
    expect(await visitsOfResident(at(4), kept.id)).toHaveLength(visitsBefore);
    expect((await casesOfResident(at(4), kept.id)).map((c) => c.trackingNumber).sort()).toEqual(
      casesBefore.map((c) => c.trackingNumber).sort(),
    );
    expect(await db.proxyTasks.where('residentId').equals(kept.id).count()).toBe(1);
    expect((await db.custodyItems.get('doc-1'))?.residentId).toBe(kept.id);
    expect(await db.problems.where('residentIds').equals(kept.id).count()).toBe(1);
    for (const t of ['visits', 'cases', 'proxyTasks', 'custodyItems'] as const)
      expect(await db[t].where('residentId').equals(other.id).count(), t).toBe(0);

    // The other is a tombstone pointing to the kept one, with no personal data on the row.
    const tombstone = (await db.residents.get(other.id))!;
    expect(tombstone).toMatchObject({ name: '', tags: [], searchKeys: [] });
    expect(tombstone.idNumber ?? tombstone.phone ?? tombstone.care).toBeUndefined();
    expect(tombstone.deleted).toMatchObject({ day: DAY, reason: '合并居民档案', mergedInto: kept.id });
    expect(await getResident(at(4), other.id)).toBeUndefined();
    expect((await resolveResident(db, other.id))?.id).toBe(kept.id);
    expect((await residentsByIds(at(4), [other.id])).get(other.id)?.id).toBe(kept.id);
    // Asked for many ids (a year's report), the table is read once: the same answer, unknown ids left out.
    const many = [other.id, kept.id, ...Array.from({ length: 250 }, (_, i) => `unknown-${i}`)];
    expect([...(await residentsByIds(at(4), many))].map(([id, r]) => [id, r.id])).toEqual([
      [other.id, kept.id],
      [kept.id, kept.id],
    ]);
    expect((await searchResidents(at(4), '张三')).map((r) => r.id)).toEqual([kept.id]);
    expect(await duplicateResidentPairs(at(4))).toEqual([]);
    expect((await dashboardCounts(at(4))).residents).toBe(1);
    // Audited, without personal data.
    const row = (await db.auditLog.where('action').equals('resident.merge').toArray())[0]!;
    expect(row.detail).toBe(
      `并入档案 ${other.id}；来访 1，办件 1，帮代办 1，材料 1，问题 1；采用并入档案的：phone,care`,
    );
    for (const secret of ['张三', kept.idNumber!, kept.phone!, OTHER_PHONE, '张小明'])
      expect(JSON.stringify(await db.auditLog.toArray())).not.toContain(secret);

    expect((await todaysMerges(at(5))).map((m) => [m.mergedId, m.kept?.id])).toEqual([[other.id, kept.id]]);
    expect(await refusal(undoResidentMerge(at(5, '值班员'), other.id))).toBe('只有站长/管理员可以撤销合并居民档案');
    await undoResidentMerge(at(5), other.id);
    const restored = await everything(db);
    const unstamped = (rows: unknown[]) =>
      (rows as { updatedAt?: number; updatedBy?: string }[]).map(({ updatedAt: _a, updatedBy: _b, ...rest }) => rest);
    // Every table as before the merge (but for the stamps of the rows the undo wrote), plus the two
    // audit rows; the histories of the moved case, request, document and problem keep their events
    // and gain the two moves (改挂居民 there and back, through their doors), and the desk's clock moved on.
    const appended = ['caseEvents', 'proxyEvents', 'custodyEvents', 'problemEvents', 'counters'];
    for (const t of Object.keys(before).filter((t) => t !== 'auditLog' && !appended.includes(t)))
      expect(unstamped(restored[t]!), t).toEqual(unstamped(before[t]!));
    for (const t of appended.slice(0, 4)) {
      const rows = restored[t] as { id: string; action: string; input?: { residentId?: string; to?: string } }[];
      const old = new Set((before[t] as { id: string }[]).map((r) => r.id));
      expect(
        rows.filter((r) => old.has(r.id)),
        t,
      ).toEqual(before[t]);
      expect(
        rows.filter((r) => !old.has(r.id)).map((r) => [r.action, r.input?.residentId ?? r.input?.to]),
        t,
      ).toEqual([
        ['改挂居民', kept.id],
        ['改挂居民', other.id],
      ]);
    }
    const noClock = (rows: unknown[]) => (rows as { key: string }[]).filter((r) => r.key !== 'eventClock');
    expect(noClock(restored.counters!)).toEqual(noClock(before.counters!));
    // (the case's and the request's doors audit their own 改挂居民 as *.reassign)
    const actions = (restored.auditLog as { action: string }[]).map((r) => r.action);
    expect(actions.filter((a) => !a.endsWith('.reassign')).slice(-2)).toEqual(['resident.merge', 'resident.mergeUndo']);
    expect(await todaysMerges(at(6))).toEqual([]);
  });

  it('shows the pair only to those who may merge, with ID numbers and phones masked unless revealed', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    expect(await refusal(mergeCandidates(at(2, '值班员'), kept.id, other.id))).toBe('只有站长/管理员可以查看重复档案');
    const auditBefore = await db.auditLog.count();
    const { sides, same } = await mergeCandidates(at(2), kept.id, other.id);
    const shown = JSON.stringify(sides);
    for (const full of [kept.idNumber!, kept.phone!, OTHER_PHONE]) expect(shown).not.toContain(full);
    expect(sides[0].resident?.values).toMatchObject({ name: '张三', idNumber: maskIdNumber(kept.idNumber!) });
    expect(sides[1].resident?.values.phone).toBe(maskPhone(OTHER_PHONE));
    expect(sides.map((s) => s.counts.cases)).toEqual([1, 1]);
    // Which fields agree is decided on the full values, not on what the masks show.
    expect(same).toContain('idNumber');
    expect(same).not.toContain('phone');
    expect(same).not.toContain('care');
    expect(await db.auditLog.count()).toBe(auditBefore);
    // The full value comes only through the logged reveal with a reason.
    expect(await revealResidentField(at(3), other.id, 'phone', '核对身份办理业务')).toBe(OTHER_PHONE);
    expect(await db.auditLog.count()).toBe(auditBefore + 1);
  });

  it('cannot be undone once either record or a moved one changed, nor on another day', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    const edit = {
      name: '张三',
      idNumber: kept.idNumber!,
      phone: '13812340000',
      building: '',
      unit: '',
      room: '',
      gridId: '',
      tags: [],
    };
    await updateResident(at(4), kept.id, edit);
    expect(await refusal(undoResidentMerge(at(5), other.id))).toBe(
      '合并后这两份档案或移过去的记录已有新的变动，不能撤销',
    );

    // A moved record touched (a case changed after the merge) blocks it too.
    const second = await twoRecordsOfOnePerson();
    await mergeResidents(second.at(3), { keptId: second.kept.id, mergedId: second.other.id, choices: {} });
    const movedCase = (await second.db.cases.where('residentId').equals(second.kept.id).toArray()).at(-1)!;
    await second.db.cases.put({ ...movedCase, updatedAt: T0 + 4 * MINUTE });
    expect(await refusal(undoResidentMerge(second.at(5), second.other.id))).toBe(
      '合并后这两份档案或移过去的记录已有新的变动，不能撤销',
    );

    const third = await twoRecordsOfOnePerson();
    await mergeResidents(third.at(3), { keptId: third.kept.id, mergedId: third.other.id, choices: {} });
    expect(await refusal(undoResidentMerge(third.at(60 * 24, '站长/管理员', '2026-11-25'), third.other.id))).toBe(
      '只能撤销当天的合并；之后请逐条修改',
    );
    expect((await db.residents.get(other.id))?.deleted?.mergedInto).toBe(kept.id);
  });

  it('refuses two records with different ID numbers, and a record already merged', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await db.residents.put({ ...other, idNumber: '110101199003070017' } as Resident);
    expect(await refusal(mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} }))).toBe(
      '两份档案的身份证号不同，不是同一人，不能合并',
    );
    await db.residents.put(other);
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    expect(await refusal(mergeResidents(at(4), { keptId: other.id, mergedId: kept.id, choices: {} }))).toBe(
      '该居民档案已删除或已合并，请刷新后重试',
    );
  });

  it('a visit, a request or a problem that arrives later for the merged-away id goes to the kept record', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    const { visit } = await registerVisit(at(4), {
      residentId: other.id,
      channel: '来站',
      kind: '咨询',
      content: '咨询居住证办理',
      cases: [],
    });
    expect(visit.residentId).toBe(kept.id);
    const task = await registerProxyRequest(at(4), { residentId: other.id, source: '电话', request: '帮忙取药' });
    expect(task.residentId).toBe(kept.id);
    const problem = await addProblem(at(4), {
      title: '路灯坏了',
      category: '公共设施',
      residentId: other.id,
      source: '入户走访',
    });
    expect(problem.residentIds).toEqual([kept.id]);
    expect(await db.visits.where('residentId').equals(other.id).count()).toBe(0);
  });

  it('a case that still names the merged-away id (from another desk) opens with the kept record', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    const [record] = await db.cases.where('residentId').equals(kept.id).toArray();
    await db.cases.put({ ...record!, id: 'case-from-desk-2', residentId: other.id });
    expect((await getCaseFile(at(4), 'case-from-desk-2'))?.resident?.id).toBe(kept.id);
  });
});

describe('tombstones in a backup', () => {
  it('come back as tombstones: still skipped by reads, the pointer still followed', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    const backup = await readSnapshot(db);
    const target = freshDb();
    await replaceAll(target, backup);
    expect(await target.residents.get(other.id)).toEqual(await db.residents.get(other.id));
    const desk = testDesk(target, { today: DAY });
    expect(await getResident(desk, other.id)).toBeUndefined();
    expect((await resolveResident(target, other.id))?.id).toBe(kept.id);
    expect((await searchResidents(desk, '张三')).map((r) => r.id)).toEqual([kept.id]);
  });
});

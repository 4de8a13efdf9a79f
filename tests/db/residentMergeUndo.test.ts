/**
 * 合并居民档案, what the review found (db/repositories/residentMerge.ts): the undo snapshot is
 * desk-local (`mergeUndos`, DB v15) and for the day only — the tombstone keeps no personal data,
 * another desk cannot undo, the next write after the day and 删除居民 sweep it —; the undo moves
 * back only the problem sources the merge moved; the 重复档案 lists are for `resident.merge` and
 * masked; reports count a merged person once.
 */
import { describe, expect, it } from 'vitest';
import { periodOf, previousPeriod } from '@shared/reports/periods';
import { summariesOf } from '@shared/reports/reportData';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { tablesOf } from '../../renderer/src/db/dataScope';
import { readReportData } from '../../renderer/src/db/repositories/reports';
import { deleteResident, residentDeletionPreview } from '../../renderer/src/db/repositories/residentLifecycle';
import {
  duplicateResidentPairs,
  mergeResidents,
  todaysMerges,
  undoResidentMerge,
} from '../../renderer/src/db/repositories/residentMerge';
import { DAY, everything, OTHER_PHONE, refusal, twoRecordsOfOnePerson } from './support/twoRecords';

/** Every center table as JSON (what a backup of center data and issue 24's replication carry). */
async function centerData(db: DutyDeskDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of tablesOf('center')) out[t] = await db[t].toArray();
  return JSON.stringify(out);
}

describe('the undo snapshot is desk-local and kept for the day only', () => {
  it('the tombstone keeps only who, when, why and where to; both records stay at this desk alone', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: { phone: 'merged' } });
    const tombstone = (await db.residents.get(other.id))!;
    expect(Object.keys(tombstone.deleted!).sort()).toEqual(['at', 'by', 'day', 'mergedInto', 'reason']);
    // The kept record's old phone and the care profile the merge did not take exist only desk-locally.
    const center = await centerData(db);
    for (const secret of [kept.phone!, '张小明']) expect(center).not.toContain(secret);
    expect((await db.mergeUndos.get(other.id))?.kept.phone).toBe(kept.phone);
  });

  it('at another desk of the center (the center data only) the undo is refused and not offered', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    await db.mergeUndos.clear(); // what the other desk has: every center table, no desk-local one
    expect(await todaysMerges(at(4))).toEqual([]);
    expect(await refusal(undoResidentMerge(at(4), other.id))).toBe('撤销合并只能在合并的那台值班电脑上、当天进行');
    expect((await db.residents.get(other.id))?.deleted?.mergedInto).toBe(kept.id);
  });

  it('is never offered after the day, and the next merge, undo or deletion sweeps it', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    const tomorrow = (m: number) => at(60 * 24 + m, '站长/管理员', '2026-11-25');
    expect(await todaysMerges(tomorrow(0))).toEqual([]);
    expect(await db.mergeUndos.count()).toBe(1); // nothing written yet
    expect(await refusal(undoResidentMerge(tomorrow(1), other.id))).toBe('只能撤销当天的合并；之后请逐条修改');
    // The next merge that stores sweeps the old snapshot (a refused write rolls back with its sweep).
    await db.residents.add({ ...kept, id: 'third', createdAt: kept.createdAt + 1 });
    await mergeResidents(tomorrow(2), { keptId: kept.id, mergedId: 'third', choices: {} });
    expect((await db.mergeUndos.toArray()).map((u) => u.mergedId)).toEqual(['third']);
  });

  it('删除居民 of the kept person leaves no copy of them in a snapshot', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    // Close what is open, so the deletion is allowed (the 承诺件 of both and the 帮代办 request).
    for (const c of await db.cases.toArray()) await db.cases.put({ ...c, status: '已办结' });
    for (const t of await db.proxyTasks.toArray()) await db.proxyTasks.put({ ...t, status: '已取消' } as typeof t);
    const { open: _open, ...expected } = await residentDeletionPreview(at(4), kept.id);
    await deleteResident(at(4), kept.id, { reason: '重复登记已核实', expected });
    expect(await db.mergeUndos.count()).toBe(0);
    const all = JSON.stringify(await everything(db));
    for (const secret of [kept.idNumber!, kept.phone!, OTHER_PHONE, '张小明']) expect(all).not.toContain(secret);
  });
});

describe('the undo moves back only what the merge moved', () => {
  it("a problem that names both records: the kept record's own source stays with it", async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    const problem = (await db.problems.toArray())[0]!;
    const own = { ...problem.sources[0]!, residentId: kept.id };
    await db.problems.put({ ...problem, sources: [own, ...problem.sources] });
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    expect((await db.problems.get(problem.id))!.sources.map((s) => s.residentId)).toEqual([kept.id, kept.id]);
    await undoResidentMerge(at(4), other.id);
    expect((await db.problems.get(problem.id))!.sources.map((s) => s.residentId)).toEqual([kept.id, other.id]);
  });
});

describe('the lists of 重复档案 are for resident.merge, and masked', () => {
  it('a clerk is refused by the data layer; an admin sees masked ID numbers and phones', async () => {
    const { at, kept, other } = await twoRecordsOfOnePerson();
    expect(await refusal(duplicateResidentPairs(at(2, '值班员')))).toBe('只有站长/管理员可以查看重复档案');
    expect(await refusal(todaysMerges(at(2, '值班员')))).toBe('只有站长/管理员可以查看重复档案');
    const listed = JSON.stringify(await duplicateResidentPairs(at(2)));
    for (const secret of [kept.idNumber!, kept.phone!, OTHER_PHONE]) expect(listed).not.toContain(secret);
    expect(listed).toContain('张三');
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    const merges = JSON.stringify(await todaysMerges(at(4)));
    for (const secret of [kept.idNumber!, kept.phone!, OTHER_PHONE, '张小明']) expect(merges).not.toContain(secret);
  });
});

describe('reports count a merged person once', () => {
  it('a visit and a case still naming the merged-away id count under the kept record', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    await db.residents.put({ ...kept, tags: ['老年人'] });
    await mergeResidents(at(3), { keptId: kept.id, mergedId: other.id, choices: {} });
    // Another desk's visit and case for the old id, synced after the merge.
    const [visit] = await db.visits.where('residentId').equals(kept.id).toArray();
    await db.visits.put({ ...visit!, id: 'visit-from-desk-2', residentId: other.id });
    const [record] = await db.cases.where('residentId').equals(kept.id).toArray();
    await db.cases.put({ ...record!, id: 'case-from-desk-2', residentId: other.id });
    const period = periodOf('week', DAY);
    const data = await readReportData(at(4), 'week', period, previousPeriod(period, 'week'), {
      focus: '',
      issues: '',
    });
    expect(data.residents.map((r) => r.id)).toEqual([kept.id]);
    expect(new Set([...data.visits, ...data.cases].map((r) => r.residentId))).toEqual(new Set([kept.id]));
    expect(summariesOf(data).now.specialGroups).toEqual({ 老年人: 1 });
  });
});

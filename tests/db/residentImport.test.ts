/**
 * 居民台账导入 saved (db/repositories/residentImport.ts) in fake-indexeddb: the fixture ledger's
 * rows in parts, duplicates of residents on file skipped (or updated), a re-import saving
 * nothing, the audit rows, an undo the same day — refused while an imported resident has been
 * edited or visited since, and for a clerk.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RESIDENT_TAGS } from '@shared/domain/records';
import { detectHeaderRow, guessMapping } from '@shared/residentImport/columns';
import { importPreview, planImport } from '@shared/residentImport/plan';
import {
  importResidents,
  registeredRows,
  undoImport,
  type ImportRow,
} from '../../renderer/src/db/repositories/residentImport';
import { createResident, updateResident } from '../../renderer/src/db/repositories/residents';
import { failureMessage } from '../../renderer/src/db/refusal';
import { hashSecret } from '../../renderer/src/db/secrets';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { EXISTING, GRIDS, residentLedger } from '../../bench/data/residentLedger';
import { addSignedStaff, communityDesk, freshDb, setUpCommunity, T0 } from './testDb';

const ledger = residentLedger(500);
const sheet = [[ledger.title], ledger.groups, ledger.header, ...ledger.rows];
let db: DutyDeskDB;

async function admin() {
  const desk = await communityDesk(db, { staffId: 'id-1', role: '站长/管理员' });
  return { ...desk, community: { ...desk.community, grids: GRIDS.map((name, i) => ({ id: `g${i + 1}`, name })) } };
}

async function plannedRows(): Promise<{ rows: ImportRow[]; rejected: number }> {
  const desk = await admin();
  const header = detectHeaderRow(sheet)!;
  const plan = planImport(sheet, header, guessMapping(sheet[header]!), {
    today: desk.clock.today(),
    grids: desk.community.grids,
    tags: DEFAULT_RESIDENT_TAGS,
  });
  return { rows: plan.rows.flatMap((r) => (r.ok ? [{ row: r.row, value: r.value }] : [])), rejected: plan.rejected };
}

const run = async (mode: 'skip' | 'update' = 'skip') => {
  const { rows, rejected } = await plannedRows();
  const progress: number[] = [];
  const out = await importResidents(await admin(), { fileName: '台账.xlsx', mode, rows, rejected, mapping: {} }, (p) =>
    progress.push(p.done),
  );
  return { out, progress };
};

beforeEach(async () => {
  db = freshDb();
  await setUpCommunity(db);
  for (const e of EXISTING)
    await createResident(await admin(), {
      name: e.name,
      idNumber: e.id,
      phone: '',
      building: '',
      unit: '',
      room: '',
      gridId: '',
      tags: [],
    });
});

describe('saving an import', { timeout: 60_000 }, () => {
  it('saves 480 in parts with an audit row each; the 3 on file are skipped with their reason', async () => {
    const { out, progress } = await run();
    expect([out.created, out.updated, out.skipped.length]).toEqual([480, 0, 3]);
    expect(out.skipped[0]?.reason).toBe('已登记的居民（身份证号相同），按“跳过”未导入');
    expect(progress).toEqual([250, 483]);
    expect(await db.residents.count()).toBe(483);
    const audit = await db.auditLog.where('action').equals('resident.import').toArray();
    expect(audit.map((a) => a.detail)).toEqual([
      '第 1–250 条（共 483 条）：新增 250，更新 0，跳过 0，未导入 17',
      '第 251–483 条（共 483 条）：新增 230，更新 0，跳过 3',
    ]);
    // Re-importing the same file saves nothing new.
    const again = await run();
    expect([again.out.created, again.out.skipped.length]).toEqual([0, 483]);
    expect(await db.residents.count()).toBe(483);
  });

  it('in update mode the residents on file get the ledger’s fields; nothing changes twice', async () => {
    const { out } = await run('update');
    expect([out.created, out.updated]).toEqual([480, 3]);
    const updated = await db.residents.where('idNumber').equals(EXISTING[0]!.id).first();
    expect(updated?.phone).toBe(EXISTING[0]!.phone);
    expect(updated?.building).toBeDefined();
    expect((await run('update')).out.updated).toBe(0);
  });

  it('a clerk may not import', async () => {
    const pin = await hashSecret('135790', undefined, 1000);
    const clerk = await addSignedStaff(await admin(), { name: '值班员甲', role: '值班员', grids: [], password: pin });
    const { rows } = await plannedRows();
    const desk = { ...(await admin()), actor: { id: clerk.id, role: '值班员' as const } };
    const refused = await importResidents(desk, { fileName: 'x', mode: 'skip', rows, rejected: 0, mapping: {} }).catch(
      (e) => e,
    );
    expect(failureMessage(refused)?.message).toBe('只有站长/管理员可以导入居民台账');
    expect(await db.residents.count()).toBe(3);
  });
});

describe('undoing an import', { timeout: 60_000 }, () => {
  it('takes the 480 back and puts updated ones back as they were; the log says so', async () => {
    const { out } = await run('update');
    expect(await undoImport(await admin(), out.batchId)).toEqual({ removed: 480, restored: 3 });
    // The 480 leave tombstones (issue 23): no longer residents, no personal data left on them.
    expect(await db.residents.filter((r) => !r.deleted).count()).toBe(3);
    const tombstones = await db.residents.filter((r) => !!r.deleted).toArray();
    expect(tombstones).toHaveLength(480);
    expect(tombstones.every((r) => r.deleted?.reason === '撤销导入' && r.name === '' && !r.idNumber && !r.phone)).toBe(
      true,
    );
    expect((await db.residents.where('idNumber').equals(EXISTING[0]!.id).first())?.phone).toBeUndefined();
    const row = await db.auditLog.where('action').equals('resident.importUndo').first();
    expect(row?.detail).toBe('撤销导入：删除新增 480，恢复更新 3');
    const twice = await undoImport(await admin(), out.batchId).catch((e) => e);
    expect(failureMessage(twice)?.message).toBe('这次导入已经撤销过了');
  });

  it('is refused, naming the row, once an imported resident was edited; and on another day', async () => {
    const { out } = await run();
    const one = (await db.residents.where('name').equals(String(ledger.rows[0]![1])).first())!;
    const later = await communityDesk(db, { staffId: 'id-1', role: '站长/管理员', now: T0 + 60_000 });
    await updateResident(later, one.id, {
      name: one.name,
      idNumber: one.idNumber ?? '',
      phone: '13700000000',
      building: '',
      unit: '',
      room: '',
      gridId: '',
      tags: [],
    });
    const refused = await undoImport(await admin(), out.batchId).catch((e) => e);
    expect(failureMessage(refused)?.message).toBe('不能撤销：第 4 行居民导入后已登记来访或修改过档案');
    const tomorrow = await communityDesk(db, { staffId: 'id-1', role: '站长/管理员', today: '2026-11-25' });
    expect(failureMessage(await undoImport(tomorrow, out.batchId).catch((e) => e))?.message).toContain('只能撤销当天');
    expect(await db.residents.count()).toBe(483);
  });
});

describe('the hard cases of update and undo', () => {
  const blank = { phone: '', building: '', unit: '', room: '', gridId: '', tags: [] as string[] };
  const row = (n: number, v: Partial<ImportRow['value']> & { name: string }): ImportRow => ({
    row: n,
    value: { tags: [], ...v },
  });

  it('never changes an ID on file; a row matching two residents is left for a person to check', async () => {
    const e = EXISTING[0]!;
    await createResident(await admin(), { ...blank, name: '李四', idNumber: '', phone: '13911112222' });
    const out = await importResidents(await admin(), {
      fileName: 'x',
      mode: 'update',
      rejected: 0,
      mapping: {},
      rows: [
        // The ID of one resident on file, the name and phone of another: not merged into either.
        row(4, { name: '李四', phone: '13911112222', idNumber: EXISTING[1]!.id }),
        // An ID on file, no new data except a gender that disagrees with it: the ID's gender stays.
        row(5, { name: e.name, idNumber: e.id, gender: e.gender === '男' ? '女' : '男', room: '501' }),
      ],
    });
    expect(out.updated).toBe(1);
    expect(out.skipped.map((s) => s.reason)).toEqual(['与两位已登记居民分别相同（身份证号、姓名和电话），请人工核对']);
    const stored = await db.residents.where('idNumber').equals(e.id).first();
    expect([stored?.gender, stored?.room]).toEqual([e.gender, '501']);
  });

  it('a resident changed twice by one import is put back as it was before the first change', async () => {
    const e = EXISTING[0]!;
    const out = await importResidents(await admin(), {
      fileName: 'x',
      mode: 'update',
      rejected: 0,
      mapping: {},
      rows: [
        row(4, { name: e.name, idNumber: e.id, tags: ['党员'] }),
        row(5, { name: e.name, idNumber: e.id, tags: ['高龄'] }),
      ],
    });
    expect(out.updated).toBe(2);
    await undoImport(await admin(), out.batchId);
    expect((await db.residents.where('idNumber').equals(e.id).first())?.tags).toEqual([]);
  });

  it('is refused when an imported resident has come for a visit', async () => {
    const { out } = await run();
    const one = (await db.residents.where('name').equals(String(ledger.rows[1]![1])).first())!;
    await db.visits.add({
      id: 'v-1',
      residentId: one.id,
      day: '2026-11-24',
      visitedAt: T0,
      channel: '来站',
      firstContactId: 'id-1',
      content: '咨询',
      kind: '咨询',
      caseIds: [],
      createdAt: T0,
      createdBy: 'id-1',
      updatedAt: T0,
      updatedBy: 'id-1',
    });
    const refused = await undoImport(await admin(), out.batchId).catch((e) => e);
    expect(failureMessage(refused)?.message).toBe('不能撤销：第 5 行居民导入后已登记来访或修改过档案');
  });
});

describe('the preview of a file already imported', { timeout: 60_000 }, () => {
  it('previews 0 可导入: every row listed as already registered, none as to import', async () => {
    await run();
    const desk = await admin();
    const header = detectHeaderRow(sheet)!;
    const plan = planImport(sheet, header, guessMapping(sheet[header]!), {
      today: desk.clock.today(),
      grids: desk.community.grids,
      tags: DEFAULT_RESIDENT_TAGS,
    });
    const { rows } = await plannedRows();
    const registered = await registeredRows(desk, rows);
    expect(registered.size).toBe(rows.length);
    expect([...registered.values()].every((why) => why.startsWith('已登记'))).toBe(true);
    const preview = importPreview(plan, registered, 'skip');
    expect(preview).toMatchObject({ fresh: 0, onFile: plan.valid, toSave: 0 });
    expect(preview.line).toContain(`可导入 0 行，有误 ${plan.rejected} 行；已登记的居民 ${plan.valid} 行`);
    expect(importPreview(plan, registered, 'update').toSave).toBe(plan.valid);
  });
});

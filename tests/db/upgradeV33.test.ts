/**
 * v29 → v33 (issue 28 item 3): every audit row gets its derived `domain` — a legacy action
 * (`case.转办`) and a name without a dot too —, nothing else of the row changes, so the chain
 * still verifies against its heads, and the 操作日志 filters by 类别 (and 类别 + staff) from the
 * new `[domain+seq]` / `[staffId+domain+seq]` ranges; the per-action indexes are gone.
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { headsOfRows } from '@shared/domain/auditChain';
import type { AuditEntry } from '@shared/domain/records';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { auditPage, auditTotal, verifyAuditLog } from '../../renderer/src/db/repositories/auditLog';
import { openShippedV29 } from './shippedSchemas';
import { freshDb, setUpCommunity, T0, testDesk } from './testDb';

describe('upgrade v29 → v33 (the 操作日志 by 类别 as one index range)', () => {
  it('gives every audit row its domain and changes nothing else; the chain still verifies', async () => {
    // Real chained rows (a community set up through the app), without the field v33 derives.
    const source = freshDb();
    const admin = await setUpCommunity(source);
    const written = (await source.auditLog.toArray()).map(({ domain: _d, ...r }) => r as AuditEntry);
    const staff = await source.staff.toArray();
    source.close();
    expect(written.length).toBeGreaterThan(0);
    const extra: AuditEntry[] = [
      { id: 'legacy-row', at: T0, staffId: admin.id, action: 'case.转办', entity: 'case', entityId: 'c1' },
      { id: 'odd-row', at: T0 + 1, staffId: admin.id, action: 'oddname', entity: 'case' },
      { id: 'null-staff', at: T0 + 2, staffId: null, action: 'case.accept', entity: 'case' },
    ];

    const name = `upgrade-v33-${Math.random()}`;
    const v29 = openShippedV29(name);
    await v29.table('staff').bulkAdd(staff);
    await v29.table('auditLog').bulkAdd([...written, ...extra]);
    const before = (await v29.table('auditLog').toArray()) as AuditEntry[];
    v29.close();

    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const after = await db.auditLog.toArray();
    expect(after.map(({ domain: _d, ...r }) => r)).toEqual(before);
    expect(after.map((r) => [r.action, r.domain])).toEqual(
      before.map((r) => [r.action, r.action === 'oddname' ? 'oddname' : r.action.split('.')[0]]),
    );
    const indexes = (db as unknown as Dexie).table('auditLog').schema.indexes.map((i) => i.name);
    expect(indexes).toEqual(expect.arrayContaining(['[domain+seq]', '[staffId+domain+seq]', '[staffId+seq]']));
    expect(indexes).not.toContain('[action+seq]');

    const desk = testDesk(db, { staffId: admin.id, role: admin.role });
    const report = await verifyAuditLog(desk, headsOfRows(written));
    // The chained rows verify; the three rows added here carry no chain fields and are named as such.
    expect(report.problems.every((p) => p.kind === 'unchained')).toBe(true);
    expect(report.problemCount).toBe(3);
    const ids = (rows: AuditEntry[]) => rows.map((r) => r.id);
    expect(ids(await auditPage(desk, { domain: 'case' }))).toEqual(['null-staff', 'legacy-row']);
    expect(ids(await auditPage(desk, { domain: 'case', staffId: admin.id }))).toEqual(['legacy-row']);
    expect(await auditTotal(desk, { domain: 'oddname' })).toBe(1);
    const setup = before.filter((r) => r.action.startsWith('setup.'));
    expect(setup.length).toBeGreaterThan(0);
    expect(await auditTotal(desk, { domain: 'setup' })).toBe(setup.length);
    db.close();
  });
});

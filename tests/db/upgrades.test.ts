import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import type { CaseRecord } from '@shared/domain/records';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { openShipped } from './shippedSchemas';

function openV1(name: string): Dexie {
  return openShipped(name, 1);
}

function v1Case(id: string, patch: Partial<CaseRecord>): CaseRecord {
  return {
    id,
    trackingNumber: `THL-20261101-${id.padStart(4, '0')}`,
    matterCode: 'DY-001',
    matterName: '党员组织关系转接',
    mode: '承诺件',
    status: '已受理',
    acceptedDay: '2026-11-01',
    documentsReceived: [],
    documentsMissing: [],
    firstContactId: 's1',
    handlerId: 's1',
    createdAt: 1,
    createdBy: 's1',
    updatedAt: 1,
    updatedBy: 's1',
    ...patch,
  };
}

describe('upgrade v1 → v2 (case queues)', () => {
  it('indexes the open cases of a seeded v1 database by promised date and queue', async () => {
    const name = `upgrade-${Date.now()}`;
    const v1 = openV1(name);
    await v1.table('cases').bulkAdd([
      v1Case('1', { deadline: '2026-11-05' }),
      v1Case('2', { deadline: '2026-11-05', status: '已办结' }),
      v1Case('3', { status: '待补正', documentsMissing: ['户口簿'] }),
      v1Case('4', {
        deadline: '2026-11-20',
        status: '待签收',
        transfer: { fromStaffId: 's1', toStaffId: 's2', at: 1, day: '2026-11-02', returnTo: '办理中' },
      }),
    ]);
    v1.close();

    const db = new DutyDeskDB(name);
    expect(await db.cases.where('dueDay').below('2026-11-10').primaryKeys()).toEqual(['1']);
    expect(await db.cases.where('flags').equals('待签收:s2').primaryKeys()).toEqual(['4']);
    expect(await db.cases.where('flags').equals('待补正').primaryKeys()).toEqual(['3']);
    expect((await db.cases.get('2'))?.dueDay).toBeUndefined();
    expect(db.verno).toBe(3); // and on to the latest version
    db.close();

    // Opening again (already upgraded) changes nothing.
    const again = new DutyDeskDB(name);
    expect(await again.cases.where('dueDay').anyOf(['2026-11-05', '2026-11-20']).count()).toBe(2);
    again.close();
  });
});

describe('upgrade v2 → v3 (queue order)', () => {
  it('gives every case its ordering keys, so a queue pages soonest first by index', async () => {
    const name = `upgrade-v3-${Date.now()}`;
    const v2 = openShipped(name, 2);
    await v2.table('cases').bulkAdd([
      { ...v1Case('1', { deadline: '2026-11-20' }), flags: ['在办', '我的:s1'], dueDay: '2026-11-20' },
      { ...v1Case('2', { deadline: '2026-11-05' }), flags: ['在办', '我的:s1'], dueDay: '2026-11-05' },
      { ...v1Case('3', { status: '待补正', documentsMissing: ['户口簿'] }), flags: ['在办', '待补正', '我的:s1'] },
    ]);
    v2.close();

    const db = new DutyDeskDB(name);
    expect((await db.cases.get('2'))?.queueKeys).toContain('在办|2026-11-05|THL-20261101-0002');
    const open = await db.cases.where('queueKeys').between('在办|', '在办|\uffff', true, true).primaryKeys();
    expect(open).toEqual(['2', '1', '3']); // soonest first, no promised date last
    expect(db.verno).toBe(3);
    db.close();
  });
});

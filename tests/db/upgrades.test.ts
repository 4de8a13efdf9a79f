import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { openShipped, oldCase as v1Case } from './shippedSchemas';
import type { AuditEntry } from '@shared/domain/records';
import { legacyAuditId } from '@shared/domain/auditIdentity';

function openV1(name: string): Dexie {
  return openShipped(name, 1);
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
    expect(db.verno).toBe(SCHEMA_VERSION); // and on to the latest version
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
    // (Through v4 too: the keys have the v4 shape, with an empty filter part.)
    expect((await db.cases.get('2'))?.queueKeys).toContain('在办||2026-11-05|THL-20261101-0002');
    const open = await db.cases.where('queueKeys').between('在办||', '在办||\uffff', true, true).primaryKeys();
    expect(open).toEqual(['2', '1', '3']); // soonest first, no promised date last
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('upgrade v3 → v4 (filters, 我的已办结, case search by index)', () => {
  it('rebuilds the queue keys with their filters and adds the search keys of cases and visits', async () => {
    const name = `upgrade-v4-${Date.now()}`;
    const v3 = openShipped(name, 3);
    await v3.table('cases').bulkAdd([
      {
        ...v1Case('1', { deadline: '2026-11-20', gridId: 'g1' }),
        flags: ['在办', '我的:s1'],
        queueKeys: ['在办|2026-11-20|THL-20261101-0001'],
      },
      { ...v1Case('2', { status: '已归档', visitId: 'v2' }), flags: [], queueKeys: [] },
    ]);
    await v3.table('visits').bulkAdd([
      {
        id: 'v2',
        day: '2026-11-01',
        visitedAt: 1,
        channel: '来站',
        firstContactId: 's1',
        content: '办理党员组织关系转出',
        kind: '办件',
        caseIds: ['2'],
        createdAt: 1,
        createdBy: 's1',
        updatedAt: 1,
        updatedBy: 's1',
      },
      {
        id: 'v3',
        day: '2026-11-01',
        visitedAt: 2,
        channel: '来电',
        firstContactId: 's1',
        content: '咨询低保',
        kind: '咨询',
        caseIds: [],
        createdAt: 1,
        createdBy: 's1',
        updatedAt: 1,
        updatedBy: 's1',
      },
    ]);
    v3.close();

    const db = new DutyDeskDB(name);
    const inRange = (lower: string) =>
      db.cases.where('queueKeys').between(lower, `${lower}\uffff`, true, true).primaryKeys();
    expect(await inRange('在办|网格=g1|')).toEqual(['1']);
    expect(await inRange('在办|事项=DY-001|')).toEqual(['1']);
    expect(await inRange('到期||')).toEqual(['1']);
    // The archived case left 我的办件 for 我的已办结; the old key shape is gone.
    expect(await db.cases.where('flags').equals('我办结:s1').primaryKeys()).toEqual(['2']);
    expect(await db.cases.where('queueKeys').equals('在办|2026-11-20|THL-20261101-0001').count()).toBe(0);
    expect(await db.cases.where('searchKeys').startsWith('号:0002|').primaryKeys()).toEqual(['2']);
    expect(await db.cases.where('searchKeys').startsWith('词:组织|').count()).toBe(2);
    expect(await db.visits.where('words').startsWith('转出|').primaryKeys()).toEqual(['v2']);
    expect((await db.visits.get('v3'))?.words).toBeUndefined(); // no case, no words
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('upgrade v4 → v5 (cases by the months they count in a summary)', () => {
  it('gives every case the months from its acceptance to its last reportable day', async () => {
    const name = `upgrade-v5-${Date.now()}`;
    const v4 = openShipped(name, 4);
    await v4.table('cases').bulkAdd([
      {
        ...v1Case('1', { acceptedDay: '2026-09-28', status: '已归档' }),
        completedDay: '2026-10-09',
        archivedDay: '2026-11-02',
      },
      v1Case('2', { acceptedDay: '2026-11-03' }),
    ]);
    v4.close();

    const db = new DutyDeskDB(name);
    expect((await db.cases.get('1'))?.reportMonths).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(await db.cases.where('reportMonths').equals('2026-10').primaryKeys()).toEqual(['1']);
    expect(await db.cases.where('reportMonths').equals('2026-11').primaryKeys()).toEqual(['1', '2']);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('upgrade v5 → v6 (resident import batches)', () => {
  it('keeps the data and adds the empty import table', async () => {
    const name = `upgrade-v6-${Date.now()}`;
    const v5 = openShipped(name, 5);
    await v5.table('cases').add({ ...v1Case('1', {}), reportMonths: ['2026-11'] });
    v5.close();
    const db = new DutyDeskDB(name);
    expect(await db.cases.where('reportMonths').equals('2026-11').primaryKeys()).toEqual(['1']);
    expect(await db.importBatches.count()).toBe(0);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('upgrade v6 → v7 (custody chain)', () => {
  it('turns the placeholder rows into items of the task’s case, with their chain', async () => {
    const name = `upgrade-v7-${Date.now()}`;
    const v6 = openShipped(name, 6);
    await v6.table('proxyTasks').add({
      id: 'p-1',
      caseId: 'c-1',
      residentId: 'r-1',
      status: '办理中',
      createdAt: 1,
      createdBy: 's1',
      updatedAt: 1,
      updatedBy: 's1',
    });
    await v6.table('custodyItems').bulkAdd([
      { id: 'i-1', proxyTaskId: 'p-1', document: '户口簿', takenAt: 10, takenBy: 's1' },
      {
        id: 'i-2',
        proxyTaskId: 'p-1',
        document: '身份证',
        takenAt: 10,
        takenBy: 's1',
        returnedAt: 20,
        returnedBy: 's2',
      },
      { id: 'i-3', proxyTaskId: 'p-1', document: '残疾证' },
    ]);
    v6.close();
    const db = new DutyDeskDB(name);
    expect(await db.custodyItems.where('holderKey').equals('staff:s1').primaryKeys()).toEqual(['i-1']);
    const returned = await db.custodyItems.get('i-2');
    expect([returned?.status, returned?.caseId, returned?.events.map((e) => e.type)]).toEqual([
      '已归还',
      'c-1',
      ['收取', '归还'],
    ]);
    expect(await db.custodyItems.get('i-3')).toBeUndefined();
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('upgrade v7 → v8 (proxy requests)', () => {
  it('gives each proxy task its source, request and day from its case; drops a task without one', async () => {
    const name = `upgrade-v8-${Date.now()}`;
    const v7 = openShipped(name, 7);
    const stamp = { createdAt: 1, createdBy: 's1', updatedAt: 1, updatedBy: 's1' };
    await v7.table('visits').add({ id: 'v-1', day: '2026-11-20', channel: '来电', caseIds: ['c-1'], ...stamp });
    await v7
      .table('cases')
      .bulkAdd([
        v1Case('c-1', { visitId: 'v-1', mode: '帮代办', matterName: '高龄津贴申请', acceptedDay: '2026-11-20' }),
        v1Case('c-2', { visitId: 'v-9', mode: '帮代办', matterName: '残疾人证办理', acceptedDay: '2026-11-02' }),
      ]);
    await v7.table('proxyTasks').bulkAdd([
      { id: 'p-1', caseId: 'c-1', residentId: 'r-1', status: '待授权', ...stamp },
      { id: 'p-2', caseId: 'c-2', residentId: 'r-1', status: '已完成', authorisedBy: 's1', ...stamp },
      { id: 'p-3', caseId: 'c-gone', residentId: 'r-1', status: '待上门', ...stamp },
    ]);
    v7.close();
    const db = new DutyDeskDB(name);
    const [p1, p2, p3] = await db.proxyTasks.bulkGet(['p-1', 'p-2', 'p-3']);
    expect(p1).toMatchObject({ source: '电话', request: '高龄津贴申请', requestedDay: '2026-11-20', status: '待上门' });
    expect(p2).toMatchObject({ source: '窗口', request: '残疾人证办理', requestedDay: '2026-11-02', status: '已送达' });
    expect(p2 && 'authorisedBy' in p2).toBe(false);
    expect(p3).toBeUndefined();
    expect(await db.proxyTasks.where('requestedDay').equals('2026-11-20').primaryKeys()).toEqual(['p-1']);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('upgrade v8 → v9 (problem pool and meetings)', () => {
  it('puts the 诉求 visits and the open 投诉建议 cases into the pool; reshapes the placeholder meetings', async () => {
    const name = `upgrade-v9-${Date.now()}`;
    const v8 = openShipped(name, 8);
    const stamp = { createdAt: 1, createdBy: 's1', updatedAt: 1, updatedBy: 's1' };
    await v8.table('visits').bulkAdd([
      {
        id: 'v-1',
        day: '2026-11-20',
        visitedAt: 5,
        channel: '来站',
        kind: '诉求',
        firstContactId: 's1',
        residentId: 'r-1',
        content: '3 栋门口路灯坏了一周，电话 13875001234。请尽快修',
        caseIds: [],
        ...stamp,
      },
      {
        id: 'v-2',
        day: '2026-11-20',
        visitedAt: 6,
        channel: '来站',
        kind: '咨询',
        firstContactId: 's1',
        content: '问低保',
        caseIds: [],
        ...stamp,
      },
    ]);
    await v8.table('cases').bulkAdd([
      v1Case('c-1', {
        matterCode: 'TS-002',
        matterName: '小区环境卫生和公共设施问题反映',
        acceptedDay: '2026-11-21',
        gridId: 'g1',
      }),
      v1Case('c-2', { matterCode: 'TS-001', matterName: '居民意见建议登记', status: '已办结' }),
    ]);
    await v8.table('meetings').add({
      id: 'm-1',
      weekOf: '2026-11-16',
      heldOn: '2026-11-20',
      status: '已召开',
      minutes: '讨论了路灯',
      ...stamp,
    });
    await v8.table('agendaItems').add({
      id: 'a-1',
      meetingId: 'm-1',
      sourceType: 'case',
      sourceId: 'c-1',
      category: '环境',
      decision: '持续关注',
      status: '结转',
    });
    v8.close();
    const db = new DutyDeskDB(name);
    const fromVisit = await db.problems.get('problem-visit-v-1');
    expect(fromVisit).toMatchObject({
      title: '3 栋门口路灯坏了一周，电话 138****1234',
      category: '公共设施',
      status: '待研究',
    });
    expect(fromVisit?.residentIds).toEqual(['r-1']);
    expect(await db.problems.where('caseId').equals('c-1').first()).toMatchObject({
      category: '环境卫生',
      gridId: 'g1',
    });
    expect(await db.problems.count()).toBe(2);
    expect(await db.meetings.get('m-1')).toMatchObject({
      day: '2026-11-20',
      status: '已召开',
      summary: '讨论了路灯',
      attendees: [],
    });
    expect(await db.agendaItems.get('a-1')).toMatchObject({
      kind: '临时增加',
      caseId: 'c-1',
      decision: { type: '继续跟踪' },
    });
    expect(await db.problems.where('residentIds').equals('r-1').count()).toBe(1);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('upgrade v9 → v10 (audit row identity)', () => {
  it('gives every audit row an id derived from its content, unique even for twin rows', async () => {
    const name = `upgrade-v10-${Date.now()}`;
    const v9 = openShipped(name, 9);
    const rows: AuditEntry[] = [
      { at: 1, staffId: 's1', action: 'signin.ok', entity: 'staff', entityId: 's1' },
      { at: 2, staffId: 's1', action: 'visit.create', entity: 'visit', entityId: 'v1', detail: '来站/咨询' },
      { at: 2, staffId: 's1', action: 'visit.create', entity: 'visit', entityId: 'v1', detail: '来站/咨询' },
    ];
    await v9.table('auditLog').bulkAdd(rows);
    const seeded = (await v9.table('auditLog').toArray()) as AuditEntry[];
    v9.close();

    const db = new DutyDeskDB(name);
    const upgraded = await db.auditLog.toArray();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // Same rows, same order and seq, each with the id the restore of an old backup derives too
    // (and, from v12 on, sealed into the audit chain: those fields are auditChain.test.ts's; from
    // v33 on, the derived `domain`: upgradeV33.test.ts's).
    const withoutChain = ({
      desk: _d,
      deskSeq: _s,
      prevHash: _p,
      hash: _h,
      sealed: _x,
      domain: _m,
      ...r
    }: AuditEntry) => r;
    expect(upgraded.map(withoutChain)).toEqual(seeded.map((r) => ({ ...r, id: legacyAuditId(r) })));
    expect(new Set(upgraded.map((r) => r.id)).size).toBe(3);
    expect(upgraded.every((r) => /^legacy-\d+-[a-p]{28}$/.test(r.id ?? ''))).toBe(true);
    // Found by the unique index; a second row with an existing id is refused.
    expect(await db.auditLog.where('id').equals(upgraded[1]!.id!).primaryKeys()).toEqual([upgraded[1]!.seq]);
    await expect(db.auditLog.add({ ...rows[0]!, id: upgraded[0]!.id })).rejects.toThrow();
    db.close();

    // Opening again (already upgraded) changes nothing.
    const again = new DutyDeskDB(name);
    expect(await again.auditLog.toArray()).toEqual(upgraded);
    again.close();
  });
});

describe('upgrade v10 → v11 (business keys become plain indexes)', () => {
  it('keeps every resident and case, and then stores a second record with the same ID number or tracking number', async () => {
    const name = `upgrade-v11-${Date.now()}`;
    const v10 = openShipped(name, 10);
    const resident = {
      id: 'r-1',
      name: '张三',
      idNumber: '430104195803151237',
      tags: [],
      searchKeys: ['张三'],
      createdAt: 1,
      createdBy: 's1',
      updatedAt: 1,
      updatedBy: 's1',
    };
    await v10.table('residents').add(resident);
    await v10.table('cases').add(v1Case('1', {}));
    // The shipped schema refuses a second one (the unique index).
    await expect(v10.table('residents').add({ ...resident, id: 'r-2' })).rejects.toThrow();
    v10.close();

    const db = new DutyDeskDB(name);
    // Kept; the v32 step passes every resident through the derived fields, so the (made-up)
    // search keys stored are recomputed.
    expect(await db.residents.toArray()).toEqual([
      { ...resident, searchKeys: expect.arrayContaining(['张三', 'zhangsan', '1237']) },
    ]);
    await db.residents.add({ ...resident, id: 'r-2' });
    await db.cases.add(v1Case('2', { trackingNumber: v1Case('1', {}).trackingNumber }));
    expect(await db.residents.where('idNumber').equals(resident.idNumber).primaryKeys()).toEqual(['r-1', 'r-2']);
    expect(await db.cases.where('trackingNumber').equals(v1Case('1', {}).trackingNumber).count()).toBe(2);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

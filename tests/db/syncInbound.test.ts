/**
 * Issue 24, inbound: documents replicated from another desk into this desk's PouchDB are applied
 * to Dexie per action — original stamps, derived fields, refolded cases, audit rows once — with
 * the checkpoint, and nothing of it goes back out as this desk's own.
 */
import { describe, expect, it } from 'vitest';
import { freshDb, setUpCommunity, communityDesk, createZhangSan, acceptCommittedCase, testDesk } from './testDb';
import { acted, exchange, follow, memoryPouch, pump, snapshot } from './support/syncHarness';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { addProblem } from '../../renderer/src/db/repositories/problems';
import { syncStatus, setSyncStatus } from '../../renderer/src/sync/status';
import { SYNC_OFF, SYNC_SCHEMA } from '../../renderer/src/sync/contract';
import { INBOUND_SEQ_KEY } from '../../renderer/src/sync/applyDocs';
import { onWriteCommitted } from '../../renderer/src/db/committed';
import { EVENT_CLOCK_KEY } from '../../renderer/src/db/eventClockKey';
import { verifyAuditLog } from '../../renderer/src/db/repositories/auditLog';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { listRejected, recordRejected } from '../../renderer/src/sync/rejected';
import { refreshSyncCounts } from '../../renderer/src/sync/inbound';

const DESK2 = { no: 2, name: '二号窗口' };

/** Desk 1 set up with 张三 and one accepted case, all pumped into its replica. */
async function centerWithCase() {
  const db1 = freshDb();
  const local1 = memoryPouch();
  const admin = await acted(db1, local1, 1, () => setUpCommunity(db1));
  const desk1 = await communityDesk(db1, { staffId: admin.id, role: '站长/管理员' });
  const zhang = await acted(db1, local1, 1, () => createZhangSan(db1, admin.id, '2026-11-24'));
  const { record } = await acted(db1, local1, 1, () => acceptCommittedCase(desk1, zhang.id));
  return { db1, local1, admin, desk1, zhang, caseId: record.id };
}

const withoutSeq = (rows: { seq?: number }[]) =>
  rows.map(({ seq: _seq, ...r }) => r).sort((a, b) => (a as { id: string }).id.localeCompare((b as { id: string }).id));

describe('inbound: a fresh desk receives the center', () => {
  it('stores every record with its stamps and derived fields, the case refolded, the audit log once', async () => {
    const { db1, local1, caseId } = await centerWithCase();
    const db2 = freshDb();
    const local2 = memoryPouch();
    await exchange(local1, local2);
    let commits = 0;
    const off = onWriteCommitted(() => (commits += 1));
    const { inbound, warnings } = follow(testDesk(db2, { identity: DESK2 }), local2);
    await inbound.idle();
    off();
    inbound.stop();
    expect(warnings).toEqual([]);
    expect(commits).toBeGreaterThan(0); // the wipe detection hears of inbound commits
    // The same case, field for field (stamps, derived queue fields), though the case never travelled.
    expect(await db2.cases.get(caseId)).toEqual(await db1.cases.get(caseId));
    expect(await db2.residents.toArray()).toEqual(await db1.residents.toArray());
    expect(await db2.visits.toArray()).toEqual(await db1.visits.toArray());
    expect(await db2.caseEvents.toArray()).toEqual(await db1.caseEvents.toArray());
    expect(withoutSeq(await db2.auditLog.toArray())).toEqual(withoutSeq(await db1.auditLog.toArray()));
    // The desk's clock observed the events: its next event sorts after them.
    const last = (await db1.caseEvents.toArray())
      .map((e) => e.clock!)
      .sort()
      .at(-1)!;
    expect((await db2.counters.get(EVENT_CLOCK_KEY))?.clock).toBe(last);
    expect((await db2.deskMeta.get(INBOUND_SEQ_KEY))?.value).toBe((await local2.info()).update_seq);
    // Desk 1's audit chain verifies on desk 2.
    const me = testDesk(db2, { staffId: (await db2.staff.toArray())[0]!.id, role: '站长/管理员' });
    const report = await verifyAuditLog(me, []);
    expect(report.problems).toEqual([]);
    expect(report.desks.map((d) => d.desk)).toEqual([1]);
  });

  it('a problem travels as its events only and is refolded from them, field for field (stamps, derived ids)', async () => {
    const { db1, local1, desk1, zhang } = await centerWithCase();
    const problem = await acted(db1, local1, 1, () =>
      addProblem(desk1, { title: '楼道灯坏了', category: '公共设施', residentId: zhang.id, source: '入户走访' }),
    );
    expect(await local1.get(`problems:${problem.id}`).catch(() => null)).toBeNull(); // the record never travels
    const db2 = freshDb();
    const local2 = memoryPouch();
    await exchange(local1, local2);
    const { inbound, warnings } = follow(testDesk(db2, { identity: DESK2 }), local2);
    await inbound.idle();
    inbound.stop();
    expect(warnings).toEqual([]);
    expect(await db2.problemEvents.toArray()).toEqual(await db1.problemEvents.toArray());
    expect(await db2.problems.get(problem.id)).toEqual(await db1.problems.get(problem.id));
  });

  it('never doubles: a restart from an old checkpoint applies the same documents again to the same result', async () => {
    const { local1 } = await centerWithCase();
    const db2 = freshDb();
    const local2 = memoryPouch();
    await exchange(local1, local2);
    const desk2 = testDesk(db2, { identity: DESK2 });
    const first = follow(desk2, local2);
    await first.inbound.idle();
    first.inbound.stop();
    const before = await dumpCenter(db2);
    await db2.deskMeta.delete(INBOUND_SEQ_KEY);
    const again = follow(desk2, local2);
    await again.inbound.idle();
    again.inbound.stop();
    expect(again.warnings).toEqual([]);
    expect(await dumpCenter(db2)).toEqual(before);
  });

  it('applies an action only when all its documents are here, in one transaction', async () => {
    const { db1, local1, desk1, caseId } = await centerWithCase();
    const db2 = freshDb();
    const local2 = memoryPouch();
    await exchange(local1, local2);
    const desk2 = testDesk(db2, { identity: DESK2 });
    const { inbound } = follow(desk2, local2);
    await inbound.idle();
    // Desk 1 starts handling the case: the record changes (not sent) and one event (sent).
    const before = await snapshot(db1);
    const admin = desk1.actor.id;
    await performCaseAction(desk1, caseId, { type: '开始办理' });
    const ids = await pumpInto(db1, local1, before);
    expect(ids.length).toBeGreaterThanOrEqual(2); // the event and its audit row
    // Only the first document reaches desk 2: nothing of the action is applied.
    const firstId = ids[0]!;
    await local1.replicate.to(local2, { doc_ids: [firstId] });
    await inbound.idle();
    expect(inbound.pendingActions()).toBe(1);
    expect((await db2.cases.get(caseId))?.status).toBe('已受理');
    // The rest arrives: the whole action is applied.
    await local1.replicate.to(local2);
    await inbound.idle();
    expect(inbound.pendingActions()).toBe(0);
    expect(await db2.cases.get(caseId)).toEqual(await db1.cases.get(caseId));
    expect((await db2.cases.get(caseId))?.handlerId).toBe(admin);
    inbound.stop();
  });

  it('applies an incomplete action after the timeout, with a warning', async () => {
    const { local1 } = await centerWithCase();
    const db2 = freshDb();
    const local2 = memoryPouch();
    const doc = { _id: 'rota:r-1', type: 'rota', schema: SYNC_SCHEMA, desk: 1, action: { id: 'a-x', size: 2 } };
    await local2.put({ ...doc, record: { id: 'r-1', day: '2026-11-24', staffId: 's-1' } } as never);
    void local1;
    const { inbound, warnings } = follow(testDesk(db2, { identity: DESK2 }), local2, 50);
    await until(async () => (await db2.rota.count()) === 1);
    expect(warnings.join()).toContain('等待超时');
    inbound.stop();
  });

  it('stops at a document of a newer program: 请升级, nothing applied', async () => {
    setSyncStatus(SYNC_OFF);
    const db2 = freshDb();
    const local2 = memoryPouch();
    await local2.put({
      _id: 'rota:r-2',
      type: 'rota',
      schema: SYNC_SCHEMA + 1,
      desk: 1,
      action: { id: 'a-y', size: 1 },
      record: { id: 'r-2', day: '2026-11-24', staffId: 's-1' },
    } as never);
    const { inbound } = follow(testDesk(db2, { identity: DESK2 }), local2);
    await inbound.idle();
    expect(syncStatus().phase).toBe('upgradeNeeded');
    expect(syncStatus().reason).toContain('请升级');
    expect(await db2.rota.count()).toBe(0);
    inbound.stop();
    setSyncStatus(SYNC_OFF);
  });

  it('skips this desk own documents (they came from its Dexie)', async () => {
    const { db1, local1 } = await centerWithCase();
    const before = await dumpCenter(db1);
    const { inbound } = follow(await communityDesk(db1), local1);
    await inbound.idle();
    inbound.stop();
    expect(await dumpCenter(db1)).toEqual(before);
  });
});

async function pumpInto(
  db: DutyDeskDB,
  local: ReturnType<typeof memoryPouch>,
  before: Awaited<ReturnType<typeof snapshot>>,
) {
  return pump(db, local, 1, before);
}

async function dumpCenter(db: DutyDeskDB) {
  return {
    cases: await db.cases.toArray(),
    events: await db.caseEvents.toArray(),
    residents: await db.residents.toArray(),
    audit: await db.auditLog.toArray(),
    staff: await db.staff.toArray(),
  };
}

/** Waits (bounded by the test's limit) until `done` holds. */
async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((r) => setTimeout(r, 20));
}

describe('documents the hub refused', () => {
  it('are kept desk-local, listed newest first for a 站长, and counted on the status', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const desk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员' });
    await recordRejected(testDesk(db, { now: 1000 }), { id: 'rota:r-1', status: 403, reason: 'type required' });
    await recordRejected(testDesk(db, { now: 2000 }), {
      id: 'caseEvents:e-1',
      status: 403,
      reason: 'events are immutable',
    });
    expect((await listRejected(desk)).map((r) => [r.id, r.table, r.status])).toEqual([
      ['caseEvents:e-1', 'caseEvents', 403],
      ['rota:r-1', 'rota', 403],
    ]);
    await refreshSyncCounts(desk);
    expect(syncStatus().rejected).toBe(2);
    const clerk = await communityDesk(db, { staffId: admin.id, role: '值班员' });
    await db.staff.update(admin.id, { role: '值班员' });
    await expect(listRejected(clerk)).rejects.toThrow('只有站长/管理员可以查看被中心拒收的数据');
    setSyncStatus(SYNC_OFF);
  });
});

/**
 * Issue 28 item 1: the kept counts (db/tallies) against a full recount and against an oracle of
 * the stored records — after the generated desk is loaded (1/100 size: CI runs this), after
 * documents arrive from another desk (the inbound path), after a v11 database is upgraded, and
 * after random writes of every kind (property test); a disagreement is repaired and logged.
 */
import type { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDesk, NOW } from '../../bench/data/generate';
import { countLabel, QUEUES, queueRange } from '@shared/domain/caseQueues';
import { tallyDifferences, TALLY } from '@shared/domain/tallies';
import type { CaseRecord, CustodyItem, ProxyTask, Resident, Visit } from '@shared/domain/records';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { queueContextOf, queueCounts } from '../../renderer/src/db/repositories/cases';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { recountTallies } from '../../renderer/src/db/tallies/recount';
import { checkTallies } from '../../renderer/src/db/tallies/repair';
import { applyDocs, type Incoming } from '../../renderer/src/sync/applyDocs';
import { centerSeed } from '../sync/centerSeed';
import { ensureSearchKeys } from '../../renderer/src/db/searchKeys';
import { afterRandomWrites } from './support/randomWrites';
import { freshDb, testDesk } from './testDb';
import { oldCase, openShipped } from './shippedSchemas';
import { loadedDb } from './generatedDesk';

const dexieOf = (db: DutyDeskDB) => db as unknown as Dexie;

/** The kept counts that differ from a recount of the indexes (none when they agree). */
async function drift(db: DutyDeskDB): Promise<string[]> {
  const recount = await recountTallies((name) => dexieOf(db).table(name));
  return tallyDifferences(await db.tallies.toArray(), recount);
}

/** The 12 queue counts counted from the stored cases' keys in JS (no index, no tally). */
async function queueOracle(desk: Desk) {
  const all = await desk.db.cases.toArray();
  const q = queueContextOf(desk);
  return Object.fromEntries(
    QUEUES.map((queue) => {
      const r = queueRange(queue, q, {});
      const inRange = (k: string) => k >= r.lower && (r.upperOpen ? k < r.upper : k <= r.upper);
      return [queue, all.filter((c) => (c.queueKeys ?? []).some(inRange)).length];
    }),
  );
}

/** The 工作台 counts that grow with the years, counted from the stored records in JS. */
async function dashboardOracle(desk: Desk) {
  const { db } = desk;
  const today = desk.clock.today();
  const [cases, visits, residents, items, tasks] = await Promise.all([
    db.cases.toArray(),
    db.visits.toArray(),
    db.residents.toArray(),
    db.custodyItems.toArray(),
    db.proxyTasks.toArray(),
  ]);
  const rect = cases.filter((c) => c.flags?.includes('整改'));
  return {
    visitsToday: visits.filter((v) => v.day === today).length,
    residents: residents.filter((r) => !(r.deleted && r.deleted.at > 0)).length,
    overdueCases: cases.filter((c) => c.dueDay !== undefined && c.dueDay < today).length,
    rectificationDueToday: rect.filter((c) => c.rectification?.dueDay === today).length,
    rectificationOverdue: rect.filter((c) => c.rectification?.dueDay !== undefined && c.rectification.dueDay < today)
      .length,
    documentsOut: items.filter((i) => (i.holderKey ?? '') > '').length,
    homeVisitsToday: tasks.filter((t) => t.visitDay === today).length,
    proxyToDeliver: tasks.filter((t) => t.status === '待送达').length,
  };
}

describe('kept counts', { timeout: 120_000 }, () => {
  const data = generateDesk('tiny');

  it('agree with a full recount and with the records on the generated desk (1/100)', async () => {
    const db = await loadedDb(data);
    expect(await drift(db)).toEqual([]);
    for (const staffId of ['staff-1', 'staff-3']) {
      const desk = testDesk(db, { staffId, now: NOW });
      const counts = await queueCounts(desk);
      expect(counts).toEqual(await queueOracle(desk));
      expect(await dashboardCounts(desk)).toMatchObject(await dashboardOracle(desk));
      // The desk is not empty where it matters (the comparisons above compare something).
      expect(counts['全部办件']).toBe(data.cases.length);
      expect(counts['全部在办']).toBeGreaterThan(0);
    }
    // Exact counts; the tab still shows 「1000+」 past the cap.
    expect(countLabel(data.cases.length)).toBe(String(data.cases.length));
    expect(countLabel(1001)).toBe('1000+');
    db.close();
  });

  it('move with documents applied by the inbound sync, like a local write', async () => {
    const { data: center, docs } = centerSeed(20261204, 'tiny');
    const items: Incoming[] = docs.map((doc, i) => ({ doc: { ...doc, _rev: `1-${i}` } }));
    const db = freshDb();
    const desk = testDesk(db, { identity: { no: 2, name: '二号窗口' }, now: NOW });
    const half = Math.floor(items.length / 2);
    await applyDocs(desk, items.slice(0, half), { checkpoint: half });
    expect(await drift(db)).toEqual([]);
    await applyDocs(desk, items.slice(half), { checkpoint: items.length });
    expect(await drift(db)).toEqual([]);
    expect((await queueCounts(desk))['全部办件']).toBe(center.cases.length);
    expect((await dashboardCounts(desk)).residents).toBe(center.residents.length);
    db.close();
  });

  it('are counted once by the v28 upgrade of an older database', async () => {
    const name = `tallies-upgrade-${Date.now()}`;
    const old = openShipped(name, 11);
    await old.table('cases').bulkAdd([
      // As v11 stored them: with the derived fields of that version.
      oldCase('c1', { status: '办理中', deadline: '2026-11-20', dueDay: '2026-11-20', flags: ['在办'] }),
      oldCase('c2', { status: '办理中', deadline: '2026-11-30', dueDay: '2026-11-30', flags: ['在办'] }),
      oldCase('c3', { status: '已办结' }),
    ]);
    old.close();
    const { DutyDeskDB, loadUpgradeSteps } = await import('../../renderer/src/db/database');
    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(await db.tallies.get(TALLY.allCases)).toEqual({ key: TALLY.allCases, n: 3 });
    expect(await db.tallies.get(TALLY.caseFlag('在办'))).toEqual({ key: TALLY.caseFlag('在办'), n: 2 });
    expect(await db.tallies.get(TALLY.running)).toEqual({ key: TALLY.running, n: 2 });
    expect(await drift(db)).toEqual([]);
    db.close();
  });

  it('disagreeing with the recount are repaired once and logged without personal data', async () => {
    const db = await loadedDb(data);
    const desk = testDesk(db, { staffId: 'staff-admin', now: NOW });
    expect(await checkTallies(desk)).toMatchObject({ repaired: 0 });
    const logged = await db.auditLog.count();
    // Drift of three kinds: a count too high, a count lost, a count that should not exist.
    await db.tallies.put({ key: TALLY.residents, n: 999_999 });
    await db.tallies.delete(TALLY.caseFlag('我的:staff-3'));
    await db.tallies.put({ key: TALLY.visitsOn('1999-01-01'), n: 4 });
    expect(await drift(db)).toHaveLength(3);
    expect((await dashboardCounts(desk)).residents).toBe(999_999);

    expect(await checkTallies(desk)).toMatchObject({ repaired: 3 });
    expect(await drift(db)).toEqual([]);
    expect((await dashboardCounts(desk)).residents).toBe(data.residents.length);
    const rows = await db.auditLog.where('seq').above(0).reverse().limit(2).toArray();
    expect(await db.auditLog.count()).toBe(logged + 1);
    const row = rows[0]!;
    expect(row).toMatchObject({ action: 'tallies.repair', entity: 'desk', staffId: 'staff-admin' });
    expect(row.detail).toBe('统计计数与重新清点不符，已修复 3 项（办件、居民、来访）');
    // No staff id, no name, no day of a visit: the tables only.
    expect(row.detail).not.toMatch(/staff-|1999/);
    // Agreeing now: nothing more is written.
    expect(await checkTallies(desk)).toMatchObject({ repaired: 0 });
    expect(await db.auditLog.count()).toBe(logged + 1);
    db.close();
  });

  it('stay equal to a recount after random writes of every kind (property)', async () => {
    const pool = {
      cases: data.cases as CaseRecord[],
      visits: data.visits as Visit[],
      residents: data.residents as Resident[],
      custodyItems: data.custodyItems as CustodyItem[],
      proxyTasks: data.proxyTasks as ProxyTask[],
    };
    type Name = keyof typeof pool;
    await ensureSearchKeys();
    const names = Object.keys(pool) as Name[];
    // A record of the pool under one of six ids, so writes replace each other; a resident may become a tombstone.
    const record = (table: Name, pick: number, id: number, tomb: boolean): object => {
      const list = pool[table] as { id: string }[];
      const r = { ...list[pick % list.length]!, id: `k${id}` };
      if (table === 'cases') return { ...r, trackingNumber: `T-${id}` };
      return table === 'residents' && tomb ? { ...r, idNumber: `X${id}`, deleted: { at: 5, reason: '测试' } } : r;
    };
    const name = fc.constantFrom(...names);
    const rec = fc.tuple(name, fc.nat(), fc.integer({ min: 0, max: 5 }), fc.boolean());
    const op = fc.oneof(
      rec.map(([t, p, id, tomb]) => ({ kind: 'put' as const, t, rows: [record(t, p, id, tomb)] })),
      rec.map(([t, p, id, tomb]) => ({ kind: 'add' as const, t, rows: [record(t, p, id, tomb)] })),
      fc
        .tuple(name, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 }), fc.boolean()), { maxLength: 4 }))
        .map(([t, rs]) => ({ kind: 'parallel' as const, t, rows: rs.map(([p, id, tomb]) => record(t, p, id, tomb)) })),
      fc
        .tuple(name, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 }), fc.boolean()), { maxLength: 4 }))
        .map(([t, rs]) => ({ kind: 'bulkPut' as const, t, rows: rs.map(([p, id, tomb]) => record(t, p, id, tomb)) })),
      fc.tuple(name, fc.integer({ min: 0, max: 5 })).map(([t, id]) => ({ kind: 'delete' as const, t, id: `k${id}` })),
      fc
        .tuple(name, fc.integer({ min: 0, max: 5 }))
        .map(([t, id]) => ({ kind: 'deleteBelow' as const, t, id: `k${id}` })),
      name.map((t) => ({ kind: 'clear' as const, t })),
      rec.map(([t, p, id, tomb]) => ({ kind: 'aborted' as const, t, rows: [record(t, p, id, tomb)] })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) =>
        afterRandomWrites(ops, async (db) => expect(await drift(db)).toEqual([])),
      ),
      { numRuns: 40, seed: 28 },
    );
  });
});

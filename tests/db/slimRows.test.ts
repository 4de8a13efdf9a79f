/**
 * The summaries' slim rows (`slimRows`, DB v39, db/slimRows): kept in the transaction of every
 * write of a visit or a case — by the bench loader, the inbound sync, a merge of residents, a
 * restore (never the backup's rows) and random writes of every kind (property) — equal to the
 * rows made from the records, and a period's summaries read from them equal those read from the
 * records; a disagreement of keys is repaired once and logged without personal data.
 */
import type { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letters } from '@shared/domain/auditIdentity';
import { addDays } from '@shared/domain/localDate';
import type { CaseEvent, CaseRecord, Visit } from '@shared/domain/records';
import { periodOf, previousPeriod, type Period, type PeriodKind } from '@shared/reports/periods';
import { EMPTY_NOTES, summariesOf } from '@shared/reports/reportData';
import { slimVisitKey } from '@shared/reports/slimRows';
import { generateDesk, NOW } from '../../bench/data/generate';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { readSnapshot, replaceAll } from '../../renderer/src/db/backup/snapshot';
import { mergeResidents } from '../../renderer/src/db/repositories/residentMerge';
import { readReport } from '../../renderer/src/db/repositories/reports';
import { recountSlimRows, slimKeysOf } from '../../renderer/src/db/slimRows/recount';
import { checkSlimRows } from '../../renderer/src/db/slimRows/repair';
import { applyDocs, type Incoming } from '../../renderer/src/sync/applyDocs';
import { toSyncDoc } from '../../renderer/src/sync/docs';
import { afterRandomWrites } from './support/randomWrites';
import { communityDesk, freshDb, setUpCommunity, testDesk } from './testDb';
import { generatedAdminDesk, loadedDb } from './generatedDesk';

const tableOf = (db: DutyDeskDB) => (name: string) => (db as unknown as Dexie).table(name);

/** The kept rows that differ from the rows made from the records, and the keys the indexes give (none when they agree). */
async function drift(db: DutyDeskDB): Promise<string[]> {
  const [want, keys] = await Promise.all([recountSlimRows(tableOf(db)), slimKeysOf(tableOf(db))]);
  const kept = await db.slimRows.toArray();
  const out = kept.filter((r) => JSON.stringify(want.get(r.key)) !== JSON.stringify(r)).map((r) => r.key);
  const have = new Set(kept.map((r) => r.key));
  for (const k of new Set([...want.keys(), ...keys])) if (!have.has(k)) out.push(k);
  return out;
}

/** The summaries of `period` from the slim rows and from the records. */
async function bothWays(desk: Desk, kind: PeriodKind, period: Period) {
  const r = { kind, period, previous: previousPeriod(period, kind) };
  const [slim, whole] = await Promise.all([
    readReport(desk, r, EMPTY_NOTES, 'summary'),
    readReport(desk, r, EMPTY_NOTES, 'all'),
  ]);
  return { slim: summariesOf(slim.data), whole: summariesOf(whole.data), read: slim.data.visits.length };
}

async function expectSameSummaries(desk: Desk, kind: Exclude<PeriodKind, 'custom'>, day: string) {
  const { slim, whole, read } = await bothWays(desk, kind, periodOf(kind, day));
  expect(read).toBeGreaterThan(0);
  expect(slim).toEqual(whole);
}

const docOf = (table: 'visits' | 'caseEvents', record: Visit | CaseEvent, n: number): Incoming =>
  ({
    doc: {
      ...toSyncDoc(table, record.id, record, {
        desk: 2,
        action: { id: letters(n.toString(16).padStart(32, '0')), size: 1 },
      }),
      _rev: `1-${n}`,
    },
  }) as Incoming;

describe('the summaries’ slim rows (slimRows)', { timeout: 120_000 }, () => {
  it('agree with the records on the generated desk loaded in bulk (1/100), and the summaries read them exactly', async () => {
    const data = generateDesk('tiny');
    const db = await loadedDb(data);
    expect(await db.slimRows.count()).toBe(data.visits.length + data.cases.length);
    expect(await drift(db)).toEqual([]);
    const desk = await generatedAdminDesk(db);
    await expectSameSummaries(desk, 'week', '2026-11-18');
    await expectSameSummaries(desk, 'month', '2026-10-10');
    await expectSameSummaries(desk, 'quarter', '2026-10-10');
    await expectSameSummaries(desk, 'year', '2026-06-01');

    // A merge of residents moves the merged record's visits and cases to the kept one.
    const visited = data.visits.find((v) => v.residentId && v.day >= '2026-10-01' && v.day <= '2026-10-31')!;
    const kept = (await db.residents.get(visited.residentId!))!;
    const twin = { ...kept, id: 'twin-of-kept', tags: [...kept.tags, '残疾人'] };
    await db.residents.put(twin);
    await db.visits.bulkPut(
      data.visits
        .filter((v) => v.residentId === kept.id)
        .map((v, i) => ({ ...v, id: `twin-visit-${i}`, residentId: twin.id, day: addDays(v.day, -1) })),
    );
    await db.cases.bulkPut(
      data.cases
        .filter((c) => c.residentId === kept.id)
        .map((c, i) => ({ ...c, id: `twin-case-${i}`, trackingNumber: `${c.trackingNumber}9`, residentId: twin.id })),
    );
    expect(await drift(db)).toEqual([]);
    await mergeResidents(desk, { keptId: kept.id, mergedId: twin.id, choices: {} });
    expect(await db.visits.where('residentId').equals(twin.id).count()).toBe(0);
    expect(await drift(db)).toEqual([]);
    await expectSameSummaries(desk, 'month', visited.day);
    await expectSameSummaries(desk, 'year', visited.day);

    // A restore rebuilds them from the restored records; the backup's rows never come back.
    const backup = await readSnapshot(db);
    backup.slimRows = [{ key: slimVisitKey({ day: '1999-01-01', id: 'ghost' }), visit: { ...visited, id: 'ghost' } }];
    await db.visits.delete(visited.id);
    await replaceAll(db, backup);
    expect(await db.slimRows.get(slimVisitKey({ day: '1999-01-01', id: 'ghost' }))).toBeUndefined();
    expect(await db.slimRows.get(slimVisitKey(visited))).toBeDefined();
    expect(await drift(db)).toEqual([]);
    await expectSameSummaries(desk, 'month', visited.day);
    db.close();
  });

  it('move with documents applied by the inbound sync (cases refolded from their events), and with those changed', async () => {
    const data = generateDesk('tiny');
    const db = freshDb();
    const desk = testDesk(db, { identity: { no: 2, name: '二号窗口' }, now: NOW, today: '2026-11-24' });
    let n = 0;
    const items = [
      ...data.visits.map((v) => docOf('visits', v, n++)),
      ...data.caseEvents.map((e) => docOf('caseEvents', e, n++)),
    ];
    const half = Math.floor(items.length / 2);
    await applyDocs(desk, items.slice(0, half), { checkpoint: half });
    expect(await drift(db)).toEqual([]);
    await applyDocs(desk, items.slice(half), { checkpoint: items.length });
    const cases = await db.cases.count();
    expect(cases).toBeGreaterThan(100);
    expect(await db.slimRows.count()).toBe(data.visits.length + cases);
    expect(await drift(db)).toEqual([]);
    // Another desk's later edit of a visit: its day moved (its row moves with it), its channel changed.
    const v = data.visits.find((x) => x.day >= '2026-10-05' && x.channel !== '走访')!;
    const later = {
      doc: { ...docOf('visits', { ...v, day: addDays(v.day, -3), channel: '走访' }, n++).doc, _rev: '2-later' },
    } as Incoming;
    await applyDocs(desk, [later], { checkpoint: n });
    expect(await drift(db)).toEqual([]);
    expect(await db.slimRows.get(slimVisitKey(v))).toBeUndefined();
    await expectSameSummaries(desk, 'month', v.day);
    db.close();
  });

  it('stay equal to the records after random writes of visits and cases, and so do the summaries (property)', async () => {
    const data = generateDesk('tiny');
    const visit0 = data.visits.find((v) => v.residentId && v.caseIds.length > 0)!;
    const case0 = data.cases.find((c) => c.mode === '承诺件' && c.deadline)!;
    const START = '2026-09-20';
    const STATUSES = ['办理中', '已办结', '待补正', '不予受理'] as const;
    // Four visits and five cases under fixed ids, so writes replace each other; their days in and around October.
    const visit = (n: number, day: number, channel: number): Visit => ({
      ...visit0,
      id: `v${n}`,
      day: addDays(START, day),
      channel: (['来站', '来电', '走访'] as const)[channel % 3]!,
      caseIds: [`c${n}`],
    });
    const aCase = (n: number, day: number, status: number, done: number): CaseRecord => {
      const acceptedDay = addDays(START, day);
      const s = STATUSES[status % 4]!;
      return {
        ...case0,
        id: `c${n}`,
        trackingNumber: `YLQ-20261001-02000${n}`,
        acceptedDay,
        deadline: addDays(acceptedDay, 5),
        status: s,
        ...(s === '已办结' ? { completedDay: addDays(acceptedDay, done) } : { completedDay: undefined }),
        ...(done % 3 === 0
          ? { rating: '满意' as const, ratedAt: Date.parse(`${acceptedDay}T10:00:00+08:00`) + done * 86_400_000 }
          : {}),
        escalations:
          done % 4 === 1
            ? [{ ...(case0.escalations?.[0] ?? {}), raisedDay: acceptedDay, stage: '待报到' } as never]
            : [],
      } as CaseRecord;
    };
    const small = (max: number) => fc.integer({ min: 0, max });
    const aVisit = fc.tuple(small(3), small(60), small(2)).map(([n, d, ch]) => visit(n, d, ch));
    const aCaseRow = fc.tuple(small(4), small(60), small(3), small(9)).map(([n, d, s, x]) => aCase(n, d, s, x));
    const rows = (t: 'visits' | 'cases') => (t === 'visits' ? aVisit : aCaseRow) as fc.Arbitrary<object>;
    const table = fc.constantFrom('visits' as const, 'cases' as const);
    const op = fc.oneof(
      table.chain((t) => rows(t).map((row) => ({ t, kind: 'put' as const, rows: [row] }))),
      table.chain((t) => rows(t).map((row) => ({ t, kind: 'add' as const, rows: [row] }))),
      table.chain((t) => fc.array(rows(t), { maxLength: 4 }).map((r) => ({ t, kind: 'bulkPut' as const, rows: r }))),
      table.chain((t) => fc.array(rows(t), { maxLength: 3 }).map((r) => ({ t, kind: 'parallel' as const, rows: r }))),
      table.chain((t) => rows(t).map((row) => ({ t, kind: 'aborted' as const, rows: [row] }))),
      fc
        .tuple(table, small(4))
        .map(([t, n]) => ({ t, kind: 'delete' as const, id: `${t === 'visits' ? 'v' : 'c'}${n}` })),
      fc
        .tuple(table, small(4))
        .map(([t, n]) => ({ t, kind: 'deleteBelow' as const, id: `${t === 'visits' ? 'v' : 'c'}${n}` })),
      table.map((t) => ({ t, kind: 'clear' as const })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) =>
        afterRandomWrites(ops, async (db) => {
          expect(await drift(db)).toEqual([]);
          const desk = testDesk(db, { today: '2026-11-24' });
          const { slim, whole } = await bothWays(desk, 'month', periodOf('month', '2026-10-10'));
          expect(slim).toEqual(whole);
        }),
      ),
      { numRuns: 40, seed: 39 },
    );
  });

  it('disagreeing with the records is repaired once and logged without personal data', async () => {
    const data = generateDesk('tiny');
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const desk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员' });
    const [a, b] = data.visits.filter((v) => v.residentId);
    await db.visits.bulkPut([a!, b!]);
    expect(await checkSlimRows(desk)).toEqual({ rows: 2, repaired: 0 });
    const logged = await db.auditLog.count();
    // A row lost and a row of no record.
    await db.slimRows.delete(slimVisitKey(a!));
    await db.slimRows.put({ key: slimVisitKey({ day: '2026-01-01', id: 'ghost' }), visit: { ...a!, id: 'ghost' } });
    expect(await drift(db)).toHaveLength(2);

    expect(await checkSlimRows(desk)).toEqual({ rows: 2, repaired: 2 });
    expect(await drift(db)).toEqual([]);
    expect(await db.auditLog.count()).toBe(logged + 1);
    const row = (await db.auditLog.where('seq').above(0).reverse().first())!;
    expect(row).toMatchObject({ action: 'tallies.slimRepair', entity: 'desk' });
    expect(row.detail).not.toContain(a!.id);
    expect(row.detail).not.toContain(a!.residentId!);
    expect(row.detail).not.toContain('2026-');
    // Checked again: nothing to repair, nothing logged.
    expect(await checkSlimRows(desk)).toEqual({ rows: 2, repaired: 0 });
    expect(await db.auditLog.count()).toBe(logged + 1);
    db.close();
  });
});

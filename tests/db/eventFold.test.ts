/**
 * The stored record is the fold of its events (issue 23): for every case, proxy request and
 * document in custody of the generated 1/10 desk, and of the real-shaped old desk
 * (fixtures/v2-snapshot.json) after its upgrades — and after new actions through the doors on
 * it — folding the record's events (shared/domain/events) gives the record as stored, stamps and
 * derived index fields aside. Documents stored before v15 get their opening event at the upgrade.
 */
import { describe, expect, it } from 'vitest';
import { foldCase, UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import { applyPatch } from '@shared/domain/events/patch';
import type { CustodyItem } from '@shared/domain/records';
import { generateDesk } from '../../bench/data/generate';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { loadCalendar } from '../../renderer/src/db/repositories/calendar';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { caseEvents } from '../../renderer/src/db/repositories/caseTimeline';
import { getCommunity } from '../../renderer/src/db/repositories/community';
import { recordCustody, recordCustodyMany } from '../../renderer/src/db/repositories/custody';
import { reassignResidentRecords } from '../../renderer/src/db/repositories/residentHistory';
import { writeTx } from '../../renderer/src/db/write';
import { custodyOpeningId } from '../../renderer/src/db/upgrades/v15-custody-events';
import { openShipped } from './shippedSchemas';
import snapshot from './fixtures/v2-snapshot.json';
import { T0, testDesk } from './testDb';
import { unfoldedCases, unfoldedItems, unfoldedRequests } from './support/folds';

/** The real-shaped old desk (v2), opened by this build: upgraded to the newest version. */
async function upgradedFixture(): Promise<DutyDeskDB> {
  const name = `fold-${Math.random()}`;
  const raw = openShipped(name, 2);
  await raw.open();
  const tables = snapshot.tables as Record<string, unknown[]>;
  await raw.transaction('rw', raw.tables, async () => {
    for (const t of raw.tables) await t.bulkAdd(tables[t.name] ?? []);
  });
  raw.close();
  const db = new DutyDeskDB(name);
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  return db;
}

describe('the stored record is the fold of its events', { timeout: 60_000 }, () => {
  it('for every case, proxy request and document in custody of the generated 1/10 desk', () => {
    const data = generateDesk('tenth');
    expect(data.cases.length).toBeGreaterThan(2700);
    expect(data.proxyTasks.length).toBeGreaterThan(50);
    expect(unfoldedCases(data.cases, data.caseEvents)).toEqual([]);
    expect(unfoldedRequests(data.proxyTasks, data.proxyEvents)).toEqual([]);
    expect(data.custodyItems.length).toBeGreaterThan(50);
    expect(data.custodyItems.some((i) => i.events.length > 2)).toBe(true);
    expect(unfoldedItems(data.custodyItems, data.custodyEvents)).toEqual([]);
    // The events carry what was decided, not only the action's name: every later case event
    // of the machine has its input and decision.
    const actions = data.caseEvents.filter((e) => e.input);
    expect(actions.length).toBeGreaterThan(data.cases.length);
    expect(actions.every((e) => e.decided && e.clock && e.desk === 1)).toBe(true);
  });

  it('for every case and request of the real-shaped old desk after the upgrade, and after new actions', async () => {
    const db = await upgradedFixture();

    const cases = await db.cases.toArray();
    expect(cases.length).toBeGreaterThan(20);
    // One opening event per record, carrying its state at the upgrade.
    const events = await db.caseEvents.toArray();
    expect(events.filter((e) => e.action === UPGRADE_OPENING)).toHaveLength(cases.length);
    expect(unfoldedCases(cases, events)).toEqual([]);
    expect(unfoldedRequests(await db.proxyTasks.toArray(), await db.proxyEvents.toArray())).toEqual([]);
    // Every old event has its clock, in the order it had; the desk's last stamp is past them all.
    expect(events.every((e) => e.clock)).toBe(true);
    const last = (await db.counters.get('eventClock'))?.clock ?? '';
    expect(events.every((e) => e.clock! <= last)).toBe(true);

    // New actions through the doors: the fold follows, the timeline shows them, not the opening.
    const open = cases.find((c) => c.status === '已受理')!;
    const staff = await db.staff.get(open.handlerId);
    await db.staff.update(staff!.id, { pledgeAcceptedAt: T0 });
    const base = testDesk(db, { staffId: staff!.id, role: staff!.role });
    const desk = { ...base, community: (await getCommunity(base))!, calendar: await loadCalendar(base) };
    await performCaseAction(desk, open.id, { type: '开始办理' });
    await performCaseAction(desk, open.id, { type: '要求补正', missing: ['户口簿'] });
    const after = (await db.cases.get(open.id))!;
    expect(after.status).toBe('待补正');
    expect(unfoldedCases([after], await db.caseEvents.where('caseId').equals(open.id).toArray())).toEqual([]);
    const shown = (await caseEvents(desk, open.id)).map((e) => e.action);
    expect(shown.slice(-2)).toEqual(['开始办理', '要求补正']);
    expect(shown).not.toContain(UPGRADE_OPENING);
    const newest = (await caseEvents(desk, open.id)).at(-1)!;
    expect(newest.clock! > last).toBe(true);
    expect(newest.input).toEqual({ type: '要求补正', missing: ['户口簿'] });
    db.close();
  });

  it('for documents in custody on the upgraded old desk: collected, handed over, moved to another resident', async () => {
    const db = await upgradedFixture();
    const proxyCase = (await db.cases.toArray()).find((c) => c.mode === '帮代办' && c.status === '待补正')!;
    const staff = await db.staff.get(proxyCase.handlerId);
    await db.staff.update(staff!.id, { pledgeAcceptedAt: T0 });
    const base = testDesk(db, { staffId: staff!.id, role: staff!.role });
    const desk = { ...base, community: (await getCommunity(base))!, calendar: await loadCalendar(base) };
    const doc = proxyCase.documentsMissing?.[0] ?? '户口簿';
    const a = await recordCustody(desk, proxyCase.id, { document: doc, original: true, count: 1 }, { type: '收取' });
    const b = await recordCustody(
      desk,
      proxyCase.id,
      { document: '照片', original: false, count: 2 },
      { type: '收取' },
    );
    await recordCustodyMany(desk, proxyCase.id, [a.id, b.id], { type: '移交', to: { kind: 'cabinet' } });
    const other = (await db.residents.toArray()).find((r) => r.id !== proxyCase.residentId)!;
    await writeTx(
      desk,
      ['cases', 'caseEvents', 'custodyItems', 'custodyEvents', 'proxyTasks', 'proxyEvents', 'counters'],
      (tx) => reassignResidentRecords(desk, tx, proxyCase.residentId!, other.id),
    );

    const items = await db.custodyItems.where('caseId').equals(proxyCase.id).toArray();
    expect(items.map((i) => [i.residentId, i.status, i.holder.kind])).toEqual([
      [other.id, '在外', 'cabinet'],
      [other.id, '在外', 'cabinet'],
    ]);
    const events = await db.custodyEvents.toArray();
    expect(unfoldedItems(items, events)).toEqual([]);
    // Each item: its opening 收取 (the whole item), then one event per action with its input.
    const ofA = events.filter((e) => e.itemId === a.id).sort((x, y) => (x.clock < y.clock ? -1 : 1));
    expect(ofA.map((e) => e.action)).toEqual(['收取', '移交', '改挂居民']);
    expect(ofA[0]!.base).toBeDefined();
    expect(ofA[1]!.input).toEqual({ type: '移交', to: { kind: 'cabinet' } });
    expect(ofA[2]!.decided).toEqual({ set: { residentId: other.id } });
    expect(ofA.every((e) => e.desk === 1 && e.by === staff!.id)).toBe(true);
    // The case moved through its door too: its fold still holds.
    const moved = (await db.cases.get(proxyCase.id))!;
    expect(unfoldedCases([moved], await db.caseEvents.where('caseId').equals(proxyCase.id).toArray())).toEqual([]);
    db.close();
  });

  it('gives every document stored before v15 one opening event at the upgrade, past the desk’s last clock stamp', async () => {
    const name = `fold-v15-${Math.random()}`;
    const v10 = openShipped(name, 10);
    const item: CustodyItem = {
      id: 'item-1',
      caseId: 'case-1',
      residentId: 'r-1',
      document: '户口簿',
      original: true,
      count: 1,
      holder: { kind: 'cabinet' },
      status: '在外',
      collectedAt: T0,
      events: [
        { n: 1, type: '收取', from: { kind: 'resident' }, to: { kind: 'staff', staffId: 's1' }, at: T0, by: 's1' },
        {
          n: 2,
          type: '移交',
          from: { kind: 'staff', staffId: 's1' },
          to: { kind: 'cabinet' },
          at: T0 + 60_000,
          by: 's1',
        },
      ],
      createdAt: T0,
      createdBy: 's1',
      updatedAt: T0 + 60_000,
      updatedBy: 's1',
    };
    await v10.table('custodyItems').add({ ...item, holderKey: 'cabinet' });
    v10.close();
    const db = new DutyDeskDB(name);
    await db.open();
    const events = await db.custodyEvents.toArray();
    expect(events.map((e) => [e.id, e.itemId, e.action, e.desk, e.by])).toEqual([
      [custodyOpeningId('item-1'), 'item-1', UPGRADE_OPENING, 1, 's1'],
    ]);
    expect(unfoldedItems(await db.custodyItems.toArray(), events)).toEqual([]);
    expect((await db.counters.get('eventClock'))!.clock! >= events[0]!.clock).toBe(true);
    db.close();
  });

  it('applies the recorded decisions, never the rules: a decision recorded differently is what the fold gives', () => {
    const data = generateDesk('tiny');
    const c = data.cases.find((x) => x.deadline && x.status !== '已受理')!;
    const events = data.caseEvents.filter((e) => e.caseId === c.id);
    const decided = events.filter((e) => e.decided?.set.deadline);
    expect(decided.length + (events[0]?.base?.deadline ? 1 : 0)).toBeGreaterThan(0);
    // A past decision under another calendar (a holiday entered later): the fold keeps it.
    const changed = events.map((e) => (e.base ? { ...e, base: { ...e.base, deadline: '2099-01-01' } } : e));
    const folded = foldCase(changed)!;
    const expected = events
      .slice(1)
      .reduce((r, e) => applyPatch(r, e.decided), { ...events[0]!.base!, deadline: '2099-01-01' });
    expect(folded).toEqual(expected);
  });
});

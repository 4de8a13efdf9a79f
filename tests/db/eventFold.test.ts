/**
 * The stored record is the fold of its events (issue 23): for every case and proxy request of
 * the generated 1/10 desk, and of the real-shaped old desk (fixtures/v2-snapshot.json) after
 * its upgrades to v13 — and after new actions through the doors on it — folding the record's
 * events (shared/domain/events) gives the record as stored, stamps and derived index fields aside.
 */
import { describe, expect, it } from 'vitest';
import { caseCoreOf, foldCase, UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import { foldProxy, proxyCoreOf } from '@shared/domain/events/proxyEvents';
import { applyPatch } from '@shared/domain/events/patch';
import type { CaseEvent, CaseRecord, ProxyEvent, ProxyTask } from '@shared/domain/records';
import { generateDesk } from '../../bench/data/generate';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { loadCalendar } from '../../renderer/src/db/repositories/calendar';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { caseEvents } from '../../renderer/src/db/repositories/caseTimeline';
import { getCommunity } from '../../renderer/src/db/repositories/community';
import { openShipped } from './shippedSchemas';
import snapshot from './fixtures/v2-snapshot.json';
import { T0, testDesk } from './testDb';

function byKey<E, K extends keyof E>(events: readonly E[], key: K): Map<E[K], E[]> {
  const out = new Map<E[K], E[]>();
  for (const e of events) out.set(e[key], [...(out.get(e[key]) ?? []), e]);
  return out;
}

/** The ids of the cases whose fold differs from the stored record. */
function unfoldedCases(cases: readonly CaseRecord[], events: readonly CaseEvent[]): string[] {
  const of = byKey(events, 'caseId');
  return cases
    .filter((c) => JSON.stringify(sorted(foldCase(of.get(c.id) ?? []))) !== JSON.stringify(sorted(caseCoreOf(c))))
    .map((c) => c.id);
}

function unfoldedRequests(tasks: readonly ProxyTask[], events: readonly ProxyEvent[]): string[] {
  const of = byKey(events, 'taskId');
  return tasks
    .filter((t) => JSON.stringify(sorted(foldProxy(of.get(t.id) ?? []))) !== JSON.stringify(sorted(proxyCoreOf(t))))
    .map((t) => t.id);
}

/** Plain data with its object keys in one order (so two equal records print the same). */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, sorted(x)]),
    );
  return v;
}

describe('the stored record is the fold of its events', { timeout: 60_000 }, () => {
  it('for every case and proxy request of the generated 1/10 desk', () => {
    const data = generateDesk('tenth');
    expect(data.cases.length).toBeGreaterThan(2700);
    expect(data.proxyTasks.length).toBeGreaterThan(50);
    expect(unfoldedCases(data.cases, data.caseEvents)).toEqual([]);
    expect(unfoldedRequests(data.proxyTasks, data.proxyEvents)).toEqual([]);
    // The events carry what was decided, not only the action's name: every later case event
    // of the machine has its input and decision.
    const actions = data.caseEvents.filter((e) => e.input);
    expect(actions.length).toBeGreaterThan(data.cases.length);
    expect(actions.every((e) => e.decided && e.clock && e.desk === 1)).toBe(true);
  });

  it('for every case and request of the real-shaped old desk after the upgrade, and after new actions', async () => {
    const name = `fold-${Date.now()}`;
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

/**
 * "The stored record is the fold of its events" (issue 23), as tests check it: the ids of the
 * cases, proxy requests and documents in custody whose fold (shared/domain/events) differs from
 * the record as stored, stamps and derived index fields aside (the machines' core of a record).
 */
import { caseCoreOf, foldCase } from '@shared/domain/events/caseEvents';
import { foldProxy, proxyCoreOf } from '@shared/domain/events/proxyEvents';
import { custodyCoreOf, foldCustody } from '@shared/domain/events/custodyEvents';
import type {
  CaseEvent,
  CaseRecord,
  CustodyItem,
  CustodyItemEvent,
  ProxyEvent,
  ProxyTask,
} from '@shared/domain/records';

function byKey<E, K extends keyof E>(events: readonly E[], key: K): Map<E[K], E[]> {
  const out = new Map<E[K], E[]>();
  for (const e of events) out.set(e[key], [...(out.get(e[key]) ?? []), e]);
  return out;
}

/** Plain data with its object keys in one order (so two equal records print the same). */
export function sorted(v: unknown): unknown {
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

const same = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** The ids of the cases whose fold differs from the stored record. */
export function unfoldedCases(cases: readonly CaseRecord[], events: readonly CaseEvent[]): string[] {
  const of = byKey(events, 'caseId');
  return cases.filter((c) => !same(foldCase(of.get(c.id) ?? []), caseCoreOf(c))).map((c) => c.id);
}

export function unfoldedRequests(tasks: readonly ProxyTask[], events: readonly ProxyEvent[]): string[] {
  const of = byKey(events, 'taskId');
  return tasks.filter((t) => !same(foldProxy(of.get(t.id) ?? []), proxyCoreOf(t))).map((t) => t.id);
}

export function unfoldedItems(items: readonly CustodyItem[], events: readonly CustodyItemEvent[]): string[] {
  const of = byKey(events, 'itemId');
  return items.filter((i) => !same(foldCustody(of.get(i.id) ?? []), custodyCoreOf(i))).map((i) => i.id);
}

/** Two test desks that know events and exchange them now and then, as replication will. */
import { observed } from '@shared/domain/events/clock';

export type KnowingDesk<E> = { no: number; skew: number; last?: string; known: E[] };

/** Each desk receives the other's events and observes their clocks. */
export function exchange<E extends { id: string; clock?: string }>(a: KnowingDesk<E>, b: KnowingDesk<E>): void {
  const idsA = new Set(a.known.map((e) => e.id));
  const idsB = new Set(b.known.map((e) => e.id));
  const toA = b.known.filter((e) => !idsA.has(e.id));
  const toB = a.known.filter((e) => !idsB.has(e.id));
  a.known.push(...toA);
  b.known.push(...toB);
  for (const e of toA) a.last = observed(a.last, e.clock!);
  for (const e of toB) b.last = observed(b.last, e.clock!);
}

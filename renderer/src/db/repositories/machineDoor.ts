/**
 * What every machine's door shares (changeCase.ts, changeProxy.ts, changeCustody.ts, and any
 * later one): a record written, then its event — stamped here with a new id, the transaction's
 * time and actor, the desk's next clock stamp and its desk number — then the door's own steps
 * (the case's timeline, the audit row), resolving to the record as stored. The door itself calls
 * `tx.<table>.put/add` and decides the event's body: this module never writes a record, so the
 * one-door architecture test still finds every record write in its door; only the doors (and the
 * case timeline) import it (tests/unit/architecture/oneDoor.test.ts).
 *
 * Dexie promise chains, not async functions: they keep the transaction at any depth (see
 * architecture.md "Transactions and nested async helpers").
 */
import { Dexie } from 'dexie';
import { nextClock } from '@shared/domain/events/clock';
import { deskNumberOf, type Desk, type DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import type { Unstamped, WriteTable, WriteTx } from '../write';

import { EVENT_CLOCK_KEY } from '../eventClockKey';

/**
 * This desk's next event clock stamp, kept in the same transaction. A Dexie promise chain (not
 * an async function), so callers may await it at any depth without losing the transaction.
 */
export function tickEventClock(desk: DeskBase, tx: WriteTx<'counters'>): Promise<string> {
  return tx.counters.get(EVENT_CLOCK_KEY).then((last) => {
    const clock = nextClock(last?.clock, tx.now, deskNumberOf(desk));
    return tx.counters.put({ key: EVENT_CLOCK_KEY, value: tx.now, clock }).then(() => clock);
  });
}

/** What the stamp of a machine event is (set here, never by the door). */
type EventStamp = 'id' | 'at' | 'by' | 'clock' | 'desk';

/** An event as a door hands it over: everything but its stamp. */
export type EventBody<E> = Omit<E, EventStamp>;

/** Appends an event: a new id, the next clock stamp, by the transaction's actor at its time. */
export function appendEvent<E>(
  desk: Desk,
  tx: WriteTx<'counters'>,
  events: WriteTable<E, string>,
  body: EventBody<E>,
): Promise<E> {
  return tickEventClock(desk, tx).then((clock) =>
    events.add({
      ...body,
      id: desk.newId(),
      at: tx.now,
      by: desk.actor.id,
      clock,
      desk: deskNumberOf(desk),
    } as unknown as Unstamped<E>),
  );
}

/**
 * The door's skeleton: `written` (the door's own `tx.<table>.add/put`), then the event made from
 * the stored record, then the door's further steps in order (each may skip: undefined); resolves
 * to the record as stored.
 */
export function withEvent<R, E>(
  desk: Desk,
  tx: WriteTx<'counters'>,
  written: Promise<R>,
  events: WriteTable<E, string>,
  eventOf: (stored: R) => EventBody<E>,
  ...steps: ((stored: R, event: E) => Promise<unknown> | undefined)[]
): Promise<R> {
  return written.then((stored) =>
    appendEvent(desk, tx, events, eventOf(stored))
      .then((event) =>
        steps.reduce<Promise<unknown>>((chain, step) => chain.then(() => step(stored, event)), Dexie.Promise.resolve()),
      )
      .then(() => stored),
  );
}

/** A door's refusal as a rejected Dexie promise (the chain stays in the transaction). */
export const refusedBy = <T = never>(reason: string, field?: string): Promise<T> =>
  Dexie.Promise.reject(new DomainRefusal(reason, field));

/**
 * v12 → v13 (works alone on a v10 database): case and proxy histories become replayable events.
 * - every case event stored before gets a clock stamp (shared/domain/events/clock.ts): per case,
 *   in its stored order (`n`, then time), desk 1 (before v13 every PC numbered as desk 1);
 * - every case and every proxy request gets ONE opening event (升级基线) carrying its state now;
 *   its fold starts there (older events stay as history: they carry no decisions). Its id is
 *   derived from the record's (`v13-open-<id>`), so two desks holding the same old record make
 *   the same event, not two;
 * - the desk's last clock stamp (desk-local, counters `eventClock`) is the newest one given.
 */
import type { Transaction } from 'dexie';
import { nextClock } from '@shared/domain/events/clock';
import { caseCoreOf, UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import { proxyCoreOf } from '@shared/domain/events/proxyEvents';
import type { CaseEvent, CaseRecord, Counter, ProxyEvent, ProxyTask } from '@shared/domain/records';

const OLD_DESK = 1;

export const openingEventId = (recordId: string): string => `v13-open-${recordId}`;

export async function upgradeV13ReplayableEvents(tx: Transaction): Promise<void> {
  const events = tx.table<CaseEvent, string>('caseEvents');
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of await events.toArray()) {
    if (e.clock) continue;
    const list = byCase.get(e.caseId) ?? [];
    list.push(e);
    byCase.set(e.caseId, list);
  }
  let newest: string | undefined;
  const stamped: CaseEvent[] = [];
  const lastOfCase = new Map<string, string>();
  for (const [caseId, list] of byCase) {
    list.sort((a, b) => (a.n ?? 0) - (b.n ?? 0) || a.at - b.at);
    let last: string | undefined;
    for (const e of list) {
      last = nextClock(last, e.at, OLD_DESK);
      stamped.push({ ...e, clock: last, desk: OLD_DESK });
    }
    if (last) lastOfCase.set(caseId, last);
  }
  await events.bulkPut(stamped);

  const openings: CaseEvent[] = [];
  await tx
    .table<CaseRecord, string>('cases')
    .toCollection()
    .each((c) => {
      const clock = nextClock(lastOfCase.get(c.id), c.updatedAt, OLD_DESK);
      if (!newest || clock > newest) newest = clock;
      openings.push({
        id: openingEventId(c.id),
        caseId: c.id,
        at: c.updatedAt,
        by: c.updatedBy,
        action: UPGRADE_OPENING,
        to: c.status,
        clock,
        desk: OLD_DESK,
        base: caseCoreOf(c),
      });
    });
  await events.bulkPut(openings);

  const proxyOpenings: ProxyEvent[] = [];
  await tx
    .table<ProxyTask, string>('proxyTasks')
    .toCollection()
    .each((t) => {
      const clock = nextClock(undefined, t.updatedAt, OLD_DESK);
      if (!newest || clock > newest) newest = clock;
      proxyOpenings.push({
        id: openingEventId(t.id),
        taskId: t.id,
        at: t.updatedAt,
        by: t.updatedBy,
        action: UPGRADE_OPENING,
        to: t.status,
        clock,
        desk: OLD_DESK,
        base: proxyCoreOf(t),
      });
    });
  await tx.table<ProxyEvent, string>('proxyEvents').bulkPut(proxyOpenings);

  for (const e of stamped) if (!newest || e.clock! > newest) newest = e.clock;
  if (newest) await tx.table<Counter, string>('counters').put({ key: 'eventClock', value: 0, clock: newest });
}

/**
 * v14 → v15: documents in custody (材料交接) get replayable events like cases and proxy requests
 * (v13). Every item stored before gets ONE opening event (升级基线) carrying its state now (its
 * own `events` list of moves included); its fold starts there. As in v13 the event's id is
 * derived from the item's (`v15-open-<id>`) and its clock from the item's last change on desk 1,
 * so two desks holding the same old item make the same event, not two. The desk's last clock
 * stamp (desk-local, counters `eventClock`) moves past the newest one given, never back.
 */
import type { Transaction } from 'dexie';
import { compareClocks, nextClock } from '@shared/domain/events/clock';
import { UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import { custodyCoreOf } from '@shared/domain/events/custodyEvents';
import type { Counter, CustodyItem, CustodyItemEvent } from '@shared/domain/records';

const OLD_DESK = 1;
const EVENT_CLOCK_KEY = 'eventClock';

export const custodyOpeningId = (itemId: string): string => `v15-open-${itemId}`;

export async function upgradeV15CustodyEvents(tx: Transaction): Promise<void> {
  const openings: CustodyItemEvent[] = [];
  let newest: string | undefined;
  await tx
    .table<CustodyItem, string>('custodyItems')
    .toCollection()
    .each((item) => {
      const clock = nextClock(undefined, item.updatedAt, OLD_DESK);
      if (!newest || compareClocks(clock, newest) > 0) newest = clock;
      openings.push({
        id: custodyOpeningId(item.id),
        itemId: item.id,
        caseId: item.caseId,
        at: item.updatedAt,
        by: item.updatedBy,
        action: UPGRADE_OPENING,
        clock,
        desk: OLD_DESK,
        base: custodyCoreOf(item),
      });
    });
  await tx.table<CustodyItemEvent, string>('custodyEvents').bulkPut(openings);
  if (!newest) return;
  const counters = tx.table<Counter, string>('counters');
  const last = await counters.get(EVENT_CLOCK_KEY);
  if (!last?.clock || compareClocks(newest, last.clock) > 0)
    await counters.put({ key: EVENT_CLOCK_KEY, value: last?.value ?? 0, clock: newest });
}

/**
 * A document in custody (材料交接) as the fold of its events (records/events.ts
 * `CustodyItemEvent`): the opening event (收取, or the v15 upgrade's 升级基线) carries the item,
 * every later event what the custody rules decided. The fold never consults the rules again.
 */
import type { CustodyItem, CustodyItemEvent } from '../records';
import { diffRecord, foldRecord, withoutFields } from './patch';

/** Stamps and the derived index field `holderKey`: not decided by an event. */
const NOT_DECIDED = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'holderKey'] as const;

/** What the events of an item decide: the item without its stamps and derived `holderKey`. */
export const custodyCoreOf = (item: CustodyItem): Record<string, unknown> => withoutFields(item, NOT_DECIDED);

export const custodyDecision = (before: CustodyItem, after: CustodyItem) =>
  diffRecord(custodyCoreOf(before), custodyCoreOf(after));

export function foldCustody(events: readonly CustodyItemEvent[]): Record<string, unknown> | undefined {
  return foldRecord(events);
}

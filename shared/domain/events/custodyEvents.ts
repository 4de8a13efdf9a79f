/**
 * A document in custody (材料交接) as the fold of its events (records/events.ts
 * `CustodyItemEvent`): the opening event (收取, or the v15 upgrade's 升级基线) carries the item,
 * every later event what the custody rules decided. The fold never consults the rules again;
 * `custodyConflictsOf` does, only to list the events the merged history refuses (issue 24: one
 * desk 移交s a document while the other 归还s it offline).
 */
import { CUSTODY_RULES } from '../custody';
import { CUSTODY_ACTION_TYPES, type CustodyActionType, type CustodyItem, type CustodyItemEvent } from '../records';
import { diffRecord, foldRecord, withoutFields } from './patch';
import { refusedEvents, type RefusedEvent } from './refused';

/** Stamps, the derived index fields and the unhandled 同步冲突 (kept by the sync refold): not decided by an event. */
const NOT_DECIDED = [
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'holderKey',
  'syncConflicts',
  'syncConflictAt',
] as const;

/** What the events of an item decide: the item without its stamps, derived fields and 同步冲突. */
export const custodyCoreOf = (item: CustodyItem): Record<string, unknown> => withoutFields(item, NOT_DECIDED);

export const custodyDecision = (before: CustodyItem, after: CustodyItem) =>
  diffRecord(custodyCoreOf(before), custodyCoreOf(after));

export function foldCustody(events: readonly CustodyItemEvent[]): Record<string, unknown> | undefined {
  return foldRecord(events);
}

/**
 * Events whose action the custody rules refuse, as their author, on the history before them
 * (only the holder hands over or returns; a settled item moves no more). The fold keeps them.
 */
export function custodyConflictsOf(events: readonly CustodyItemEvent[]): RefusedEvent[] {
  return refusedEvents<CustodyItem, CustodyItemEvent>(events, (item, type, e) =>
    (CUSTODY_ACTION_TYPES as readonly string[]).includes(type)
      ? CUSTODY_RULES[type as CustodyActionType].refuse(item, e.by)
      : null,
  );
}

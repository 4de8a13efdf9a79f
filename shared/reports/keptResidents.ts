/**
 * A person merged away (合并居民档案) counts once in a report: the visits and cases that still name
 * the merged-away id (arrived from another desk after the merge) are counted under the kept
 * record, and the kept record is listed once. `liveOf` maps each id the records name to the live
 * resident holding it now (db `residentsByIds`); deleted ids are absent and stay as they are.
 */
import type { Resident } from '../domain/records';

export function pointToKept<T extends { residentId?: string }>(
  rows: readonly T[],
  liveOf: ReadonlyMap<string, Pick<Resident, 'id'>>,
): T[] {
  return rows.map((r) => {
    const kept = r.residentId ? liveOf.get(r.residentId) : undefined;
    return kept && kept.id !== r.residentId ? { ...r, residentId: kept.id } : r;
  });
}

/** The live residents, each once (two ids of one person give one record). */
export function distinctResidents<R extends Pick<Resident, 'id'>>(liveOf: ReadonlyMap<string, R>): R[] {
  return [...new Map([...liveOf.values()].map((r) => [r.id, r])).values()];
}

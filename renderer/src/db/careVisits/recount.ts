/**
 * Every 重点服务对象's last current 走访 worked out again from the indexes (`careKeys` of
 * residents; `[residentId+day]` and `corrects` of homeVisits) and keyed for the register tags of
 * the stored community profile: index keys only, no record is loaded but the profile. Its cost
 * grows with the data, so it never runs on the way to a screen: the v34 upgrade fills
 * `careLastVisits` with it once (v38 again, re-keyed), and the check after sign-in (repair.ts)
 * compares the kept rows with it in the background.
 */
import {
  careVisitRowOf,
  lastCurrentDay,
  residentIdOfCareKey,
  type CareVisitRow,
} from '@shared/domain/homeVisits/unvisited';
import { registerTagsOf } from '@shared/domain/proxy';
import type { CommunityProfile } from '@shared/domain/records';
import type { TableOf } from '../tallies/recount';

/** The rows `careLastVisits` should hold, by resident id. */
export async function recountCareVisits(table: TableOf): Promise<Map<string, CareVisitRow>> {
  const entries = table('homeVisits').orderBy('[residentId+day]');
  const [careKeys, residentDays, entryIds, corrects, community] = await Promise.all([
    table('residents').orderBy('careKeys').keys(),
    entries.keys(),
    entries.primaryKeys(),
    table('homeVisits').orderBy('corrects').keys(),
    table('meta').get('community') as Promise<{ value?: CommunityProfile } | undefined>,
  ]);
  const register = registerTagsOf(community?.value);
  const corrected = new Set(corrects.map(String));
  const byResident = new Map<string, { id: string; day: string }[]>();
  residentDays.forEach((key, i) => {
    const [residentId, day] = key as unknown as [string, string];
    const list = byResident.get(residentId) ?? [];
    list.push({ id: String(entryIds[i]), day });
    byResident.set(residentId, list);
  });
  const keysOf = new Map<string, string[]>();
  for (const k of careKeys.map(String)) {
    const id = residentIdOfCareKey(k);
    keysOf.set(id, [...(keysOf.get(id) ?? []), k]);
  }
  const out = new Map<string, CareVisitRow>();
  for (const [id, keys] of keysOf) {
    const row = careVisitRowOf(
      keys,
      lastCurrentDay(byResident.get(id) ?? [], (e) => corrected.has(e)),
      register,
    );
    if (row) out.set(id, row);
  }
  return out;
}

/** `careLastVisits` emptied and filled from a recount (an upgrade step: v34 fills it, v38 re-keys it). */
export async function refillCareVisits(table: TableOf): Promise<void> {
  const rows = await recountCareVisits(table);
  await table('careLastVisits').clear();
  await table('careLastVisits').bulkPut([...rows.values()]);
}

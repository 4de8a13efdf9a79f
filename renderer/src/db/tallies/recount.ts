/**
 * Every kept count counted again from the indexes the counts read before they were kept
 * (`flags`, `dueDay`, the 整改 queue keys, `day`, `deleted.at`, `holderKey`, `visitDay`,
 * `status`): index keys only, no record is loaded. Its cost grows with the data, so it never
 * runs on the way to a screen: the v28 upgrade fills the tallies with it once, and the check
 * after sign-in (repair.ts) compares the kept counts with it in the background.
 */
import type { Table } from 'dexie';
import { FLAGS, unfilteredPrefix } from '@shared/domain/caseQueues';
import { TALLY } from '@shared/domain/tallies';

/** A table by name: the app's database, or an upgrade's transaction. */
export type TableOf = (name: string) => Table;

function countInto(out: Map<string, number>, keys: readonly unknown[], keyOf: (k: string) => string | undefined) {
  for (const k of keys) {
    if (typeof k !== 'string') continue;
    const key = keyOf(k);
    if (key !== undefined) out.set(key, (out.get(key) ?? 0) + 1);
  }
}

/** The counts every tally should hold (keys with a count of zero are absent). */
export async function recountTallies(table: TableOf): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const set = (key: string, n: number) => {
    if (n !== 0) out.set(key, n);
  };
  const cases = table('cases');
  const rect = unfilteredPrefix(FLAGS.rectification);
  const [allCases, flags, dueDays, rectKeys, visitDays, residents, tombstones, out_, visitDaysProxy, toDeliver] =
    await Promise.all([
      cases.count(),
      cases.orderBy('flags').keys(),
      cases.orderBy('dueDay').keys(),
      cases.where('queueKeys').startsWith(rect).keys(),
      table('visits').orderBy('day').keys(),
      table('residents').count(),
      table('residents').where('deleted.at').above(0).count(),
      table('custodyItems').where('holderKey').above('').count(),
      table('proxyTasks').orderBy('visitDay').keys(),
      table('proxyTasks').where('status').equals('待送达').count(),
    ]);
  set(TALLY.allCases, allCases);
  countInto(out, flags, TALLY.caseFlag);
  countInto(out, dueDays, TALLY.dueOn);
  set(TALLY.running, dueDays.length);
  // `整改||<due day>|<tracking number>` (caseQueues.ts).
  countInto(out, rectKeys, (k) => TALLY.rectificationDueOn(k.slice(rect.length).split('|')[0] ?? ''));
  countInto(out, visitDays, TALLY.visitsOn);
  set(TALLY.residents, residents - tombstones);
  set(TALLY.documentsOut, out_);
  countInto(out, visitDaysProxy, TALLY.homeVisitsOn);
  set(TALLY.proxyToDeliver, toDeliver);
  return out;
}

/** The recount as tally rows. */
export const tallyRowsOf = (counts: ReadonlyMap<string, number>) => [...counts].map(([key, n]) => ({ key, n }));

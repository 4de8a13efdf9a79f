/**
 * THE one list of what is center data and what is desk-local: every table of the database and
 * every meta key is one or the other, checked by the compiler (a new table or meta key that is
 * not classified here does not compile) and by tests/db/dataScope.test.ts (every table of the
 * opened schema and every meta key the app writes).
 *
 * - `center`: the center's records, the same on every desk of the center. Issue 24 replicates
 *   exactly these tables (and only the rows of `meta`, whose keys are all center data).
 * - `desk-local`: this PC's own bookkeeping, never shared: the number counters (each desk
 *   issues its own numbers), sign-in failures and locks (a guard of this PC), the install id and
 *   whether the desk has joined its center (`deskMeta`), the same-day undo of a merge made here
 *   (`mergeUndos`: both records in full, so they never leave this PC and are swept after the day), the
 *   documents of a joined desk's writes waiting to go up (`outbox`, emptied as they go), what this
 *   desk's inbound sync has applied (`inboundSeq`), the 数据冲突 it saw (`syncConflicts`: each desk
 *   reads them from its own replica), the documents the hub refused it (`syncRejected`) and the
 *   kept counts of the 工作台 and the queues (`tallies`: derived from this desk's records, moved by
 *   every write here and by the inbound sync like a local write, db/tallies), each 重点服务对象's
 *   last 走访 (`careLastVisits`: derived the same way, db/careVisits), the slim visit and case rows
 *   the period summaries read (`slimRows`, db/slimRows), and a street
 *   office's records (issue 27: `streetCommunities`, `streetPackages` with their `streetPackageRecords`, `streetResponses` — a street desk never joins a
 *   hub, so nothing of it travels; `installKind` and `streetProfile` in `deskMeta`). Like the machine settings (desk number,
 *   backup folder), the wipe counts and the audit chain's anchor, which live outside IndexedDB.
 *
 * Desk-local facts are tables in the same IndexedDB (not localStorage) so a counter still moves
 * in the same transaction as the case that uses its number.
 */
import type { DeskMetaRow, EntityName, MetaRow } from './entities';

export type DataScope = 'center' | 'desk-local';

export const TABLE_SCOPE = {
  meta: 'center',
  staff: 'center',
  residents: 'center',
  visits: 'center',
  matterTypes: 'center',
  cases: 'center',
  caseEvents: 'center',
  proxyEvents: 'center',
  proxyTasks: 'center',
  custodyItems: 'center',
  custodyEvents: 'center',
  meetings: 'center',
  agendaItems: 'center',
  problems: 'center',
  problemEvents: 'center',
  rota: 'center',
  handovers: 'center',
  handoverReads: 'center',
  homeVisits: 'center',
  auditLog: 'center',
  importBatches: 'center',
  centerDesks: 'center',
  packageExports: 'center',
  offHoursLines: 'center',
  counters: 'desk-local',
  signInGuards: 'desk-local',
  deskMeta: 'desk-local',
  mergeUndos: 'desk-local',
  outbox: 'desk-local',
  syncConflicts: 'desk-local',
  syncRejected: 'desk-local',
  tallies: 'desk-local',
  careLastVisits: 'desk-local',
  keptSummaries: 'desk-local',
  slimRows: 'desk-local',
  // A street office (issue 27) is one desk that never joins a hub: its tables never travel.
  streetCommunities: 'desk-local',
  streetPackages: 'desk-local',
  streetPackageRecords: 'desk-local',
  streetResponses: 'desk-local',
} as const satisfies Record<EntityName, DataScope>;

/** A meta key as classified: keys with a variable part by their fixed prefix (`reportNotes:*`). */
type MetaKeyName<K extends string> = K extends `${infer P}:${string}` ? `${P}:*` : K;
export type CenterMetaKey = MetaKeyName<MetaRow['key']>;
export type DeskMetaKey = MetaKeyName<DeskMetaRow['key']>;

/** Every meta key: those of `meta` are center data, those of `deskMeta` desk-local. */
export const META_KEY_SCOPE = {
  community: 'center',
  calendarOverrides: 'center',
  calendarCompleteYears: 'center',
  'reportNotes:*': 'center',
  importMapping: 'center',
  meetingGuests: 'center',
  installId: 'desk-local',
  joinedCenter: 'desk-local',
  inboundSeq: 'desk-local',
  installKind: 'desk-local',
  streetProfile: 'desk-local',
} as const satisfies Record<CenterMetaKey, 'center'> & Record<DeskMetaKey, 'desk-local'>;

/** The classified name of a stored meta key ('reportNotes:2026-11-23:2026-11-29' → 'reportNotes:*'). */
export function metaKeyName(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : `${key.slice(0, colon)}:*`;
}

/** The scope of a stored meta key; undefined for a key nobody classified (a test fails on it). */
export function scopeOfMetaKey(key: string): DataScope | undefined {
  return (META_KEY_SCOPE as Record<string, DataScope>)[metaKeyName(key)];
}

/** The tables of one scope, in the order above (issue 24: `tablesOf('center')` is what replicates). */
export function tablesOf(scope: DataScope): EntityName[] {
  return (Object.keys(TABLE_SCOPE) as EntityName[]).filter((t) => TABLE_SCOPE[t] === scope);
}

/**
 * Desk-local tables whose rows are removed in normal work (the outbox empties as the pump moves
 * its rows; a 数据冲突 or a refused document goes when resolved; a kept count at zero; the last 走访 row
 * of a resident no longer on file; a kept summary a write made stale; a slim row of a record deleted): wipe
 * detection does not count them (backup/integrity.ts), and a restore never brings their rows back
 * (a backup made while joined restores as a desk alone, whose replica's conflicts are no longer
 * its own; the restored records move the tallies, the last 走访 rows and the slim rows again and leave no summary kept).
 */
export const TRANSIENT_TABLES: readonly EntityName[] = [
  'outbox',
  'syncConflicts',
  'syncRejected',
  'tallies',
  'careLastVisits',
  'keptSummaries',
  'slimRows',
];

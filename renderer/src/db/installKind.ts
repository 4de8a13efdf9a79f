/**
 * Which kind of installation this database is (issue 27): a community's desk or a street
 * office's, kept desk-local as `deskMeta.installKind` (absent = 社区: every desk set up before
 * issue 27, and a database before its setup). THE rule of what each kind may write, applied by
 * `writeTx` inside every write transaction (the row is read there, so nothing outside the data
 * layer can get round it):
 * - a street install writes only the street's tables (STREET_TABLES), its accounts and their
 *   sign-in guards, and its desk-local facts (`deskMeta`: the street's profile and settings) —
 *   never a resident, a case, a visit or any other community table;
 * - a community install never writes the street's tables.
 * The audit log is written on both, as always.
 */
import type { InstallKind, StreetProfile } from '@shared/domain/street/install';
import type { DeskMetaRow, EntityName, ReadTable } from './entities';

/** The street's own tables (吹哨事项's `streetResponses` included). */
export const STREET_TABLES: readonly EntityName[] = [
  'streetCommunities',
  'streetPackages',
  'streetPackageRecords',
  'streetResponses',
];

/** What a street install writes besides its own tables: accounts, sign-in guards, desk facts. */
const STREET_ALSO: readonly EntityName[] = ['staff', 'signInGuards', 'deskMeta'];

export const STREET_REFUSES = '街道版只保存社区名单、周报接收等街道的数据，不保存居民、办件等社区数据';
/** startSync and joinCenter on a street install (a street desk never joins a center's hub). */
export const STREET_NO_SYNC = '街道版不加入社区的中心同步：各社区的周报以文件报送';
export const COMMUNITY_REFUSES = '社区版不保存街道的周报接收数据，请在街道版中操作';

type DeskMetaReader = { deskMeta: Pick<ReadTable<DeskMetaRow, string>, 'get'> };

/** The installation's kind (a Dexie promise: safe inside a transaction). */
export function readInstallKind(db: DeskMetaReader): Promise<InstallKind> {
  return db.deskMeta.get('installKind').then((row) => (row?.key === 'installKind' ? row.value : '社区'));
}

/** A street install's profile, or undefined (a community install, or before setup). */
export function readStreetProfile(db: DeskMetaReader): Promise<StreetProfile | undefined> {
  return db.deskMeta.get('streetProfile').then((row) => (row?.key === 'streetProfile' ? row.value : undefined));
}

/** Why this kind of installation may not write `tables`, or null. */
export function installRefusal(kind: InstallKind, tables: readonly string[]): string | null {
  const street = (t: string) => (STREET_TABLES as readonly string[]).includes(t);
  if (kind === '街道') {
    const allowed = (t: string) => street(t) || (STREET_ALSO as readonly string[]).includes(t);
    return tables.every(allowed) ? null : STREET_REFUSES;
  }
  return tables.some(street) ? COMMUNITY_REFUSES : null;
}

/** A backup's kind: its `deskMeta.installKind` row, else 社区 (every backup made before issue 27). */
export function backupInstallKind(tables: { deskMeta?: unknown[] }): InstallKind {
  const row = ((tables.deskMeta ?? []) as { key?: unknown; value?: unknown }[]).find((r) => r?.key === 'installKind');
  return row?.value === '街道' ? '街道' : '社区';
}

/**
 * The live database's kind for a restore: its `installKind`, 社区 where a community is set up, or
 * undefined when nothing says (a machine after a data loss: the backup decides).
 */
export async function liveInstallKind(db: DeskMetaReader & { meta: Pick<ReadTable<unknown, string>, 'get'> }) {
  const row = await db.deskMeta.get('installKind');
  if (row?.key === 'installKind') return row.value;
  return (await db.meta.get('community')) ? ('社区' as const) : undefined;
}

/** Why a backup of `backup`'s kind may not be restored on this installation, or null. */
export function restoreKindRefusal(live: InstallKind | undefined, backup: InstallKind): string | null {
  if (live === undefined || live === backup) return null;
  return live === '街道'
    ? '这是社区版的备份，不能恢复到街道版：街道版不保存居民、办件等社区数据。现有数据未改动。'
    : '这是街道版的备份，不能恢复到社区版。现有数据未改动。';
}

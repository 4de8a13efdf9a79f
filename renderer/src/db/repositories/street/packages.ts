/**
 * 周报接收 (issue 27): the communities' package files imported on a street install, one immutable
 * `streetPackages` row per file (id = the package's sha256). The CURRENT package of a community and
 * period is the newest `generatedAt` among its rows — never stored, always read: an older file
 * imported later is kept in the history (较旧未采用), a newer one takes over. Others read through
 * `currentPackages` (汇总, 吹哨事项).
 *
 * A file is checked by `readPackage` (shared/reports/wire/read.ts: JSON, schema, version converted,
 * hash, the street) BEFORE the transaction (hashing is async WebCrypto), then stored in ONE
 * writeTx with its audit row — the community code, the period and the hash only (a file name may
 * hold a person's name: it is shown in the history, never logged). Its figures go to
 * `streetPackages`, its records (上报事项, 办件 ledger) to `streetPackageRecords` under the same id
 * (DB v40): what 汇总 reads of five years stays small; 吹哨事项 joins them (`withEscalations`).
 */
import type { StoredStreetPackage, StreetCommunity } from '@shared/domain/records';
import { periodKeyOf } from '@shared/domain/records';
import type { PeriodKind } from '@shared/reports/periods';
import { weeksEndingWith } from '@shared/reports/periods';
import { readPackage } from '@shared/reports/wire/read';
import { splitContent } from '@shared/reports/wire/types';
import { toLocalDateString, addDays } from '@shared/domain/localDate';
import { reportDeadline, type StreetSettings } from '@shared/domain/street/settings';
import { weekStatus, type WeekStatus } from '@shared/domain/street/weekStatus';
import { requirePermission } from '../../authorize';
import { sha256Hex } from '../../bytes';
import type { Desk, DeskBase } from '../../desk';
import { DomainRefusal } from '../../refusal';
import { writeTx } from '../../write';

/** Where an import writes: the package's figures, its records (same id), a community it adds. */
const STORED_IN = ['streetPackages', 'streetPackageRecords', 'streetCommunities'] as const;

/** One file as picked: its name and its text. */
export type PackageFile = { fileName: string; text: string };

export type ImportOutcome =
  /** Refused: `reason` names the file. */
  | { outcome: 'refused'; fileName: string; reason: string }
  /** The community is not in the 社区名单: asked (add it and import, or not). */
  | { outcome: 'unknownCommunity'; fileName: string; community: { code: string; name: string } }
  /** The same file (same hash) was imported before: nothing changed. */
  | { outcome: 'duplicate'; fileName: string; communityCode: string; periodLabel: string }
  /** Stored: adopted (the newest of its period) or kept as 较旧未采用. */
  | { outcome: 'imported'; fileName: string; communityCode: string; periodLabel: string; adopted: boolean };

/** The local 'YYYY-MM-DDTHH:mm' of an instant (ms or an ISO text) on this machine. */
export function localMinute(at: number | string): string {
  const d = new Date(at);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${toLocalDateString(d)}T${hh}:${mm}`;
}

/** Newest first: the later `generatedAt`, then the later import. */
const newer = (a: StoredStreetPackage, b: StoredStreetPackage) =>
  a.generatedAt !== b.generatedAt ? (a.generatedAt > b.generatedAt ? -1 : 1) : b.importedAt - a.importedAt;

/**
 * Imports one package file. `addCommunity`: the clerk said to add its unknown community to the
 * 社区名单 (`street.manage`); without it an unknown community is asked about, not added.
 */
export async function importPackageFile(
  desk: Desk,
  file: PackageFile,
  o: { addCommunity?: boolean } = {},
): Promise<ImportOutcome> {
  const { fileName } = file;
  const street = desk.street;
  if (!street) throw new DomainRefusal('只有街道版可以导入社区周报');
  const read = await readPackage(file.text, { street: street.name }, sha256Hex);
  if (!read.ok) return { outcome: 'refused', fileName, reason: `${fileName}：${read.reason}` };
  const { pkg, fromVersion } = read;
  const { community, period } = pkg.content;
  const periodKey = periodKeyOf(period.kind, period.from);
  const { figures, records } = splitContent(pkg.content);
  return writeTx(desk, STORED_IN, async (tx): Promise<ImportOutcome> => {
    await requirePermission(tx, desk.actor, 'street.work', '导入社区周报');
    const known = await tx.streetCommunities.get(community.code);
    if (!known && !o.addCommunity) return { outcome: 'unknownCommunity', fileName, community };
    const same = await tx.streetPackages.get(pkg.sha256);
    if (same) return { outcome: 'duplicate', fileName, communityCode: community.code, periodLabel: period.label };
    if (!known) {
      await requirePermission(tx, desk.actor, 'street.manage', '把新社区加入社区名单');
      const added: Omit<StreetCommunity, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> = {
        code: community.code,
        name: community.name,
        contact: '',
        phone: '',
        active: true,
        source: '报送包',
      };
      await tx.streetCommunities.add(added);
      await tx.audit({ action: 'street.communityAdd', entity: 'streetCommunity', entityId: community.code });
    }
    const earlier = await tx.streetPackages
      .where('[communityCode+periodKey]')
      .equals([community.code, periodKey])
      .toArray();
    const row: StoredStreetPackage = {
      id: pkg.sha256,
      communityCode: community.code,
      periodKey,
      kind: period.kind,
      from: period.from,
      to: period.to,
      generatedAt: pkg.content.generatedAt,
      correctionN: pkg.content.correction.n,
      fromVersion,
      fileName,
      importedBy: desk.actor.id,
      importedAt: tx.now,
      content: figures,
    };
    await tx.streetPackages.add(row);
    await tx.streetPackageRecords.add({ id: pkg.sha256, ...records });
    await tx.audit({
      action: 'street.import',
      entity: 'streetPackage',
      entityId: pkg.sha256,
      detail: `${community.code} ${periodKey}`,
    });
    const adopted = [...earlier, row].sort(newer)[0]!.id === row.id;
    return { outcome: 'imported', fileName, communityCode: community.code, periodLabel: period.label, adopted };
  });
}

/**
 * The current package (newest `generatedAt`) of every community for every period of `kind` lying
 * inside [from, to], ordered by community code and period. 汇总 and 吹哨事项 read through this.
 */
export async function currentPackages(
  desk: DeskBase,
  range: { from: string; to: string; kind: PeriodKind },
): Promise<StoredStreetPackage[]> {
  const rows = await desk.db.streetPackages
    .where('[kind+from]')
    .between([range.kind, range.from], [range.kind, range.to], true, true)
    .toArray();
  const current = new Map<string, StoredStreetPackage>();
  for (const row of rows) {
    if (row.to > range.to) continue;
    const key = `${row.communityCode}|${row.periodKey}`;
    const kept = current.get(key);
    if (!kept || newer(row, kept) < 0) current.set(key, row);
  }
  return [...current.values()].sort((a, b) =>
    a.communityCode !== b.communityCode ? (a.communityCode < b.communityCode ? -1 : 1) : a.from < b.from ? -1 : 1,
  );
}

/**
 * Packages (current ones: `currentPackages`) with their 上报事项, read by id from their records
 * (吹哨事项). The import and the v40 step write both rows together; a package without its records
 * row would list no 上报事项 rather than stop the page.
 */
export async function withEscalations(desk: DeskBase, rows: readonly StoredStreetPackage[]) {
  const records = await desk.db.streetPackageRecords.bulkGet(rows.map((r) => r.id));
  return rows.map((r, i) => ({ ...r, content: { ...r.content, escalations: records[i]?.escalations ?? [] } }));
}

export type WeekColumn = { from: string; to: string; deadline: string };
export type WeekRow = { community: StreetCommunity; cells: WeekStatus[] };
export type WeekTable = { weeks: WeekColumn[]; rows: WeekRow[] };

/**
 * 周报接收's table: every community of the list (停用 ones only where they sent something, or
 * `all`: every one — the 社区名单) × the
 * last `count` complete weeks (ending with last week), each cell its status against the street's
 * deadline at the desk's present time.
 */
export async function weekTable(desk: Desk, count = 8, o: { all?: boolean } = {}): Promise<WeekTable> {
  const settings: StreetSettings | undefined = desk.street?.settings;
  if (!settings) return { weeks: [], rows: [] };
  const now = desk.clock.now();
  const today = desk.clock.today(now);
  const weeks = weeksEndingWith(addDays(today, -7), count).map((w) => ({
    ...w,
    deadline: reportDeadline(w.to, settings),
  }));
  const [communities, rows] = await Promise.all([
    desk.db.streetCommunities.toArray(),
    desk.db.streetPackages
      .where('[kind+from]')
      .between(['week', weeks[0]!.from], ['week', weeks[weeks.length - 1]!.from], true, true)
      .toArray(),
  ]);
  const byCell = new Map<string, StoredStreetPackage[]>();
  for (const r of rows)
    byCell.set(`${r.communityCode}|${r.from}`, [...(byCell.get(`${r.communityCode}|${r.from}`) ?? []), r]);
  const nowLocal = localMinute(now);
  const table = communities
    .filter((c) => o.all || c.active || rows.some((r) => r.communityCode === c.code))
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((community) => ({
      community,
      cells: weeks.map((w) =>
        weekStatus(
          (byCell.get(`${community.code}|${w.from}`) ?? []).map((r) => ({
            generatedAt: localMinute(r.generatedAt),
            correctionN: r.correctionN,
          })),
          w.deadline,
          nowLocal,
          localMinute(community.createdAt),
        ),
      ),
    }));
  return { weeks, rows: table };
}

export type HistoryEntry = {
  id: string;
  periodKey: string;
  periodLabel: string;
  generatedAt: string;
  correctionN: number;
  fileName: string;
  importedBy: string;
  /** When it was imported, local 'YYYY-MM-DDTHH:mm'. */
  importedAt: string;
  /**
   * 采用: the current package of its period (the newest generatedAt); 已被更正: replaced by a newer
   * one imported after it; 较旧未采用: older than the one already adopted when it came.
   */
  state: '采用' | '已被更正' | '较旧未采用';
};

function historyState(row: StoredStreetPackage, adopted: StoredStreetPackage): HistoryEntry['state'] {
  if (row.id === adopted.id) return '采用';
  return row.importedAt > adopted.importedAt ? '较旧未采用' : '已被更正';
}

/** Every package imported for one community, newest period first, each period newest first. */
export async function communityHistory(desk: DeskBase, code: string): Promise<HistoryEntry[]> {
  const rows = await desk.db.streetPackages
    .where('[communityCode+periodKey]')
    .between([code, ''], [code, '\uffff'])
    .toArray();
  const current = new Map<string, StoredStreetPackage>();
  for (const r of rows) {
    const kept = current.get(r.periodKey);
    if (!kept || newer(r, kept) < 0) current.set(r.periodKey, r);
  }
  return rows
    .sort((a, b) => (a.from !== b.from ? (a.from > b.from ? -1 : 1) : newer(a, b)))
    .map((r) => ({
      id: r.id,
      periodKey: r.periodKey,
      periodLabel: r.content.period.label,
      generatedAt: localMinute(r.generatedAt),
      correctionN: r.correctionN,
      fileName: r.fileName,
      importedBy: r.importedBy,
      importedAt: localMinute(r.importedAt),
      state: historyState(r, current.get(r.periodKey)!),
    }));
}

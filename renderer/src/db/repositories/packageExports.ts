/**
 * A period's report made once per center (issue 24 item 7): every export of it — the JSON
 * 报送包, Excel, a CSV part, the PDF, the printed summary — is a `packageExports` row with its
 * `format` (center data, replicated, append-only), written in the export's own audit transaction.
 * Any desk opening the same period reads them and says who already exported it in that format,
 * from which desk and when; another export stays possible (a correction, a desk's late data)
 * after one confirm and is said as such in the audit log.
 */
import { DEFAULT_DESK_IDENTITY } from '@shared/domain/deskNumber';
import { exportFormatOf, type CoveredDesk, type PackageExport, type ReportExportFormat } from '@shared/domain/records';
import type { Correction } from '@shared/reports/package';
import type { Period, PeriodKind } from '@shared/reports/periods';
import type { Desk } from '../desk';
import type { ReadableDB } from '../entities';
import type { WriteTx } from '../write';

/** What an export records besides its audit row (`sha256`: the JSON package's). */
export type PackageExportInput = {
  kind: PeriodKind;
  format: ReportExportFormat;
  desks: CoveredDesk[];
  sha256?: string;
};

/** An export as shown: with the name of the staff member who made it. */
export type PackageExportView = PackageExport & { staffName: string };

type Reader = Pick<ReadableDB, 'packageExports'> | WriteTx<'packageExports'>;

const ofPeriod = (tables: Reader, kind: PeriodKind, period: Period) =>
  tables.packageExports.where('[kind+from+to]').equals([kind, period.from, period.to]).toArray();

/** The exports of this period's package on every desk of the center (as far as they arrived), oldest first. */
export async function packageExportsOf(desk: Desk, kind: PeriodKind, period: Period): Promise<PackageExportView[]> {
  const rows = (await ofPeriod(desk.db, kind, period)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const staff = await desk.db.staff.bulkGet([...new Set(rows.map((r) => r.staffId))]);
  const names = new Map(staff.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
  return rows.map((r) => ({ ...r, staffName: names.get(r.staffId) ?? '（已停用人员）' }));
}

/** The exports among `rows` made in `format`. */
export const exportsIn = <R extends PackageExport>(rows: readonly R[], format: ReportExportFormat): R[] =>
  rows.filter((r) => exportFormatOf(r) === format);

/**
 * Which sending of the period's JSON package the next one is (the package's `correction`): n = the
 * JSON exports recorded for the period (as far as they arrived from the other desks) + 1, and
 * `replaces` = the sha256 of the latest of them, when its row holds one (rows made before hashes
 * were recorded do not).
 */
export function correctionAfter(rows: readonly PackageExport[]): Correction {
  const json = exportsIn(rows, 'json').sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return { n: json.length + 1, replaces: json.at(-1)?.sha256 ?? null };
}

/** The `correction` of the period's next JSON package (see correctionAfter). */
export async function nextCorrection(desk: Desk, kind: PeriodKind, period: Period): Promise<Correction> {
  return correctionAfter(await ofPeriod(desk.db, kind, period));
}

/** Records one export inside the export's transaction; returns how many of its format there are now. */
export async function addPackageExport(
  desk: Desk,
  tx: WriteTx<'packageExports'>,
  period: Period,
  input: PackageExportInput,
): Promise<number> {
  const before = exportsIn(await ofPeriod(tx, input.kind, period), input.format).length;
  await tx.packageExports.add({
    id: desk.newId(),
    kind: input.kind,
    from: period.from,
    to: period.to,
    at: tx.now,
    staffId: desk.actor.id,
    desk: desk.identity ?? DEFAULT_DESK_IDENTITY,
    desks: input.desks,
    format: input.format,
    ...(input.sha256 !== undefined ? { sha256: input.sha256 } : {}),
  });
  return before + 1;
}

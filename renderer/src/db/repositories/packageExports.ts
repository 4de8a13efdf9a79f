/**
 * 报送包 made once per center (issue 24 item 7): every export of a period's JSON package is a
 * `packageExports` row (center data, replicated, append-only), written in the export's own audit
 * transaction. Any desk opening the same period reads them and says who already exported it,
 * from which desk and when; another export stays possible (a correction, a desk's late data) and
 * is said as such in the audit log.
 */
import { DEFAULT_DESK_IDENTITY } from '@shared/domain/deskNumber';
import type { CoveredDesk, PackageExport } from '@shared/domain/records';
import type { Period, PeriodKind } from '@shared/reports/periods';
import type { Desk } from '../desk';
import type { ReadableDB } from '../entities';
import type { WriteTx } from '../write';

/** What an export of the package records besides its audit row. */
export type PackageExportInput = { kind: PeriodKind; sha256: string; desks: CoveredDesk[] };

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

/** Records one export of the package inside the export's transaction; returns how many there are now. */
export async function addPackageExport(
  desk: Desk,
  tx: WriteTx<'packageExports'>,
  period: Period,
  input: PackageExportInput,
): Promise<number> {
  const before = (await ofPeriod(tx, input.kind, period)).length;
  await tx.packageExports.add({
    id: desk.newId(),
    kind: input.kind,
    from: period.from,
    to: period.to,
    at: tx.now,
    staffId: desk.actor.id,
    desk: desk.identity ?? DEFAULT_DESK_IDENTITY,
    desks: input.desks,
    sha256: input.sha256,
  });
  return before + 1;
}

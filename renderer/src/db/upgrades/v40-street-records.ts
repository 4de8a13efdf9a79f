/**
 * v39 → v40 (issue 28, the street's year view): every imported package's records — its 上报事项 and
 * its 办件 ledger — move from the `streetPackages` row to a `streetPackageRecords` row of the same
 * id (`splitContent`, shared/reports/wire/types.ts), a page at a time (a street's five years of
 * packages are some 300 MB). Only street installs hold packages. Idempotent: a row already split
 * (no `escalations` in its content) is left alone.
 */
import type { Transaction } from 'dexie';
import type { StoredPackageRecords, StoredStreetPackage } from '@shared/domain/records';
import { splitContent, type WireContent } from '@shared/reports/wire/types';

const PAGE = 50;

type Unsplit = Omit<StoredStreetPackage, 'content'> & { content: WireContent };

export async function upgradeV40StreetRecords(tx: Transaction): Promise<void> {
  const packages = tx.table<Unsplit | StoredStreetPackage, string>('streetPackages');
  const records = tx.table<StoredPackageRecords, string>('streetPackageRecords');
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? packages.orderBy(':id') : packages.where(':id').above(after))
      .limit(PAGE)
      .toArray();
    if (page.length === 0) return;
    after = page[page.length - 1]!.id;
    const unsplit = page.filter((row): row is Unsplit => 'escalations' in row.content);
    if (unsplit.length === 0) continue;
    const parts = unsplit.map((row) => ({ row, ...splitContent(row.content) }));
    await records.bulkPut(parts.map(({ row, records: r }) => ({ id: row.id, ...r })));
    await packages.bulkPut(parts.map(({ row, figures }) => ({ ...row, content: figures })));
  }
}

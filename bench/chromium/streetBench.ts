/**
 * Issue 27's street benchmark: 20 communities × 52 weeks of packages imported and merged on a
 * street desk, in Chromium's real IndexedDB.
 *
 * The packages are made by the REAL community export code from the bench's generated desk (one
 * desk of the size being run, not 20: 20 real desks would take the bench an hour to generate and
 * load): each week read by `readReportData`, then for each community `packageContent` →
 * `writePackage` (version 2, hashed and read back), the community's code, name and population
 * varied (its 常住人口, so the per-1,000 figure differs). So every community's figures are the
 * desk's figures for the week; what is measured — files checked and stored, rows read, contents
 * merged — is what 20 different desks would cost.
 *
 * Rows: importing every file through the street's real import path (`importPackageFile`: read,
 * schema, hash, one transaction with its audit row) next to a bare `add` of the same rows, one
 * transaction each; the year view (`readStreetSummary` + `streetSummaryView`) next to a bare read
 * of the same rows by the same index range. Goal: the year view ≤ 2 s.
 */
import { Dexie } from 'dexie';
import { createCalendar } from '@shared/domain/workingCalendar';
import { streetAsCommunity } from '@shared/domain/street/install';
import { periodOf, type Period } from '@shared/reports/periods';
import { streetSummaryView } from '@shared/reports/streetSummary/build';
import { weeksOf } from '@shared/reports/wire/merge';
import { splitContent, type WireContent } from '@shared/reports/wire/types';
import { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { acceptPledge } from '../../renderer/src/db/repositories/staff';
import { completeStreetSetup, getStreetProfile } from '../../renderer/src/db/repositories/street/install';
import { importPackageFile, type PackageFile } from '../../renderer/src/db/repositories/street/packages';
import { readStreetSummary } from '../../renderer/src/db/repositories/street/summary';
import { hashSecret } from '../../renderer/src/db/secrets';
import { generateDesk, NOW, TODAY, type SizeName } from '../data/generate';
import {
  BENCH_STREET,
  benchCommunities,
  generatedDeskOf,
  weeklyPackageFiles,
  type BenchCommunity,
} from '../data/communityPackages';
import { loadDesk } from '../data/load';
import type { Samples } from './page';

/** A fresh street install in its own database `name`, its admin (who holds street.work) signed in and pledged. */
export async function freshStreetDesk(name: string): Promise<Desk> {
  await Dexie.delete(name);
  const db = new DutyDeskDB(name);
  const base = { db, clock: { now: () => NOW, today: () => TODAY }, newId: () => crypto.randomUUID(), actor: null };
  const password = await hashSecret('246810', undefined, 1000);
  const admin = await completeStreetSetup(base, {
    name: BENCH_STREET,
    code: 'YLJD',
    admin: { name: '李街道', password },
  });
  const street = (await getStreetProfile(base))!;
  const desk: Desk = {
    ...base,
    actor: { id: admin.id, role: admin.role },
    community: streetAsCommunity(street),
    calendar: createCalendar(),
    street,
  };
  await acceptPledge(desk);
  return desk;
}

/** Closes a bench desk's database (the desk's type shows it read-only). */
const closeDesk = (desk: Desk) => (desk.db as unknown as DutyDeskDB).close();

export type StreetRun = {
  communities: number;
  weeks: number;
  files: number;
  bytes: number;
  makeMs: number;
  import: Samples;
  yearView: Samples;
  /** What the year view found: communities, packages merged, communities missing. */
  found: { rows: number; reported: number; missing: number };
};

/**
 * The street run: `communities` × the weeks of `year` (those over before the desk's today), made
 * from `source`; the import once (subject and bare baseline, each into a fresh database), then the
 * year view `reps` times interleaved with its bare read.
 */
export async function streetRun(
  source: Desk,
  o: { communities: number; year: string; reps: number },
): Promise<StreetRun> {
  const year = periodOf('year', `${o.year}-06-01`);
  const weeks = weeksOf(year).filter((w) => w.to < TODAY);
  const t0 = performance.now();
  const files = await weeklyPackageFiles(source, weeks, benchCommunities(o.communities));
  const makeMs = performance.now() - t0;

  // Import through the street's real path, every file in its own transaction (as the screen does).
  const desk = await freshStreetDesk('bench-street');
  const i0 = performance.now();
  for (const f of files) {
    const r = await importPackageFile(desk, f, { addCommunity: true });
    if (r.outcome !== 'imported') throw new Error(`bench import: ${r.outcome}`);
  }
  const importMs = performance.now() - i0;
  // Baseline: the same rows (as parsed JSON) added bare, one transaction each, into tables with the
  // same indexes: the package's figures and its records apart, as the import stores them (DB v40).
  await Dexie.delete('bench-street-bare');
  const bare = new Dexie('bench-street-bare');
  bare.version(1).stores({
    streetPackages: 'id, [communityCode+periodKey], [kind+from], importedAt',
    streetPackageRecords: 'id',
  });
  await bare.open();
  const b0 = performance.now();
  for (const f of files) {
    const pkg = JSON.parse(f.text) as { sha256: string; content: WireContent };
    const { figures, records } = splitContent(pkg.content);
    const { community, period } = figures;
    await bare.transaction('rw', bare.tables, async () => {
      await bare.table('streetPackages').add({
        id: pkg.sha256,
        communityCode: community.code,
        periodKey: `${period.kind}:${period.from}`,
        kind: period.kind,
        from: period.from,
        to: period.to,
        importedAt: NOW,
        content: figures,
      });
      await bare.table('streetPackageRecords').add({ id: pkg.sha256, ...records });
    });
  }
  const bareImportMs = performance.now() - b0;
  bare.close();

  // The year view next to a bare read of the same rows (one index range, nothing merged).
  const settings = { street: desk.street!.name, onTimeThreshold: desk.street!.settings.onTimeThreshold };
  const view = async () => streetSummaryView(await readStreetSummary(desk, 'year', year), settings);
  const bareRead = () =>
    desk.db.streetPackages
      .where('[kind+from]')
      .between(['week', weeks[0]!.from], ['week', weeks[weeks.length - 1]!.from], true, true)
      .toArray();
  const yearView: Samples = { name: '', group: 'street', subject: [], baseline: [] };
  let found = { rows: 0, reported: 0, missing: 0 };
  for (let rep = 0; rep < o.reps + 1; rep++) {
    const order = rep % 2 === 0 ? ([view, bareRead] as const) : ([bareRead, view] as const);
    for (const f of order) {
      const t = performance.now();
      const out = await f();
      const ms = performance.now() - t;
      if (rep === 0) {
        if (!Array.isArray(out))
          found = { rows: out.rows.length, reported: out.reportedCommunities, missing: out.missing.length };
        continue; // warm-up
      }
      (f === view ? yearView.subject : yearView.baseline).push(ms);
    }
  }
  closeDesk(desk);
  await Promise.all([Dexie.delete('bench-street'), Dexie.delete('bench-street-bare')]);
  yearView.name = `汇总 ${o.year}年 年视图 (${files.length} 个包)`;
  return {
    communities: o.communities,
    weeks: weeks.length,
    files: files.length,
    bytes: files.reduce((n, f) => n + f.text.length, 0),
    makeMs,
    import: {
      name: `周报接收 导入 ${files.length} 个包 (总计)`,
      group: 'street',
      subject: [importMs],
      baseline: [bareImportMs],
    },
    yearView,
    found,
  };
}

/**
 * For the street's e2e: the package of `week` made by a generated desk of `size` (generated and
 * loaded into its own database through the bench loader, then exported by the real code), as
 * `community`. Also returns the desk's record count, to show the sizes differ.
 */
export async function sizedCommunityPackage(
  size: SizeName,
  week: Period,
  community: BenchCommunity,
): Promise<PackageFile & { visits: number }> {
  const name = `bench-src-${size}`;
  await Dexie.delete(name);
  const db = new DutyDeskDB(name);
  await loadDesk(db, generateDesk(size), { iterations: 1000, relaxed: true });
  const desk = await generatedDeskOf(db);
  const [file] = await weeklyPackageFiles(desk, [week], [community]);
  const visits = await db.visits.where('day').between(week.from, week.to, true, true).count();
  db.close();
  await Dexie.delete(name);
  return { ...file!, visits };
}

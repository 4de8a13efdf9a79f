/**
 * Community packages for the street's benchmark and tests (issue 27), made by the REAL community
 * export from a generated desk: each week read by `readReportData`, then per community
 * `packageContent` → `writePackage` (version 2, hashed, read back), with the community's code, name,
 * population and street set as its setup would have them. Runs in Node (fake-indexeddb) and in
 * Chromium (the bench page).
 */
import { createCalendar } from '@shared/domain/workingCalendar';
import { previousPeriod, type Period } from '@shared/reports/periods';
import { EMPTY_NOTES } from '@shared/reports/reportData';
import { packageContent, writePackage } from '@shared/reports/package';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { sha256Hex } from '../../renderer/src/db/bytes';
import { getCommunity } from '../../renderer/src/db/repositories/community';
import { readReportData } from '../../renderer/src/db/repositories/reports';
import type { PackageFile } from '../../renderer/src/db/repositories/street/packages';
import { ADMIN_ID, NOW, TODAY } from './generate';

export const BENCH_STREET = '岳麓街道';

export type BenchCommunity = { code: string; name: string; population: number };

/** `n` communities: codes C01…, names 第1社区…, populations 6,000 + 700 × i. */
export const benchCommunities = (n: number): BenchCommunity[] =>
  Array.from({ length: n }, (_, i) => ({
    code: `C${String(i + 1).padStart(2, '0')}`,
    name: `第${i + 1}社区`,
    population: 6_000 + 700 * i,
  }));

/**
 * The package files of `communities` for each of `weeks`, made by the community desk `desk`'s
 * real export: each week's records read once, each community's package built and written from them.
 */
export async function weeklyPackageFiles(
  desk: Desk,
  weeks: readonly Period[],
  communities: readonly BenchCommunity[],
): Promise<PackageFile[]> {
  const files: PackageFile[] = [];
  for (const week of weeks) {
    const data = await readReportData(desk, 'week', week, previousPeriod(week, 'week'), EMPTY_NOTES);
    for (const c of communities) {
      const community = {
        ...data.community,
        code: c.code,
        name: c.name,
        population: c.population,
        street: BENCH_STREET,
      };
      const generatedAt = new Date(Date.parse(`${week.to}T12:00:00+08:00`) + 86_400_000).toISOString();
      const content = packageContent({ ...data, community }, `install-${c.code}`, generatedAt, {
        no: 1,
        name: '一号窗口',
      });
      files.push({
        fileName: `${c.name}-周报-${week.from}至${week.to}.json`,
        text: await writePackage(content, sha256Hex),
      });
    }
  }
  return files;
}

/** The admin's desk on a database holding a loaded generated desk (load.ts). */
export async function generatedDeskOf(db: DutyDeskDB): Promise<Desk> {
  const base = { db, clock: { now: () => NOW, today: () => TODAY }, newId: () => crypto.randomUUID(), actor: null };
  const community = await getCommunity(base);
  if (!community) throw new Error('generatedDeskOf: no community in this database');
  return { ...base, actor: { id: ADMIN_ID, role: '站长/管理员' }, community, calendar: createCalendar() };
}

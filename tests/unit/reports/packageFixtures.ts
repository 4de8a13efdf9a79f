/**
 * What the JSON-package tests of each report section share: a week's ReportData with nothing
 * but the section's records, the hash, the package of it, and the check that a figure the
 * schema does not know (a name riding along) is refused even when re-hashed.
 */
import { expect } from 'vitest';
import { canonicalJson, packageContent, writePackage } from '@shared/reports/package';
import type { ReportData } from '@shared/reports/reportData';
import { readPackage } from '@shared/reports/wire/read';
import type { WirePackage } from '@shared/reports/wire/types';

const NO_OFF_HOURS = { occasions: 0, people: 0, restDayOccasions: 0, dutyDays: 0 };

export const sha256Hex = async (text: string) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');

/** A week's report data: empty but for what the test gives. */
export function weekData(patch: Partial<ReportData> & Pick<ReportData, 'period' | 'previous'>): ReportData {
  return {
    kind: 'week',
    label: '2026年第47周',
    today: '2026-11-24',
    community: { name: '桃花岭社区', code: 'THL', street: '岳麓街道', population: 11_500 },
    visits: [],
    cases: [],
    residents: [],
    proxyTasks: [],
    custodyItems: [],
    custodyAlertDays: 7,
    meetings: [],
    agendaItems: [],
    problems: [],
    catalog: [],
    staff: [],
    grids: [],
    desks: [{ no: 1, name: '一号窗口' }],
    notes: { focus: '', issues: '' },
    offHours: { now: NO_OFF_HOURS, before: NO_OFF_HOURS },
    ...patch,
  };
}

export const contentOf = (data: ReportData) =>
  packageContent(data, '7d3e4c1a-93b2-4f0e-8a61-2b5c9d0e7f14', '2026-11-24T01:30:00.000Z');

/** Each change to the written package, re-hashed, is refused as not matching the schema. */
export async function expectSmugglesRefused(data: ReportData, smuggles: ((p: WirePackage) => unknown)[]) {
  const text = await writePackage(contentOf(data), sha256Hex);
  for (const smuggle of smuggles) {
    const pkg = JSON.parse(text) as WirePackage;
    smuggle(pkg);
    pkg.sha256 = await sha256Hex(canonicalJson(pkg.content));
    expect(await readPackage(JSON.stringify(pkg), {}, sha256Hex)).toEqual({
      ok: false,
      reason: expect.stringContaining('格式不符'),
    });
  }
}

/** The package of `data` passes its closed schema. */
export async function expectPackageValid(data: ReportData) {
  expect((await readPackage(await writePackage(contentOf(data), sha256Hex), {}, sha256Hex)).ok).toBe(true);
}

/** A list item smuggled into a breakdown (a name as a key). */
export const listItem = (key: string) => ({ key, label: key, n: 1 });

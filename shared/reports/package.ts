/**
 * The JSON package for the street office's machine import (schema:
 * resources/report-package.schema.json, version 1): the community, the period, the aggregates of
 * it and of the period before (帮代办 and 联席会议 included: counts only), the notes, and minimal
 * ledger records — tracking number, matter, dates, status, 网格; no names, ID numbers or phones;
 * the desks of the center whose work it covers (number, name, cases accepted in the period).
 * `sha256` covers the canonical JSON of `content`, so a changed or truncated file is refused on
 * import.
 *
 * The schema is compiled ahead of time (scripts/generate-report-validator.mjs): the app's pages
 * allow no eval, which ajv's run-time compiler needs. SHA-256 is passed in (WebCrypto in the
 * app and in Node), so this module stays pure.
 */
import type { DeskIdentity } from '../domain/deskNumber';
import type { CoveredDesk } from '../domain/records';
import { acceptedIn, coveredDesks } from './centerDesks';
import { validate as validateSchema } from './generated/reportPackageValidator';
import type { PeriodKind, Period } from './periods';
import { namesOf, notesForExport, summariesOf, type ReportData } from './reportData';
import type { PeriodSummary } from './summary';

export const PACKAGE_FORMAT = 'duty-desk.report';
export const PACKAGE_VERSION = 1;

export type Sha256Hex = (text: string) => Promise<string>;

type PackagePeriod = Period & { kind: PeriodKind; label: string };
type PackageSummary = Omit<PeriodSummary, 'period' | 'byStaff'>;
export type PackageContent = {
  /** `desk`: the desk of the center that made it (absent only where no desk is known). */
  community: { name: string; code: string; street: string; installId: string; desk?: DeskIdentity };
  period: PackagePeriod;
  previous: PackagePeriod;
  generatedAt: string;
  summary: PackageSummary;
  previousSummary: PackageSummary;
  notes: { focus: string; issues: string };
  /** The desks whose work it covers (the center's, issue 24), each with its cases accepted in the period. */
  desks: CoveredDesk[];
  cases: {
    trackingNumber: string;
    matterCode: string;
    matterName: string;
    category: string;
    mode: string;
    status: string;
    grid: string;
    acceptedDay: string;
    deadline: string | null;
    completedDay: string | null;
  }[];
};
export type ReportPackage = { format: string; version: number; sha256: string; content: PackageContent };

/** JSON with object keys sorted at every level and no whitespace: the bytes the hash covers. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function forPackage(s: PeriodSummary, grid: (id: string) => string): PackageSummary {
  const { period: _p, byStaff: _s, byGrid, ...rest } = s;
  const named: PackageSummary['byGrid'] = {};
  for (const [id, v] of Object.entries(byGrid)) named[id === '未分网格' ? id : grid(id)] = v;
  return { ...rest, byGrid: named };
}

export function packageContent(
  data: ReportData,
  installId: string,
  generatedAt: string,
  desk?: DeskIdentity,
): PackageContent {
  const names = namesOf(data);
  const { now, before } = summariesOf(data);
  const period = (p: Period, label: string): PackagePeriod => ({ kind: data.kind, ...p, label });
  return {
    community: { ...data.community, installId, ...(desk ? { desk } : {}) },
    period: period(data.period, data.label),
    previous: period(data.previous, `${data.previous.from} — ${data.previous.to}`),
    generatedAt,
    summary: forPackage(now, names.grid),
    previousSummary: forPackage(before, names.grid),
    notes: notesForExport(data.notes),
    desks: coveredDesks(data.desks, data.cases, data.period),
    cases: acceptedIn(data.cases, data.period)
      .sort((a, b) => (a.trackingNumber < b.trackingNumber ? -1 : 1))
      .map((c) => ({
        trackingNumber: c.trackingNumber,
        matterCode: c.matterCode,
        matterName: c.matterName,
        category: names.category(c.matterCode),
        mode: c.mode,
        status: c.status,
        grid: names.grid(c.gridId),
        acceptedDay: c.acceptedDay,
        deadline: c.deadline ?? null,
        completedDay: c.completedDay ?? null,
      })),
  };
}

export type PackageCheck = { ok: true; pkg: ReportPackage } | { ok: false; message: string };

function schemaMessage(): string {
  const e = (validateSchema as unknown as { errors?: { instancePath: string; message?: string }[] }).errors?.[0];
  return `报送包格式不符（${e?.instancePath || '根'}：${e?.message ?? '未知'}）`;
}

/** Checks a package: JSON, the schema, the format version, the hash. Refusals are in Chinese. */
export async function checkPackage(text: string, sha256Hex: Sha256Hex): Promise<PackageCheck> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: '文件不完整或不是报送包（无法读取 JSON）' };
  }
  if (!(validateSchema as (x: unknown) => boolean)(parsed)) return { ok: false, message: schemaMessage() };
  const pkg = parsed as ReportPackage;
  if ((await sha256Hex(canonicalJson(pkg.content))) !== pkg.sha256)
    return { ok: false, message: '报送包内容与校验值不符，文件可能被改动或损坏' };
  return { ok: true, pkg };
}

/** The file's text: hashed, then validated before it is written (a package that fails is never saved). */
export async function writePackage(content: PackageContent, sha256Hex: Sha256Hex): Promise<string> {
  const pkg: ReportPackage = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    sha256: await sha256Hex(canonicalJson(content)),
    content,
  };
  const text = JSON.stringify(pkg, null, 2);
  const check = await checkPackage(text, sha256Hex);
  if (!check.ok) throw new Error(check.message);
  return text;
}

/**
 * A street office's records (issue 27, DB v30; only on a street installation: db/installKind.ts).
 * No resident appears in either: a community is an office (its contact is the office's), a
 * package carries counts and the period's escalations without names, numbers or phones.
 */
import type { WireFigures, WireRecords } from '../../reports/wire/types';
import type { PeriodKind } from '../../reports/periods';
import type { Stamp } from './staff';

/** One community of the street's 社区名单 (keyed by its code, the code its packages carry). */
export type StreetCommunity = Stamp & {
  code: string;
  name: string;
  /** 联系人: the community office's contact person (not a resident). */
  contact: string;
  /** 办公电话: the community office's phone (not a resident's). */
  phone: string;
  /** false: 已停用 — kept (its packages stay), not expected to report any more. */
  active: boolean;
  /** How it was added: by hand, or from its first package (asked, never silent). */
  source: '手工' | '报送包';
};

/**
 * One imported package file, immutable (one row per file; id = the package's sha256). The CURRENT
 * package of a community and period is the newest `generatedAt` among its rows (never stored:
 * db/repositories/street/packages.ts `currentPackages`); an older one is kept, 较旧未采用.
 * `content` holds the package's figures; its records (上报事项, 办件 ledger) are the
 * `streetPackageRecords` row of the same id (DB v40): 汇总 reads the figures of five years'
 * packages without their records.
 */
export type StoredStreetPackage = {
  /** The package's sha256 (hex). */
  id: string;
  communityCode: string;
  /** `<kind>:<from>`, e.g. 'week:2026-11-30'. */
  periodKey: string;
  kind: PeriodKind;
  from: string;
  to: string;
  /** ISO time the community desk made it. */
  generatedAt: string;
  /** 1 = the first sending of this period, 2… a re-export (有更正). */
  correctionN: number;
  /** The version the file was written in (converted to the current one in `content`). */
  fromVersion: number;
  /** The file's name as imported (shown in the history; never in the audit log). */
  fileName: string;
  importedBy: string;
  importedAt: number;
  content: WireFigures;
};

/** The records of one imported package (same id: its sha256): 吹哨事项 reads its 上报事项. */
export type StoredPackageRecords = WireRecords & { id: string };

/** The stored key of a period: `week:2026-11-30`. */
export function periodKeyOf(kind: PeriodKind, from: string): string {
  return `${kind}:${from}`;
}

/**
 * What the street clerk recorded on one community's escalation (吹哨事项, DB v31): the 报到 and
 * the 处理反馈, exported to that community in its 反馈包. `id` =
 * `<communityCode>|<trackingNumber>|<raisedAt ISO>` (streetResponseId). Times are epoch ms.
 * `person`: the department's person who came (not a resident).
 */
export type StreetResponse = Stamp & {
  id: string;
  communityCode: string;
  trackingNumber: string;
  /** The escalation's raisedAt as the package carries it (ISO). */
  raisedAt: string;
  department: string;
  checkIn?: { at: number; unit: string; person: string; recordedBy: string };
  feedback: { at: number; text: string; recordedBy: string }[];
};

/** The key of an escalation on the street: community, tracking number, raisedAt (ISO). */
export function streetResponseId(communityCode: string, trackingNumber: string, raisedAt: string): string {
  return `${communityCode}|${trackingNumber}|${raisedAt}`;
}

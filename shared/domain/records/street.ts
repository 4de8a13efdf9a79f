/**
 * A street office's records (issue 27, DB v30; only on a street installation: db/installKind.ts).
 * No resident appears in either: a community is an office (its contact is the office's), a
 * package carries counts and the period's escalations without names, numbers or phones.
 */
import type { WireContent } from '../../reports/wire/types';
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
  content: WireContent;
};

/** The stored key of a period: `week:2026-11-30`. */
export function periodKeyOf(kind: PeriodKind, from: string): string {
  return `${kind}:${from}`;
}

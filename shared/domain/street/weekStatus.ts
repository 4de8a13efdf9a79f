/**
 * 周报接收: a community's status for one period (issue 27), from the packages imported for it.
 * Pure: times are local 'YYYY-MM-DDTHH:mm' strings (the repository converts instants), so the
 * rule reads without a clock.
 * - 未报送: nothing imported, the deadline not passed;
 * - 逾期: nothing imported and the deadline passed;
 * - 已报送: one package (its time: when the community made it; `late` when after the deadline);
 * - 有更正: a later package replaced an earlier one (two or more sent, or the current one says it
 *   is a re-export: correction n > 1);
 * - 未列入: nothing imported and the deadline passed before the community was on the street's list
 *   (a street that sets up its desk, or adds a community, does not see weeks it never asked for as 逾期).
 */
export type WeekStatusKind = '已报送' | '有更正' | '未报送' | '逾期' | '未列入';

export type ImportedForPeriod = {
  /** When the community made it (local 'YYYY-MM-DDTHH:mm'). */
  generatedAt: string;
  correctionN: number;
};

export type WeekStatus = {
  kind: WeekStatusKind;
  /** When the first package was made (已报送 / 有更正). */
  sentAt?: string;
  /** The first package came after the deadline. */
  late?: boolean;
  /** How many packages of the period were imported. */
  packages: number;
};

/** `listedAt`: when the community was put on the list (local 'YYYY-MM-DDTHH:mm'). */
export function weekStatus(
  rows: readonly ImportedForPeriod[],
  deadline: string,
  now: string,
  listedAt?: string,
): WeekStatus {
  if (rows.length === 0) {
    if (listedAt !== undefined && deadline < listedAt) return { kind: '未列入', packages: 0 };
    return { kind: now > deadline ? '逾期' : '未报送', packages: 0 };
  }
  const byTime = [...rows].sort((a, b) => (a.generatedAt < b.generatedAt ? -1 : a.generatedAt > b.generatedAt ? 1 : 0));
  const first = byTime[0]!;
  const current = byTime[byTime.length - 1]!;
  const corrected = rows.length > 1 || current.correctionN > 1;
  return {
    kind: corrected ? '有更正' : '已报送',
    sentAt: first.generatedAt,
    late: first.generatedAt > deadline,
    packages: rows.length,
  };
}

/** The status as one short Chinese text for a table cell ('已报送 11-30 09:12', '逾期' …). */
export function weekStatusText(s: WeekStatus): string {
  if (!s.sentAt) return s.kind;
  const time = `${s.sentAt.slice(5, 10)} ${s.sentAt.slice(11, 16)}`;
  return `${s.kind} ${time}${s.late ? '（逾期）' : ''}`;
}

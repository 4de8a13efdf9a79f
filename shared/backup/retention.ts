/**
 * Which backup files to keep (grandfather–father–son): the newest backup of each of the last
 * 14 days that have one, of each of the last 8 weeks (Monday to Sunday) and of each of the
 * last 12 months. Backups taken before a schema upgrade or before a restore are kept apart:
 * they are not counted here, and the newest 5 of each are kept. Pure: the caller lists the
 * files with their local day.
 */
import { addDays, dayOfWeek } from '../domain/localDate';

export type BackupKind = 'regular' | 'preUpgrade' | 'preRestore';
export type BackupEntry = { name: string; kind: BackupKind; createdAt: number; day: string };

export const RETENTION = { daily: 14, weekly: 8, monthly: 12, special: 5 } as const;

/** The Monday of the week of `day`. */
function weekOf(day: string): string {
  return addDays(day, -((dayOfWeek(day) + 6) % 7));
}

/** The newest entry of each of the first `count` distinct periods (entries newest first). */
function newestPerPeriod(
  entries: readonly BackupEntry[],
  period: (e: BackupEntry) => string,
  count: number,
): BackupEntry[] {
  const seen = new Set<string>();
  const out: BackupEntry[] = [];
  for (const e of entries) {
    const p = period(e);
    if (seen.has(p)) continue;
    if (seen.size === count) break;
    seen.add(p);
    out.push(e);
  }
  return out;
}

/** The names to keep; every other name of `entries` may be deleted. */
export function backupsToKeep(entries: readonly BackupEntry[]): Set<string> {
  const newestFirst = [...entries].sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
  const regular = newestFirst.filter((e) => e.kind === 'regular');
  const keep = [
    ...newestPerPeriod(regular, (e) => e.day, RETENTION.daily),
    ...newestPerPeriod(regular, (e) => weekOf(e.day), RETENTION.weekly),
    ...newestPerPeriod(regular, (e) => e.day.slice(0, 7), RETENTION.monthly),
    ...newestFirst.filter((e) => e.kind === 'preUpgrade').slice(0, RETENTION.special),
    ...newestFirst.filter((e) => e.kind === 'preRestore').slice(0, RETENTION.special),
  ];
  return new Set(keep.map((e) => e.name));
}

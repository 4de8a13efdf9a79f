import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/domain/localDate';
import { backupsToKeep, type BackupEntry } from '@shared/backup/retention';

/** One regular backup a day (two on some days) from `from` for `days` days. */
function daily(from: string, days: number, twiceEvery = 0): BackupEntry[] {
  const out: BackupEntry[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    const at = Date.parse(`${day}T17:00:00+08:00`);
    out.push({ name: `b-${day}-1`, kind: 'regular', createdAt: at, day });
    if (twiceEvery && i % twiceEvery === 0)
      out.push({ name: `b-${day}-2`, kind: 'regular', createdAt: at + 3600_000, day });
  }
  return out;
}

describe('backup retention (14 daily, 8 weekly, 12 monthly)', () => {
  it('keeps everything while there is less than two weeks of backups', () => {
    const entries = daily('2026-11-20', 10);
    expect(backupsToKeep(entries).size).toBe(10);
  });

  it('keeps the newest of a day with two backups', () => {
    const keep = backupsToKeep(daily('2026-11-20', 3, 1));
    expect(keep.has('b-2026-11-20-2')).toBe(true);
    expect(keep.has('b-2026-11-20-1')).toBe(false);
  });

  it('after two years of daily backups keeps 14 days, 8 weeks and 12 months (overlapping)', () => {
    const entries = daily('2024-12-01', 730); // up to 2026-11-30
    const keep = backupsToKeep(entries);
    const days = [...keep].map((n) => n.slice(2, 12)).sort();
    // The 14 newest days are all there.
    for (let i = 0; i < 14; i++) expect(keep.has(`b-${addDays('2026-11-30', -i)}-1`)).toBe(true);
    // Weekly: each of the last 8 weeks (Mon–Sun) has its newest day (a Sunday, or the last day).
    expect(keep.has('b-2026-10-25-1')).toBe(true); // a Sunday 5 weeks back
    // Monthly: the last day of each of the last 12 months.
    for (const m of ['2026-10-31', '2026-09-30', '2026-06-30', '2025-12-31']) expect(keep.has(`b-${m}-1`)).toBe(true);
    expect(keep.has('b-2025-11-30-1')).toBe(false); // the 13th month back
    expect(days[0]! >= '2025-12-01').toBe(true);
    expect(keep.size).toBeLessThanOrEqual(14 + 8 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(14 + 4 + 10);
  });

  it('never counts pre-upgrade or pre-restore backups, and keeps the newest 5 of each', () => {
    const regular = daily('2026-11-01', 30);
    const special: BackupEntry[] = Array.from({ length: 7 }, (_, i) => ({
      name: `u-${i}`,
      kind: i % 2 === 0 ? 'preUpgrade' : 'preRestore',
      createdAt: Date.parse('2026-11-10T10:00:00+08:00') + i * 60_000,
      day: '2026-11-10',
    }));
    const keep = backupsToKeep([...regular, ...special]);
    expect(special.every((e) => keep.has(e.name))).toBe(true); // 4 + 3, each ≤ 5
    expect([...keep].filter((n) => n.startsWith('b-')).length).toBe(backupsToKeep(regular).size);
  });
});

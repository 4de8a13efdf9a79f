/**
 * The backup file of issue 28 (shared/backup/frames.ts): per-table chunks, gzip-compressed, then
 * sealed; the progress a backup, 检查备份 and a restore report; a file of format 1 (the committed
 * fixture, made by the build before) restored through the app's own path before sign-in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { inspectBackup } from '../../renderer/src/db/backup/inspect';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import { BACKUP_MESSAGES } from '../../renderer/src/db/backup/seal';
import { readSnapshot } from '../../renderer/src/db/backup/snapshot';
import type { BackupProgress } from '../../renderer/src/db/backup/progress';
import { BACKUP_CHUNK_ROWS } from '@shared/backup/frames';
import { freshDb, testDesk } from './testDb';
import { memoryBackupDeps } from './backupDeps';
import { V1_FIXTURE, V1_FIXTURE_PASSPHRASE } from './fixtures/backupV1';
import { GENERATED_ADMIN, loadedDb } from './generatedDesk';

const PHRASE = '梅花香自苦寒来2026年';

/** Each step's reports: in order, the count never going back, the last one complete. */
function stepsOf(reports: BackupProgress[]): string[] {
  const steps: string[] = [];
  for (const [i, r] of reports.entries()) {
    const before = reports[i - 1];
    if (before?.step === r.step) expect(r.done).toBeGreaterThanOrEqual(before.done);
    else steps.push(r.step);
    expect(r.done).toBeLessThanOrEqual(r.total);
    const next = reports[i + 1];
    if (!next || next.step !== r.step) expect(r.done, r.step).toBe(r.total);
  }
  return steps;
}

describe('backup format 2', { timeout: 120_000 }, () => {
  it('a backup, 检查备份 and a restore report their progress; the file is a fraction of its rows', async () => {
    const db = await loadedDb('tiny');
    const deps = memoryBackupDeps();
    const desk = testDesk(db, GENERATED_ADMIN);
    const made: BackupProgress[] = [];
    const outcome = await makeBackup(desk, deps, 'regular', { passphrase: PHRASE, onProgress: (p) => made.push(p) });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(stepsOf(made)).toEqual(['read', 'seal']);
    const rows = Object.values(outcome.header.counts).reduce((a, b) => a + b, 0);
    expect(made.at(-1)!.total).toBe(rows);
    // A report per page or chunk: the audit log alone takes more than one.
    expect(outcome.header.counts.auditLog).toBeGreaterThan(BACKUP_CHUNK_ROWS);
    expect(made.filter((p) => p.step === 'read' && p.table === 'auditLog').length).toBeGreaterThan(1);
    const text = deps.files.get(outcome.name)!;
    const json = JSON.stringify(await readSnapshot(db)).length;
    expect(text.length).toBeLessThan(json / 3);

    const checked: BackupProgress[] = [];
    const verified = await inspectBackup(desk, deps, text, undefined, {
      verifyOnly: true,
      onProgress: (p) => checked.push(p),
    });
    expect(verified.tables).toEqual({});
    expect(stepsOf(checked)).toEqual(['open']);
    // 检查备份 reads every chunk: a changed last chunk is refused.
    const lines = text.split('\n');
    const last = JSON.parse(lines.at(-1)!) as { data: string };
    lines[lines.length - 1] = JSON.stringify({
      ...last,
      data: (last.data[0] === 'A' ? 'B' : 'A') + last.data.slice(1),
    });
    await expect(inspectBackup(desk, deps, lines.join('\n'), undefined, { verifyOnly: true })).rejects.toThrow(
      BACKUP_MESSAGES.tampered,
    );

    const restored: BackupProgress[] = [];
    await restoreBackup(desk, deps, text, undefined, { onProgress: (p) => restored.push(p) });
    // Opened, the live data backed up first (read, sealed), then written.
    expect(stepsOf(restored)).toEqual(['open', 'read', 'seal', 'write']);
    expect(await db.visits.count()).toBe(outcome.header.counts.visits);
  });

  it('a backup of format 1 (the committed fixture) is restored before sign-in with its passphrase and an admin PIN', async () => {
    const db = freshDb();
    await db.open();
    const deps = memoryBackupDeps();
    const desk = { ...testDesk(db), actor: null };
    const text = readFileSync(V1_FIXTURE, 'utf8');
    await expect(restoreBackup(desk, deps, text, undefined, { adminPin: '246810' })).rejects.toThrow(
      BACKUP_MESSAGES.needPassphrase,
    );
    const header = await restoreBackup(desk, deps, text, V1_FIXTURE_PASSPHRASE, { adminPin: '246810' });
    expect(header.schema).toBe(29);
    expect((await db.residents.toArray()).map((r) => r.name)).toEqual(['张三']);
    expect(await db.matterTypes.count()).toBe(54);
    // Its 3 audit rows and the restore's own.
    expect((await db.auditLog.toArray()).map((r) => r.action).at(-1)).toBe('backup.restore');
    expect(await db.auditLog.count()).toBe(4);
  }, 120_000);
});

/**
 * The main-process backup writer against a real temp folder (node:fs): atomic rename, retention,
 * injected ENOSPC / EACCES / missing folder → earlier backups intact and the error code
 * returned; the quit-time backup honours its time limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile, utimes, mkdir, open, rename, unlink, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBackupsService, quitTimeBackup, type BackupFs } from '../../../electron/main/services/backups';
import type { IntegrityRecord } from '@shared/ipc/contract';

const realFs: BackupFs = {
  mkdir: (d, o) => mkdir(d, o),
  open: (f, flags) => open(f, flags),
  rename: (a, b) => rename(a, b),
  unlink: (f) => unlink(f),
  readdir: (d) => readdir(d),
  stat: (f) => stat(f),
  readFile: (f, e) => readFile(f, e),
};

let dir: string;
let chosen: string | null;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'duty-desk-backups-'));
  chosen = path.join(dir, 'usb');
  await mkdir(chosen);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function service(fs: BackupFs = realFs) {
  let vault: string | null = null;
  let integrity: unknown = null;
  return createBackupsService({
    fs,
    chosenDir: () => chosen,
    defaultDir: path.join(dir, 'default'),
    dataDir: dir,
    vault: { load: () => vault, save: (k) => (vault = k) },
    integrity: { get: () => integrity, set: (r: IntegrityRecord) => (integrity = r) },
    pickFolder: async () => path.join(dir, 'picked'),
    setChosenDir: (d) => (chosen = d),
  });
}

const name = (day: string, kind = 'regular', machine = 'deskA') =>
  `duty-desk-THL-${machine}-${day.replace(/-/g, '')}-173000-${kind}.ddbak`;

describe('backup writer (main process)', () => {
  it('writes through a temp file and a rename: the folder never holds a half-written backup', async () => {
    const calls: string[] = [];
    const spy: BackupFs = {
      ...realFs,
      open: async (f, flags) => {
        calls.push(`open ${path.basename(f)}`);
        const h = await open(f, flags);
        return {
          writeFile: (d) => (calls.push('write'), h.writeFile(d)),
          sync: () => (calls.push('sync'), h.sync()),
          close: () => (calls.push('close'), h.close()),
        };
      },
      rename: (a, b) => (calls.push(`rename ${path.basename(a)} → ${path.basename(b)}`), rename(a, b)),
    };
    const result = await service(spy).writeBackup({ name: name('2026-11-24'), content: '{"x":1}' });
    expect(result).toEqual({ ok: true, name: name('2026-11-24'), removed: [] });
    const n = name('2026-11-24');
    expect(calls.map((c) => c.replace(/\.\d+-\d+\.tmp/g, '.tmp'))).toEqual([
      `open .${n}.tmp`,
      'write',
      'sync',
      'close',
      `rename .${n}.tmp → ${n}`,
    ]);
    expect(await readdir(chosen!)).toEqual([n]);
    expect(await readFile(path.join(chosen!, n), 'utf8')).toBe('{"x":1}');
  });

  it('creates the default folder; a chosen folder that is gone is an error, not a new folder', async () => {
    chosen = null;
    expect((await service().writeBackup({ name: name('2026-11-24'), content: 'a' })).ok).toBe(true);
    expect(await readdir(path.join(dir, 'default'))).toHaveLength(1);
    chosen = path.join(dir, 'unplugged-usb');
    expect(await service().writeBackup({ name: name('2026-11-25'), content: 'a' })).toEqual({
      ok: false,
      code: 'ENOENT',
    });
    expect((await service().backupStatus()).reachable).toBe(false);
  });

  it.each([
    ['ENOSPC', 'write'],
    ['EACCES', 'open'],
    ['ENOSPC', 'sync'],
  ] as const)('%s during %s: earlier backups intact, no temp file left, the code returned', async (code, during) => {
    const s = service();
    await s.writeBackup({ name: name('2026-11-23'), content: 'earlier' });
    const failing: BackupFs = {
      ...realFs,
      open: async (f, flags) => {
        const err = Object.assign(new Error(code), { code });
        if (during === 'open') throw err;
        const h = await open(f, flags);
        return {
          writeFile: async (d) => {
            if (during === 'write') {
              await h.writeFile(d.slice(0, 3));
              throw err;
            }
            return h.writeFile(d);
          },
          sync: async () => {
            if (during === 'sync') throw err;
            return h.sync();
          },
          close: () => h.close(),
        };
      },
    };
    expect(await service(failing).writeBackup({ name: name('2026-11-24'), content: 'the new one' })).toEqual({
      ok: false,
      code,
    });
    expect(await readdir(chosen!)).toEqual([name('2026-11-23')]);
    expect(await readFile(path.join(chosen!, name('2026-11-23')), 'utf8')).toBe('earlier');
  });

  it('trims the folder by retention after a good write, never touching other files', async () => {
    const s = service();
    await writeFile(path.join(chosen!, 'notes.txt'), 'not a backup');
    // Another desk shares the folder: its backups are its own set, never trimmed by this one.
    for (let i = 0; i < 30; i++) {
      const day = new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10);
      await writeFile(path.join(chosen!, name(day, 'regular', 'deskB')), 'other desk');
    }
    // 40 daily backups, oldest first, with their times.
    for (let i = 0; i < 40; i++) {
      const day = new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10);
      const file = path.join(chosen!, name(day));
      await writeFile(file, 'x');
      const t = new Date(`${day}T09:30:00Z`);
      await utimes(file, t, t);
    }
    const special = path.join(chosen!, name('2026-10-02', 'preUpgrade'));
    await writeFile(special, 'x');
    await utimes(special, new Date('2026-10-02T09:30:00Z'), new Date('2026-10-02T09:30:00Z'));
    const result = await s.writeBackup({ name: name('2026-11-10'), content: 'newest' });
    expect(result.ok).toBe(true);
    const left = await readdir(chosen!);
    expect(left).toContain('notes.txt');
    expect(left).toContain(name('2026-10-02', 'preUpgrade'));
    expect(left).toContain(name('2026-11-10'));
    const mine = left.filter((n) => n.includes('-deskA-') && n.endsWith('regular.ddbak'));
    expect(mine.length).toBeLessThan(41);
    expect(result.ok && result.removed.length).toBe(41 - mine.length);
    expect(left.filter((n) => n.includes('-deskB-'))).toHaveLength(30);
    expect((await s.listBackups())[0]?.name).toBe(name('2026-11-10'));
  });

  it('a chosen folder is kept and used from then on', async () => {
    const s = service();
    expect(await s.chooseBackupFolder()).toEqual({ chosen: true, dir: path.join(dir, 'picked') });
    expect(chosen).toBe(path.join(dir, 'picked'));
    expect((await s.backupStatus()).dir).toBe(path.join(dir, 'picked'));
  });

  it('keeps the machine key and the wipe-detection record; a malformed record reads as none', () => {
    const s = service();
    expect(s.loadBackupKey()).toBeNull();
    s.saveBackupKey({ key: '{"keyId":"k"}' });
    expect(s.loadBackupKey()).toBe('{"keyId":"k"}');
    expect(s.readIntegrity()).toBeNull();
    s.writeIntegrity({ generation: 'g', updatedAt: 1, counts: { cases: 3 } });
    expect(s.readIntegrity()).toEqual({ generation: 'g', updatedAt: 1, counts: { cases: 3 } });
  });
});

describe('quit-time backup', () => {
  it('waits for the backup, but never longer than its limit', async () => {
    expect(await quitTimeBackup(() => Promise.resolve(), 1000)).toBe('done');
    expect(await quitTimeBackup(() => Promise.reject(new Error('disk')), 1000)).toBe('failed');
    const never = () => new Promise<void>(() => undefined);
    const t0 = Date.now();
    expect(await quitTimeBackup(never, 50)).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

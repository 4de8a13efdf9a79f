/**
 * The main-process backup writer against a real temp folder (node:fs): atomic rename, retention,
 * injected ENOSPC / EACCES / missing folder → earlier backups intact and the error code
 * returned; the quit-time backup honours its time limit. The backup folder is set only from the
 * folder dialog's answer, and never to a system folder or one it cannot write. The key ring
 * (issue 22): the page gets the own key only; other machines' keys stay in main, which opens
 * their files (sealed by the renderer's WebCrypto code, opened with node:crypto).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile, utimes, mkdir, open, rename, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createBackupsService,
  isSystemFolder,
  quitTimeBackup,
  type BackupFs,
} from '../../../electron/main/services/backups';
import { parseRing } from '../../../electron/main/services/backupKeyRing';
import { createIpcRegistry } from '../../../electron/main/ipc/registry';
import type { BackupKeyRecord } from '@shared/backup/format';
import type { BackupOpenResult, IntegrityRecord } from '@shared/ipc/contract';
import { newBackupKey, sealBackup, type BackupKey } from '../../../renderer/src/db/backup/seal';
import { toB64 } from '../../../renderer/src/db/bytes';
import { fakeIpcMain, fakeVault, mainFrameEvent, nodeBackupFs } from './fakes';
import { V1_FIXTURE_PASSPHRASE } from '../../db/fixtures/backupV1';
import type { KeyVault } from '../../../electron/main/services/keyVault';

const realFs = nodeBackupFs;

let dir: string;
let chosen: string | null;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'duty-desk-backups-'));
  chosen = path.join(dir, 'usb');
  await mkdir(chosen);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

let picked: string | null;
beforeEach(() => {
  picked = path.join(dir, 'picked');
});

function service(fs: BackupFs = realFs, vault: KeyVault = fakeVault()) {
  let integrity: unknown = null;
  return createBackupsService({
    fs,
    chosenDir: () => chosen,
    defaultDir: path.join(dir, 'default'),
    dataDir: dir,
    vault,
    integrity: { get: () => integrity, set: (r: IntegrityRecord) => (integrity = r) },
    pickFolder: async () => picked,
    setChosenDir: (d) => (chosen = d),
    platform: 'linux',
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
    await mkdir(path.join(dir, 'picked'));
    expect(await s.chooseBackupFolder()).toEqual({ chosen: true, dir: path.join(dir, 'picked') });
    expect(chosen).toBe(path.join(dir, 'picked'));
    expect((await s.backupStatus()).dir).toBe(path.join(dir, 'picked'));
  });

  it('keeps the machine key and the wipe-detection record; a malformed record reads as none', async () => {
    const s = service();
    expect(s.loadBackupKey()).toBeNull();
    const own = await keyOf('本机的备份密码 第一把钥匙');
    s.saveBackupKey(own.record);
    expect(s.loadBackupKey()).toEqual(own.record);
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

/** A machine key (few PBKDF2 rounds: the format, not the cost, is under test) and its stored record. */
async function keyOf(passphrase: string): Promise<{ key: BackupKey; record: BackupKeyRecord; rawB64: string }> {
  const { backupKey, raw } = await newBackupKey(passphrase, 1000);
  const rawB64 = toB64(raw);
  return { key: backupKey, rawB64, record: { keyId: backupKey.keyId, rawB64, passphraseKey: backupKey.passphraseKey } };
}

const TABLES = { residents: [{ id: 'r1', name: '张三', idNumber: '110101199003077777' }], auditLog: [] };
const header = (createdAt: number) => ({
  app: 'test',
  schema: 5,
  createdAt,
  createdBy: null,
  community: 'THL',
  generation: 'g',
  kind: 'regular' as const,
  counts: { residents: 1, auditLog: 0 },
});

/** The key channels as the page reaches them: through the registry, from the app's main frame. */
function keyChannels(s: ReturnType<typeof service>) {
  const ipcMain = fakeIpcMain();
  const registry = createIpcRegistry({ ipcMain, appOrigin: 'app://duty-desk', log: () => undefined });
  registry.handle('backup:keyLoad', () => s.loadBackupKey());
  registry.handle('backup:keySave', (r) => s.saveBackupKey(r));
  registry.handle('backup:open', (r) => s.openBackup(r));
  const call = (channel: string, arg?: unknown) => ipcMain.invoke(mainFrameEvent(), channel, arg);
  return {
    keyLoad: () => call('backup:keyLoad') as Promise<BackupKeyRecord | null>,
    keySave: (r: BackupKeyRecord) => call('backup:keySave', r),
    open: (content: string, passphrase?: string) =>
      call('backup:open', {
        content,
        currentSchema: 5,
        ...(passphrase ? { passphrase } : {}),
      }) as Promise<BackupOpenResult>,
  };
}

describe('the backup keys stay in main (issue 22)', () => {
  it("the page never receives another machine's raw key: main opens that machine's file and keeps its key", async () => {
    const vault = fakeVault();
    const page = keyChannels(service(realFs, vault));
    const mine = await keyOf('本机的备份密码 春天花开');
    const other = await keyOf('另一台电脑 的备份密码 秋月');
    await page.keySave(mine.record);
    const theirFile = await sealBackup(TABLES, header(1), other.key);

    const seen: unknown[] = [];
    // Without the passphrase: refused, no key handed over.
    seen.push(await page.open(theirFile));
    expect(seen[0]).toEqual({ ok: false, code: 'needPassphrase' });
    seen.push(await page.open(theirFile, '错误的密码 不对不对'));
    expect(seen[1]).toEqual({ ok: false, code: 'wrongPassphrase' });
    // With it: the header and the tables, no key.
    const opened = await page.open(theirFile, '另一台电脑 的备份密码 秋月');
    seen.push(opened);
    expect(opened).toEqual({ ok: true, header: { ...header(1), keyId: other.key.keyId }, tables: TABLES });
    // Main kept it: the same file opens without the passphrase from now on …
    seen.push(await page.open(theirFile));
    expect(seen.at(-1)).toMatchObject({ ok: true });
    // … and the page still gets only its own key.
    const loaded = await page.keyLoad();
    seen.push(loaded);
    expect(loaded).toEqual(mine.record);
    for (const answer of seen) {
      expect(JSON.stringify(answer)).not.toContain(other.rawB64);
      expect(JSON.stringify(answer)).not.toContain(other.key.passphraseKey.wrapped);
    }
    // The other key is in main's (OS-encrypted) ring.
    expect(parseRing(vault.ringText()).others.map((k) => k.keyId)).toEqual([other.key.keyId]);
  });

  it("a key a passphrase unlocked never becomes this machine's own, even on a machine that has none", async () => {
    const vault = fakeVault();
    const page = keyChannels(service(realFs, vault));
    const other = await keyOf('另一台电脑 的备份密码 秋月');
    const theirFile = await sealBackup(TABLES, header(1), other.key);
    expect(await page.open(theirFile, '另一台电脑 的备份密码 秋月')).toMatchObject({ ok: true });
    // Kept beside (the file opens again), but new backups are not sealed with it: no own key.
    expect(await page.keyLoad()).toBeNull();
    expect(parseRing(vault.ringText()).own).toBeNull();
    expect(parseRing(vault.ringText()).others.map((k) => k.keyId)).toEqual([other.key.keyId]);
  });

  it("a new own key (the passphrase changed) retires the old one: this machine's older backups still open without a passphrase, elsewhere with the OLD passphrase", async () => {
    const vault = fakeVault();
    const page = keyChannels(service(realFs, vault));
    const first = await keyOf('第一个备份密码 春天花开');
    await page.keySave(first.record);
    const oldFile = await sealBackup(TABLES, header(1), first.key);
    const second = await keyOf('第二个备份密码 夏天荷花');
    await page.keySave(second.record);
    expect(await page.keyLoad()).toEqual(second.record);
    expect(await page.open(oldFile)).toMatchObject({ ok: true, tables: TABLES });
    // Another machine (an empty ring): only the old passphrase opens the old file.
    const elsewhere = keyChannels(service(realFs));
    expect(await elsewhere.open(oldFile, '第二个备份密码 夏天荷花')).toEqual({ ok: false, code: 'wrongPassphrase' });
    expect(await elsewhere.open(oldFile, '第一个备份密码 春天花开')).toMatchObject({ ok: true });
    const ring = parseRing(vault.ringText());
    expect(ring.own?.keyId).toBe(second.key.keyId);
    expect(ring.retired.map((k) => k.keyId)).toEqual([first.key.keyId]);
  });

  it('refuses a file that is not a backup, a newer schema, a changed byte — by code, before anything else', async () => {
    const s = service();
    const mine = await keyOf('本机的备份密码 春天花开');
    s.saveBackupKey(mine.record);
    const file = await sealBackup(TABLES, header(1), mine.key);
    const [head = '', ...chunks] = file.split('\n');
    expect(await s.openBackup({ content: '{"x":1}', currentSchema: 5 })).toEqual({ ok: false, code: 'notBackup' });
    // The head cut short: not a backup; a chunk cut short or left off: refused as changed.
    expect(await s.openBackup({ content: head.slice(0, -20), currentSchema: 5 })).toEqual({
      ok: false,
      code: 'notBackup',
    });
    expect(await s.openBackup({ content: file.slice(0, -20), currentSchema: 5 })).toEqual({
      ok: false,
      code: 'tampered',
    });
    expect(await s.openBackup({ content: `${head}\n`, currentSchema: 5 })).toEqual({ ok: false, code: 'tampered' });
    expect(await s.openBackup({ content: file, currentSchema: 4 })).toEqual({ ok: false, code: 'newer', schema: 5 });
    const chunk = JSON.parse(chunks[0]!) as { data: string };
    const flipped = JSON.stringify({ ...chunk, data: (chunk.data[0] === 'A' ? 'B' : 'A') + chunk.data.slice(1) });
    expect(await s.openBackup({ content: [head, flipped].join('\n'), currentSchema: 5 })).toEqual({
      ok: false,
      code: 'tampered',
    });
    const parsedHead = JSON.parse(head) as { header: { createdAt: number } };
    const head2 = JSON.stringify({ ...parsedHead, header: { ...parsedHead.header, createdAt: 2 } });
    expect(await s.openBackup({ content: [head2, ...chunks].join('\n'), currentSchema: 5 })).toEqual({
      ok: false,
      code: 'tampered',
    });
    expect(await s.openBackup({ content: file, currentSchema: 5 })).toMatchObject({ ok: true });
  });

  it('format 2: a table in several gzip chunks opens whole; chunks moved, repeated or left off are refused', async () => {
    const s = service();
    const mine = await keyOf('本机的备份密码 春天花开');
    s.saveBackupKey(mine.record);
    const visits = Array.from({ length: 4_500 }, (_, i) => ({
      id: `v${String(i).padStart(5, '0')}`,
      day: '2026-11-24',
      note: '咨询社保',
    }));
    const tables = { ...TABLES, visits };
    const file = await sealBackup(
      tables,
      { ...header(1), counts: { residents: 1, auditLog: 0, visits: 4_500 } },
      mine.key,
    );
    const [head = '', ...chunks] = file.split('\n');
    expect(chunks.map((c) => (JSON.parse(c) as { table: string; rows: number }).rows)).toEqual([1, 2_000, 2_000, 500]);
    // Compressed before it was sealed: far smaller than the rows' JSON.
    expect(file.length).toBeLessThan(JSON.stringify(tables).length / 3);
    expect(await s.openBackup({ content: file, currentSchema: 5 })).toEqual({
      ok: true,
      header: expect.anything(),
      tables,
    });
    // 检查备份: every chunk checked, no row sent back to the page.
    expect(await s.openBackup({ content: file, currentSchema: 5, verifyOnly: true })).toMatchObject({
      ok: true,
      tables: {},
    });
    const refused = { ok: false, code: 'tampered' };
    const [a, b, c, d] = chunks as [string, string, string, string];
    expect(await s.openBackup({ content: [head, a, c, b, d].join('\n'), currentSchema: 5 })).toEqual(refused);
    expect(await s.openBackup({ content: [head, a, b, b, c, d].join('\n'), currentSchema: 5 })).toEqual(refused);
    expect(await s.openBackup({ content: [head, a, b, c].join('\n'), currentSchema: 5 })).toEqual(refused);
    expect(await s.openBackup({ content: [head, a, b, c, d, d].join('\n'), currentSchema: 5 })).toEqual(refused);
    // A chunk of another file sealed with the same key, in the same place: its additional data differs.
    const other = (
      await sealBackup(tables, { ...header(2), counts: { residents: 1, auditLog: 0, visits: 4_500 } }, mine.key)
    ).split('\n');
    expect(await s.openBackup({ content: [head, a, other[2], c, d].join('\n'), currentSchema: 5 })).toEqual(refused);
  });

  it('opens a backup of format 1 (made before issue 28) with its passphrase: the committed fixture', async () => {
    const s = service();
    const v1 = await readFile(path.join(__dirname, '../../db/fixtures/backup-v1.ddbak'), 'utf8');
    expect(await s.openBackup({ content: v1, currentSchema: 29 })).toEqual({ ok: false, code: 'needPassphrase' });
    const opened = await s.openBackup({ content: v1, currentSchema: 29, passphrase: V1_FIXTURE_PASSPHRASE });
    if (!opened.ok) throw new Error(opened.code);
    expect(opened.header.counts.matterTypes).toBe(54);
    expect(opened.tables.residents).toHaveLength(1);
    expect(opened.tables.auditLog).toHaveLength(3);
    // Opened once with the passphrase, its key is kept: it opens again without it.
    expect(await s.openBackup({ content: v1, currentSchema: 29 })).toMatchObject({ ok: true });
    // A changed character of its data: refused.
    const parsed = JSON.parse(v1) as { data: string };
    const flipped = JSON.stringify({ ...parsed, data: (parsed.data[0] === 'A' ? 'B' : 'A') + parsed.data.slice(1) });
    expect(await s.openBackup({ content: flipped, currentSchema: 29 })).toEqual({ ok: false, code: 'tampered' });
  }, 60_000);

  it('a damaged ring record is left out, never the whole ring', async () => {
    const mine = await keyOf('本机的备份密码 春天花开');
    expect(parseRing('not json')).toEqual({ own: null, retired: [], others: [] });
    expect(parseRing(JSON.stringify({ own: mine.record, others: [{ keyId: 'x' }, mine.record] }))).toEqual({
      own: mine.record,
      retired: [],
      others: [mine.record],
    });
  });
});

describe('the backup folder is set only from the folder dialog, and never a system folder (issue 22)', () => {
  it('refuses a system folder, a folder it cannot write, a path that is no folder; keeps the one before', async () => {
    const s = service();
    const before = chosen;
    for (const system of ['/', '/etc', '/usr/share', '/proc', '/sys', '/dev']) {
      picked = system;
      expect(await s.chooseBackupFolder()).toEqual({ chosen: false, refused: 'system' });
    }
    // A link to a system folder is the system folder.
    await symlink('/etc', path.join(dir, 'innocent'));
    picked = path.join(dir, 'innocent');
    expect(await s.chooseBackupFolder()).toEqual({ chosen: false, refused: 'system' });
    picked = path.join(dir, 'gone');
    expect(await s.chooseBackupFolder()).toEqual({ chosen: false, refused: 'notFolder' });
    await writeFile(path.join(dir, 'a-file'), 'x');
    picked = path.join(dir, 'a-file');
    expect(await s.chooseBackupFolder()).toEqual({ chosen: false, refused: 'notFolder' });
    picked = 'relative/folder';
    expect(await s.chooseBackupFolder()).toEqual({ chosen: false, refused: 'notFolder' });
    // No permission to write there (as the OS answers it: a test run as root ignores mode bits).
    const readOnly: BackupFs = {
      ...realFs,
      open: async () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
    };
    await mkdir(path.join(dir, 'read-only'));
    picked = path.join(dir, 'read-only');
    expect(await service(readOnly).chooseBackupFolder()).toEqual({ chosen: false, refused: 'notWritable' });
    expect(chosen).toBe(before);
    // Cancelled: nothing changes.
    picked = null;
    expect(await s.chooseBackupFolder()).toEqual({ chosen: false });
    expect(chosen).toBe(before);
    // A good folder: chosen, and the write probe left nothing behind.
    picked = path.join(dir, 'read-only');
    expect(await s.chooseBackupFolder()).toEqual({ chosen: true, dir: picked });
    expect(await readdir(picked)).toEqual([]);
  });

  it.each([
    ['linux', '/', true],
    ['linux', '/etc', true],
    ['linux', '/etc/duty-desk', true],
    ['linux', '/usr/local/backups', true],
    ['linux', '/bin', true],
    ['linux', '/proc/self', true],
    ['linux', '/sys/', true],
    ['linux', '/dev/shm', true],
    ['linux', '/var/lib', true],
    ['linux', '/home', true],
    ['linux', '/media', true],
    ['linux', '/etc/../etc/ssh', true],
    ['linux', '/home/desk/备份', false],
    ['linux', '/media/desk/U盘', false],
    ['linux', '/mnt/nas/duty-desk', false],
    ['linux', '/etcetera', false],
    ['linux', '/run/media/desk/KINGSTON', false],
    ['linux', '/run/media/desk', true],
    ['win32', 'C:\\', true],
    ['win32', 'c:/', true],
    ['win32', 'C:\\Windows', true],
    ['win32', 'C:\\WINDOWS\\System32', true],
    ['win32', 'C:/Program Files/DutyDesk', true],
    ['win32', 'C:\\Program Files (x86)', true],
    ['win32', 'C:\\ProgramData\\x', true],
    ['win32', 'C:\\Users', true],
    ['win32', 'C:\\Users\\张三\\Documents\\备份', false],
    ['win32', 'E:\\', false],
    ['win32', 'E:\\Windows', false],
    ['win32', 'D:\\值班台备份', false],
    ['win32', 'C:\\Windows备份', false],
  ] as const)('%s %s → system folder: %s', (platform, folder, system) => {
    expect(isSystemFolder(folder, platform)).toBe(system);
  });
});

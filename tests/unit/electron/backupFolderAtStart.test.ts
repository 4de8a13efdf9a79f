// A backup folder kept by an earlier version (before the folder was checked) is re-checked when
// main starts: a system folder or one it cannot write is not used — backups go to the default
// folder, the status says why (工作台 warns), until an admin chooses a folder again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBackupsService, type BackupFs } from '../../../electron/main/services/backups';
import { fakeVault, nodeBackupFs } from './fakes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'duty-desk-folder-start-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function service(kept: string | null, fs: BackupFs = nodeBackupFs) {
  const setting = { dir: kept };
  let picked: string | null = null;
  const s = createBackupsService({
    fs,
    chosenDir: () => setting.dir,
    defaultDir: path.join(dir, 'default'),
    dataDir: dir,
    vault: fakeVault(),
    integrity: { get: () => null, set: () => undefined },
    pickFolder: async () => picked,
    setChosenDir: (d) => (setting.dir = d),
    platform: 'linux',
  });
  return { s, setting, pick: (d: string) => (picked = d) };
}

const NAME = 'duty-desk-THL-deskA-20261124-173000-regular.ddbak';

describe('the kept backup folder, re-checked at start', () => {
  it('a system folder: the default is used and the status says why; the setting is kept until an admin chooses', async () => {
    const { s, setting, pick } = service('/etc');
    expect(await s.checkChosenFolder()).toBe('system');
    expect(await s.backupStatus()).toMatchObject({ dir: path.join(dir, 'default'), folderRefusedAtStart: 'system' });
    expect((await s.writeBackup({ name: NAME, content: '{}' })).ok).toBe(true);
    expect(await readdir(path.join(dir, 'default'))).toEqual([NAME]);
    expect(setting.dir).toBe('/etc');
    // The admin chooses again: that folder, and no more warning.
    await mkdir(path.join(dir, 'usb'));
    pick(path.join(dir, 'usb'));
    expect(await s.chooseBackupFolder()).toEqual({ chosen: true, dir: path.join(dir, 'usb') });
    const status = await s.backupStatus();
    expect(status.dir).toBe(path.join(dir, 'usb'));
    expect(status.folderRefusedAtStart).toBeUndefined();
  });

  it('a folder it cannot write is refused the same way', async () => {
    await mkdir(path.join(dir, 'read-only'));
    const readOnly: BackupFs = {
      ...nodeBackupFs,
      open: async (f, flags) => {
        if (f.startsWith(path.join(dir, 'read-only'))) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return nodeBackupFs.open(f, flags);
      },
    };
    const { s } = service(path.join(dir, 'read-only'), readOnly);
    expect(await s.checkChosenFolder()).toBe('notWritable');
    expect(await s.backupStatus()).toMatchObject({
      dir: path.join(dir, 'default'),
      folderRefusedAtStart: 'notWritable',
    });
  });

  it('a good folder, none kept, or one that is gone (a USB drive not plugged in) is left as it is', async () => {
    await mkdir(path.join(dir, 'usb'));
    const good = service(path.join(dir, 'usb'));
    expect(await good.s.checkChosenFolder()).toBeNull();
    expect((await good.s.backupStatus()).dir).toBe(path.join(dir, 'usb'));
    expect(await service(null).s.checkChosenFolder()).toBeNull();
    const gone = service(path.join(dir, 'gone'));
    expect(await gone.s.checkChosenFolder()).toBeNull();
    expect(await gone.s.writeBackup({ name: NAME, content: '{}' })).toMatchObject({ ok: false, code: 'ENOENT' });
  });
});

/**
 * 周报接收's folder (issue 27): main shows the folder dialog (Electron's dialog double, fakes.ts),
 * reads the `*.json` files of the folder picked — names sorted, texts as UTF-8 — and skips what is
 * too large; a canceled dialog reads nothing; the folder's path never goes back to the page.
 */
import path from 'node:path';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createFilesService } from '../../../electron/main/services/files';
import { PACKAGE_FOLDER_DIALOG, pickFolderWith } from '../../../electron/main/dialogs';
import { PACKAGE_FOLDER_LIMITS } from '../../../shared/ipc/contract';
import { fakeOpenDialog, fakeSaveDialog, OPEN_DIALOG_CANCELED, SAVE_DIALOG_CANCELED } from './fakes';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'street-packages-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text, 'utf8');
  return dir;
}

function service(dialog: ReturnType<typeof fakeOpenDialog>) {
  return createFilesService({
    showSaveDialog: fakeSaveDialog(SAVE_DIALOG_CANCELED),
    writeFile: async () => {},
    defaultDir: os.tmpdir(),
    pickPackageFolder: pickFolderWith(dialog, PACKAGE_FOLDER_DIALOG),
    listDir: async (dir) =>
      Promise.all(
        (await readdir(dir, { withFileTypes: true })).map(async (e) => ({
          name: e.name,
          isFile: e.isFile(),
          size: e.isFile() ? (await stat(path.join(dir, e.name))).size : 0,
        })),
      ),
    readText: (p) => readFile(p, 'utf8'),
  });
}

describe('files:openPackageFolder', () => {
  it('reads the JSON files of the folder picked, sorted by name, and nothing else', async () => {
    const dir = await folderWith({
      '第48周-桃花岭.json': '{"format":"duty-desk.report"}',
      'A-岳麓.JSON': '{"a":1}',
      '说明.txt': 'not a package',
    });
    const dialog = fakeOpenDialog({ canceled: false, filePaths: [dir] });
    const result = await service(dialog).openPackageFolder();
    expect(dialog).toHaveBeenCalledWith({ title: '选择存放社区周报的文件夹', properties: ['openDirectory'] });
    expect(result).toEqual({
      chosen: true,
      files: [
        { name: 'A-岳麓.JSON', text: '{"a":1}' },
        { name: '第48周-桃花岭.json', text: '{"format":"duty-desk.report"}' },
      ],
      skipped: [],
    });
    expect(JSON.stringify(result)).not.toContain(dir);
  });

  it('a canceled dialog reads nothing', async () => {
    expect(await service(fakeOpenDialog(OPEN_DIALOG_CANCELED)).openPackageFolder()).toEqual({
      chosen: false,
      reason: 'canceled',
    });
  });

  it('skips a file too large to be a package, naming it', async () => {
    const dir = await folderWith({ 'big.json': 'x'.repeat(16), 'ok.json': '{}' });
    const files = createFilesService({
      showSaveDialog: fakeSaveDialog(SAVE_DIALOG_CANCELED),
      writeFile: async () => {},
      defaultDir: dir,
      pickPackageFolder: async () => dir,
      listDir: async () => [
        { name: 'big.json', isFile: true, size: PACKAGE_FOLDER_LIMITS.maxBytes + 1 },
        { name: 'ok.json', isFile: true, size: 2 },
      ],
      readText: (p) => readFile(p, 'utf8'),
    });
    expect(await files.openPackageFolder()).toEqual({
      chosen: true,
      files: [{ name: 'ok.json', text: '{}' }],
      skipped: [{ name: 'big.json', reason: '文件过大，不是周报文件' }],
    });
  });

  it('without the folder dependencies (no dialog) it says unsupported', async () => {
    const files = createFilesService({
      showSaveDialog: fakeSaveDialog(SAVE_DIALOG_CANCELED),
      writeFile: async () => {},
      defaultDir: os.tmpdir(),
    });
    expect(await files.openPackageFolder()).toEqual({ chosen: false, reason: 'unsupported' });
  });
});

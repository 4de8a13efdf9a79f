import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFilesService, decodeContent } from '../../../electron/main/services/files';
import type { SaveDialogResult } from '../../../electron/main/services/files';
import { fakeSaveDialog, SAVE_DIALOG_CANCELED } from './fakes';

function setup(dialogResult: SaveDialogResult) {
  const showSaveDialog = fakeSaveDialog(dialogResult);
  const writeFile = vi.fn(async (_path: string, _data: Uint8Array) => {});
  const service = createFilesService({
    showSaveDialog,
    writeFile,
    defaultDir: '/home/desk/Documents',
    pathApi: path.posix,
  });
  return { service, showSaveDialog, writeFile };
}

const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

describe('files service', () => {
  it('returns canceled and writes nothing when the dialog is canceled (filePath "" as documented)', async () => {
    const { service, writeFile } = setup(SAVE_DIALOG_CANCELED);
    await expect(service.saveFile({ suggestedName: '周报.csv', content: 'a,b', encoding: 'utf8' })).resolves.toEqual({
      saved: false,
      reason: 'canceled',
    });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('treats a canceled dialog without filePath (older releases), and one without a path, as canceled', async () => {
    const { service: older, writeFile: olderWrite } = setup({ canceled: true });
    await expect(older.saveFile({ suggestedName: 'a.csv', content: 'x', encoding: 'utf8' })).resolves.toEqual({
      saved: false,
      reason: 'canceled',
    });
    expect(olderWrite).not.toHaveBeenCalled();
    const { service, writeFile } = setup({ canceled: false });
    await expect(service.saveFile({ suggestedName: 'a.csv', content: 'x', encoding: 'utf8' })).resolves.toEqual({
      saved: false,
      reason: 'canceled',
    });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('writes UTF-8 text (BOM kept) and returns only the base name', async () => {
    const { service, showSaveDialog, writeFile } = setup({
      canceled: false,
      filePath: '/media/usb/报表/第12周汇总.csv',
    });
    const content = '\uFEFF姓名,事项\n张三,居住证明\n';
    const result = await service.saveFile({
      suggestedName: '第12周汇总.csv',
      content,
      encoding: 'utf8',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(result).toEqual({ saved: true, fileName: '第12周汇总.csv' });
    expect(JSON.stringify(result)).not.toContain('/media/usb');
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/desk/Documents/第12周汇总.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    const [writtenPath, data] = writeFile.mock.calls[0] ?? [];
    expect(writtenPath).toBe('/media/usb/报表/第12周汇总.csv');
    expect(data?.[0]).toBe(0xef); // UTF-8 BOM survives, so Excel reads it as UTF-8
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(data)).toBe(content);
  });

  it('decodes base64 content to the exact bytes', async () => {
    const { service, writeFile } = setup({ canceled: false, filePath: '/tmp/out.xlsx' });
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10]);
    const result = await service.saveFile({
      suggestedName: 'out.xlsx',
      content: Buffer.from(bytes).toString('base64'),
      encoding: 'base64',
    });
    expect(result).toEqual({ saved: true, fileName: 'out.xlsx' });
    expect(writeFile.mock.calls[0]?.[1]).toEqual(bytes);
  });

  it('refuses malformed base64 before opening the dialog', async () => {
    const { service, showSaveDialog, writeFile } = setup({ canceled: false, filePath: '/tmp/x.bin' });
    await expect(
      service.saveFile({ suggestedName: 'x.bin', content: 'not base64!!', encoding: 'base64' }),
    ).rejects.toThrow('invalid-base64');
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('propagates write errors (e.g. disk full) to the caller', async () => {
    const { service, writeFile } = setup({ canceled: false, filePath: '/tmp/x.csv' });
    writeFile.mockRejectedValueOnce(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    await expect(service.saveFile({ suggestedName: 'x.csv', content: 'x', encoding: 'utf8' })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
  });

  it('decodeContent handles both encodings', () => {
    expect(text(decodeContent('社区', 'utf8'))).toBe('社区');
    expect(text(decodeContent('56S+5Yy6', 'base64'))).toBe('社区');
    expect(text(decodeContent('', 'base64'))).toBe('');
    expect(() => decodeContent('abc', 'base64')).toThrow('invalid-base64');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { defaultAppSettings } from '../../../shared/ipc/contract';
import type { AppSettings, SaveResult } from '../../../shared/ipc/contract';
import {
  createPrintingService,
  htmlDataUrl,
  isCancelReason,
  MAX_DATA_URL_CHARS,
  toPdfPageSize,
  toPrintPageSize,
  withExtension,
} from '../../../electron/main/services/printing';
import type { PrintingDeps } from '../../../electron/main/services/printing';
import { fakePrintWindow } from './fakes';

type FakeWindow = ReturnType<typeof fakePrintWindow>;
const fakeWindow = fakePrintWindow;

function setup(win: FakeWindow, settings: Partial<AppSettings> = {}, extra: Partial<PrintingDeps> = {}) {
  const saveBytes = vi.fn(async (_req: { suggestedName: string; data: Uint8Array }): Promise<SaveResult> => ({
    saved: true,
    fileName: 'x.pdf',
  }));
  const tempFiles = {
    write: vi.fn(async (_html: string) => '/tmp/duty-desk-print-1/document.html'),
    remove: vi.fn(async () => {}),
  };
  const log = vi.fn<(line: string) => void>();
  const service = createPrintingService({
    createHiddenWindow: () => win,
    getSettings: () => ({ ...defaultAppSettings, ...settings }),
    files: { saveBytes },
    tempFiles,
    log,
    ...extra,
  });
  return { service, saveBytes, tempFiles, log };
}

const receipt = '<!doctype html><meta charset="utf-8"><h1>社区值班台 回执</h1>';

describe('page sizes', () => {
  it('converts millimetres to microns for print() and inches for printToPDF()', () => {
    expect(toPrintPageSize('A4')).toBe('A4');
    expect(toPrintPageSize({ widthMm: 80, heightMm: 200 })).toEqual({ width: 80_000, height: 200_000 });
    expect(toPdfPageSize('A4')).toBe('A4');
    expect(toPdfPageSize({ widthMm: 254, heightMm: 50.8 })).toEqual({ width: 10, height: 2 });
  });

  it('helpers', () => {
    expect(isCancelReason('Print job canceled')).toBe(true);
    expect(isCancelReason('cancelled')).toBe(true);
    expect(isCancelReason('Print job failed')).toBe(false);
    expect(withExtension('回执', 'pdf')).toBe('回执.pdf');
    expect(withExtension('回执.PDF', 'pdf')).toBe('回执.PDF');
    const url = htmlDataUrl(receipt);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(receipt);
  });
});

describe('printHtml', () => {
  it('prints silently to the configured printer, loads the HTML as a data: URL and destroys the window', async () => {
    const win = fakeWindow();
    const { service } = setup(win, { printerName: 'XP-80C', silentPrint: true });
    const result = await service.printHtml({ html: receipt, pageSize: { widthMm: 80, heightMm: 150 } });
    expect(result).toEqual({ printed: true });
    expect(win.loadURL).toHaveBeenCalledWith(htmlDataUrl(receipt));
    expect(win.webContents.print).toHaveBeenCalledWith(
      { silent: true, deviceName: 'XP-80C', pageSize: { width: 80_000, height: 150_000 }, printBackground: true },
      expect.any(Function),
    );
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('a request can ask for the dialog even when silent printing is the default', async () => {
    const win = fakeWindow();
    const { service } = setup(win, { printerName: 'XP-80C', silentPrint: true });
    await service.printHtml({ html: receipt, pageSize: 'A4', silent: false });
    expect(win.webContents.print.mock.calls[0]?.[0]).toMatchObject({
      silent: false,
      deviceName: 'XP-80C',
      pageSize: 'A4',
    });
  });

  it('never prints silently without a configured printer (shows the dialog instead)', async () => {
    const win = fakeWindow();
    const { service } = setup(win, { printerName: null, silentPrint: true });
    await service.printHtml({ html: receipt, pageSize: 'A4', silent: true });
    const options = win.webContents.print.mock.calls[0]?.[0];
    expect(options?.silent).toBe(false);
    expect(options).not.toHaveProperty('deviceName');
  });

  it('reports a canceled dialog as canceled', async () => {
    const win = fakeWindow({ success: false, reason: 'Print job canceled' });
    const { service } = setup(win);
    await expect(service.printHtml({ html: receipt, pageSize: 'A4' })).resolves.toEqual({
      printed: false,
      reason: 'canceled',
    });
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('reports a printer failure with its reason and still destroys the window', async () => {
    const win = fakeWindow({ success: false, reason: 'Invalid deviceName provided' });
    const { service } = setup(win, { printerName: 'Gone', silentPrint: true });
    await expect(service.printHtml({ html: receipt, pageSize: 'A4' })).resolves.toEqual({
      printed: false,
      reason: 'failed',
      message: 'Invalid deviceName provided',
    });
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('destroys the window when print() throws', async () => {
    const win = fakeWindow('throw');
    const { service } = setup(win);
    await expect(service.printHtml({ html: receipt, pageSize: 'A4' })).resolves.toMatchObject({
      printed: false,
      reason: 'failed',
    });
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('destroys the window when the document fails to load', async () => {
    const win = fakeWindow(undefined, { loadFails: true });
    const { service } = setup(win);
    await expect(service.printHtml({ html: receipt, pageSize: 'A4' })).resolves.toEqual({
      printed: false,
      reason: 'failed',
      message: 'load-failed',
    });
    expect(win.webContents.print).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('gives up on a silent job that never calls back, and destroys the window', async () => {
    const win = fakeWindow('never');
    const { service } = setup(win, { printerName: 'XP-80C', silentPrint: true }, { silentTimeoutMs: 10 });
    await expect(service.printHtml({ html: receipt, pageSize: 'A4' })).resolves.toEqual({
      printed: false,
      reason: 'failed',
      message: 'timeout',
    });
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('loads documents too large for a data: URL from a temp file, and removes it', async () => {
    const win = fakeWindow();
    const { service, tempFiles } = setup(win);
    const big = `<p>${'社区'.repeat(MAX_DATA_URL_CHARS / 4)}</p>`;
    await expect(service.printHtml({ html: big, pageSize: 'A4' })).resolves.toEqual({ printed: true });
    expect(win.loadURL).not.toHaveBeenCalled();
    expect(tempFiles.write).toHaveBeenCalledWith(big);
    expect(win.loadFile).toHaveBeenCalledWith('/tmp/duty-desk-print-1/document.html');
    expect(tempFiles.remove).toHaveBeenCalledWith('/tmp/duty-desk-print-1/document.html');
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });
});

describe('a window closed mid-print', () => {
  it('Electron calls back (false, "Print job failed"): failed with that reason, no second destroy, nothing personal logged', async () => {
    const win = fakeWindow('closed');
    const { service, log } = setup(win);
    const html = '<p>张三 430102199001011234</p>';
    await expect(service.printHtml({ html, pageSize: 'A4' })).resolves.toEqual({
      printed: false,
      reason: 'failed',
      message: 'Print job failed',
    });
    expect(win.destroy).toHaveBeenCalledTimes(1);
    expect(log.mock.calls).toEqual([['print not done reason=failed']]);
  });

  it('a dialog job whose callback never comes still ends when the window is destroyed', async () => {
    const win = fakeWindow('closed-silently');
    const { service } = setup(win, { printerName: null });
    await expect(service.printHtml({ html: receipt, pageSize: 'A4' })).resolves.toEqual({
      printed: false,
      reason: 'failed',
      message: 'window-closed',
    });
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });
});

describe('printToPdf', () => {
  it('renders with the page size in inches, destroys the window, then saves the PDF bytes', async () => {
    const win = fakeWindow();
    const { service, saveBytes } = setup(win);
    saveBytes.mockImplementationOnce(async () => {
      // The hidden window must be gone before the save dialog opens.
      expect(win.destroy).toHaveBeenCalledTimes(1);
      return { saved: true, fileName: '第12周汇总.pdf' };
    });
    const result = await service.printToPdf({
      html: receipt,
      pageSize: { widthMm: 254, heightMm: 254 },
      suggestedName: '第12周汇总',
    });
    expect(result).toEqual({ saved: true, fileName: '第12周汇总.pdf' });
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: { width: 10, height: 10 },
      printBackground: true,
    });
    expect(saveBytes).toHaveBeenCalledWith({
      suggestedName: '第12周汇总.pdf',
      data: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('passes a canceled save through', async () => {
    const win = fakeWindow();
    const { service, saveBytes } = setup(win);
    saveBytes.mockResolvedValueOnce({ saved: false, reason: 'canceled' });
    await expect(service.printToPdf({ html: receipt, pageSize: 'A4', suggestedName: 'a.pdf' })).resolves.toEqual({
      saved: false,
      reason: 'canceled',
    });
  });

  it('fails with a code (and a log line without the document), saves nothing and destroys the window when printToPDF rejects', async () => {
    const win = fakeWindow(undefined, { pdf: 'rejects' });
    const { service, saveBytes, log } = setup(win);
    await expect(service.printToPdf({ html: receipt, pageSize: 'A4', suggestedName: 'a.pdf' })).rejects.toThrow(
      'pdf-render-failed',
    );
    expect(saveBytes).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalledTimes(1);
    expect(log.mock.calls).toEqual([['pdf failed reason=render']]);
  });

  it('fails with the same code when the window is destroyed while rendering, without destroying it twice', async () => {
    const win = fakeWindow(undefined, { pdf: 'closed' });
    const { service, saveBytes } = setup(win);
    await expect(service.printToPdf({ html: receipt, pageSize: 'A4', suggestedName: 'a.pdf' })).rejects.toThrow(
      'pdf-render-failed',
    );
    expect(saveBytes).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalledTimes(1); // by the closing, not again by the service
  });
});

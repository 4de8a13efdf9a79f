/**
 * Saving files the user asked for (exports, PDFs): a system "save as" dialog, then a write.
 *
 * Invariants: main writes only to the path the user picked in the dialog (the renderer only
 * suggests a plain file name, already validated by the contract schema); the full path never
 * goes back to the renderer or into logs — only the base name, which the desk shows as
 * "已保存：xxx.xlsx"; base64 input must be well-formed (Buffer.from would silently drop junk
 * and write a corrupt file).
 */
import nodePath from 'node:path';
import type { SaveFileRequest, SaveResult } from '../../../shared/ipc/contract';
import { DeskError } from '../errors';

export type FileFilter = { name: string; extensions: string[] };

export type SaveDialogOptions = { title?: string; defaultPath: string; filters?: FileFilter[] };
export type SaveDialogResult = { canceled: boolean; filePath?: string };

export type FilesDeps = {
  /** Electron's dialog.showSaveDialog bound to the main window. */
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogResult>;
  writeFile: (filePath: string, data: Uint8Array) => Promise<void>;
  /** Folder the dialog opens in (the user's Documents folder in production). */
  defaultDir: string;
  pathApi?: Pick<typeof nodePath, 'join' | 'basename'>;
};

export type SaveBytesRequest = { suggestedName: string; data: Uint8Array; filters?: FileFilter[] };

export type FilesService = {
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /** For main-internal producers (e.g. PDF rendering). */
  saveBytes(request: SaveBytesRequest): Promise<SaveResult>;
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeContent(content: string, encoding: SaveFileRequest['encoding']): Uint8Array {
  if (encoding === 'utf8') return new Uint8Array(Buffer.from(content, 'utf8'));
  if (!BASE64.test(content)) throw new DeskError('invalid-base64');
  return new Uint8Array(Buffer.from(content, 'base64'));
}

export function createFilesService(deps: FilesDeps): FilesService {
  const pathApi = deps.pathApi ?? nodePath;

  const saveBytes = async ({ suggestedName, data, filters }: SaveBytesRequest): Promise<SaveResult> => {
    const result = await deps.showSaveDialog({
      defaultPath: pathApi.join(deps.defaultDir, suggestedName),
      ...(filters ? { filters } : {}),
    });
    if (result.canceled || !result.filePath) return { saved: false, reason: 'canceled' };
    await deps.writeFile(result.filePath, data);
    return { saved: true, fileName: pathApi.basename(result.filePath) };
  };

  return {
    saveBytes,
    async saveFile(request) {
      // Decode before asking: a malformed payload should fail without bothering the user.
      const data = decodeContent(request.content, request.encoding);
      return saveBytes({
        suggestedName: request.suggestedName,
        data,
        ...(request.filters ? { filters: request.filters } : {}),
      });
    },
  };
}

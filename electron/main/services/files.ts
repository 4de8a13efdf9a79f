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
import {
  PACKAGE_FOLDER_LIMITS,
  type PackageFolderResult,
  type SaveFileRequest,
  type SaveResult,
} from '../../../shared/ipc/contract';
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
  /** 周报接收's folder dialog (dialogs.ts PACKAGE_FOLDER_DIALOG): the folder picked, or null. */
  pickPackageFolder?: () => Promise<string | null>;
  /** The entries of a folder: name, whether a file, its size in bytes. */
  listDir?: (dir: string) => Promise<{ name: string; isFile: boolean; size: number }[]>;
  readText?: (filePath: string) => Promise<string>;
  pathApi?: Pick<typeof nodePath, 'join' | 'basename'>;
};

export type SaveBytesRequest = { suggestedName: string; data: Uint8Array; filters?: FileFilter[] };

export type FilesService = {
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /** For main-internal producers (e.g. PDF rendering). */
  saveBytes(request: SaveBytesRequest): Promise<SaveResult>;
  openPackageFolder(): Promise<PackageFolderResult>;
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

  /** A folder the user picked: its `*.json` files (names sorted), too large or too many skipped. */
  const openPackageFolder = async (): Promise<PackageFolderResult> => {
    const { pickPackageFolder, listDir, readText } = deps;
    if (!pickPackageFolder || !listDir || !readText) return { chosen: false, reason: 'unsupported' };
    const dir = await pickPackageFolder();
    if (!dir) return { chosen: false, reason: 'canceled' };
    const entries = (await listDir(dir))
      .filter((e) => e.isFile && e.name.toLowerCase().endsWith('.json'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const files: { name: string; text: string }[] = [];
    const skipped: { name: string; reason: string }[] = [];
    for (const e of entries) {
      if (files.length >= PACKAGE_FOLDER_LIMITS.maxFiles)
        skipped.push({ name: e.name, reason: `一次最多导入 ${PACKAGE_FOLDER_LIMITS.maxFiles} 个文件` });
      else if (e.size > PACKAGE_FOLDER_LIMITS.maxBytes)
        skipped.push({ name: e.name, reason: '文件过大，不是周报文件' });
      else files.push({ name: e.name, text: await readText(pathApi.join(dir, e.name)) });
    }
    return { chosen: true, files, skipped };
  };

  return {
    saveBytes,
    openPackageFolder,
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

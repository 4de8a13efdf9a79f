/**
 * IPC for saving files: file:save. The renderer suggests a name and supplies content; main
 * asks the user where to put it (services/files.ts) and answers with the base name only.
 */
import type { FilesService } from '../services/files';
import type { IpcRegistry } from './registry';

export function registerFileHandlers(registry: IpcRegistry, files: FilesService): void {
  registry.handle('file:save', (request) => files.saveFile(request));
}

/**
 * Registers every domain's handlers through one registry and checks, at start-up, that the
 * contract is fully served: a channel in the contract without a handler would otherwise only
 * show up as a runtime "No handler registered" error at the desk.
 */
import type { AppInfo } from '../../../shared/ipc/contract';
import { requestSchemas } from '../../../shared/ipc/schemas';
import type { FilesService } from '../services/files';
import type { PrintingService } from '../services/printing';
import type { SettingsService } from '../services/settings';
import { registerAppHandlers } from './app';
import { registerFileHandlers } from './files';
import { registerPrintHandlers } from './print';
import type { IpcRegistry } from './registry';
import { registerSettingsHandlers } from './settings';

export type MainServices = {
  settings: SettingsService;
  files: FilesService;
  printing: PrintingService;
  appInfo: AppInfo;
};

export function registerAllHandlers(registry: IpcRegistry, services: MainServices): void {
  registerSettingsHandlers(registry, services.settings);
  registerFileHandlers(registry, services.files);
  registerPrintHandlers(registry, services.printing);
  registerAppHandlers(registry, services.appInfo);

  const registered = new Set<string>(registry.registered());
  const missing = Object.keys(requestSchemas).filter((channel) => !registered.has(channel));
  if (missing.length > 0) throw new Error(`ipc-missing-handlers: ${missing.join(', ')}`);
}

/**
 * IPC for app metadata: app:info. The value is computed once at start-up (it cannot change
 * while the app runs).
 */
import type { AppInfo } from '../../../shared/ipc/contract';
import type { IpcRegistry } from './registry';

export function registerAppHandlers(registry: IpcRegistry, info: AppInfo): void {
  registry.handle('app:info', () => info);
}

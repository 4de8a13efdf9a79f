/**
 * IPC for machine settings: settings:get, settings:set. Validation happens in the registry;
 * this file only wires the channels to the settings service.
 */
import type { SettingsService } from '../services/settings';
import type { IpcRegistry } from './registry';

export function registerSettingsHandlers(registry: IpcRegistry, settings: SettingsService): void {
  registry.handle('settings:get', () => settings.getSettings());
  registry.handle('settings:set', (patch) => settings.setSettings(patch));
}

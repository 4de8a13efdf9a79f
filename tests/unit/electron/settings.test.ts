import { describe, expect, it } from 'vitest';
import { defaultAppSettings, requestSchemas } from '../../../shared/ipc/contract';
import type { AppSettings, AppSettingsPatch } from '../../../shared/ipc/contract';
import { createSettingsService } from '../../../electron/main/services/settings';
import type { SettingsStore } from '../../../electron/main/services/settings';

function mapStore(initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(initial));
  const store: SettingsStore = {
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, value),
  };
  return { store, data };
}

describe('settings service', () => {
  it('returns the defaults for an empty store', () => {
    const { store } = mapStore();
    expect(createSettingsService(store).getSettings()).toEqual(defaultAppSettings);
  });

  it('merges a patch, keeps other keys and returns the full settings', () => {
    const { store, data } = mapStore({ receiptLayout: 'thermal80', backupDir: 'D:\\备份' });
    const service = createSettingsService(store);
    const result = service.setSettings({ printerName: 'XP-80C', silentPrint: true });
    const expected: AppSettings = {
      printerName: 'XP-80C',
      silentPrint: true,
      receiptLayout: 'thermal80',
      backupDir: 'D:\\备份',
      deskIdentity: null,
    };
    expect(result).toEqual(expected);
    expect(service.getSettings()).toEqual(expected);
    expect(data.get('printerName')).toBe('XP-80C');
  });

  it('can set a nullable value back to null', () => {
    const { store } = mapStore({ printerName: 'XP-80C' });
    expect(createSettingsService(store).setSettings({ printerName: null }).printerName).toBeNull();
  });

  it('an empty patch changes nothing', () => {
    const { store, data } = mapStore({ silentPrint: true });
    expect(createSettingsService(store).setSettings({})).toEqual({ ...defaultAppSettings, silentPrint: true });
    expect([...data.keys()]).toEqual(['silentPrint']);
  });

  it('refuses an invalid patch and writes nothing', () => {
    const { store, data } = mapStore();
    const service = createSettingsService(store);
    expect(() => service.setSettings({ receiptLayout: 'a5' } as unknown as AppSettingsPatch)).toThrow(
      'settings-invalid',
    );
    expect(() => service.setSettings({ extra: 1 } as unknown as AppSettingsPatch)).toThrow('settings-invalid');
    expect(data.size).toBe(0);
  });

  it('keeps the desk identity (number 1–99, name 1–20 characters) and refuses any other', () => {
    const { store, data } = mapStore();
    const service = createSettingsService(store);
    expect(service.setSettings({ deskIdentity: { no: 2, name: '后台' } }).deskIdentity).toEqual({
      no: 2,
      name: '后台',
    });
    for (const bad of [
      { no: 0, name: '后台' },
      { no: 100, name: '后台' },
      { no: 1.5, name: '后台' },
      { no: 2, name: '' },
      { no: 2, name: ' 后台' },
      { no: 2, name: '一'.repeat(21) },
      { no: 2, name: '后台', extra: 1 },
    ])
      expect(
        () => service.setSettings({ deskIdentity: bad } as unknown as AppSettingsPatch),
        JSON.stringify(bad),
      ).toThrow('settings-invalid');
    expect(data.get('deskIdentity')).toEqual({ no: 2, name: '后台' });
    // A hand-edited file with a bad identity reads as never set (desk 1).
    expect(
      createSettingsService(mapStore({ deskIdentity: { no: 120, name: 'x' } }).store).getSettings().deskIdentity,
    ).toBeNull();
  });

  it('falls back to defaults for corrupted stored values', () => {
    const { store } = mapStore({ silentPrint: 'yes', receiptLayout: 'letter', printerName: 12, backupDir: 'E:\\bak' });
    expect(createSettingsService(store).getSettings()).toEqual({ ...defaultAppSettings, backupDir: 'E:\\bak' });
  });
});

describe('the backup folder is not a renderer setting (issue 22)', () => {
  it.each(['/etc', 'C:\\Windows', '/home/desk/备份', null])(
    'settings:set refuses backupDir %s, at the channel and in the service; nothing is written',
    (backupDir) => {
      expect(requestSchemas['settings:set'].safeParse({ backupDir }).success).toBe(false);
      const { store, data } = mapStore({ backupDir: 'D:\\备份' });
      const service = createSettingsService(store);
      expect(() => service.setSettings({ backupDir } as unknown as AppSettingsPatch)).toThrow('settings-invalid');
      expect(() => service.setSettings({ silentPrint: true, backupDir } as unknown as AppSettingsPatch)).toThrow(
        'settings-invalid',
      );
      expect(data.get('backupDir')).toBe('D:\\备份');
      expect(data.has('silentPrint')).toBe(false);
    },
  );

  it('main sets it (from the folder dialog), and the renderer still reads it', () => {
    const { store } = mapStore();
    const service = createSettingsService(store);
    expect(service.setBackupDir('E:\\值班台备份').backupDir).toBe('E:\\值班台备份');
    expect(service.getSettings().backupDir).toBe('E:\\值班台备份');
    expect(service.setBackupDir(null).backupDir).toBeNull();
    expect(() => service.setBackupDir(7 as unknown as string)).toThrow('settings-invalid');
  });
});

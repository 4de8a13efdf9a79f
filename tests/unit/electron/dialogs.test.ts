// The backup-folder dialog's answers as Electron gives them, canceled included.
import { describe, expect, it } from 'vitest';
import { BACKUP_FOLDER_DIALOG, pickFolderWith } from '../../../electron/main/dialogs';
import { fakeOpenDialog, OPEN_DIALOG_CANCELED } from './fakes';

describe('backup folder dialog', () => {
  it('answers the folder picked, asking for a directory with the Chinese title', async () => {
    const show = fakeOpenDialog({ canceled: false, filePaths: ['/media/usb/备份'] });
    await expect(pickFolderWith(show)()).resolves.toBe('/media/usb/备份');
    expect(show).toHaveBeenCalledWith(BACKUP_FOLDER_DIALOG);
    expect(BACKUP_FOLDER_DIALOG.properties).toContain('openDirectory');
  });

  it('canceled ({ canceled: true, filePaths: [] }) is null, and so is a dialog that gave no folder', async () => {
    await expect(pickFolderWith(fakeOpenDialog(OPEN_DIALOG_CANCELED))()).resolves.toBeNull();
    await expect(pickFolderWith(fakeOpenDialog({ canceled: false, filePaths: [] }))()).resolves.toBeNull();
    await expect(pickFolderWith(fakeOpenDialog({ canceled: false, filePaths: [''] }))()).resolves.toBeNull();
    // Canceled wins even if a platform left a path in the answer.
    await expect(pickFolderWith(fakeOpenDialog({ canceled: true, filePaths: ['/tmp'] }))()).resolves.toBeNull();
  });
});

/**
 * The system folder dialog for the backup folder, as a plain function of Electron's
 * dialog.showOpenDialog (injected; no 'electron' import). Electron answers a canceled dialog with
 * `{ canceled: true, filePaths: [] }`; a dialog that returns no folder at all is treated the same.
 */
export type OpenDialogOptions = { title: string; properties: ('openDirectory' | 'createDirectory')[] };
export type OpenDialogResult = { canceled: boolean; filePaths: string[] };

export const BACKUP_FOLDER_DIALOG: OpenDialogOptions = {
  title: '选择备份位置',
  properties: ['openDirectory', 'createDirectory'],
};

/** 周报接收's folder of community report packages (issue 27): read only. */
export const PACKAGE_FOLDER_DIALOG: OpenDialogOptions = {
  title: '选择存放社区周报的文件夹',
  properties: ['openDirectory'],
};

/** The folder picked, or null when the dialog was canceled or gave none. */
export function folderFromDialog(result: OpenDialogResult): string | null {
  if (result.canceled) return null;
  const [first] = result.filePaths;
  return typeof first === 'string' && first !== '' ? first : null;
}

/** `pickFolder` for the backups service. */
export function pickFolderWith(
  showOpenDialog: (options: OpenDialogOptions) => Promise<OpenDialogResult>,
  dialog: OpenDialogOptions = BACKUP_FOLDER_DIALOG,
): () => Promise<string | null> {
  return async () => folderFromDialog(await showOpenDialog({ ...dialog, properties: [...dialog.properties] }));
}

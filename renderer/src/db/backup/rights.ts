/**
 * Who may make a backup that leaves the machine's control or write its key: `data.backup`
 * (站长/管理员), re-read from the acting staff row.
 */
import { can, holdersOf } from '@shared/domain/roles';
import type { ChooseFolderResult, DeskBridge } from '@shared/ipc/contract';
import type { DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { databaseOf } from '../write';

/** The refusal of a backup by hand, or of the passphrase, to an account without `data.backup`. */
export const BACKUP_ADMINS_ONLY = `只有${holdersOf('data.backup')}可以设置备份密码或手动备份`;

/**
 * `data.backup` (站长/管理员), from the acting staff row as stored now (deactivated or demoted in
 * another window: refused); nobody signed in: refused. For every write of the passphrase or the
 * machine key and every backup that leaves the machine's control (the "keys" part calls it too).
 * @throws DomainRefusal(BACKUP_ADMINS_ONLY)
 */
export async function requireBackupRight(desk: DeskBase): Promise<void> {
  const me = desk.actor ? await databaseOf(desk).staff.get(desk.actor.id) : undefined;
  if (!me || !can(me, 'data.backup')) throw new DomainRefusal(BACKUP_ADMINS_ONLY);
}

/**
 * 更改备份位置 (Electron): `data.backup` first (re-read from the staff row), then main's own
 * folder dialog, whose answer main checks (never a system folder, writable).
 */
export async function chooseBackupFolder(
  desk: DeskBase,
  bridge: Pick<DeskBridge, 'chooseBackupFolder'>,
): Promise<ChooseFolderResult> {
  await requireBackupRight(desk);
  return bridge.chooseBackupFolder();
}

/** 检查备份 and the header of a file: read, decrypted and verified; nothing touched. */
import type { BackupHeader } from '@shared/backup/format';
import type { DeskBase } from '../desk';
import { databaseOf } from '../write';
import { openBackup, readBackupHeader, type BackupTables } from './seal';
import type { BackupDeps } from './deps';

/** 检查备份: the file decrypted and verified, nothing touched. @throws DomainRefusal */
export async function inspectBackup(
  desk: DeskBase,
  deps: BackupDeps,
  text: string,
  passphrase?: string,
): Promise<{ header: BackupHeader; tables: BackupTables; rawKey?: Uint8Array<ArrayBuffer> }> {
  const db = databaseOf(desk);
  if (deps.keys.open) return deps.keys.open(text, { currentSchema: db.verno, passphrase });
  const { header } = readBackupHeader(text, db.verno);
  // With the passphrase the machine's keys are not needed (and a key store that cannot be
  // read — an OS keyring reset — must not stand in the way of the one way back).
  const machineKey = passphrase ? null : await deps.keys.find(header.keyId);
  return openBackup(text, { currentSchema: db.verno, machineKey, passphrase });
}

/** The header alone (date, maker, counts), before the passphrase is asked for. */
export function backupHeaderOf(desk: DeskBase, text: string): BackupHeader {
  return readBackupHeader(text, databaseOf(desk).verno).header;
}

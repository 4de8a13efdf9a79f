/** 检查备份 and the header of a file: read, decrypted and verified; nothing touched. */
import type { BackupHeader } from '@shared/backup/format';
import type { BackupEnvelope } from '@shared/backup/frames';
import type { DeskBase } from '../desk';
import { databaseOf } from '../write';
import { openBackup, readBackupHeader, type OpenedBackup } from './seal';
import type { BackupDeps } from './deps';
import type { OnBackupProgress } from './progress';

/**
 * The file decrypted and verified, nothing touched (`verifyOnly`, 检查备份: no row kept).
 * This machine's own backups open here, chunk by chunk with their progress (the page holds its
 * own key: it seals with it); any other where the keys are (Electron: main, `keys.open`), or
 * with the key store and the passphrase (the browser build). @throws DomainRefusal
 */
export async function inspectBackup(
  desk: DeskBase,
  deps: BackupDeps,
  text: string,
  passphrase?: string,
  o: { onProgress?: OnBackupProgress; verifyOnly?: boolean } = {},
): Promise<OpenedBackup> {
  const currentSchema = databaseOf(desk).verno;
  const { header } = readBackupHeader(text, currentSchema);
  // With the passphrase the machine's keys are not needed (and a key store that cannot be
  // read — an OS keyring reset — must not stand in the way of the one way back).
  const own = passphrase ? null : await deps.keys.load().catch(() => null);
  if (own && own.keyId === header.keyId) return openBackup(text, { currentSchema, machineKey: own, ...o });
  if (deps.keys.open) return deps.keys.open(text, { currentSchema, passphrase, verifyOnly: o.verifyOnly });
  const machineKey = passphrase ? null : await deps.keys.find(header.keyId);
  return openBackup(text, { currentSchema, machineKey, passphrase, ...o });
}

/** The header alone (date, maker, counts), before the passphrase is asked for. */
export function backupHeaderOf(desk: DeskBase, text: string): BackupHeader {
  return backupEnvelopeOf(desk, text).header;
}

/** The clear part of a file: its header and its wrapped key. @throws DomainRefusal */
export function backupEnvelopeOf(desk: DeskBase, text: string): BackupEnvelope {
  const { header, passphraseKey } = readBackupHeader(text, databaseOf(desk).verno);
  return { header, passphraseKey };
}

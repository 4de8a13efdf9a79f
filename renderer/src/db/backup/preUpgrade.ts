/**
 * Before a schema upgrade: a backup of the database as it is on disk, read WITHOUT upgrading
 * it (a Dexie with no versions declared opens the existing schema as it is), so an upgrade that
 * goes wrong — killed midway, or a migration bug — can be undone. Kept apart from the daily
 * backups (kind preUpgrade). Needs the machine's backup key: a desk that never made a backup
 * sets its passphrase first.
 */
import { Dexie } from 'dexie';
import { DB_NAME } from '../database';
import { backUpDatabase, machineKey, type BackupDeps, type BackupOutcome } from './backups';

/** Backs up the old database as it is. @throws DomainRefusal(NEED_PASSPHRASE) without a key. */
export async function backupBeforeUpgrade(
  deps: BackupDeps,
  o: { now: number; passphrase?: string; name?: string },
): Promise<BackupOutcome> {
  const old = new Dexie(o.name ?? DB_NAME);
  await old.open();
  try {
    // A new passphrase is checked against the community and admins of the data as it is.
    const key = await machineKey(deps, o.passphrase, old);
    return await backUpDatabase(old, deps, { kind: 'preUpgrade', key, now: o.now, by: null });
  } finally {
    old.close();
  }
}

/**
 * `restoreBackup`: verifies first; brings a backup of an older version up to this one through the
 * app's own upgrades (upgradeTables.ts); backs up the live data (kind preRestore); replaces every table
 * in one transaction through the write path — except the audit log, which keeps every live row
 * and gains the backup's rows it lacks (a restore never removes an audit row); new generation;
 * logged. Before sign-in (数据丢失) an admin PIN (adminPin.ts).
 */
import type { BackupHeader } from '@shared/backup/format';
import { can, holdersOf } from '@shared/domain/roles';
import { deskNumberOf, withActor, type DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { reportStorageError, toStorageError } from '../storageErrors';
import { databaseOf, newAuditId } from '../write';
import { replaceAll } from './snapshot';
import type { BackupDeps } from './deps';
import { backupAdmins, knownAdmins, pinOwner, WRONG_ADMIN_PIN } from './adminPin';
import { backupEnvelopeOf, inspectBackup } from './inspect';
import { upgradedTables } from './upgradeTables';
import { backUpAndLog } from './make';
import { anchorOf, recordIntegrity, tableCounts } from './integrity';
import { setJoined } from '../../sync/outbox';
import { backupInstallKind, liveInstallKind, restoreKindRefusal } from '../installKind';
import type { OnBackupProgress } from './progress';

export const RESTORE_NEEDS_OWN_KEY =
  '恢复前要先备份现有数据，但本机还没有设置备份密码：请站长/管理员先在「设置 → 数据备份」设置备份密码，再恢复。现有数据未改动。';

export const RESTORE_WHILE_JOINED =
  '本机已加入中心同步：从备份恢复会把其他窗口的数据一起倒回。请站长/管理员先在「设置 → 多窗口同步」退出中心，再恢复；恢复后本机单独工作，可重新加入中心。现有数据未改动。';

/**
 * Replaces all data with the backup in `text`. Verifies it first (nothing is touched when it
 * is refused), then backs up the live data if there is any (and refuses if that fails).
 */
export async function restoreBackup(
  desk: DeskBase,
  deps: BackupDeps,
  text: string,
  passphrase?: string,
  o: {
    /** The live data was backed up (and the clerk confirmed it saved) just before. */
    liveBackedUp?: boolean;
    /** Nobody signed in (数据丢失): a 站长/管理员 PIN, checked against the accounts IN the backup. */
    adminPin?: string;
    /** How far it has got: the pre-restore backup, the file opened, the tables written. */
    onProgress?: OnBackupProgress;
  } = {},
): Promise<BackupHeader> {
  // A storage failure is told as one (StorageError, Chinese), as every writeTx does (write.ts).
  return restoreNow(desk, deps, text, passphrase, o).catch((e: unknown) => {
    if (e instanceof DomainRefusal) throw e;
    const err = toStorageError(e);
    reportStorageError(err);
    throw err;
  });
}

async function restoreNow(
  desk: DeskBase,
  deps: BackupDeps,
  text: string,
  passphrase: string | undefined,
  o: { liveBackedUp?: boolean; adminPin?: string; onProgress?: OnBackupProgress },
): Promise<BackupHeader> {
  const db = databaseOf(desk);
  // The acting account as stored now (deactivated or demoted in another window: refused);
  // after a data loss its row may be gone, and the session's role stands.
  const me = desk.actor ? ((await db.staff.get(desk.actor.id)) ?? desk.actor) : null;
  if (me && !can(me, 'data.restore')) throw new DomainRefusal(`只有${holdersOf('data.restore')}可以从备份恢复`);
  // Joined to its center, a restore would rewind every other desk: the desk leaves first.
  if (await db.deskMeta.get('joinedCenter')) throw new DomainRefusal(RESTORE_WHILE_JOINED);
  const opened = await inspectBackup(desk, deps, text, passphrase, { onProgress: o.onProgress });
  // A backup of an older version: the data steps it lacks run on its rows first (nothing touched yet).
  const tables = await upgradedTables(opened.tables, opened.header.schema, db.verno);
  // A street office's backup restores only on a street install, a community's only on a community's.
  const wrongKind = restoreKindRefusal(await liveInstallKind(db), backupInstallKind(tables));
  if (wrongKind) throw new DomainRefusal(wrongKind);
  // Before sign-in the live database may have no accounts left: an admin of the backup answers.
  let acting = desk;
  if (!desk.actor) {
    if (!o.adminPin) throw new DomainRefusal('请输入站长/管理员的密码或 PIN', 'pin');
    const known = await knownAdmins(db, deps);
    const holders = known.length > 0 ? known : backupAdmins(tables);
    const admin = await pinOwner(deps, desk.clock.now(), o.adminPin, holders);
    const where = known.length > 0 ? '本机记录的站长/管理员账号' : '备份中的账号';
    if (!admin) throw new DomainRefusal(`${WRONG_ADMIN_PIN}（以${where}为准）`, 'pin');
    acting = withActor(desk, { id: admin.id, role: admin.role });
  }
  const live = await tableCounts(db);
  if (!o.liveBackedUp && Object.values(live).some((n) => n > 0)) {
    // Part of the restore (its right checked above), not a backup by hand.
    // Sealed with this machine's own key only: the passphrase typed for the file being restored
    // must never become this machine's passphrase.
    if (!(await deps.keys.load())) throw new DomainRefusal(RESTORE_NEEDS_OWN_KEY);
    const before = await backUpAndLog(acting, deps, 'preRestore', undefined, o.onProgress);
    if (!before.ok) throw new DomainRefusal(`恢复前没能先备份现有数据：${before.message}。现有数据未改动。`);
  }
  // One transaction: every table replaced, the audit log kept and completed, the restore logged
  // last — or nothing.
  const anchor = await anchorOf(deps, deskNumberOf(desk));
  await replaceAll(
    db,
    tables,
    {
      id: newAuditId(),
      at: desk.clock.now(),
      staffId: acting.actor?.id ?? null,
      action: 'backup.restore',
      entity: 'backup',
      detail: `${opened.header.kind}/${opened.header.createdAt}`,
    },
    // The restore row chains onto this desk's live head, or onto the anchor where the log lost
    // its last rows (they stay a visible gap, as after 从空白开始); this PC's own backup brings back
    // its desk-local facts even after a wipe (deskLocalRows.ts).
    {
      desk: deskNumberOf(desk),
      anchor,
      sameMachine: (await deps.keys.load().catch(() => null))?.keyId === opened.header.keyId,
      onProgress: o.onProgress,
    },
  );
  // Right after the commit, before anything that can fail: the record of what the data holds now,
  // the anchor set deliberately past the gap the restore chained over. The data is restored
  // whatever happens next: a record that cannot be written now must not turn the restore into a
  // failure. Then the old record stays: its counts are caught up by the next committed write,
  // and its anchor is never contradicted (the restore changed no row and chained onto it), so
  // 操作日志 reports no false break — but where it was ahead it is held at the gap (a row missing
  // there never moves it on an ordinary write) until the next restore or 从空白开始 sets it.
  setJoined(db, false); // the restored desk is alone (deskLocalRows.ts)
  await recordIntegrity(db, deps, crypto.randomUUID(), { anchorPastGaps: true }).catch(() => undefined);
  // A backup from another machine: its key is kept BESIDE this machine's own, never as it (the
  // own key seals every new backup and comes only from an admin's passphrase). Best effort: the
  // data is already restored.
  if (opened.rawKey && !(await deps.keys.find(opened.header.keyId).catch(() => null))) {
    await deps.keys
      .save(opened.rawKey, opened.header.keyId, backupEnvelopeOf(desk, text).passphraseKey, false)
      .catch(() => undefined);
  }
  return opened.header;
}

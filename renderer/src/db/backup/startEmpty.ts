/** 从空白开始 (数据丢失): going on without the lost data, with an admin PIN. */
import { deskNumberOf, withActor, type DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { databaseOf, writeTx } from '../write';
import { fromTuples } from '@shared/domain/auditChain';
import type { BackupDeps } from './deps';
import { backupAdmins, knownAdmins, pinOwner, WRONG_ADMIN_PIN, type PinHolder } from './adminPin';
import { inspectBackup } from './inspect';
import { recordIntegrity } from './integrity';

/** Where the PIN of 从空白开始 was checked: the wipe record, a backup, or no account ever. */
export type StartEmptyBy = 'wipeRecord' | 'backup' | 'noAccounts';

/**
 * 从空白开始: go on without the lost data. Needs a 站长/管理员 PIN, checked against the admins'
 * PIN verifiers kept beside the wipe record (outside IndexedDB) or against the accounts of a
 * backup the person picks; only a desk that never had an account goes on without one. Logged
 * in the name of the admin whose PIN was given, and recorded anew.
 * @throws DomainRefusal (field `pin`) without a PIN or with a wrong one.
 */
export async function startEmpty(
  desk: DeskBase,
  deps: BackupDeps,
  o: { pin?: string; backup?: { text: string; passphrase?: string } } = {},
): Promise<{ adminId: string | null; by: StartEmptyBy }> {
  const db = databaseOf(desk);
  const recorded = await deps.bridge.readIntegrity();
  const known = await knownAdmins(db, deps);
  const hadAccounts = (recorded?.counts.staff ?? 0) > 0 || known.length > 0 || (await db.staff.count()) > 0;
  let admin: PinHolder | null = null;
  let by: StartEmptyBy = 'noAccounts';
  if (hadAccounts) {
    if (!o.pin) throw new DomainRefusal('请输入站长/管理员的密码或 PIN', 'pin');
    // A backup's accounts answer only where the desk knows no admin (a record written before
    // it kept them): otherwise anyone could bring a backup of their own making. One attempt
    // counts once toward the lock (adminPin.ts).
    let holders: PinHolder[] = known;
    by = 'wipeRecord';
    if (known.length === 0 && o.backup) {
      holders = backupAdmins((await inspectBackup(desk, deps, o.backup.text, o.backup.passphrase)).tables);
      by = 'backup';
    }
    admin = await pinOwner(deps, desk.clock.now(), o.pin, holders);
    if (!admin) {
      const where = known.length === 0 && o.backup ? '所选备份中的' : '本机记录的';
      throw new DomainRefusal(`${WRONG_ADMIN_PIN}（以${where}站长/管理员账号为准）`, 'pin');
    }
  }
  const acting = withActor(desk, admin ? { id: admin.id, role: admin.role } : null);
  // The audit chain goes on from the anchor kept outside IndexedDB: the lost rows stay a visible
  // gap in 操作日志 (a backup restored later fills it), never a second chain from 1.
  const anchor = fromTuples(recorded?.auditHeads).find((h) => h.desk === deskNumberOf(desk));
  await writeTx(acting, [], (tx) => tx.audit({ action: 'backup.startEmpty', entity: 'backup', detail: by }), {
    auditAnchor: anchor,
  });
  // The anchor set deliberately past the lost rows (an ordinary write never moves it past a row
  // missing at its sequence). If this write fails, startEmpty fails and is asked again; the row
  // written stays and the next attempt chains on after it.
  await recordIntegrity(db, deps, crypto.randomUUID(), { anchorPastGaps: true });
  return { adminId: admin?.id ?? null, by };
}

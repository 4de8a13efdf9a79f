/**
 * 窗口号: which desk of its center this machine is. The identity itself is kept in the machine
 * settings (outside IndexedDB, like the backup folder: see shared/ipc/contract.ts); the rules
 * about changing it live here, in the data layer, so no screen can skip them:
 * - only an admin (站长/管理员, `community.edit`) changes it, checked inside a transaction;
 * - only while the desk is ALONE: no data of this desk has been exchanged with another desk of
 *   its center yet (`deskMeta.joinedCenter` absent). Until then no other desk can hold a number
 *   this desk issued, so renumbering cannot make two desks share numbers. Issue 24 sets
 *   `joinedCenter` when the desk first replicates with the center's hub, and may tighten this
 *   (e.g. a number is claimed at the hub when the desk joins).
 * The change is audited (old and new number, and the name: the desk's, never a person's).
 */
import { DESK_MESSAGES, deskLabel, validateDeskIdentity, type DeskIdentity } from '@shared/domain/deskNumber';
import { requirePermission } from '../authorize';
import type { Desk, DeskBase } from '../desk';
import type { ReadableDB } from '../entities';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';

type DeskMetaReader = Pick<ReadableDB, 'deskMeta'> | WriteTx<'deskMeta'>;

async function isAlone(tables: DeskMetaReader): Promise<boolean> {
  return (await tables.deskMeta.get('joinedCenter')) === undefined;
}

/** Whether this desk's number may still change (see above). */
export async function deskIsAlone(desk: DeskBase): Promise<boolean> {
  return isAlone(desk.db);
}

/** Checks a desk number and name as typed; refuses with the message at its field ('no' / 'name'). */
export function checkedDeskIdentity(input: { no: string | number; name: string }): DeskIdentity {
  const r = validateDeskIdentity(input);
  if (!r.ok) throw new DomainRefusal(r.message, r.field);
  return r.value;
}

/**
 * Changes this desk's number and name (admin, desk alone): checks, then `keep` writes the
 * machine settings, then the audit row. Returns the identity now in force.
 */
export async function changeDeskIdentity(
  desk: Desk,
  input: { no: string | number; name: string },
  keep: (identity: DeskIdentity) => Promise<void>,
): Promise<DeskIdentity> {
  const next = checkedDeskIdentity(input);
  await writeTx(desk, ['deskMeta', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'community.edit', '修改本机窗口号');
    if (!(await isAlone(tx))) throw new DomainRefusal(DESK_MESSAGES.notAlone, 'no');
  });
  // The settings are written outside IndexedDB: after the checks, before the audit row.
  await keep(next);
  await writeTx(desk, [], async (tx) => {
    const before = desk.identity ? deskLabel(desk.identity) : '未设置';
    await tx.audit({
      action: 'desk.identity',
      entity: 'desk',
      entityId: String(next.no),
      detail: `${before} → ${deskLabel(next)}`,
    });
  });
  return next;
}

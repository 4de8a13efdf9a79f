/**
 * Role checks for admin-only writes. The UI hides admin controls from 值班员, but the rule is
 * enforced here too: a repository re-reads the acting staff row INSIDE its write transaction
 * (so 'staff' must be one of the transaction's tables — the type asks for it) and refuses
 * unless that row is an active 站长/管理员. A role change or deactivation made in another tab
 * is therefore seen.
 */
import type { Staff } from '@shared/domain/records';
import type { Actor } from './desk';
import { DomainRefusal } from './refusal';
import type { WriteTx } from './write';

/**
 * Returns the acting staff row, or throws `DomainRefusal('只有站长/管理员可以<action>')`.
 * `action` is a short Chinese verb phrase, e.g. '修改事项目录'.
 */
export async function requireAdmin(tx: WriteTx<'staff'>, actor: Actor | null, action: string): Promise<Staff> {
  const row = actor ? await tx.staff.get(actor.id) : undefined;
  if (!row || !row.active || row.role !== '站长/管理员') throw new DomainRefusal(`只有站长/管理员可以${action}`);
  return row;
}

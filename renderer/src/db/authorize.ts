/**
 * Permission checks for writes (shared/domain/roles). The UI hides controls a role may not
 * use, but the rule is enforced here: a repository re-reads the acting staff row INSIDE its
 * write transaction (so 'staff' must be one of the transaction's tables — the type asks for
 * it) and refuses unless that row is active and holds the permission. A role change or
 * deactivation made in another tab is therefore seen.
 */
import { can, holdersOf, type Permission } from '@shared/domain/roles';
import type { Staff } from '@shared/domain/records';
import type { Actor } from './desk';
import { DomainRefusal } from './refusal';
import type { WriteTx } from './write';

/**
 * Returns the acting staff row, or throws `DomainRefusal('只有站长/管理员可以<action>')`.
 * `action` is a short Chinese verb phrase, e.g. '修改事项目录'.
 */
export async function requirePermission(
  tx: WriteTx<'staff'>,
  actor: Actor | null,
  permission: Permission,
  action: string,
): Promise<Staff> {
  const row = actor ? await tx.staff.get(actor.id) : undefined;
  if (!row || !can(row, permission)) throw new DomainRefusal(`只有${holdersOf(permission)}可以${action}`);
  return row;
}

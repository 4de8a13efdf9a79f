/**
 * Permission checks for writes (shared/domain/roles). The UI hides controls a role may not
 * use, but the rule is enforced here: `writeTx` reads the acting staff row ONCE inside its
 * write transaction and hands it as `tx.actor`; a repository asks this check of that row, so a
 * role change or deactivation made in another tab is seen, and no repository reads the row
 * itself.
 */
import { Dexie } from 'dexie';
import { can, holdersOf, type Permission } from '@shared/domain/roles';
import type { Staff } from '@shared/domain/records';
import type { Actor } from './desk';
import { DomainRefusal } from './refusal';
import type { WriteTx } from './write';

/** The acting staff row of a write, or undefined (nobody signed in, or no row yet: the first-run setup). */
export function actingRowOf(tx: Pick<WriteTx<never>, 'actor'>): Staff | undefined {
  try {
    return tx.actor;
  } catch {
    return undefined;
  }
}

/** Whether the acting staff row holds `case.supervise`: the one "admin" of the case, proxy and custody machines. */
export function supervises(tx: Pick<WriteTx<never>, 'actor'>): boolean {
  const row = actingRowOf(tx);
  return row !== undefined && can(row, 'case.supervise');
}

/**
 * Returns the acting staff row, or refuses with `DomainRefusal('只有站长/管理员可以<action>')`.
 * `action` is a short Chinese verb phrase, e.g. '修改事项目录'. A Dexie promise (not an async
 * function): awaiting it keeps the transaction's zone, as awaiting a table read does.
 */
export function requirePermission(
  tx: Pick<WriteTx<never>, 'actor'>,
  actor: Actor | null,
  permission: Permission,
  action: string,
): Promise<Staff> {
  const row = actor ? actingRowOf(tx) : undefined;
  if (!row || row.id !== actor?.id || !can(row, permission))
    return Dexie.Promise.reject(new DomainRefusal(`只有${holdersOf(permission, actor?.role)}可以${action}`));
  return Dexie.Promise.resolve(row);
}

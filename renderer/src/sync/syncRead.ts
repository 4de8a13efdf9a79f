/**
 * Who may read what waits for a person after merging (同步冲突, 数据冲突, refused documents): the
 * holders of `sync.manage` (roles.ts), checked in the data layer from the stored staff row.
 */
import { can, holdersOf } from '@shared/domain/roles';
import type { Desk } from '../db/desk';
import { DomainRefusal } from '../db/refusal';

export async function requireSyncManage(desk: Desk, what: string): Promise<void> {
  const me = await desk.db.staff.get(desk.actor.id);
  if (!me || !can(me, 'sync.manage')) throw new DomainRefusal(`只有${holdersOf('sync.manage')}可以${what}`);
}

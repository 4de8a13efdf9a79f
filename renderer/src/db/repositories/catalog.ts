/**
 * The center's matter catalog (事项目录, work-item admission): only listed, active matters
 * can be accepted at the window. Entries are never deleted — cases refer to them — only
 * deactivated.
 */
import type { MatterTypeDef } from '@shared/domain/catalog';
import { requireAdmin } from '../authorize';
import type { DutyDeskDB } from '../database';
import type { MatterType } from '../matterType';
import { DomainRefusal, writeTx } from '../write';

export async function listMatterTypes(db: DutyDeskDB): Promise<MatterType[]> {
  const all = await db.matterTypes.toArray();
  return all.sort((a, b) => a.category.localeCompare(b.category, 'zh-CN') || a.code.localeCompare(b.code));
}

/** Creates or replaces one entry (already validated by the catalog schema). Admins only. */
export async function saveMatterType(
  db: DutyDeskDB,
  def: MatterTypeDef,
  active: boolean,
  by: string,
  now: number,
  isNew: boolean,
): Promise<void> {
  await writeTx(db, { staffId: by, now }, [db.matterTypes, db.staff], async ({ audit }) => {
    await requireAdmin(db, by, '修改事项目录');
    const existing = await db.matterTypes.get(def.code);
    if (isNew && existing) throw new DomainRefusal(`事项编码 ${def.code} 已被使用`, 'code');
    if (!isNew && !existing) throw new DomainRefusal('该事项已不存在');
    const sameName = await db.matterTypes
      .where('name')
      .equals(def.name)
      .filter((m) => m.code !== def.code && m.category === def.category)
      .count();
    if (sameName > 0) throw new DomainRefusal(`「${def.category}」下已有同名事项`, 'name');
    const stamp = existing
      ? { createdAt: existing.createdAt, createdBy: existing.createdBy }
      : { createdAt: now, createdBy: by };
    await db.matterTypes.put({ ...def, ...stamp, updatedAt: now, updatedBy: by, active });
    await audit({ action: isNew ? 'catalog.add' : 'catalog.update', entity: 'matterType', entityId: def.code });
  });
}

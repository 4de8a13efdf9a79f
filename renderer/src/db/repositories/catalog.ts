/**
 * The center's matter catalog (事项目录, work-item admission): only listed, active matters
 * can be accepted at the window. Entries are never deleted — cases refer to them — only
 * deactivated.
 */
import type { MatterTypeDef } from '@shared/domain/catalog';
import { requirePermission } from '../authorize';
import type { Desk, DeskBase } from '../desk';
import type { MatterType } from '../matterType';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';

export async function listMatterTypes(desk: DeskBase): Promise<MatterType[]> {
  const all = await desk.db.matterTypes.toArray();
  return all.sort((a, b) => a.category.localeCompare(b.category, 'zh-CN') || a.code.localeCompare(b.code));
}

/** The active entries only (what the counter may accept), in catalog order. */
export async function listActiveMatterTypes(desk: DeskBase): Promise<MatterType[]> {
  return (await listMatterTypes(desk)).filter((m) => m.active);
}

export async function getMatterType(desk: DeskBase, code: string): Promise<MatterType | undefined> {
  return desk.db.matterTypes.get(code);
}

/** Creates (`isNew`) or replaces one entry (already validated by the catalog schema). Admins only. */
export async function saveMatterType(desk: Desk, def: MatterTypeDef, active: boolean, isNew: boolean): Promise<void> {
  await writeTx(desk, ['matterTypes', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'catalog.edit', '修改事项目录');
    const existing = await tx.matterTypes.get(def.code);
    if (isNew && existing) throw new DomainRefusal(`事项编码 ${def.code} 已被使用`, 'code');
    if (!isNew && !existing) throw new DomainRefusal('该事项已不存在');
    const sameName = await tx.matterTypes
      .where('name')
      .equals(def.name)
      .filter((m) => m.code !== def.code && m.category === def.category)
      .count();
    if (sameName > 0) throw new DomainRefusal(`「${def.category}」下已有同名事项`, 'name');
    await tx.matterTypes.put({ ...def, active });
    await tx.audit({ action: isNew ? 'catalog.add' : 'catalog.update', entity: 'matterType', entityId: def.code });
  });
}

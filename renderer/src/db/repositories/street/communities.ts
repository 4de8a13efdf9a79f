/**
 * The street's 社区名单 (issue 27): communities with name, code, the office's contact person and
 * phone. Added by hand (checked, code unique) or from the first package of an unknown community
 * (packages.ts, when the clerk says so); edited; deleted only while no package of it was imported —
 * otherwise 停用 (kept with its packages, no longer expected to report). `street.manage`.
 */
import type { StreetCommunity } from '@shared/domain/records';
import { checkStreetCommunity, type StreetCommunityInput } from '@shared/domain/street/communities';
import { requirePermission } from '../../authorize';
import type { Desk, DeskBase } from '../../desk';
import { DomainRefusal } from '../../refusal';
import { writeTx } from '../../write';

/** Every community of the list, by code. */
export function listStreetCommunities(desk: DeskBase): Promise<StreetCommunity[]> {
  return desk.db.streetCommunities.toArray();
}

/** One community of the list, or undefined. */
export function getStreetCommunity(desk: DeskBase, code: string): Promise<StreetCommunity | undefined> {
  return desk.db.streetCommunities.get(code);
}

export const CODE_TAKEN = '社区代码已在名单中，请核对';
export const HAS_PACKAGES = '该社区已有导入的周报，不能删除；如不再报送，请停用';

/**
 * Adds a community (`existingCode` absent) or changes one (its code stays: the packages carry it).
 * Refusals are at their field.
 */
export async function saveStreetCommunity(
  desk: Desk,
  input: StreetCommunityInput,
  existingCode?: string,
): Promise<StreetCommunity> {
  const checked = checkStreetCommunity(existingCode ? { ...input, code: existingCode } : input);
  if (!checked.ok) throw new DomainRefusal(checked.message, checked.field);
  const value = checked.value;
  return writeTx(desk, ['streetCommunities'], async (tx) => {
    await requirePermission(tx, desk.actor, 'street.manage', '修改社区名单');
    const stored = await tx.streetCommunities.get(value.code);
    if (existingCode === undefined && stored) throw new DomainRefusal(CODE_TAKEN, 'code');
    if (existingCode !== undefined && !stored) throw new DomainRefusal('该社区不在名单中');
    const row = await tx.streetCommunities.put({
      ...value,
      active: stored?.active ?? true,
      source: stored?.source ?? '手工',
    });
    await tx.audit({
      action: stored ? 'street.communityUpdate' : 'street.communityAdd',
      entity: 'streetCommunity',
      entityId: value.code,
    });
    return row;
  });
}

/** 停用 / 启用 a community (its packages stay). */
export async function setStreetCommunityActive(desk: Desk, code: string, active: boolean): Promise<void> {
  await writeTx(desk, ['streetCommunities'], async (tx) => {
    await requirePermission(tx, desk.actor, 'street.manage', '修改社区名单');
    const stored = await tx.streetCommunities.get(code);
    if (!stored) throw new DomainRefusal('该社区不在名单中');
    await tx.streetCommunities.put({ ...stored, active });
    await tx.audit({
      action: 'street.communityUpdate',
      entity: 'streetCommunity',
      entityId: code,
      detail: active ? '启用' : '停用',
    });
  });
}

/** Deletes a community added by mistake; refused once a package of it was imported (停用 instead). */
export async function deleteStreetCommunity(desk: Desk, code: string): Promise<void> {
  await writeTx(desk, ['streetCommunities', 'streetPackages'], async (tx) => {
    await requirePermission(tx, desk.actor, 'street.manage', '修改社区名单');
    const packages = await tx.streetPackages
      .where('[communityCode+periodKey]')
      .between([code, ''], [code, '\uffff'])
      .count();
    if (packages > 0) throw new DomainRefusal(HAS_PACKAGES);
    if (!(await tx.streetCommunities.get(code))) throw new DomainRefusal('该社区不在名单中');
    await tx.streetCommunities.delete(code);
    await tx.audit({ action: 'street.communityUpdate', entity: 'streetCommunity', entityId: code, detail: '删除' });
  });
}

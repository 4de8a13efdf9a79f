/**
 * The community profile and the first-run setup. Setup stores the profile, the first
 * administrator and the default matter catalog in ONE transaction: a half-finished setup
 * would leave a center with no way to sign in.
 */
import type { CommunityProfile, Grid, OpeningHours, PasswordHash, Staff } from '@shared/domain/records';
import type { MatterTypeDef } from '@shared/domain/catalog';
import { classifyCommunity, validateStreet } from '@shared/domain/community';
import { validateProxySettings } from '@shared/domain/proxy';
import { validateAutoLockMinutes } from '@shared/domain/idleLock';
import { validateRotaSettings } from '@shared/domain/rota';
import { householdsRefusal, unvisitedDaysRefusal } from '@shared/domain/homeVisits/settings';
import { requirePermission } from '../authorize';
import type { Desk, DeskBase } from '../desk';
import { withActor } from '../desk';
import type { ReadableDB } from '../entities';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';

type MetaReader = Pick<ReadableDB, 'meta'> | WriteTx<'meta'>;

function readCommunity(tables: MetaReader): Promise<CommunityProfile | undefined> {
  return tables.meta.get('community').then((row) => (row?.key === 'community' ? row.value : undefined));
}

/** The profile, or `undefined` before the first-run setup. */
export async function getCommunity(desk: DeskBase): Promise<CommunityProfile | undefined> {
  return readCommunity(desk.db);
}

export type SetupInput = {
  name: string;
  code: string;
  population: number;
  phone: string;
  /** 所属街道; may be empty. */
  street?: string;
  gridNames: string[];
  openingHours: OpeningHours;
  admin: { name: string; password: PasswordHash };
  catalog: MatterTypeDef[];
};

/** Stores everything the first run collects, as its first admin; refuses if the center is already set up. */
export async function completeSetup(desk: DeskBase, input: SetupInput): Promise<Staff> {
  const adminId = desk.newId();
  const grids: Grid[] = input.gridNames.map((name) => ({ id: desk.newId(), name }));
  const asAdmin = withActor(desk, { id: adminId, role: '站长/管理员' });
  return writeTx(asAdmin, ['meta', 'staff', 'matterTypes'], async (tx) => {
    if (await tx.meta.get('community')) throw new DomainRefusal('本机已完成初始设置');
    const profile: CommunityProfile = {
      ...tx.stamp(),
      name: input.name.trim(),
      code: input.code,
      population: input.population,
      communityClass: classifyCommunity(input.population).communityClass,
      grids,
      openingHours: input.openingHours,
      phone: input.phone.trim(),
      ...(input.street?.trim() ? { street: input.street.trim() } : {}),
    };
    await tx.meta.add({ key: 'community', value: profile });
    const admin = await tx.staff.add({
      id: adminId,
      name: input.admin.name.trim(),
      role: '站长/管理员',
      grids: grids.map((g) => g.id),
      password: input.admin.password,
      active: true,
    });
    await tx.matterTypes.bulkAdd(input.catalog.map((m) => ({ ...m, active: true })));
    await tx.audit({
      action: 'setup.complete',
      entity: 'community',
      detail: `事项 ${input.catalog.length} 项，网格 ${grids.length} 个`,
    });
    return admin;
  });
}

export type CommunityPatch = Partial<
  Pick<
    CommunityProfile,
    | 'name'
    | 'phone'
    | 'population'
    | 'openingHours'
    | 'grids'
    | 'residentTags'
    | 'street'
    | 'custodyAlertDays'
    | 'autoLockMinutes'
    | 'proxy'
    | 'rota'
    | 'unvisitedDays'
  >
>;

export async function updateCommunity(desk: Desk, patch: CommunityPatch): Promise<void> {
  await writeTx(desk, ['meta', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'community.edit', '修改社区信息');
    const current = await readCommunity(tx);
    if (!current) throw new DomainRefusal('尚未完成初始设置');
    const streetError = patch.street !== undefined ? validateStreet(patch.street) : null;
    if (streetError) throw new DomainRefusal(streetError, 'street');
    if (patch.street !== undefined) patch = { ...patch, street: patch.street.trim() };
    const days = patch.custodyAlertDays;
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 90))
      throw new DomainRefusal('提醒天数应为 1–90 的整数', 'custodyAlertDays');
    const lockError = patch.autoLockMinutes !== undefined ? validateAutoLockMinutes(patch.autoLockMinutes) : null;
    if (lockError) throw new DomainRefusal(lockError, 'autoLockMinutes');
    const homeVisitRefusal = homeVisitSettingsRefusal(patch);
    if (homeVisitRefusal) throw new DomainRefusal(homeVisitRefusal.reason, homeVisitRefusal.field);
    if (patch.proxy) {
      const proxy = { ...patch.proxy, promises: patch.proxy.promises.map((x) => x.trim()).filter(Boolean) };
      const refused = validateProxySettings(proxy);
      if (refused) throw new DomainRefusal(refused.reason, refused.field);
      patch = { ...patch, proxy };
    }
    const rotaRefused = patch.rota ? validateRotaSettings(patch.rota) : null;
    if (rotaRefused) throw new DomainRefusal(rotaRefused.reason, rotaRefused.field);
    const population = patch.population ?? current.population;
    const value: CommunityProfile = {
      ...current,
      ...patch,
      population,
      communityClass: classifyCommunity(population).communityClass,
      ...tx.stamp(current),
    };
    await tx.meta.put({ key: 'community', value });
    await tx.audit({ action: 'community.update', entity: 'community', detail: Object.keys(patch).join(',') });
  });
}

/** 走访记录's settings a 站长 sets: each 网格's households and the unvisited days N. */
function homeVisitSettingsRefusal(patch: CommunityPatch): { reason: string; field: string } | null {
  const n = patch.unvisitedDays;
  const nRefused = n !== undefined ? unvisitedDaysRefusal(n) : null;
  if (nRefused) return { reason: nRefused, field: 'unvisitedDays' };
  for (const g of patch.grids ?? []) {
    const refused = g.households !== undefined ? householdsRefusal(g.households) : null;
    if (refused) return { reason: refused, field: `households-${g.id}` };
  }
  return null;
}

/**
 * The community profile and the first-run setup. Setup stores the profile, the first
 * administrator and the default matter catalog in ONE transaction: a half-finished setup
 * would leave a center with no way to sign in.
 */
import type { CommunityProfile, Grid, OpeningHours, PasswordHash, Staff } from '@shared/domain/records';
import type { MatterTypeDef } from '@shared/domain/catalog';
import { classifyCommunity } from '@shared/domain/community';
import type { DutyDeskDB } from '../database';
import { requireAdmin } from '../authorize';
import type { MatterType } from '../matterType';
import { DomainRefusal, writeTx } from '../write';

export async function getCommunity(db: DutyDeskDB): Promise<CommunityProfile | undefined> {
  const row = await db.meta.get('community');
  return row?.key === 'community' ? row.value : undefined;
}

export type SetupInput = {
  name: string;
  code: string;
  population: number;
  phone: string;
  gridNames: string[];
  openingHours: OpeningHours;
  admin: { name: string; password: PasswordHash };
  catalog: MatterTypeDef[];
};

export type SetupIds = { newId: () => string };

/** Stores everything the first run collects; refuses if the center is already set up. */
export async function completeSetup(db: DutyDeskDB, input: SetupInput, now: number, ids: SetupIds): Promise<Staff> {
  const adminId = ids.newId();
  const stamp = { createdAt: now, createdBy: adminId, updatedAt: now, updatedBy: adminId };
  const grids: Grid[] = input.gridNames.map((name) => ({ id: ids.newId(), name }));
  const profile: CommunityProfile = {
    ...stamp,
    name: input.name.trim(),
    code: input.code,
    population: input.population,
    communityClass: classifyCommunity(input.population).communityClass,
    grids,
    openingHours: input.openingHours,
    phone: input.phone.trim(),
  };
  const admin: Staff = {
    ...stamp,
    id: adminId,
    name: input.admin.name.trim(),
    role: '站长/管理员',
    grids: grids.map((g) => g.id),
    password: input.admin.password,
    active: true,
    failedAttempts: 0,
    lockedUntil: 0,
  };
  const matters: MatterType[] = input.catalog.map((m) => ({ ...m, ...stamp, active: true }));
  return writeTx(db, { staffId: adminId, now }, [db.meta, db.staff, db.matterTypes], async ({ audit }) => {
    if (await db.meta.get('community')) throw new DomainRefusal('本机已完成初始设置');
    await db.meta.add({ key: 'community', value: profile });
    await db.staff.add(admin);
    await db.matterTypes.bulkAdd(matters);
    await audit({
      action: 'setup.complete',
      entity: 'community',
      detail: `事项 ${matters.length} 项，网格 ${grids.length} 个`,
    });
    return admin;
  });
}

export type CommunityPatch = Partial<
  Pick<CommunityProfile, 'name' | 'phone' | 'population' | 'openingHours' | 'grids' | 'residentTags'>
>;

export async function updateCommunity(
  db: DutyDeskDB,
  patch: CommunityPatch,
  staffId: string,
  now: number,
): Promise<void> {
  await writeTx(db, { staffId, now }, [db.meta, db.staff], async ({ audit }) => {
    await requireAdmin(db, staffId, '修改社区信息');
    const current = await getCommunity(db);
    if (!current) throw new DomainRefusal('尚未完成初始设置');
    const population = patch.population ?? current.population;
    const value: CommunityProfile = {
      ...current,
      ...patch,
      population,
      communityClass: classifyCommunity(population).communityClass,
      updatedAt: now,
      updatedBy: staffId,
    };
    await db.meta.put({ key: 'community', value });
    await audit({ action: 'community.update', entity: 'community', detail: Object.keys(patch).join(',') });
  });
}

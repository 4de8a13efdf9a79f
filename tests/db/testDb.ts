/**
 * Fresh fake-indexeddb databases for data-layer tests, plus a ready-made set-up community.
 */
import { DutyDeskDB } from '../../renderer/src/db/database';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { addStaff } from '../../renderer/src/db/repositories/staff';
import { computeCheckDigit } from '@shared/domain/idNumber';
import { completeSetup, type SetupInput } from '../../renderer/src/db/repositories/community';
import { parseCatalog } from '@shared/domain/catalog';
import { hashSecret } from '@shared/domain/credentials';
import { DEFAULT_OPENING_HOURS } from '@shared/domain/community';
import catalogJson from '../../resources/catalog/default-matters.json';

let n = 0;
export function freshDb(): DutyDeskDB {
  n += 1;
  return new DutyDeskDB(`test-${Date.now()}-${n}`);
}

export const T0 = Date.parse('2026-11-24T09:30:00+08:00');

export function counterIds(prefix = 'id'): { newId: () => string } {
  let i = 0;
  return { newId: () => `${prefix}-${++i}` };
}

/** A setup input with the shipped catalog and a cheap KDF (iterations are stored per hash). */
export async function setupInput(pin = '246810'): Promise<SetupInput> {
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return {
    name: '桃花岭社区',
    code: 'THL',
    population: 8600,
    phone: '0731-88886666',
    gridNames: ['第一网格', '第二网格'],
    openingHours: DEFAULT_OPENING_HOURS,
    admin: { name: '王秀英', password: await hashSecret(pin, undefined, 1000) },
    catalog: parsed.catalog.matters,
  };
}

export async function setUpCommunity(db: DutyDeskDB) {
  return completeSetup(db, await setupInput(), T0, counterIds());
}

/** 张三, born 1958-03-15, the resident most data-layer tests work with. */
export async function createZhangSan(db: DutyDeskDB, staffId: string, today: string) {
  const first17 = '43010419580315123';
  return createResident(
    db,
    {
      name: '张三',
      idNumber: first17 + computeCheckDigit(first17),
      phone: '13812345678',
      building: '',
      unit: '',
      room: '',
      gridId: '',
      tags: [],
    },
    { staffId, now: T0, today },
    'res-1',
  );
}

/** A second 站长/管理员 (赵强), added by `adminId`. */
export async function addSecondAdmin(db: DutyDeskDB, adminId: string) {
  const password = await hashSecret('864209', undefined, 1000);
  return addStaff(db, { name: '赵强', role: '站长/管理员', grids: [], password }, adminId, T0, 'admin-2');
}

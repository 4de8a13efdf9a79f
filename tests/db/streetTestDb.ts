/** A street installation for data-layer tests (issue 27): set up through the real setup, accounts signed. */
import type { StaffRole } from '@shared/domain/records';
import { streetAsCommunity } from '@shared/domain/street/install';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { readStreetProfile } from '../../renderer/src/db/installKind';
import { hashSecret } from '../../renderer/src/db/secrets';
import { completeStreetSetup } from '../../renderer/src/db/repositories/street/install';
import { addSignedStaff, counterIds, T0, testDesk, TODAY, type TestDeskOptions } from './testDb';

export const STREET = { name: '岳麓街道', code: 'YLJD' };

/** The street desk as `staffId` (its stored profile). */
export async function streetDesk(db: DutyDeskDB, o: TestDeskOptions = {}): Promise<Desk> {
  const street = await readStreetProfile(db);
  if (!street) throw new Error('streetDesk: run setUpStreet first');
  return { ...testDesk(db, { community: streetAsCommunity(street), ...o }), street };
}

/** A street set up (街道管理员 王街), plus a 街道工作人员 (李员); both signed their pledge. */
export async function setUpStreet(db: DutyDeskDB, o: { now?: number; today?: string } = {}) {
  const password = await hashSecret('246810', undefined, 1000);
  const ids = counterIds('st');
  const admin = await completeStreetSetup(testDesk(db, { newId: ids.newId }), {
    ...STREET,
    admin: { name: '王街', password },
  });
  await db.staff.update(admin.id, { pledgeAcceptedAt: T0 });
  const as = (staffId: string, role: StaffRole) =>
    streetDesk(db, { staffId, role, now: o.now ?? T0, today: o.today ?? TODAY, ...ids });
  const adminDesk = await as(admin.id, '街道管理员');
  const clerk = await addSignedStaff(adminDesk, { name: '李员', role: '街道工作人员', grids: [], password });
  const clerkDesk = await as(clerk.id, '街道工作人员');
  return { admin, clerk, adminDesk, clerkDesk, as, password };
}

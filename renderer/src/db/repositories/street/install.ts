/**
 * The street installation (issue 27): its first-run setup, its profile and settings. Setup writes
 * the kind (`installKind` = 街道), the street's profile and its first 街道管理员 in ONE transaction —
 * nothing about grids, opening hours or residents. The kind is desk-local (dataScope.ts).
 */
import type { PasswordHash, Staff } from '@shared/domain/records';
import type { InstallKind, StreetProfile } from '@shared/domain/street/install';
import { validateStreetCode, validateStreetName } from '@shared/domain/street/install';
import { DEFAULT_STREET_SETTINGS, validateStreetSettings, type StreetSettings } from '@shared/domain/street/settings';
import { requirePermission } from '../../authorize';
import { withActor, type Desk, type DeskBase } from '../../desk';
import { readInstallKind, readStreetProfile } from '../../installKind';
import { DomainRefusal } from '../../refusal';
import { writeTx } from '../../write';

/** What the gates need: nothing set up yet, a community (its profile read elsewhere), or a street. */
export type Installation = { kind: '未设置' } | { kind: '社区' } | { kind: '街道'; street: StreetProfile };

/** This database's installation (the app's gates: setup, sign-in, which shell). */
export async function getInstallation(desk: DeskBase): Promise<Installation> {
  const kind: InstallKind = await readInstallKind(desk.db);
  if (kind === '街道') {
    const street = await readStreetProfile(desk.db);
    return street ? { kind: '街道', street } : { kind: '未设置' };
  }
  return (await desk.db.meta.get('community')) ? { kind: '社区' } : { kind: '未设置' };
}

/** The street's profile (a street install behind sign-in). */
export async function getStreetProfile(desk: DeskBase): Promise<StreetProfile | undefined> {
  return readStreetProfile(desk.db);
}

const ALREADY_SET_UP = '本机已完成初始设置';

export type StreetSetupInput = { name: string; code: string; admin: { name: string; password: PasswordHash } };

/** The street setup's refusal of its fields (Chinese, at the field), or null. */
export function streetSetupRefusal(input: Pick<StreetSetupInput, 'name' | 'code'>): DomainRefusal | null {
  const name = validateStreetName(input.name);
  if (name) return new DomainRefusal(name, 'name');
  const code = validateStreetCode(input.code);
  return code.ok ? null : new DomainRefusal(code.message, 'code');
}

/** Stores a street installation and its first 街道管理员; refuses on a database already set up. */
export async function completeStreetSetup(desk: DeskBase, input: StreetSetupInput): Promise<Staff> {
  const refused = streetSetupRefusal(input);
  if (refused) throw refused;
  const code = validateStreetCode(input.code);
  if (!code.ok) throw new DomainRefusal(code.message, 'code');
  const adminName = input.admin.name.trim();
  if (!adminName) throw new DomainRefusal('请填写管理员姓名', 'adminName');
  // A street already set up: said as such (its writeTx would refuse `meta` with the street's rule).
  if ((await readInstallKind(desk.db)) === '街道') throw new DomainRefusal(ALREADY_SET_UP);
  const adminId = desk.newId();
  const asAdmin = withActor(desk, { id: adminId, role: '街道管理员' });
  return writeTx(asAdmin, ['meta', 'deskMeta', 'staff'], async (tx) => {
    const done = (await tx.meta.get('community')) ?? (await tx.deskMeta.get('installKind'));
    if (done || (await tx.staff.count()) > 0) throw new DomainRefusal(ALREADY_SET_UP);
    const street: StreetProfile = { name: input.name.trim(), code: code.value, settings: DEFAULT_STREET_SETTINGS };
    await tx.deskMeta.add({ key: 'installKind', value: '街道' });
    await tx.deskMeta.add({ key: 'streetProfile', value: street });
    const admin = await tx.staff.add({
      id: adminId,
      name: adminName,
      role: '街道管理员',
      grids: [],
      password: input.admin.password,
      active: true,
    });
    await tx.audit({ action: 'street.setup', entity: 'street', entityId: code.value });
    return admin;
  });
}

/** Changes the street's settings (街道管理员: `street.manage`); each value checked at its field. */
export async function updateStreetSettings(desk: Desk, settings: StreetSettings): Promise<void> {
  const refused = validateStreetSettings(settings);
  if (refused) throw new DomainRefusal(refused.reason, refused.field);
  await writeTx(desk, ['deskMeta'], async (tx) => {
    await requirePermission(tx, desk.actor, 'street.manage', '修改街道设置');
    const street = await readStreetProfile(tx);
    if (!street) throw new DomainRefusal('本机不是街道版');
    await tx.deskMeta.put({ key: 'streetProfile', value: { ...street, settings } });
    const detail = `截止 周${settings.deadlineWeekday} ${settings.deadlineTime}，阈值 ${settings.onTimeThreshold}%，报到 ${settings.checkInDays} 天`;
    await tx.audit({ action: 'street.settings', entity: 'street', detail });
  });
}

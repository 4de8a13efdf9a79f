/**
 * The kind of installation (issue 27): a community's desk (社区, everything before issue 27) or a
 * street office's (街道). Chosen once at first-run setup, kept desk-local (`deskMeta.installKind`,
 * absent on a desk set up before issue 27 = 社区). A street install keeps its `streetProfile`:
 * the street's name and code and its settings (settings.ts).
 */
import { validateCommunityCode } from '../trackingNumber';
import { classifyCommunity, DEFAULT_OPENING_HOURS } from '../community';
import type { CommunityProfile } from '../records';
import type { StreetSettings } from './settings';

export type InstallKind = '社区' | '街道';
export const INSTALL_KINDS: readonly InstallKind[] = ['社区', '街道'];

export type StreetProfile = {
  /** The street's name as the communities set it as 所属街道 (a package of another street is refused). */
  name: string;
  /** The street's short code (2–8 letters or digits), in its backups' names. */
  code: string;
  settings: StreetSettings;
};

/** 街道名称: 2–40 characters (the communities' 所属街道 is at most 40). */
export function validateStreetName(name: string): string | null {
  const n = name.trim();
  if (!n) return '请填写街道名称';
  if (n.length > 40) return '街道名称不超过 40 个字';
  return null;
}

/** 街道代码: as a community code (2–8 letters or digits, upper case). */
export function validateStreetCode(code: string): { ok: true; value: string } | { ok: false; message: string } {
  const r = validateCommunityCode(code);
  return r.ok ? r : { ok: false, message: r.message.replace('社区', '街道') };
}

/**
 * The street as the desk's `community` (db/desk.ts): what every installation shows of itself —
 * the name and code (top bar, lock screen, sign-in, backup names). No grids, no population, no
 * residents: nothing of a community's work runs on a street install (db/installKind.ts).
 */
export function streetAsCommunity(street: StreetProfile): CommunityProfile {
  return {
    createdAt: 0,
    createdBy: '',
    updatedAt: 0,
    updatedBy: '',
    name: street.name,
    code: street.code,
    population: 0,
    communityClass: classifyCommunity(0).communityClass,
    grids: [],
    openingHours: DEFAULT_OPENING_HOURS,
    phone: '',
  };
}

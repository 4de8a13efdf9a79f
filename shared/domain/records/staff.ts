/** Staff accounts and the who/when stamp every record carries. */

/**
 * A community's roles: 审计员 reads the audit log only (an admin creates the account); the other
 * two do the desk's work. A street office's (issue 27): 街道管理员 and 街道工作人员. An account of
 * one kind never exists on the other kind of installation (db/repositories/staff.ts refuses it).
 */
export type CommunityRole = '值班员' | '站长/管理员' | '审计员';
export type StreetRole = '街道管理员' | '街道工作人员';
export type StaffRole = CommunityRole | StreetRole;
export const COMMUNITY_ROLES: readonly CommunityRole[] = ['值班员', '站长/管理员', '审计员'];
export const STREET_ROLES: readonly StreetRole[] = ['街道管理员', '街道工作人员'];
export const STAFF_ROLES: readonly StaffRole[] = [...COMMUNITY_ROLES, ...STREET_ROLES];

/** Whether the role is a street office's (街道管理员, 街道工作人员). */
export function isStreetRole(role: StaffRole): role is StreetRole {
  return (STREET_ROLES as readonly string[]).includes(role);
}

export type Stamp = {
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
};

/** Slow-KDF password record. Parameters are stored so they can be raised later. */
export type PasswordHash = {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  saltB64: string;
  hashB64: string;
};

export type Staff = Stamp & {
  id: string;
  name: string;
  role: StaffRole;
  /** 工号, printed on the 委托书 (optional; older accounts have none). */
  staffNo?: string;
  /** Grid ids this person is responsible for (分片包干). */
  grids: string[];
  password: PasswordHash;
  active: boolean;
  /** When this person last accepted the 保密承诺 (shared/domain/pledge.ts); absent = never. */
  pledgeAcceptedAt?: number;
};

/**
 * One account's wrong PINs and lock AT THIS DESK (desk-local table `signInGuards`, DB v14): a
 * lock at one window is that PC's guard against guessing, not a fact of the shared account.
 * No row = no failed attempt.
 */
export type SignInGuard = {
  staffId: string;
  failedAttempts: number;
  /** Epoch ms until which sign-in is refused here; 0 = not locked. */
  lockedUntil: number;
};

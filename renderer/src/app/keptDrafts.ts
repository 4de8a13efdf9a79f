/**
 * Forms in progress (the 来访登记 draft) are kept in this window's sessionStorage under one
 * prefix, per signed-in staff member. Sign-out clears them all — without loading the forms'
 * code, which the sign-in screen does not need.
 */
export const KEPT_DRAFT_PREFIX = 'duty-desk.intake-draft:';

/** At sign-out: every staff member's kept draft in this window. */
export function clearKeptDrafts(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (k?.startsWith(KEPT_DRAFT_PREFIX)) sessionStorage.removeItem(k);
  }
}

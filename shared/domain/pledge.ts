/**
 * 保密承诺: every staff member accepts the confidentiality pledge at their first sign-in and again
 * once a year (texts.ts holds the wording). Due when never accepted, or accepted more than 365
 * days ago.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The pledge is renewed after this many days. */
export const PLEDGE_VALID_DAYS = 365;

/** Whether the pledge must be shown (and accepted) before the desk can be used. */
export function pledgeDue(acceptedAt: number | undefined, now: number): boolean {
  if (acceptedAt === undefined || !Number.isFinite(acceptedAt)) return true;
  return now - acceptedAt > PLEDGE_VALID_DAYS * DAY_MS;
}

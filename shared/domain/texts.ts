/**
 * Texts shown in more than one place (screens and paper), defined once so they read the same
 * everywhere and a change of wording is one edit.
 */

/** A promised date counted through a year whose holidays are not entered yet. */
export const DEADLINE_UNCERTAIN = '节假日安排未录入，日期可能调整';

/** '2027 年节假日安排未录入，日期可能调整' (years joined with 、). */
export function uncoveredYearsText(years: readonly number[]): string {
  return `${years.join('、')} 年${DEADLINE_UNCERTAIN}`;
}

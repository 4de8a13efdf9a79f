/**
 * The numbers a generated desk issues (受理编号, 归档号 and their counters), formatted by the
 * app's own functions in shared/domain: the one place the generator names them. Each carries
 * the desk that issued it (`Numbering.desk`, what `deskNumberOf` gives the app), handed to the
 * formatters with the other parts, so two desks of one center never issue the same number.
 */
import { counterKeyFor, formatTrackingNumber } from '@shared/domain/trackingNumber';
import { archiveCounterKeyFor, formatArchiveNumber } from '@shared/domain/caseNumbers';

/** Who issues: the center's community code and the desk's number (1 = the first desk). */
export type Numbering = { communityCode: string; desk: number };

export const trackingNumberOf = (n: Numbering, date: string, seq: number): string =>
  formatTrackingNumber({ ...n, date, seq });

export const archiveNumberOf = (n: Numbering, year: number, seq: number): string =>
  formatArchiveNumber({ ...n, year, seq });

/** The desk's daily counter of 受理编号 (a desk-local row). */
export const trackingCounterKeyOf = (n: Numbering, date: string): string =>
  counterKeyFor(n.communityCode, date, n.desk);

/** The desk's yearly counter of 归档号 (a desk-local row). */
export const archiveCounterKeyOf = (n: Numbering, year: number): string =>
  archiveCounterKeyFor(n.communityCode, year, n.desk);

/** Sentences printed on the receipts (tests check them on paper). */
import { DEADLINE_UNCERTAIN } from '../domain/texts';

/** Printed next to the deadline when the holiday schedule for that period is not entered. */
export const DEADLINE_UNCERTAIN_TEXT = `（${DEADLINE_UNCERTAIN}）`;

/** The 一次性告知 promise printed on top of the 一次性告知单. */
export const ONE_TIME_NOTICE_TEXT = '请您补齐以下材料后再来办理，我们一次性告知全部所需材料。';

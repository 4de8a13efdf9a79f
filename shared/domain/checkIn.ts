/**
 * 报到 as it is shown: the unit as typed, the person's name masked like any name (in full only
 * where names are — the 实名台账, the printed sheet). A 报到 recorded before issue 25 is one
 * free text (`who`, often "街道民政办 赵科长"): it stays masked as a name, in the unit's place.
 */
import { maskName } from './masking';
import type { EscalationCheckIn } from './records';

export type CheckInShown = { unit: string; person: string };

export function checkInShown(c: EscalationCheckIn | undefined, named: boolean): CheckInShown {
  if (!c) return { unit: '', person: '' };
  const name = (v: string | undefined) => (named ? (v ?? '') : maskName(v));
  if (c.unit === undefined) return { unit: name(c.who), person: '' };
  return { unit: c.unit, person: name(c.person) };
}

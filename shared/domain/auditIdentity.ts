/**
 * The stable identity of an audit row (DB v10): every row written since carries an `id` (128
 * random bits given by writeTx, `newAuditId` in db/write.ts), so a restore can tell a row it
 * already has from one it lacks (the local `++seq` is no identity: a live log and a backup
 * number their rows alike).
 *
 * A row from before v10 — upgraded in place, or inside an old backup — gets its id from its
 * content (`legacyAuditId`): the same row upgraded live and read from a pre-v10 backup gets the
 * same id and is not doubled by a restore. Its `seq` is part of it, so two rows of one database
 * never share an id. The hash is for identity, not for security (issue 23's chain is that).
 */
import type { AuditEntry } from './records';

/**
 * Hex written with the letters a–p (0 → a … f → p): an id never holds a run of digits, so no
 * check for a leaked number (ID, phone, PIN) in the log can ever meet one by chance.
 */
export const letters = (hex: string): string =>
  hex.replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));

/** cyrb53: a fast 53-bit string hash (public domain), as 14 letters a–p. */
function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return letters((4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0'));
}

/** The id of a row that has none: `legacy-<seq>-<hash of its content>` (deterministic). */
export function legacyAuditId(row: Omit<AuditEntry, 'id'>): string {
  const content = JSON.stringify([
    row.at,
    row.staffId,
    row.action,
    row.entity,
    row.entityId ?? null,
    row.detail ?? null,
    row.seq ?? null,
  ]);
  return `legacy-${row.seq ?? 'x'}-${hash53(content, 0)}${hash53(content, 0x9e3779b9)}`;
}

/** A row's identity: its own id, or the one derived from its content. */
export function auditIdOf(row: AuditEntry): string {
  return row.id ?? legacyAuditId(row);
}

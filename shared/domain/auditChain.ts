/**
 * The audit log chained per desk (issue 23 item 4). Every row carries its desk, a per-desk
 * sequence `deskSeq` (1, 2, 3 … on that desk), the hash of the previous row of that desk
 * (`prevHash`; the first row has GENESIS) and its own `hash`:
 *
 *   hash = SHA-256( UTF-8( "duty-desk-audit/1\n" + JSON.stringify([
 *            desk, deskSeq, prevHash, id, at, staffId, action, entity,
 *            entityId ?? null, detail ?? null, sealed ? 1 : 0 ]) ) )
 *
 * written as 64 letters a–p (hex with 0 → a … f → p, as the row ids: no run of digits for a
 * leak check to meet). A JSON array of plain values has one spelling, so the form is stable;
 * the local `seq` is left out (a restore renumbers it). The hash is computed synchronously
 * (@noble/hashes): awaiting WebCrypto inside a Dexie transaction would commit it early.
 *
 * `sealed` marks a row written before the chain existed and sealed into it once, at the v12
 * upgrade (or a pre-v12 backup's row at a restore): its hash proves it has not changed since
 * then, not before.
 *
 * The verification is a fold over the rows in (desk, deskSeq) order, then the heads kept
 * outside IndexedDB (the anchor): it names the first broken row of each desk — a changed row
 * (hash mismatch), a missing middle row (sequence gap), a replaced one (previous hash
 * mismatch), deleted last rows (the anchor is ahead of the stored head, or the row at the
 * anchor's sequence is not the one it names: the chain was written on from a shortened head).
 * The anchor never moves backwards (`nextAnchors`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { letters } from './auditIdentity';
import type { AuditEntry } from './records';

/** The version tag of the canonical form (a new form would be a new tag, old rows keep theirs). */
export const CHAIN_FORM = 'duty-desk-audit/1';

/** The previous hash of a desk's first row. */
export const GENESIS = 'a'.repeat(64);

/** Where a desk's chain ends: its last row's sequence and hash. */
export type ChainHead = { desk: number; seq: number; hash: string };

/** The chain fields of a row. */
export type ChainFields = { desk: number; deskSeq: number; prevHash: string; hash: string; sealed?: true };

/** A row as written to the log, before it is chained. */
export type UnchainedRow = Omit<AuditEntry, keyof ChainFields>;

/** A chained row. */
export type ChainedRow = UnchainedRow & ChainFields;

/** The canonical text a row's hash is taken over (the fixed field order above). */
export function canonicalForm(row: Omit<ChainedRow, 'hash' | 'seq'>): string {
  return `${CHAIN_FORM}\n${JSON.stringify([
    row.desk,
    row.deskSeq,
    row.prevHash,
    row.id ?? null,
    row.at,
    row.staffId,
    row.action,
    row.entity,
    row.entityId ?? null,
    row.detail ?? null,
    row.sealed ? 1 : 0,
  ])}`;
}

/** SHA-256 of the canonical form, as 64 letters a–p. Synchronous. */
export function auditHashOf(row: Omit<ChainedRow, 'hash' | 'seq'>): string {
  return letters(bytesToHex(sha256(utf8ToBytes(canonicalForm(row)))));
}

/** `row` as the next row of `desk` after `head` (null: the desk's first row). */
export function chainRow<R extends UnchainedRow>(
  row: R,
  desk: number,
  head: Pick<ChainHead, 'seq' | 'hash'> | null,
  o: { sealed?: boolean } = {},
): R & ChainFields {
  const linked = {
    ...row,
    desk,
    deskSeq: (head?.seq ?? 0) + 1,
    prevHash: head?.hash ?? GENESIS,
    ...(o.sealed ? { sealed: true as const } : {}),
  };
  return { ...linked, hash: auditHashOf(linked) };
}

/** The head a chained row leaves behind. */
export const headOf = (row: ChainFields): ChainHead => ({ desk: row.desk, seq: row.deskSeq, hash: row.hash });

/** Whether a stored row carries its chain fields. */
export function isChained(row: AuditEntry): row is AuditEntry & ChainFields {
  return (
    typeof row.desk === 'number' &&
    typeof row.deskSeq === 'number' &&
    typeof row.prevHash === 'string' &&
    typeof row.hash === 'string'
  );
}

/** The heads as kept outside IndexedDB and in a backup's header: `[desk, seq, hash]`. */
export type HeadTuple = [number, number, string];
export const toTuples = (heads: readonly ChainHead[]): HeadTuple[] => heads.map((h) => [h.desk, h.seq, h.hash]);
export const fromTuples = (tuples: readonly HeadTuple[] | undefined): ChainHead[] =>
  (tuples ?? []).map(([desk, seq, hash]) => ({ desk, seq, hash }));

/** The head of each desk among `rows` (any order; rows without chain fields are skipped). */
export function headsOfRows(rows: readonly AuditEntry[]): ChainHead[] {
  const heads = new Map<number, ChainHead>();
  for (const r of rows) {
    if (!isChained(r)) continue;
    const h = heads.get(r.desk);
    if (!h || r.deskSeq > h.seq) heads.set(r.desk, headOf(r));
  }
  return [...heads.values()].sort((a, b) => a.desk - b.desk);
}

/** What a broken row is named by: its desk and sequence, and when it was written and what. */
export type RowRef = { desk: number; deskSeq: number; at?: number; action?: string };

export type ChainProblem =
  /** The row's content does not give its hash: changed after it was written. */
  | { kind: 'changed'; row: RowRef }
  /** Rows `from`–`to` of the desk are missing before `row` (deleted). */
  | { kind: 'gap'; row: RowRef; from: number; to: number }
  /** The row does not link to the one before it (that one was replaced). */
  | { kind: 'unlinked'; row: RowRef }
  /** Two rows with the same sequence of one desk (a fork). */
  | { kind: 'duplicate'; row: RowRef }
  /** The desk's last rows `from`–`to` are missing: the anchor kept outside IndexedDB is ahead. */
  | { kind: 'truncated'; desk: number; from: number; to: number }
  /** The row at the anchor's sequence is not the one the anchor names (replaced, or the last rows
   * deleted and the chain written on from the shortened head). */
  | { kind: 'headMismatch'; row: RowRef }
  /** A row without chain fields (not written by this program), by its local order. */
  | { kind: 'unchained'; seq: number; at?: number; action?: string };

export type DeskChain = { desk: number; rows: number; head: ChainHead | null; sealed: number; sealedUntil?: number };

export type ChainReport = {
  rows: number;
  desks: DeskChain[];
  /** The first problems found (the first of each desk first), at most MAX_PROBLEMS. */
  problems: ChainProblem[];
  /** How many problems there are in all. */
  problemCount: number;
};

export const MAX_PROBLEMS = 20;

const refOf = (row: AuditEntry & ChainFields): RowRef => ({
  desk: row.desk,
  deskSeq: row.deskSeq,
  at: row.at,
  action: row.action,
});

/**
 * The anchor after a committed write: each desk's head in the log — but never backwards. A desk's
 * old anchor stays while the log's head is below it, or while the row at its sequence is not the
 * one it names (the last rows deleted and the chain written on from the shortened head: the
 * auditor's own sign-in must not hide it). `pastGaps` (only 从空白开始 and a restore, which chain
 * onto the anchor where it is ahead): a row MISSING at the anchor's sequence — a loss the log
 * itself shows as a gap — no longer holds it; a different row there still does.
 * `atAnchor`: desk → the hashes of the stored rows at that desk's old anchor's sequence.
 */
export function nextAnchors(
  before: readonly ChainHead[],
  stored: readonly ChainHead[],
  atAnchor: ReadonlyMap<number, readonly string[]>,
  o: { pastGaps?: boolean } = {},
): ChainHead[] {
  const out = new Map<number, ChainHead>(stored.map((h) => [h.desk, h]));
  for (const a of before) {
    const head = out.get(a.desk);
    const there = atAnchor.get(a.desk) ?? [];
    const moves = !!head && head.seq >= a.seq && (there.includes(a.hash) || (!!o.pastGaps && there.length === 0));
    if (!moves) out.set(a.desk, a);
  }
  return [...out.values()].sort((a, b) => a.desk - b.desk);
}

/** Where a desk's chain goes on: its stored head, or the anchor where the log lost its last rows. */
export const chainStart = (stored: ChainHead | null, anchor: ChainHead | undefined): ChainHead | null =>
  anchor && anchor.seq > (stored?.seq ?? 0) ? anchor : stored;

/**
 * The verification as a fold: `add` the chained rows in (desk, deskSeq) order, `unchained` the
 * rows without chain fields, then `finish`. `anchors`: the heads kept outside IndexedDB.
 */
export function chainVerifier(anchors: readonly ChainHead[] = []) {
  const anchorSeq = new Map(anchors.map((a) => [a.desk, a.seq]));
  /** The rows stored at each desk's anchor sequence (several where the chain forked there). */
  const atAnchor = new Map<number, (AuditEntry & ChainFields)[]>();
  const desks = new Map<number, DeskChain & { last: (AuditEntry & ChainFields) | null }>();
  const problems: ChainProblem[] = [];
  let count = 0;
  let rows = 0;
  const report = (p: ChainProblem) => {
    count += 1;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  return {
    add(row: AuditEntry & ChainFields): void {
      rows += 1;
      let d = desks.get(row.desk);
      if (!d) {
        d = { desk: row.desk, rows: 0, head: null, sealed: 0, last: null };
        desks.set(row.desk, d);
      }
      d.rows += 1;
      if (row.sealed) {
        d.sealed += 1;
        d.sealedUntil = Math.max(d.sealedUntil ?? 0, row.at);
      }
      const last = d.last;
      const expected = (last?.deskSeq ?? 0) + 1;
      if (auditHashOf(row) !== row.hash) report({ kind: 'changed', row: refOf(row) });
      else if (last && row.deskSeq === last.deskSeq) report({ kind: 'duplicate', row: refOf(row) });
      else if (row.deskSeq > expected) report({ kind: 'gap', row: refOf(row), from: expected, to: row.deskSeq - 1 });
      else if (row.prevHash !== (last?.hash ?? GENESIS)) report({ kind: 'unlinked', row: refOf(row) });
      d.last = row;
      d.head = headOf(row);
      if (anchorSeq.get(row.desk) === row.deskSeq) atAnchor.set(row.desk, [...(atAnchor.get(row.desk) ?? []), row]);
    },
    unchained(row: AuditEntry): void {
      rows += 1;
      report({ kind: 'unchained', seq: row.seq ?? 0, at: row.at, action: row.action });
    },
    finish(): ChainReport {
      for (const a of anchors) {
        const stored = desks.get(a.desk)?.last?.deskSeq ?? 0;
        const there = atAnchor.get(a.desk) ?? [];
        if (a.seq > stored) report({ kind: 'truncated', desk: a.desk, from: stored + 1, to: a.seq });
        // (no row there: the gap before the next row names it already)
        else if (there.length > 0 && !there.some((r) => r.hash === a.hash))
          report({ kind: 'headMismatch', row: refOf(there[0]!) });
      }
      return {
        rows,
        desks: [...desks.values()].map(({ last: _last, ...d }) => d).sort((a, b) => a.desk - b.desk),
        problems,
        problemCount: count,
      };
    },
  };
}

/** The rows in one list, verified (tests and small logs; the app streams through `chainVerifier`). */
export function verifyChain(rows: readonly AuditEntry[], anchors: readonly ChainHead[] = []): ChainReport {
  const v = chainVerifier(anchors);
  const chained = rows.filter(isChained).sort((a, b) => a.desk - b.desk || a.deskSeq - b.deskSeq);
  for (const r of chained) v.add(r);
  for (const r of rows) if (!isChained(r)) v.unchained(r);
  return v.finish();
}

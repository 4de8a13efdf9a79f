/**
 * The audit chain's canonical form and hash are fixed (shared/domain/auditChain.ts): a row hashed
 * today must verify in every later build, so the form's field order and the hash are pinned
 * here by known values; a change to either fails this test, not the desks' logs.
 */
import { describe, expect, it } from 'vitest';
import { auditHashOf, canonicalForm, chainRow, GENESIS, headsOfRows, verifyChain } from '@shared/domain/auditChain';
import { letters } from '@shared/domain/auditIdentity';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The hash of ROW as desk 1's first row, computed once by hand from the documented form. */
const PINNED = 'bgiokijgkiialndjinmafddclfhkefnhmhebcgehbbbcfibgbdopiafpdeihmkhj';

const ROW = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  at: 1795000000000,
  staffId: 'staff-1',
  action: 'case.transfer',
  entity: 'case',
  entityId: 'c-1',
  detail: '转办至后台',
};

describe('the canonical form', () => {
  it('lists the fields in their documented order, absent ones as null', () => {
    const { entityId: _e, detail: _d, ...bare } = ROW;
    expect(canonicalForm({ ...bare, desk: 2, deskSeq: 7, prevHash: GENESIS })).toBe(
      `duty-desk-audit/1\n[2,7,"${GENESIS}","${ROW.id}",1795000000000,"staff-1","case.transfer","case",null,null,0]`,
    );
  });

  it('is SHA-256 of the form in UTF-8, written in letters a–p (no digits)', () => {
    const linked = { ...ROW, desk: 1, deskSeq: 1, prevHash: GENESIS };
    expect(letters(bytesToHex(sha256(utf8ToBytes('abc'))))).toMatch(/^lkhibglp/); // FIPS 180-2: ba7816bf…
    expect(auditHashOf(linked)).toBe(letters(bytesToHex(sha256(utf8ToBytes(canonicalForm(linked))))));
    expect(auditHashOf(linked)).toMatch(/^[a-p]{64}$/);
  });

  it('gives a pinned hash for a pinned row (the form never changes under old rows)', () => {
    const row = chainRow(ROW, 1, null);
    expect(row).toMatchObject({ desk: 1, deskSeq: 1, prevHash: GENESIS });
    expect(row.hash).toBe(PINNED);
  });
});

describe('the verification fold', () => {
  it('a whole chain has no problem; its head is the last row', () => {
    const a = chainRow(ROW, 3, null);
    const b = chainRow({ ...ROW, id: 'b' }, 3, { seq: 1, hash: a.hash });
    expect(verifyChain([b, a]).problems).toEqual([]);
    expect(headsOfRows([b, a])).toEqual([{ desk: 3, seq: 2, hash: b.hash }]);
  });

  it('a first row whose number is not 1 is a gap from 1', () => {
    const a = chainRow(ROW, 1, { seq: 4, hash: GENESIS });
    expect(verifyChain([a]).problems).toMatchObject([{ kind: 'gap', from: 1, to: 4 }]);
  });

  it('the same number twice is a fork', () => {
    const a = chainRow(ROW, 1, null);
    const twin = chainRow({ ...ROW, id: 'twin' }, 1, null);
    expect(verifyChain([a, twin]).problems).toMatchObject([{ kind: 'duplicate', row: { deskSeq: 1 } }]);
  });
});

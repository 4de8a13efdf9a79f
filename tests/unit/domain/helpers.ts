/** Deterministic helpers shared by the domain tests. */
import type { MatterTypeDef } from '../../../shared/domain/catalog';
import { computeCheckDigit } from '../../../shared/domain/idNumber';

import { prng } from '../../../bench/data/random';

/** mulberry32 PRNG: deterministic pseudo-random numbers in [0, 1) (the benchmark generator's). */
export { prng };

export function randInt(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

const REGIONS = ['110105', '430104', '430111', '310115', '440305', '510107', '650102', '130102', '370202', '820000'];

/** Generates `count` valid 18-digit IDs (birth 1900-01-01 … 2025-12-28) with computed check digits. */
export function generateIds(count: number, seed = 42): { id: string; birthDate: string; male: boolean }[] {
  const rand = prng(seed);
  const out: { id: string; birthDate: string; male: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const region = REGIONS[randInt(rand, 0, REGIONS.length - 1)] ?? '110105';
    const y = randInt(rand, 1900, 2025);
    const m = randInt(rand, 1, 12);
    const d = randInt(rand, 1, 28);
    const seq = String(randInt(rand, 0, 999)).padStart(3, '0');
    const birth = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
    const first17 = region + birth + seq;
    out.push({
      id: first17 + computeCheckDigit(first17),
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      male: Number(seq.charAt(2)) % 2 === 1,
    });
  }
  return out;
}

/** Builds a valid ID for the given first 17 digits. */
export function withCheck(first17: string): string {
  return first17 + computeCheckDigit(first17);
}

/** True if the string contains at least one CJK ideograph. */
export const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

/** Converts ASCII to full-width forms (digits, letters, '-'). */
export function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** A catalog entry for counter tests: two required documents and an optional one, 3 working days. */
export const TEST_MATTER: MatterTypeDef = {
  code: 'YL-001',
  category: '养老服务',
  name: '高龄津贴申请',
  documents: [
    { name: '居民身份证', form: '原件及复印件', count: 1, source: '本人持有', required: true },
    { name: '户口簿', form: '原件及复印件', count: 1, source: '本人持有', required: true },
    { name: '照片', form: '原件', count: 1, source: '照相馆', required: false },
  ],
  timeLimitDays: 3,
  defaultMode: '承诺件',
  proxyEligible: true,
  remit: '转报街道',
  forwardTo: '街道民政办',
  guide: '年满80周岁。',
};

/**
 * Deterministic synthetic residents for benchmarks (no real personal data).
 *
 * Same seed → same residents. Names use common Chinese surnames (including the surname
 * readings 单 shan, 曾 zeng, 解 xie, 仇 qiu, and compound 欧阳/司马) with 1–2 given-name
 * characters; ID numbers are valid GB 11643 numbers with computed check characters; phones
 * are 11-digit mobiles; ID numbers and phones are unique, so no two residents are duplicates.
 */
import { computeCheckDigit } from '@shared/domain/idNumber';
import type { Resident } from '@shared/domain/records';
import { int, pick, prng } from './random';

/** The ten most frequent surnames: listed twice in SURNAMES, so drawn more often. */
const MOST_FREQUENT = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const SURNAMES = [
  ...MOST_FREQUENT,
  ...MOST_FREQUENT,
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '于',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '沈',
  '单',
  '解',
  '仇',
  '欧阳',
  '司马',
  '曾',
  '单',
] as const;

const GIVEN = Array.from(
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红建国志文斌辉宇浩然子涵梓轩' +
    '欣怡佳琪雨萱思远晓东海燕春梅金凤秋菊德福永昌正兴长乐行重朝',
);

const REGIONS = ['430102', '430103', '430104', '430105', '430111', '430121', '430181', '430602', '431002', '110105'];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '166',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];
const TAGS = ['独居老人', '高龄', '残疾人', '困难家庭', '优抚对象', '党员'] as const;

/**
 * Generates `count` residents in the given grids. `now` is the stamp for createdAt/updatedAt
 * (spread over the preceding year so `updatedAt` ordering is meaningful). `searchKeys` is left
 * empty: the database derives it on write (renderer/src/db/derived.ts), as for every resident.
 */
export function generateResidents(
  count: number,
  grids: readonly string[],
  seed = 20261124,
  now = Date.parse('2026-11-24T09:30:00+08:00'),
  staffId = 'bench',
  /** Each resident's id is this and its number (`res-000042`): a second desk gives its own. */
  idPrefix = 'res-',
): Resident[] {
  const rand = prng(seed);
  const ids = new Set<string>();
  const phones = new Set<string>();
  const residents: Resident[] = [];

  for (let i = 0; i < count; i++) {
    const givenLength = rand() < 0.7 ? 2 : 1;
    let name: string = pick(rand, SURNAMES);
    for (let g = 0; g < givenLength; g++) name += pick(rand, GIVEN);

    let idNumber: string;
    let birthDate: string;
    let male: boolean;
    do {
      const y = int(rand, 1930, 2020);
      const m = String(int(rand, 1, 12)).padStart(2, '0');
      const d = String(int(rand, 1, 28)).padStart(2, '0');
      const seq = String(int(rand, 0, 999)).padStart(3, '0');
      const first17 = `${pick(rand, REGIONS)}${y}${m}${d}${seq}`;
      idNumber = first17 + computeCheckDigit(first17);
      birthDate = `${y}-${m}-${d}`;
      male = Number(seq.charAt(2)) % 2 === 1;
    } while (ids.has(idNumber));
    ids.add(idNumber);

    let phone: string;
    do phone = pick(rand, MOBILE_PREFIXES) + String(int(rand, 0, 99_999_999)).padStart(8, '0');
    while (phones.has(phone));
    phones.add(phone);

    const tags = TAGS.filter(() => rand() < 0.06);
    const at = now - int(rand, 0, 365) * 86_400_000;
    residents.push({
      id: `${idPrefix}${String(i).padStart(6, '0')}`,
      name,
      gender: male ? '男' : '女',
      idNumber,
      birthDate,
      phone,
      building: `${int(rand, 1, 30)}栋`,
      unit: `${int(rand, 1, 6)}单元`,
      room: `${int(rand, 1, 33)}0${int(rand, 1, 4)}`,
      gridId: pick(rand, grids),
      tags,
      searchKeys: [],
      createdAt: at,
      createdBy: staffId,
      updatedAt: at,
      updatedBy: staffId,
    });
  }
  return residents;
}

/** The 工作台's 值班岗不足 line: the first three short days and how many more; an empty rota in one line. */
import { describe, expect, it } from 'vitest';
import type { DayCheck } from '@shared/domain/rota';
import { shortDaysText } from '../../../renderer/src/features/duty/rotaTexts';

const day = (d: string, onDuty: number) => ({ day: d, onDuty }) as DayCheck;

describe('shortDaysText', () => {
  it.each([
    { short: [day('2026-11-28', 1)], planned: true, text: '11-28 周六 值班岗 1 人，不足 2 人' },
    {
      short: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((d) => day(d, 0)),
      planned: true,
      text: '11-30 周一 值班岗 0 人，不足 2 人；12-01 周二 值班岗 0 人，不足 2 人；12-02 周三 值班岗 0 人，不足 2 人；另有 2 天不足',
    },
    { short: [day('2026-11-30', 0)], planned: false, text: '本周和下周还没有排班' },
  ])('$text', ({ short, planned, text }) => {
    expect(shortDaysText(short, 2, planned)).toBe(text);
  });
});

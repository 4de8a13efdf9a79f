/**
 * Issue 26 item 4: the 错时服务 figures in the weekly summary's sections (screen, xlsx, CSV and paper
 * share summarySections) and in the JSON package, whose closed schema lets no name ride along.
 */
import { describe, expect, it } from 'vitest';
import { summariesOf, namesOf } from '../../../shared/reports/reportData';
import { summarySections } from '../../../shared/reports/summaryRows';
import { renderSummaryDocument } from '../../../shared/reports/summaryDocument';
import type { WirePackage } from '../../../shared/reports/wire/types';
import { contentOf, expectPackageValid, expectSmugglesRefused, weekData } from './packageFixtures';

const week = { from: '2026-11-16', to: '2026-11-22' };
const before = { from: '2026-11-09', to: '2026-11-15' };
const data = weekData({
  period: week,
  previous: before,
  offHours: {
    now: { occasions: 5, people: 2, restDayOccasions: 3, dutyDays: 14 },
    before: { occasions: 2, people: 1, restDayOccasions: 0, dutyDays: 12 },
  },
});

describe('错时服务 in the weekly summary', () => {
  it('is a section of its own with both weeks, the same on paper', () => {
    const { now, before: was } = summariesOf(data);
    const section = summarySections(now, was, namesOf(data)).find((s) => s.title === '错时服务');
    expect(section?.rows).toEqual([
      { label: '错时服务（次）', now: 5, before: 2 },
      { label: '其中休息日、节假日（次）', now: 3, before: 0 },
      { label: '参与错时服务（人）', now: 2, before: 1 },
      { label: '值班岗（人天）', now: 14, before: 12 },
    ]);
    const paper = renderSummaryDocument(data, '2026-11-24 09:30', '王秀英');
    expect(paper).toContain('错时服务');
    expect(paper).toContain('其中休息日、节假日（次）');
  });

  it('goes into the JSON package (the week’s) and passes its closed schema', async () => {
    const { occasions, restDayOccasions, people, dutyDays } = data.offHours.now;
    expect(contentOf(data).counts).toMatchObject({
      offHoursOccasions: occasions,
      offHoursRestDayOccasions: restDayOccasions,
      offHoursPeople: people,
      offHoursDutyDays: dutyDays,
    });
    await expectPackageValid(data);
  });

  it('refuses a figure the schema does not know (re-hashed): no names can ride along', async () => {
    await expectSmugglesRefused(data, [
      (p: WirePackage) => Object.assign(p.content.counts, { offHoursByStaff: { 王秀英: 3 } }),
      (p: WirePackage) => Object.assign(p.content.counts, { offHoursOccasions: -1 }),
    ]);
  });
});

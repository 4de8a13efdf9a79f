/** The printed 值班表: the week's grid, day kinds, holiday duty and leave marked, the shortfall named, escaped. */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../shared/domain/workingCalendar';
import { rotaCellId, type RotaEntry } from '../../../shared/domain/records';
import { checkDays, dayOpening, weekDays } from '../../../shared/domain/rota';
import { renderRotaWeek } from '../../../shared/receipts/rotaWeek';

const calendar = createCalendar({ overrides: [{ date: '2027-03-01', kind: 'holiday', name: '测试节' }] });
const hours = { weekday: { start: '08:00', end: '18:00' }, weekend: { start: '09:00', end: '12:00' } };
const days = weekDays('2027-03-01').map((d) => dayOpening(d, hours, calendar));
const STAMP = { createdAt: 0, createdBy: 'a', updatedAt: 0, updatedBy: 'a' };
const cell = (
  day: string,
  staffId: string,
  post: RotaEntry['post'],
  leaveType?: RotaEntry['leaveType'],
): RotaEntry => ({
  ...STAMP,
  id: rotaCellId(day, staffId),
  day,
  staffId,
  post,
  ...(leaveType ? { leaveType } : {}),
});

describe('renderRotaWeek', () => {
  const cells = [
    cell('2027-03-01', 'a', '值班岗'),
    cell('2027-03-02', 'a', '值班岗'),
    cell('2027-03-02', 'b', '值班岗'),
    cell('2027-03-06', 'a', '值班岗'),
    cell('2027-03-06', 'b', '请假', '病假'),
  ];
  const html = renderRotaWeek({
    communityName: '桃花岭<社区>',
    days,
    staff: [
      { id: 'a', name: '李明' },
      { id: 'b', name: '赵芳' },
    ],
    cells,
    checks: checkDays(days, cells, 2),
    minOnDuty: 2,
    printed: { by: '王秀英', at: '2027-02-26 17:00' },
  });
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('is an A4 landscape page, black on white, who printed it', () => {
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('color: #000; background: #fff');
    expect(text).toContain('打印：王秀英 2027-02-26 17:00');
    expect(html).toContain('桃花岭&lt;社区&gt; 值班表');
  });

  it('marks the holiday, holiday duty, leave with its type, and the days below the minimum', () => {
    expect(text).toContain('03-01 周一 测试节 放假');
    expect(text).toContain('值班岗 节假日值班');
    expect(text).toContain('请假（病假）');
    expect(text).toContain('未排');
    // Wed–Fri nobody; Saturday one; Sunday nobody (open 09:00–12:00); Monday a holiday needs none.
    expect(text).toContain('值班岗不足 2 人：03-03 周三、03-04 周四、03-05 周五、03-06 周六、03-07 周日');
  });
});

/** The printed 走访记录 list and 错时服务 month table: A4 sheets, values escaped, personal data masked. */
import { describe, expect, it } from 'vitest';
import { renderHomeVisitList } from '@shared/receipts/homeVisitList';
import { renderOffHoursMonth } from '@shared/receipts/offHoursMonth';

const printed = { by: '王秀英', at: '2026-11-30 17:00' };

describe('走访记录 on paper', () => {
  it('masks the resident, the room and numbers in the text; lists the month in order with a total', () => {
    const html = renderHomeVisitList({
      communityName: '桃花岭社区',
      month: '2026-11',
      lines: [
        {
          day: '2026-11-03',
          staffName: '赵芳',
          gridName: '一网格',
          residentName: '王秀英',
          address: '3栋2单元401室',
          purpose: '重点人员关怀',
          found: '身体好转，电话 13812345678 <b>',
          followUp: '下月再访',
        },
        {
          day: '2026-11-04',
          staffName: '赵芳',
          gridName: '二网格',
          address: '幸福路12号',
          purpose: '其他',
          found: '无',
          followUp: '',
        },
      ],
      printed,
    });
    expect(html).toContain('<body class="layout-a4">');
    expect(html).toContain('走访记录 2026-11');
    expect(html).toContain('王*英 3栋2单元**室');
    expect(html).toContain('幸福路**号');
    expect(html).toContain('138****5678 &lt;b&gt;');
    for (const raw of ['王秀英 3栋', '401', '13812345678', '<b>']) expect(html).not.toContain(raw);
    expect(html.indexOf('11-03')).toBeLessThan(html.indexOf('11-04'));
    expect(html).toContain('共 2 条');
    expect(html).toContain('打印：王秀英 2026-11-30 17:00');
  });

  it('says so when the month has no entry', () => {
    expect(renderHomeVisitList({ communityName: '桃', month: '2026-12', lines: [], printed })).toContain(
      '本月没有走访记录',
    );
  });
});

describe('错时服务 month table on paper', () => {
  it('prints the screen’s columns per person, the occasions, the totals and a line to sign', () => {
    const html = renderOffHoursMonth({
      communityName: '桃花岭社区',
      month: '2026-11',
      rows: [
        {
          staffId: 's1',
          name: '李明<',
          dutyDays: 12,
          visitDays: 8,
          occasions: 2,
          lineOnly: 1,
          detail: [
            { day: '2026-11-07', part: 'restDay', sources: ['办件'] },
            { day: '2026-11-10', part: 'evening', sources: ['补充登记'] },
          ],
        },
      ],
      printed,
    });
    expect(html).toContain('<body class="layout-a4">');
    for (const h of ['姓名', '值班天数', '走访天数', '错时服务次数', '其中补充登记', '错时服务明细'])
      expect(html).toContain(`<th scope="col">${h}</th>`);
    expect(html).toContain('<td>李明&lt;</td><td>12</td><td>8</td><td>2</td><td>1</td>');
    expect(html).toContain('合计：错时服务 2 次（其中休息日 1 次），1 人；值班 12 人天');
    expect(html).toContain('审核人：');
  });
});

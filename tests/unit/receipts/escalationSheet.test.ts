/** Issue 9 item 14: the printable 上报事项单 for the street office. */
import { describe, expect, it } from 'vitest';
import { renderEscalationSheet } from '../../../shared/receipts/escalationSheet';

describe('上报事项单', () => {
  const html = renderEscalationSheet({
    communityName: '桃花岭社区',
    communityPhone: '0731-88886666',
    trackingNumber: 'THL-20261124-0001',
    matterName: '违法建设、占道经营等问题上报',
    resident: { name: '张三', idNumber: '430104195803151237', phone: '13812345678' },
    escalation: {
      level: '紧急',
      request: '请街道执法队<当日>到场',
      office: '街道综合行政执法队',
      raisedAt: 1,
      raisedDay: '2026-11-24',
      raisedBy: 's1',
      stage: '待报到',
      feedback: [],
    },
    raisedByName: '王秀英',
    printedAt: '2026-11-24 10:00',
    printedBy: '王秀英',
  });

  it('names the case, the class, the office and the request; leaves 报到 and 反馈 to fill in', () => {
    for (const text of [
      '上报事项单',
      'THL-20261124-0001',
      '紧急',
      '街道综合行政执法队',
      '王秀英',
      '报到单位',
      '报到人员',
      '处理反馈',
    ])
      expect(html).toContain(text);
    expect(html).toContain('2026年11月24日');
  });

  it('masks the resident’s numbers and escapes every value', () => {
    expect(html).toContain('4301**********1237');
    expect(html).toContain('138****5678');
    expect(html).not.toContain('430104195803151237');
    expect(html).not.toContain('13812345678');
    expect(html).toContain('请街道执法队&lt;当日&gt;到场');
    expect(html).not.toMatch(/<script/i);
  });
});

/**
 * 会议纪要 (A4): the day, who was present and absent, last meeting's decisions, each entry with its
 * discussion and decision, the decisions counted, the summary, the recorder's and the chair's
 * signature lines; masked, escaped.
 */
import { describe, expect, it } from 'vitest';
import { renderMeetingMinutes, type MeetingMinutesPaper } from '../../../shared/receipts/meetingMinutes';

const minutes: MeetingMinutesPaper = {
  communityName: '桃花岭社区',
  day: '2026-11-27',
  present: [
    { name: '王秀英', role: '站长/管理员' },
    { name: '李明', role: '值班员' },
    { name: '赵大姐', role: '居民代表' },
  ],
  absent: [{ name: '钱网格长', role: '网格长' }],
  progress: [],
  entries: [
    {
      order: 1,
      kind: '新问题',
      title: '小区北门下水道堵塞',
      category: '环境卫生',
      grid: '',
      place: '北门',
      discussion: '物业称需市政疏通，居民 430104199001011234 反映多次',
      decision: { type: '社区处置', text: '社区处置：李明负责，2026-12-02 前办结（3 个工作日）' },
    },
    {
      order: 2,
      kind: '新问题',
      title: '3 栋门口路灯不亮',
      category: '公共设施',
      grid: '第一网格',
      residents: ['张小三'],
      caseNumber: 'THL-20261123-0001',
      caseStatus: '已上报街道',
      deadline: '2026-12-07',
      decision: { type: '上报街道', text: '上报街道（日常）：街道城管办；协调维修路灯' },
    },
    {
      order: 3,
      kind: '上次结转',
      title: '楼上深夜装修噪音扰民',
      category: '邻里纠纷',
      grid: '第一网格',
      history: ['2026-11-20 继续跟踪：先约谈业主'],
      decision: { type: '继续跟踪', text: '继续跟踪：约双方下周调解' },
    },
    { order: 4, kind: '临时增加', title: '健身器材松动', category: '公共设施', grid: '第二网格' },
  ],
  summary: '本周议题四项，<em>三项</em>已作出决定。',
  printedAt: '2026-11-27 17:00',
  printedBy: '王秀英',
};
const html = renderMeetingMinutes(minutes);

describe('会议纪要', () => {
  it('is A4 with the day, who was present and who absent', () => {
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('<h1>桃花岭社区 联席会议纪要</h1>');
    expect(html).toContain('会议日期：2026-11-27 星期五');
    expect(html).toContain('<dt>出席（3）</dt><dd>王秀英（站长/管理员）、李明（值班员）、赵大姐（居民代表）</dd>');
    expect(html).toContain('<dt>缺席（1）</dt><dd>钱网格长（网格长）</dd>');
  });

  it('gives each entry its discussion and decision, in order, and counts the decisions', () => {
    const items = html.slice(html.indexOf('二、议题及决定'), html.indexOf('三、决定汇总'));
    expect(items.indexOf('1.【新问题】小区北门下水道堵塞')).toBeGreaterThan(-1);
    expect(items.indexOf('1.【新问题】')).toBeLessThan(items.indexOf('2.【新问题】3 栋门口路灯不亮'));
    expect(items).toContain('3.【上次结转】楼上深夜装修噪音扰民');
    expect(items).toContain('此前决定：2026-11-20 继续跟踪：先约谈业主');
    expect(items).toContain('会议决定：</span>社区处置：李明负责，2026-12-02 前办结（3 个工作日）');
    expect(items).toContain('会议决定：</span>上报街道（日常）：街道城管办；协调维修路灯');
    expect(items).toContain('办件 THL-20261123-0001 · 已上报街道 · 时限 2026-12-07');
    expect(items).toContain('讨论情况：</span>（未记录）');
    expect(items).toContain('未作决定，下次会议继续研究');
    const counts = html.slice(html.indexOf('三、决定汇总'), html.indexOf('四、会议小结'));
    for (const [t, n] of [
      ['社区处置', 1],
      ['上报街道', 1],
      ['继续跟踪', 1],
      ['已解决', 0],
      ['未作决定', 1],
    ])
      expect(counts).toContain(`<td>${t}</td><td class="n">${n}</td>`);
    expect(html).toContain('此前没有召开过联席会议。');
  });

  it('ends with the summary and the recorder’s and the chair’s signature lines', () => {
    expect(html).toContain('四、会议小结');
    expect(html).toContain('本周议题四项，&lt;em&gt;三项&lt;/em&gt;已作出决定。');
    expect(html).toContain('<div>记录人签字：</div><div>主持人签字：</div>');
    expect(renderMeetingMinutes({ ...minutes, summary: undefined })).toContain('<div class="note">（无）</div>');
  });

  it('masks residents’ names and ID or phone numbers, and escapes every value', () => {
    expect(html).toContain('反映人：张*三');
    expect(html).not.toContain('张小三');
    expect(html).not.toContain('430104199001011234');
    expect(html).toContain('4301**********1234');
    expect(html).not.toContain('<em>');
    const evil = renderMeetingMinutes({
      ...minutes,
      communityName: '<script>x</script>',
      present: [{ name: '<img src=x>', role: '&' }],
      entries: [{ ...minutes.entries[3]!, title: '"><svg onload=1>', discussion: '<b>' }],
    });
    expect(evil).not.toMatch(/<script|<img|<svg|<b>/i);
    expect(evil).toContain('&lt;img src=x&gt;（&amp;）');
  });
});

/**
 * 会议议程 (A4): the community and the day (a moved meeting keeps its earlier day), the attendees
 * to tick, last meeting's decisions with their progress, the counts by kind and by category and
 * 网格, the entries in the meeting's order under a heading per run of one kind; masked, escaped.
 */
import { describe, expect, it } from 'vitest';
import {
  kindRuns,
  progressLabel,
  renderMeetingAgenda,
  residentsText,
  type MeetingAgendaPaper,
  type MeetingPaperEntry,
} from '../../../shared/receipts/meetingAgenda';

const entries: MeetingPaperEntry[] = [
  {
    order: 1,
    kind: '上次结转',
    title: '楼上深夜装修噪音扰民',
    category: '邻里纠纷',
    grid: '第一网格',
    residents: ['张小三'],
    caseNumber: 'THL-20261124-0002',
    caseStatus: '已受理',
    deadline: '2026-12-08',
    history: ['2026-11-27 继续跟踪：约双方下周调解'],
  },
  {
    order: 2,
    kind: '新问题',
    title: '小区北门下水道堵塞',
    category: '环境卫生',
    grid: '',
    place: '北门<b>东侧</b>',
    reports: 3,
    residents: ['欧阳娜娜', '李四', '王五'],
  },
  { order: 3, kind: '新问题', title: '3 栋门口路灯不亮', category: '公共设施', grid: '第一网格' },
  {
    order: 4,
    kind: '超期办件',
    title: '党员组织关系转接（THL-20261116-0001）',
    category: '党群服务',
    grid: '第一网格',
    caseNumber: 'THL-20261116-0001',
    caseStatus: '已受理',
    deadline: '2026-11-19',
    decision: { type: '已解决', text: '已解决：已联系居民 13812345678 补办' },
  },
];

const paper: MeetingAgendaPaper = {
  communityName: '桃花岭社区',
  day: '2026-11-27',
  movedFrom: ['2026-11-26'],
  since: '2026-11-20',
  attendees: [
    { name: '王秀英', role: '站长/管理员' },
    { name: '赵大姐', role: '居民代表' },
  ],
  progress: [
    {
      title: '健身器材松动',
      decision: '社区处置：李明负责，2026-11-25 前办结（3 个工作日）',
      caseNumber: 'THL-20261120-0003',
      caseStatus: '办理中',
      deadline: '2026-11-25',
      done: false,
    },
    { title: '垃圾清运不及时', decision: '已解决：物业已增加清运', done: true },
  ],
  entries,
  printedAt: '2026-11-26 16:00',
  printedBy: '王秀英',
};
const html = renderMeetingAgenda(paper);

describe('会议议程', () => {
  it('is A4, titled with the community and the day, the moved day kept, with the scope', () => {
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('<h1>桃花岭社区 联席会议议程</h1>');
    expect(html).toContain('会议日期：2026-11-27 星期五（原定 2026-11-26，已改期）　共 4 项议题');
    expect(html).toContain('2026-11-20 上次会议之后提出的问题及结转事项');
    expect(html).toContain('打印：王秀英 2026-11-26 16:00');
  });

  it('lists every attendee with a box to tick', () => {
    expect(html).toContain('参会人员（出席的在方框内打 √）');
    expect(html).toContain('<span class="box"></span>王秀英（站长/管理员）');
    expect(html).toContain('<span class="box"></span>赵大姐（居民代表）');
    expect(html).toContain('其他参会人员');
  });

  it('opens with last meeting’s decisions and how they are going', () => {
    const progress = html.slice(html.indexOf('一、上次会议决定落实情况'), html.indexOf('二、议题统计'));
    expect(progress).toContain('健身器材松动');
    expect(progress).toContain('社区处置：李明负责，2026-11-25 前办结（3 个工作日）');
    expect(progress).toContain(
      '<span class="sub nowrap">THL-20261120-0003</span><span class="sub nowrap">办理中</span><span class="sub nowrap">时限 2026-11-25</span>',
    );
    // Its deadline (25th) passed before the meeting (27th).
    expect(progress).toContain('<td>未落实（已超期）</td>');
    expect(progress).toContain('<td>已落实</td>');
    const first = renderMeetingAgenda({ ...paper, since: undefined, progress: [] });
    expect(first).toContain('此前没有召开过联席会议。');
    expect(first).toContain('此前提出、尚未研究的全部问题');
  });

  it('tells a decision waiting on the street from one not carried out', () => {
    expect(progressLabel({ done: false, caseStatus: '已上报街道', deadline: '2026-11-20' }, '2026-11-27')).toBe(
      '待街道办理',
    );
    expect(progressLabel({ done: false, caseStatus: '办理中', deadline: '2026-11-30' }, '2026-11-27')).toBe('未落实');
    expect(progressLabel({ done: true, deadline: '2026-11-20' }, '2026-11-27')).toBe('已落实');
  });

  it('counts the entries by kind and by category and 网格', () => {
    const counts = html.slice(html.indexOf('二、议题统计'), html.indexOf('三、议题'));
    expect(counts).toContain('<td>上次结转</td><td class="n">1</td>');
    expect(counts).toContain('<td>新问题</td><td class="n">2</td>');
    expect(counts).toContain('<td>超期办件</td><td class="n">1</td>');
    expect(counts).toContain('<td>环境卫生 · 未分网格</td><td class="n">1</td>');
    expect(counts).toContain('<td>邻里纠纷 · 第一网格</td><td class="n">1</td>');
  });

  it('lists the entries in the meeting’s order, a heading per run of one kind, carried ones with their history', () => {
    const agenda = html.slice(html.indexOf('三、议题'));
    const at = (s: string) => agenda.indexOf(s);
    expect(at('<h3>上次结转（1 项）</h3>')).toBeGreaterThan(-1);
    expect(at('<h3>上次结转（1 项）</h3>')).toBeLessThan(at('<h3>新问题（2 项）</h3>'));
    expect(at('<h3>新问题（2 项）</h3>')).toBeLessThan(at('<h3>超期办件（1 项）</h3>'));
    expect(at('楼上深夜装修噪音扰民')).toBeLessThan(at('小区北门下水道堵塞'));
    expect(agenda).toContain('此前决定：2026-11-27 继续跟踪：约双方下周调解');
    expect(agenda).toContain(
      'THL-20261124-0002</span><span class="sub nowrap">已受理</span><span class="sub nowrap">时限 2026-12-08',
    );
    expect(agenda).toContain('反映人：欧**娜、李* 等 3 人（3 次反映）');
    expect(renderMeetingAgenda({ ...paper, entries: [{ ...entries[1]!, residents: [] }] })).toContain('共 3 次反映');
    // An undecided entry leaves lines to write on; a decided one prints its decision.
    expect(agenda).toContain('<span class="line"></span>');
    expect(agenda).toContain('已解决：已联系居民');
    expect(kindRuns([{ kind: '新问题' }, { kind: '超期办件' }, { kind: '新问题' }]).map((r) => r.kind)).toEqual([
      '新问题',
      '超期办件',
      '新问题',
    ]);
  });

  it('masks residents’ names and numbers in free text, and escapes every value', () => {
    expect(html).toContain('反映人：张*三');
    expect(html).toContain('反映人：欧**娜、李* 等 3 人');
    for (const secret of ['张小三', '欧阳娜娜', '李四', '王五', '13812345678']) expect(html).not.toContain(secret);
    expect(html).toContain('138****5678');
    expect(html).toContain('地点：北门&lt;b&gt;东侧&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(residentsText(['张三', '张三'])).toBe('张*');
    const evil = renderMeetingAgenda({
      ...paper,
      communityName: '<script>alert(1)</script>',
      attendees: [{ name: '"><img src=x>', role: "O'Neil" }],
      entries: [{ ...entries[2]!, title: '<iframe>', category: '&' }],
    });
    expect(evil).not.toMatch(/<script|<img|<iframe/i);
    expect(evil).toContain('&lt;script&gt;');
    expect(evil).toContain('O&#39;Neil');
    expect(evil).toContain('&amp;');
  });
});

/** 重点服务对象名单 (A4 landscape) for the zone staff: masked, escaped, with the filter and a signature line. */
import { describe, expect, it } from 'vitest';
import { careRegisterLine, renderCareRegister, type CareRegisterEntry } from '../../../shared/receipts/careRegister';

const liu: CareRegisterEntry = {
  resident: {
    name: '刘桂英',
    phone: '13875001234',
    building: '3',
    tags: ['独居老人', '高龄', '党员'],
    care: {
      contactName: '李建国',
      contactRelation: '儿子',
      contactPhone: '13907312468',
      needs: ['行动不便', '只讲方言'],
      dialect: '湘方言',
      preferredTime: '工作日上午<b>',
      note: '钥匙在邻居家',
    },
  },
  gridName: '第二网格',
  registerTags: ['独居老人', '高龄'],
  proxy: { count: 2, lastDay: '2026-11-20' },
};
const chen: CareRegisterEntry = {
  resident: { name: '陈<志>刚', phone: '0731-88886666', tags: ['残疾人'] },
  gridName: '',
  registerTags: ['残疾人'],
  proxy: { count: 0 },
};

const html = renderCareRegister({
  communityName: '桃花岭社区',
  gridLabel: '第二网格',
  tagLabel: '全部标签',
  day: '2026-11-24',
  printedAt: '2026-11-24 09:30',
  printedBy: '王秀英',
  entries: [liu, chen],
});

describe('重点服务对象名单', () => {
  it('is A4 landscape, titled with the community, the filter and the day, with the zone staff’s signature line', () => {
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('<h1>桃花岭社区 重点服务对象名单</h1>');
    expect(html).toContain('网格：第二网格　标签：全部标签');
    expect(html).toContain('日期：2026-11-24');
    expect(html).toContain('共 2 人');
    expect(html).toContain('网格员签收：');
    for (const title of ['网格', '楼栋', '姓名', '标签', '需求', '联系人', '联系电话', '联系时间', '代办记录'])
      expect(html).toContain(`<th>${title}</th>`);
  });

  it('masks names and phones, leaves out ID, unit, room and the note; the address is at most the building', () => {
    expect(html).toContain('<td>刘*英</td>');
    expect(html).toContain('<td>儿子 李*国</td>');
    expect(html).toContain('<td>139****2468</td>');
    expect(html).toContain('<td>本人 0731-****6666</td>');
    expect(html).toContain('<td>3栋</td>');
    for (const secret of ['刘桂英', '李建国', '13907312468', '13875001234', '88886666', '钥匙在邻居家', '单元', '室'])
      expect(html).not.toContain(secret);
    expect(html).not.toMatch(/\d{17}[\dX]/);
    // Only the register tags are listed, not 党员.
    expect(html).toContain('<td>独居老人、高龄</td>');
    expect(html).not.toContain('党员');
  });

  it('shows needs with the dialect, the contact time and the proxy history', () => {
    expect(html).toContain('<td>行动不便、只讲方言（湘方言）</td>');
    expect(html).toContain('<td>2 次，最近 2026-11-20</td>');
    expect(html).toContain('<td>无</td>');
    expect(html).toContain('<td>未分网格</td>');
  });

  it('escapes every value', () => {
    expect(html).toContain('工作日上午&lt;b&gt;');
    // A name with markup in it is masked to its first and last character.
    expect(html).toContain('<td>陈***刚</td>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<志>');
    const evil = renderCareRegister({
      communityName: '<script>alert(1)</script>',
      gridLabel: '"><img src=x>',
      tagLabel: '&',
      day: '2026-11-24',
      printedAt: '',
      printedBy: "O'Neil",
      entries: [],
    });
    expect(evil).not.toMatch(/<script|<img/i);
    expect(evil).toContain('&lt;script&gt;');
    expect(evil).toContain('O&#39;Neil');
    expect(evil).toContain('没有符合条件的重点服务对象');
  });

  it('gives the screen the same masked line', () => {
    expect(careRegisterLine(liu)).toEqual({
      grid: '第二网格',
      building: '3栋',
      name: '刘*英',
      tags: '独居老人、高龄',
      needs: '行动不便、只讲方言（湘方言）',
      contact: '儿子 李*国',
      phone: '139****2468',
      time: '工作日上午<b>',
      proxy: '2 次，最近 2026-11-20',
    });
    expect(careRegisterLine(chen)).toMatchObject({ building: '—', contact: '—', time: '—', needs: '—' });
  });
});

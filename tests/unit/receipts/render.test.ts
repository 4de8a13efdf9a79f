/**
 * Receipt templates: every kind × layout renders a complete, script-free document with the
 * tracking number and its QR code; personal numbers only ever appear masked; every value is
 * escaped; the 一次性告知单 lists every missing document.
 */
import { describe, expect, it } from 'vitest';
import { DEADLINE_UNCERTAIN_TEXT, ONE_TIME_NOTICE_TEXT } from '../../../shared/receipts/texts';
import { escapeHtml } from '../../../shared/receipts/html';
import { formatReceiptDate, formatReceiptDateTime, receiptFileName } from '../../../shared/receipts/format';
import { receiptDocument as renderReceipt } from '../../../renderer/src/components/receiptDocument';
import type { ReceiptData, ReceiptKind, ReceiptLayout } from '../../../shared/receipts/types';

const KINDS: readonly ReceiptKind[] = ['受理回执', '办结回执', '一次性告知单', '不予受理告知书'];
const LAYOUTS: readonly ReceiptLayout[] = ['a4', 'thermal80'];

const RAW_ID = '430104199001011234';
const MASKED_ID = '4301**********1234';
const RAW_PHONE = '13812345678';
const MASKED_PHONE = '138****5678';
const RAW_AGENT_PHONE = '13987654321';
const MASKED_AGENT_PHONE = '139****4321';

function sample(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    community: {
      name: '桃花岭社区公共服务中心',
      phone: '0731-88886666',
      hoursText: '工作日 08:00–18:00；周末 09:00–12:00',
    },
    trackingNumber: 'THL-20260930-0001',
    matterName: '城乡居民基本养老保险参保登记',
    mode: '承诺件',
    resident: { name: '李桂兰', idNumber: RAW_ID, phone: RAW_PHONE },
    agent: { name: '王建国', relation: '儿子', phone: RAW_AGENT_PHONE },
    acceptedAt: '2026-09-30 09:15',
    staffName: '刘晓燕',
    documentsReceived: ['居民身份证复印件', '户口簿复印件'],
    documentsMissing: [
      { name: '银行卡（存折）复印件', form: '复印件', count: 1, source: '本人开户银行' },
      { name: '城乡居民养老保险参保登记表', form: '原件（需本人签字）', count: 2, source: '社区服务中心窗口领取' },
      { name: '近期一寸免冠照片', form: '照片', count: 2, source: '照相馆' },
    ],
    deadline: '2026-10-14',
    printedAt: '2026-09-30 09:20',
    printedBy: '刘晓燕',
    ...overrides,
  };
}

/** All text that would reveal a raw number: the raw strings and their obvious fragments. */
function expectNoRawPersonalNumbers(html: string): void {
  expect(html).not.toContain(RAW_ID);
  expect(html).not.toContain(RAW_PHONE);
  expect(html).not.toContain(RAW_AGENT_PHONE);
  expect(html).not.toContain('19900101'); // birth date part of the ID
  expect(html).not.toContain('1234567'); // middle of the phone
}

describe('renderReceipt: every kind × layout', () => {
  for (const kind of KINDS) {
    for (const layout of LAYOUTS) {
      it(`${kind} / ${layout}`, async () => {
        const html = await renderReceipt(kind, sample(), layout);
        expect(html.startsWith('<!doctype html>')).toBe(true);
        expect(html).toContain('<html lang="zh-CN">');
        expect(html).toContain('<meta charset="utf-8">');
        expect(html).toContain(`<h1>${kind}</h1>`);
        expect(html).toContain('桃花岭社区公共服务中心');
        expect(html).toContain('<div class="tracking-number">THL-20260930-0001</div>');
        expect(html).toMatch(/<svg[^>]*viewBox/);
        expect(html).toContain('城乡居民基本养老保险参保登记');
        expect(html).toContain('承诺件');
        expect(html).toContain('李桂兰');
        expect(html).toContain(MASKED_ID);
        expect(html).toContain(MASKED_PHONE);
        expect(html).toContain('王建国（儿子）');
        expect(html).toContain(MASKED_AGENT_PHONE);
        expect(html).toContain('刘晓燕');
        expect(html).toContain('受理时间');
        expect(html).toContain('2026年9月30日 09:15');
        expect(html).toContain('0731-88886666');
        expect(html).toContain('工作日 08:00–18:00；周末 09:00–12:00');
        expect(html).toContain('打印：刘晓燕 2026年9月30日 09:20');
        expectNoRawPersonalNumbers(html);
        expect(html.toLowerCase()).not.toContain('<script');
        expect(html).not.toMatch(/<link|src=|url\(/i); // self-contained: nothing to fetch
        expect(html).toContain('"Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif');
      });
    }
  }
});

describe('renderReceipt: page set-up and type sizes', () => {
  function fontSizesPt(css: string, selector: string): number[] {
    const re = new RegExp(`(?:^|\\n)${selector.replace(/\./g, '\\.')} \\{[^}]*font-size: ([\\d.]+)pt`, 'g');
    return [...css.matchAll(re)].map((m) => Number(m[1]));
  }

  it('A4: page size, margins, large body and tracking number, signature line', async () => {
    const html = await renderReceipt('受理回执', sample(), 'a4');
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    const body = fontSizesPt(html, 'body');
    expect(body.length).toBeGreaterThan(0);
    for (const s of body) expect(s).toBeGreaterThanOrEqual(12);
    expect(Math.min(...fontSizesPt(html, '.tracking-number'))).toBeGreaterThanOrEqual(20);
    expect(html).toMatch(/居民签字：.*经办人：/);
  });

  it('80 mm: page size, 74 mm content, body ≥ 10.5pt, tracking ≥ 16pt, no signature line, no tables', async () => {
    for (const kind of KINDS) {
      const html = await renderReceipt(kind, sample(), 'thermal80');
      expect(html).toContain('@page { size: 80mm auto; margin: 3mm; }');
      expect(html).toContain('max-width: 74mm');
      for (const s of fontSizesPt(html, 'body')) expect(s).toBeGreaterThanOrEqual(10.5);
      expect(Math.min(...fontSizesPt(html, '.tracking-number'))).toBeGreaterThanOrEqual(16);
      expect(html).not.toContain('居民签字');
      expect(html).not.toContain('<table');
      // every pt size used on the roll is readable
      for (const m of html.matchAll(/font-size: ([\d.]+)pt/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(10.5);
    }
  });

  it('A4: no type below 12pt anywhere', async () => {
    const html = await renderReceipt('一次性告知单', sample(), 'a4');
    for (const m of html.matchAll(/font-size: ([\d.]+)pt/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
  });
});

describe('renderReceipt: kind-specific content', () => {
  it('受理回执 lists received documents and the deadline, without the flag unless asked', async () => {
    const html = await renderReceipt('受理回执', sample(), 'a4');
    expect(html).toContain('居民身份证复印件');
    expect(html).toContain('户口簿复印件');
    expect(html).toContain('承诺办结日期');
    expect(html).toContain('2026年10月14日（星期三）');
    expect(html).not.toContain(DEADLINE_UNCERTAIN_TEXT);
  });

  it('受理回执 prints the uncertain-deadline flag next to the date', async () => {
    for (const layout of LAYOUTS) {
      const html = await renderReceipt('受理回执', sample({ deadlineUncertain: true }), layout);
      expect(DEADLINE_UNCERTAIN_TEXT).toBe('（节假日安排未录入，日期可能调整）');
      expect(html).toContain(`2026年10月14日（星期三）</strong><span class="note">${DEADLINE_UNCERTAIN_TEXT}</span>`);
    }
  });

  it('issue 9 item 9: 受理回执 names the years whose holidays are not entered, as the screen does', async () => {
    const html = await renderReceipt(
      '受理回执',
      sample({ deadlineUncertain: true, deadlineUncoveredYears: [2027] }),
      'a4',
    );
    expect(html).toContain('（2027 年节假日安排未录入，日期可能调整）');
  });

  it('issue 9 item 14: the agent’s ID number prints masked', async () => {
    const html = await renderReceipt(
      '受理回执',
      sample({ agent: { name: '王建国', relation: '儿子', idNumber: '430104195803151237' } }),
      'a4',
    );
    expect(html).toContain('4301**********1237');
    expect(html).not.toContain('430104195803151237');
  });

  it('受理回执 without deadline omits the row', async () => {
    const html = await renderReceipt('受理回执', sample({ deadline: undefined, mode: '即办' }), 'a4');
    expect(html).not.toContain('承诺办结日期');
  });

  it('prints the appointment time when given, and only then', async () => {
    const withAppt = await renderReceipt(
      '受理回执',
      sample({ mode: '预约', appointmentAt: '2026-10-08 14:30' }),
      'thermal80',
    );
    expect(withAppt).toContain('预约时间');
    expect(withAppt).toContain('2026年10月8日 14:30');
    const without = await renderReceipt('受理回执', sample(), 'thermal80');
    expect(without).not.toContain('预约时间');
  });

  it('办结回执 prints the result and invites a satisfaction rating', async () => {
    const html = await renderReceipt('办结回执', sample({ result: '已完成参保登记，\n10 月起按月缴费。' }), 'a4');
    expect(html).toContain('办结结果');
    expect(html).toContain('已完成参保登记，\n10 月起按月缴费。');
    expect(html).toContain('满意度评价');
    for (const r of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) expect(html).toContain(r);
  });

  it('办结回执 without a result leaves a line to fill in', async () => {
    const html = await renderReceipt('办结回执', sample({ result: undefined }), 'a4');
    expect(html).toContain('class="blank"');
  });

  for (const layout of LAYOUTS) {
    it(`一次性告知单 (${layout}) lists every missing document with form, count and source`, async () => {
      const data = sample();
      const html = await renderReceipt('一次性告知单', data, layout);
      expect(html).toContain(ONE_TIME_NOTICE_TEXT);
      expect(html).toContain('我们一次性告知全部所需材料');
      expect(html).toContain('共 3 项');
      for (const d of data.documentsMissing) {
        expect(html).toContain(escapeHtml(d.name));
        expect(html).toContain(escapeHtml(d.form ?? ''));
        expect(html).toContain(`${d.count ?? 0} 份`);
        expect(html).toContain(escapeHtml(d.source ?? ''));
      }
      if (layout === 'a4') {
        expect(html).toContain('<th>材料名称</th><th>形式/要求</th><th>份数</th><th>获取途径</th>');
        expect(html.match(/<tr><td class="c-no">/g)).toHaveLength(3);
      } else {
        expect(html.match(/<div class="doc-name">/g)).toHaveLength(3);
      }
    });
  }

  it('一次性告知单 with many missing documents lists all of them', async () => {
    const docs = Array.from({ length: 12 }, (_, i) => ({ name: `材料第${i + 1}号`, count: i + 1 }));
    const html = await renderReceipt('一次性告知单', sample({ documentsMissing: docs }), 'a4');
    for (const d of docs) expect(html).toContain(`<strong>${d.name}</strong>`);
    expect(html).toContain('共 12 项');
  });

  it('不予受理告知书 prints the reason and where to go', async () => {
    const html = await renderReceipt(
      '不予受理告知书',
      sample({
        mode: '不予受理',
        refusalReason: '居住证明已取消，社区不再出具',
        redirectTo: '请到辖区派出所户籍窗口办理',
      }),
      'thermal80',
    );
    expect(html).toContain('不予受理理由');
    expect(html).toContain('居住证明已取消，社区不再出具');
    expect(html).toContain('建议办理途径');
    expect(html).toContain('请到辖区派出所户籍窗口办理');
  });

  it('办结回执 masks a phone or ID number typed into the result', async () => {
    for (const layout of LAYOUTS) {
      const html = await renderReceipt(
        '办结回执',
        sample({ result: `已办结，请致电 ${RAW_PHONE} 联系，证件 ${RAW_ID} 已核验。` }),
        layout,
      );
      expect(html).toContain(
        `<span class="pre">已办结，请致电 ${MASKED_PHONE} 联系，证件 ${MASKED_ID} 已核验。</span>`,
      );
      expectNoRawPersonalNumbers(html);
    }
  });

  it('不予受理告知书 masks a phone or ID number typed into the reason and the way to go', async () => {
    for (const layout of LAYOUTS) {
      const html = await renderReceipt(
        '不予受理告知书',
        sample({
          mode: '不予受理',
          refusalReason: `持证人 ${RAW_ID} 不在本辖区`,
          redirectTo: `请致电 ${RAW_PHONE} 预约派出所窗口`,
        }),
        layout,
      );
      expect(html).toContain(`<span class="pre">持证人 ${MASKED_ID} 不在本辖区</span>`);
      expect(html).toContain(`<span class="pre">请致电 ${MASKED_PHONE} 预约派出所窗口</span>`);
      expectNoRawPersonalNumbers(html);
    }
  });

  it('omits ID, phone and agent lines when absent', async () => {
    const html = await renderReceipt('受理回执', sample({ resident: { name: '李桂兰' }, agent: undefined }), 'a4');
    expect(html).not.toContain('身份证号');
    expect(html).not.toContain('联系电话');
    expect(html).not.toContain('代办人');
  });

  it('masks malformed or full-width numbers too', async () => {
    const html = await renderReceipt(
      '受理回执',
      sample({ resident: { name: '李桂兰', idNumber: '４３０１０４１９９００１０１１２３４', phone: '1381234' } }),
      'a4',
    );
    expect(html).toContain(MASKED_ID);
    expect(html).not.toContain('1381234');
    expect(html).not.toContain('４３０１０４１９９００１０１１２３４');
  });
});

describe('escaping', () => {
  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(3)).toBe('3');
  });

  it('escapes every interpolated value, so no <script> gets through', async () => {
    const evil = '<script>alert(1)</script>';
    const data = sample({
      community: { name: `社区${evil}`, phone: `0731${evil}`, hoursText: `全天${evil}` },
      trackingNumber: `THL-${evil}`,
      matterName: `低保申请${evil}`,
      mode: evil,
      resident: { name: `张${evil}`, idNumber: evil, phone: evil },
      agent: { name: evil, relation: evil, phone: evil },
      acceptedAt: evil,
      staffName: evil,
      documentsReceived: [evil],
      documentsMissing: [{ name: evil, form: evil, count: 1, source: evil }],
      deadline: evil,
      deadlineUncertain: true,
      appointmentAt: evil,
      result: evil,
      refusalReason: evil,
      redirectTo: evil,
      printedAt: evil,
    });
    for (const kind of KINDS) {
      for (const layout of LAYOUTS) {
        const html = await renderReceipt(kind, data, layout);
        expect(html.toLowerCase()).not.toContain('<script');
        expect(html).toContain('低保申请&lt;script&gt;alert(1)&lt;/script&gt;');
      }
    }
  });

  it('escapes quotes and ampersands in names', async () => {
    const html = await renderReceipt('受理回执', sample({ matterName: 'A&B "老年人" 优待证' }), 'a4');
    expect(html).toContain('A&amp;B &quot;老年人&quot; 优待证');
  });
});

describe('QR code', () => {
  it('encodes the tracking number: different numbers give different codes', async () => {
    const svgOf = (html: string) => /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const a = svgOf(await renderReceipt('受理回执', sample(), 'a4'));
    const b = svgOf(await renderReceipt('受理回执', sample({ trackingNumber: 'THL-20260930-0002' }), 'a4'));
    expect(a).not.toBe('');
    expect(a).not.toBe(b);
    expect(svgOf(await renderReceipt('受理回执', sample(), 'thermal80'))).toBe(a);
  });
});

describe('helpers', () => {
  it('receiptFileName', () => {
    expect(receiptFileName('受理回执', 'THL-20260930-0001')).toBe('受理回执-THL-20260930-0001.pdf');
    expect(receiptFileName('一次性告知单', 'A/B:C')).toBe('一次性告知单-A_B_C.pdf');
    expect(receiptFileName('办结回执', '  ')).toBe('办结回执-未编号.pdf');
  });

  it('formats dates for readers, passing odd values through', () => {
    expect(formatReceiptDate('2026-10-01')).toBe('2026年10月1日（星期四）');
    expect(formatReceiptDate('2026-02-30')).toBe('2026-02-30');
    expect(formatReceiptDateTime('2026-09-30 08:05')).toBe('2026年9月30日 08:05');
    expect(formatReceiptDateTime('昨天')).toBe('昨天');
  });
});

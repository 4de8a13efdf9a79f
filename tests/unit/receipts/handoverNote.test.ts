/** The printed 交接班记录: A4, values escaped, numbers masked, who signed it when (or lines to sign). */
import { describe, expect, it } from 'vitest';
import { renderHandoverNote, type HandoverNotePaper } from '@shared/receipts/handoverNote';

const PAPER: HandoverNotePaper = {
  communityName: '桃花岭社区',
  day: '2026-11-24',
  forDay: '2026-11-25',
  writerName: '李明',
  writtenAt: '2026-11-24 17:45',
  facts: [{ kind: '已超期', count: 7, refs: ['THL-20261101-010001'] }],
  text: '回电 13812345678 <b>',
  watch: ['身份证 110101199003076515'],
  readers: [{ name: '王秀英', at: '2026-11-25 08:05' }],
  printedAt: '2026-11-25 09:00',
  printedBy: '王秀英',
};

describe('交接班记录 on paper', () => {
  it('prints the days, the writer, the facts, the masked text and watch list, who signed when, and who printed', () => {
    const html = renderHandoverNote(PAPER);
    expect(html).toContain('<body class="layout-a4">');
    expect(html).toContain('已超期的办件：7 件（THL-20261101-010001 等）');
    expect(html).toContain('回电 138****5678 &lt;b&gt;');
    expect(html).not.toContain('13812345678');
    expect(html).not.toContain('110101199003076515');
    expect(html).toContain('王秀英　2026-11-25 08:05');
    expect(html).toContain('打印：王秀英 2026-11-25 09:00');
  });

  it('leaves lines to sign by hand when nobody has signed yet', () => {
    const html = renderHandoverNote({ ...PAPER, readers: [] });
    expect(html).toContain('接班人签阅');
    expect(html).not.toContain('王秀英　');
  });
});

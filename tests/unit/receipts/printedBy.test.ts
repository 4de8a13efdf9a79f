/**
 * Every printed document carries who printed it and when (「打印：<name> <time>」): a page left
 * on the counter names its printer. A static scan finds every renderer module (a new one must
 * print the line too), and the documents are rendered to see the line on paper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedHtml } from '../../../shared/receipts/html';
import { renderReceipt } from '../../../shared/receipts/render';
import { renderCustodySheet } from '../../../shared/receipts/custodySheet';
import { renderMandate } from '../../../shared/receipts/proxyMandate';
import { renderEscalationSheet } from '../../../shared/receipts/escalationSheet';
import { renderRegister } from '../../../shared/receipts/registerDocument';
import type { ReceiptData, ReceiptKind } from '../../../shared/receipts/types';

const ROOT = join(__dirname, '../../..');
const BY = '王秀英';
const AT = '2026-11-24 10:05';
const LINE = `打印：${BY} ${AT}`;

/** Modules with an exported `render…` function that returns a whole printable page. */
function rendererModules(): string[] {
  return ['shared/receipts', 'shared/reports'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`)
      .filter((p) => /export function render\w*\(/.test(readFileSync(join(ROOT, p), 'utf8'))),
  );
}

describe('打印：<name> <time> on every printed document', () => {
  it('finds the renderers, and each prints who and when', () => {
    const modules = rendererModules();
    expect(modules).toEqual(
      expect.arrayContaining([
        'shared/receipts/render.ts',
        'shared/receipts/custodySheet.ts',
        'shared/receipts/proxyMandate.ts',
        'shared/receipts/escalationSheet.ts',
        'shared/receipts/registerDocument.ts',
        'shared/receipts/careRegister.ts',
        'shared/receipts/meetingAgenda.ts',
        'shared/receipts/meetingMinutes.ts',
        'shared/reports/summaryDocument.ts',
        'shared/receipts/rotaWeek.ts',
      ]),
    );
    for (const m of modules) {
      const source = readFileSync(join(ROOT, m), 'utf8');
      // Either the shared helper or the same words written out with the printer's name.
      expect(/printedHtml\(|打印：\$\{escapeHtml\(\w+\.printedBy\)\}/.test(source), m).toBe(true);
    }
  });

  it('the helper escapes the name', () => {
    expect(printedHtml({ by: '<b>王</b>', at: AT })).toBe(`打印：&lt;b&gt;王&lt;/b&gt; ${AT}`);
  });

  it('receipts (受理回执, 办结回执, 一次性告知单, 不予受理告知书) on A4 and on the roll', () => {
    const data: ReceiptData = {
      community: { name: '桃花岭社区', phone: '0731-88886666', hoursText: '工作日 08:00–18:00' },
      trackingNumber: 'THL-20261124-0001',
      matterName: '居住登记',
      mode: '承诺件',
      resident: { name: '张三' },
      acceptedAt: '2026-11-24 09:30',
      staffName: '李明',
      documentsReceived: [],
      documentsMissing: [{ name: '户口簿' }],
      result: '已办结',
      refusalReason: '不属于本社区',
      printedAt: '2026-11-24 10:05',
      printedBy: BY,
    };
    const kinds: ReceiptKind[] = ['受理回执', '办结回执', '一次性告知单', '不予受理告知书'];
    for (const kind of kinds)
      for (const layout of ['a4', 'thermal80'] as const) {
        const html = renderReceipt(kind, data, layout, '<svg></svg>');
        expect(html, `${kind} ${layout}`).toContain(`打印：${BY} 2026年11月24日 10:05`);
      }
  });

  it('材料交接单, 委托书, 上报事项单, 来访台账', () => {
    const custody = renderCustodySheet(
      {
        kind: '材料交接单',
        communityName: '桃花岭社区',
        trackingNumber: 'THL-20261124-0001',
        matterName: '高龄津贴申请',
        residentName: '张三',
        items: [{ document: '居民身份证', original: true, count: 1 }],
        from: '张三',
        to: '李明',
        at: '2026-11-24 09:00',
        recordedBy: '李明',
      },
      { by: BY, at: AT },
    );
    const mandate = renderMandate({
      communityName: '桃花岭社区',
      trackingNumber: 'THL-20261124-0001',
      matterName: '高龄津贴申请',
      residentName: '张三',
      trustees: [{ name: '李明' }],
      documents: [],
      promises: ['不收费'],
      day: '2026-11-24',
      printedBy: BY,
      printedAt: AT,
    });
    const escalation = renderEscalationSheet({
      communityName: '桃花岭社区',
      communityPhone: '0731-88886666',
      trackingNumber: 'THL-20261124-0001',
      matterName: '噪音扰民',
      escalation: {
        level: '日常',
        request: '请协调处理，联系人电话13812345678',
        office: '街道综合行政执法队',
        raisedAt: 1,
        raisedDay: '2026-11-24',
        raisedBy: 's1',
        stage: '待报到',
        feedback: [],
      },
      raisedByName: '李明',
      printedAt: AT,
      printedBy: BY,
    });
    const register = renderRegister('桃花岭社区', '2026-11-24', [], AT, BY);
    for (const [name, html] of Object.entries({ custody, mandate, escalation, register }))
      expect(html, name).toContain(LINE);
    // The escalation's request is free text: a phone typed there is masked on paper.
    expect(escalation).toContain('138****5678');
    expect(escalation).not.toContain('13812345678');
  });
});

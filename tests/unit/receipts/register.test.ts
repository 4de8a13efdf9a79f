/** Issue 9 item 15: the day's register on paper — one line per matter, masked, escaped, A4 landscape. */
import { describe, expect, it } from 'vitest';
import { registerLines } from '../../../shared/domain/registerLines';
import { renderRegister } from '../../../shared/receipts/registerDocument';
import type { CaseRecord, Resident, Visit } from '../../../shared/domain/records';

const stamp = { createdAt: 1, createdBy: 's1', updatedAt: 1, updatedBy: 's1' };
const visit = (id: string, patch: Partial<Visit>): Visit => ({
  id,
  day: '2026-11-24',
  visitedAt: Date.parse('2026-11-24T09:30:00+08:00'),
  channel: '来站',
  firstContactId: 's1',
  content: '咨询<养老>政策',
  kind: '咨询',
  caseIds: [],
  ...stamp,
  ...patch,
});
const caseOf = (n: number, matterName: string): CaseRecord =>
  ({ id: `c${n}`, trackingNumber: `THL-20261124-000${n}`, matterName, mode: '承诺件', status: '已受理' }) as CaseRecord;
const zhang: Resident = { id: 'r1', name: '张三', idNumber: '430104195803151237', tags: [], searchKeys: [], ...stamp };

describe('the day’s register on paper', () => {
  const lines = registerLines(
    [
      { visit: visit('v1', { residentId: 'r1', kind: '办件' }), cases: [caseOf(1, '居住登记'), caseOf(2, '失业登记')] },
      { visit: visit('v2', {}), cases: [] },
    ],
    new Map([['r1', zhang]]),
    () => '王秀英',
    () => '09:30',
  );

  it('has one line per matter, and one for a visit without a matter; the ID masked', () => {
    expect(lines.map((l) => l.matter)).toEqual(['居住登记', '失业登记', '咨询<养老>政策']);
    expect(lines[0]).toMatchObject({ resident: '张三 4301**********1237', trackingNumber: 'THL-20261124-0001' });
    expect(lines[2]).toMatchObject({ resident: '—', mode: '咨询', trackingNumber: '—' });
  });

  it('prints A4 landscape, every value escaped, no raw ID number', () => {
    const html = renderRegister('桃花岭社区', '2026-11-24', lines, '2026-11-24 17:00', '王秀英');
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('咨询&lt;养老&gt;政策');
    expect(html).not.toContain('430104195803151237');
    expect(html).toContain('共 3 行');
    expect(html).toContain('打印：王秀英 2026-11-24 17:00');
  });

  it('masks an ID number or phone typed into the 诉求内容 (screen, paper and Excel share these lines)', () => {
    const [line] = registerLines(
      [{ visit: visit('v3', { content: '回电13812345678，身份证430104195803151237' }), cases: [] }],
      new Map(),
      () => '王秀英',
      () => '09:30',
    );
    expect(line?.matter).toBe('回电138****5678，身份证4301**********1237');
  });
});

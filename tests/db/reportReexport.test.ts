/**
 * A period's report is recorded for the center in every format (issue 24's re-export confirm):
 * each export — Excel, a CSV part, the JSON 报送包, the PDF, the printed summary — is a
 * `packageExports` row with its `format`; the panel's text and its one confirm are per format
 * (exportedText), a repeat is counted and audited per format, the 实名台账 is not recorded, and a
 * row written before formats were recorded reads as the JSON package's. fake-indexeddb, one desk.
 */
import { describe, expect, it } from 'vitest';
import { periodOf } from '@shared/reports/periods';
import type { ReportExportFormat } from '@shared/domain/records';
import { communityDesk, freshDb, setUpCommunity, T0, TODAY } from './testDb';
import { recordExport } from '../../renderer/src/db/repositories/reportExports';
import { packageExportsOf } from '../../renderer/src/db/repositories/packageExports';
import { exportedText } from '../../renderer/src/features/reports/centerTexts';
import { localDateTime } from '../../renderer/src/app/clock';

const WEEK = periodOf('week', TODAY);
const DESKS = [{ no: 1, name: '一号窗口', cases: 3 }];

async function oneDesk() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const desk = await communityDesk(db, { staffId: admin.id, role: admin.role, now: T0 });
  const exportIn = (format: ReportExportFormat, named?: { reason: string }) =>
    recordExport(desk, {
      format,
      period: WEEK,
      label: '2026年第48周',
      rows: { 办件: 3 },
      ...(named ? { named } : { package: { kind: 'week', format, desks: DESKS } }),
    });
  return { db, desk, exportIn };
}

describe('every format of a period is recorded for the center', () => {
  it('a repeat is per format: its text, its count and its audit row', async () => {
    const { db, desk, exportIn } = await oneDesk();
    await exportIn('xlsx');
    await exportIn('csv:cases');
    await exportIn('print');
    let rows = await packageExportsOf(desk, 'week', WEEK);
    expect(rows.map((r) => r.format)).toEqual(['xlsx', 'csv:cases', 'print']);
    // Asked again for what was made; not for a format not made yet (the JSON package, PDF, another CSV part).
    expect(exportedText('week', rows, 'xlsx')).toBe(
      `本周Excel已由 窗口号 1（一号窗口） 王秀英 于 ${localDateTime(T0)} 导出，涵盖窗口号 1。`,
    );
    expect(exportedText('week', rows, 'print')).toBe(
      `本周周报已由 窗口号 1（一号窗口） 王秀英 于 ${localDateTime(T0)} 打印，涵盖窗口号 1。`,
    );
    for (const format of ['json', 'pdf', 'csv:summary'] as const) expect(exportedText('week', rows, format)).toBeNull();

    await exportIn('xlsx');
    rows = await packageExportsOf(desk, 'week', WEEK);
    expect(exportedText('week', rows, 'xlsx')).toMatch(/；共导出 2 次，最近一次由 .+ 导出，涵盖窗口号 1。$/);
    const audit = (await db.auditLog.toArray()).filter((r) => r.action === 'report.export').map((r) => r.detail);
    expect(audit.filter((d) => d?.includes('本期第 2 次导出（再次导出）'))).toHaveLength(1);
    expect(audit.at(-1)).toContain('本期第 2 次导出（再次导出）');
  });

  it('the 实名台账 is not recorded; a row from before formats reads as the JSON package', async () => {
    const { db, desk, exportIn } = await oneDesk();
    await exportIn('xlsx', { reason: '街道核查低保复审名单' });
    expect(await packageExportsOf(desk, 'week', WEEK)).toEqual([]);
    await db.packageExports.add({
      id: 'old',
      kind: 'week',
      from: WEEK.from,
      to: WEEK.to,
      at: T0,
      staffId: desk.actor.id,
      desk: { no: 1, name: '一号窗口' },
      desks: DESKS,
      sha256: 'a'.repeat(64),
    });
    const rows = await packageExportsOf(desk, 'week', WEEK);
    expect(exportedText('week', rows, 'json')).toMatch(/^本周报送包已由 /);
    expect(exportedText('week', rows, 'xlsx')).toBeNull();
    // The next JSON export is the period's second.
    await exportIn('json');
    const last = (await db.auditLog.toArray()).filter((r) => r.action === 'report.export').at(-1);
    expect(last?.detail).toContain('本期第 2 次导出（再次导出）');
  });
});

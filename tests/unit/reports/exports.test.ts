/**
 * The export files of a generated week, read back: the xlsx with exceljs (sheet names, headers,
 * row counts, totals), the CSV (BOM, neutralised formulas), the JSON package against its schema
 * (and corrupted, truncated and re-hashed packages refused). Then every default export — the
 * xlsx unzipped, each CSV, the JSON, the printed summary's HTML — is scanned for the exact ID
 * numbers and phones of the seeded residents: none may appear (the 实名台账 has them, which
 * shows the scan can see them).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { generateDesk } from '../../../bench/data/generate';
import { loadDesk } from '../../../bench/data/load';
import { readReportData } from '../../../renderer/src/db/repositories/reports';
import { buildExport, type ExportFormat } from '../../../renderer/src/features/reports/buildExport';
import { canonicalJson } from '@shared/reports/package';
import { readPackage } from '@shared/reports/wire/read';
import type { WirePackage } from '@shared/reports/wire/types';
import { expectSmugglesRefused } from './packageFixtures';
import { BOM } from '@shared/reports/csv';
import { periodOf, previousPeriod } from '@shared/reports/periods';
import type { ReportData } from '@shared/reports/reportData';
import { renderSummaryDocument } from '@shared/reports/summaryDocument';
import { communityDesk, freshDb } from '../../db/testDb';

const data = generateDesk('tenth');
const week = periodOf('week', '2026-11-18');
let report: ReportData;

const sha256Hex = async (text: string) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');

beforeAll(async () => {
  const db = freshDb();
  await loadDesk(db, data, { iterations: 1000 });
  const desk = await communityDesk(db, { staffId: 'staff-1' });
  report = await readReportData(desk, 'week', week, previousPeriod(week, 'week'), {
    focus: '=HYPERLINK("http://x")',
    issues: '居民反映电梯维修慢',
  });
  // An escalation whose request was typed to look like a formula, to see it neutralised.
  const c = report.cases.find((x) => x.acceptedDay >= week.from && x.acceptedDay <= week.to)!;
  c.escalations = [
    ...(c.escalations ?? []),
    {
      level: '日常',
      request: '=1+2 请求核查 430104195803151234 13812345678',
      office: '街道城管办',
      raisedAt: Date.parse('2026-11-19T10:00:00+08:00'),
      raisedDay: '2026-11-19',
      raisedBy: 'staff-1',
      stage: '待报到',
      feedback: [],
    },
  ];
}, 120_000);

const job = (format: ExportFormat, named = false) =>
  buildExport({ format, data: report, named, installId: '7d3e4c1a-93b2-4f0e-8a61-2b5c9d0e7f14', generatedAt: 0 });

const accepted = () => report.cases.filter((c) => c.acceptedDay >= week.from && c.acceptedDay <= week.to);
const requested = () => data.proxyTasks.filter((t) => t.requestedDay >= week.from && t.requestedDay <= week.to);
/** The week's meetings held, and the items on their agendas, from the raw records. */
const held = () => data.meetings.filter((m) => m.status === '已召开' && m.day >= week.from && m.day <= week.to);
const discussed = () => {
  const ids = new Set(held().map((m) => m.id));
  return data.agendaItems.filter((i) => ids.has(i.meetingId));
};

async function xlsxText(base64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  return parts.join('\n');
}

describe('the xlsx', { timeout: 60_000 }, () => {
  it('has the four sheets, Chinese headers, the title row and a row per record', async () => {
    const file = await job('xlsx');
    expect(file.fileName).toBe('桃花岭社区-周报-2026-11-16至2026-11-22.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(Buffer.from(file.content, 'base64')).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '办件台账', '上报事项', '评价与整改']);
    const ledger = wb.getWorksheet('办件台账')!;
    expect(String(ledger.getCell('A1').value)).toContain('桃花岭社区 办件台账');
    expect((ledger.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['受理编号', '事项', '网格']);
    expect(ledger.rowCount - 2).toBe(accepted().length);
    expect(file.rows.办件台账).toBe(accepted().length);
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ledger.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(ledger.getColumn(1).width).toBe(22);
    // The summary's totals are the counts of the raw records.
    const summary = wb.getWorksheet('汇总')!;
    const rowOf = (label: string) =>
      summary.getRows(3, summary.rowCount - 2)!.find((r) => r.getCell(2).value === label)!;
    expect(rowOf('受理总数').getCell(3).value).toBe(accepted().length);
    const visits = data.visits.filter((v) => v.day >= week.from && v.day <= week.to).length;
    expect(rowOf('来访总数').getCell(3).value).toBe(visits);
    const escalations = wb.getWorksheet('上报事项')!;
    const raised = report.cases
      .flatMap((c) => c.escalations ?? [])
      .filter((e) => e.raisedDay >= week.from && e.raisedDay <= week.to);
    expect(raised.length).toBeGreaterThan(0);
    expect(escalations.rowCount - 2).toBe(raised.length);
    // The 帮代办 section: its rows under their heading, figures of the raw requests.
    const proxyRows = summary.getRows(3, summary.rowCount - 2)!.filter((r) => r.getCell(1).value === '帮代办');
    expect(proxyRows.map((r) => r.getCell(2).value)).toContain('期末材料在外（件）');
    expect(rowOf('代办需求').getCell(3).value).toBe(requested().length);
    // The 联席会议 section likewise.
    const jointRows = summary.getRows(3, summary.rowCount - 2)!.filter((r) => r.getCell(1).value === '联席会议');
    expect(jointRows.map((r) => r.getCell(2).value)).toContain('期末未结问题');
    expect(held()).toHaveLength(1);
    expect(rowOf('召开会议（次）').getCell(3).value).toBe(1);
    expect(rowOf('研究议题（项）').getCell(3).value).toBe(discussed().length);
    // 增减 is a number cell (now − before), not text like '+5'.
    const visitRow = rowOf('来访总数');
    expect(visitRow.getCell(5).value).toBe(Number(visitRow.getCell(3).value) - Number(visitRow.getCell(4).value));
  });
});

describe('the CSV', () => {
  it('starts with the BOM; a cell starting with = + - @ is neutralised', async () => {
    const summary = await job('csv:summary');
    expect(summary.content.startsWith(BOM)).toBe(true);
    expect(summary.content).toContain(`帮代办,代办需求,${requested().length},`);
    expect(summary.content).toContain(`联席会议,研究议题（项）,${discussed().length},`);
    expect(summary.content).toContain(`"'=HYPERLINK(""http://x"")"`);
    // The 增减 column holds numbers: never a guarded '+5 (a number is not a formula).
    expect(summary.content).not.toMatch(/,'[+-]?\d/);
    const changes = summary.content
      .split('\r\n')
      .slice(1, 40)
      .map((l) => l.split(',')[4]);
    expect(changes.filter((c) => c !== '' && c !== '0').length).toBeGreaterThan(0);
    for (const c of changes) expect(c).toMatch(/^(-?\d+)?$/);
    const ledger = await job('csv:cases');
    expect(ledger.content.split('\r\n').filter(Boolean)).toHaveLength(accepted().length + 1);
    const esc = await job('csv:escalations');
    expect(esc.content).toContain("'=1+2 请求核查 4301**********1234 138****5678");
    expect(esc.content).not.toMatch(/(^|,)=1\+2/m);
  });
});

describe('the JSON package', () => {
  it('reads back as the street reads it (version 2, schema, hash); carries no personal fields', async () => {
    const file = await job('json');
    const check = await readPackage(file.content, { street: '岳麓街道' }, sha256Hex);
    expect(check).toMatchObject({ ok: true, fromVersion: 2 });
    const pkg = JSON.parse(file.content) as WirePackage;
    expect(pkg.content.street).toEqual({ name: '岳麓街道' });
    expect(pkg.content.community).toEqual({ code: 'THL', name: '桃花岭社区' });
    expect(pkg.content.center).toEqual({ installId: '7d3e4c1a-93b2-4f0e-8a61-2b5c9d0e7f14', desk: null });
    expect(pkg.content.residents).toBe(11_500);
    expect(pkg.content.ledger).toHaveLength(accepted().length);
    expect(file.rows).toEqual({ 办件: accepted().length, 上报事项: pkg.content.escalations.length });
    // The desk that made it is named (and the schema takes it; a desk out of range is refused).
    const fromDesk = await buildExport({
      format: 'json',
      data: report,
      named: false,
      installId: '7d3e4c1a-93b2-4f0e-8a61-2b5c9d0e7f14',
      generatedAt: 0,
      desk: { no: 2, name: '后台' },
    });
    expect((await readPackage(fromDesk.content, {}, sha256Hex)).ok).toBe(true);
    expect((JSON.parse(fromDesk.content) as WirePackage).content.center.desk).toEqual({ number: 2, name: '后台' });
    await expectSmugglesRefused(report, [(p) => (p.content.center.desk = { number: 100, name: '后台' })]);
    expect(Object.keys(pkg.content.ledger[0]!).sort()).toEqual(
      [
        'acceptedDay',
        'category',
        'completedDay',
        'deadline',
        'gridCode',
        'matterCode',
        'matterName',
        'mode',
        'status',
        'trackingNumber',
      ].sort(),
    );
    expect(pkg.content.counts.visits).toBe(data.visits.filter((v) => v.day >= week.from && v.day <= week.to).length);
    expect(pkg.content.counts.proxyRequests).toBe(requested().length);
    expect(pkg.content.counts.agendaItems).toBe(discussed().length);
    expect(pkg.content.counts.meetingsHeld).toBe(held().length);
    // The escalation planted in the week travels without its request text (ID and phone inside it).
    const planted = pkg.content.escalations.find((e) => e.department === '街道城管办')!;
    expect(planted).toMatchObject({ stage: '待报到', level: '日常', checkInAt: null, feedbackCount: 0 });
    expect(file.content).not.toMatch(/请求核查|4301\d{14}|138\d{8}/);
  });

  it('refuses truncated, corrupted and hash-mismatched packages', async () => {
    const text = (await job('json')).content;
    expect(await readPackage(text.slice(0, text.length - 40), {}, sha256Hex)).toEqual({
      ok: false,
      reason: expect.stringContaining('文件不完整'),
    });
    const pkg = JSON.parse(text) as WirePackage;
    // A changed figure with the old hash.
    const changed = structuredClone(pkg);
    changed.content.counts.visits += 1;
    expect(await readPackage(JSON.stringify(changed), {}, sha256Hex)).toEqual({
      ok: false,
      reason: expect.stringContaining('校验值不符'),
    });
    // A resident's ID smuggled into a record, re-hashed: the closed schema refuses it, naming the field.
    const smuggled = structuredClone(pkg) as unknown as {
      content: { ledger: Record<string, unknown>[] };
      sha256: string;
    };
    smuggled.content.ledger[0]!.idNumber = '430104195803151234';
    smuggled.sha256 = await sha256Hex(canonicalJson(smuggled.content));
    expect(await readPackage(JSON.stringify(smuggled), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '报送包格式不符：多出字段 content.ledger.0.idNumber',
    });
    // A newer version, bad hash shape.
    expect(await readPackage(JSON.stringify({ ...pkg, version: 3 }), {}, sha256Hex)).toEqual({
      ok: false,
      reason: expect.stringContaining('版本过新，请升级'),
    });
    expect((await readPackage(JSON.stringify({ ...pkg, sha256: 'x' }), {}, sha256Hex)).ok).toBe(false);
  });
});

describe('the printed summary', () => {
  it('escapes what was typed and names no resident', () => {
    const html = renderSummaryDocument(
      { ...report, notes: { focus: '<b>电梯</b>', issues: '' } },
      '2026-11-24 09:30',
      '王秀英',
    );
    expect(html).toContain('&lt;b&gt;电梯&lt;/b&gt;');
    expect(html).toContain('打印：王秀英 2026-11-24 09:30');
    expect(html).toContain('<h1>桃花岭社区 工作周报</h1>');
    expect(html).toContain('<h2>帮代办</h2>');
    expect(html).toContain('<td>期末材料在外（件）</td>');
    expect(html).toContain('<h2>联席会议</h2>');
    expect(html).toContain('<td>期末未结问题</td>');
    for (const r of report.residents) expect(html).not.toContain(r.name);
  });
});

describe('minimum necessary', { timeout: 60_000 }, () => {
  it('no default export holds a seeded resident’s exact ID number or phone', async () => {
    const secrets = data.residents.flatMap((r) => [r.idNumber, r.phone]).filter((s): s is string => !!s);
    expect(secrets.length).toBeGreaterThan(1000);
    const texts: [string, string][] = [
      ['xlsx', await xlsxText((await job('xlsx')).content)],
      ['json', (await job('json')).content],
      ['pdf html', renderSummaryDocument(report, '2026-11-24 09:30', '王秀英')],
    ];
    for (const f of ['csv:summary', 'csv:cases', 'csv:escalations', 'csv:ratings'] as const)
      texts.push([f, (await job(f)).content]);
    for (const [name, text] of texts) {
      const found = secrets.filter((s) => text.includes(s));
      expect(found, name).toEqual([]);
    }
    // No special-group tag is written per person either.
    const ledgerCsv = (await job('csv:cases')).content;
    expect(ledgerCsv.split('\r\n')[0]).not.toMatch(/标签|群体/);
    for (const tag of ['独居老人', '高龄', '困难家庭', '优抚对象']) expect(ledgerCsv).not.toContain(tag);
    // A number typed into an escalation's request is masked too; the notes' as well.
    for (const [, text] of texts) expect(text).not.toContain('430104195803151234');
    // The 实名台账 does carry them — so the scan above can see them.
    const named = await xlsxText((await job('xlsx', true)).content);
    expect(secrets.filter((s) => named.includes(s)).length).toBeGreaterThan(0);
  });
});

/**
 * readPackage (shared/reports/wire/read.ts): a version 1 file written by the version 1 writer
 * (tests/fixtures/reportPackage/v1-week.json, committed before the wire moved to version 2)
 * converts, with what it could not know marked; a version 2 file reads as written; each refusal
 * — truncated, hash mismatch, unknown version, extra field, another street — has its reason.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalJson, packageContent, writePackage } from '@shared/reports/package';
import { readPackage } from '@shared/reports/wire/read';
import type { WirePackage } from '@shared/reports/wire/types';
import { sha256Hex, weekData } from '../packageFixtures';

const V1_TEXT = readFileSync('tests/fixtures/reportPackage/v1-week.json', 'utf8');
const v1 = JSON.parse(V1_TEXT);
const WEEK = { from: '2026-11-16', to: '2026-11-22' };

const rehash = async (pkg: { content: unknown; sha256: string }) => {
  pkg.sha256 = await sha256Hex(canonicalJson(pkg.content));
  return JSON.stringify(pkg);
};

async function v2Text(): Promise<string> {
  const data = weekData({ period: WEEK, previous: { from: '2026-11-09', to: '2026-11-15' } });
  return writePackage(
    packageContent(data, '7d3e4c1a-93b2-4f0e-8a61-2b5c9d0e7f14', '2026-11-23T02:00:00.000Z'),
    sha256Hex,
  );
}

describe('version 1 converts', () => {
  it('the v1 writer’s file: every figure of its summary, the grids by name, the ledger; unknowns marked', async () => {
    const read = await readPackage(V1_TEXT, { street: '岳麓街道' }, sha256Hex);
    if (!read.ok) throw new Error(read.reason);
    expect(read.fromVersion).toBe(1);
    const { content: c, sha256, version } = read.pkg;
    expect(version).toBe(2);
    expect(sha256).toBe(v1.sha256);
    const s = v1.content.summary;
    expect(c.street.name).toBe('岳麓街道');
    expect(c.community).toEqual({ code: 'THL', name: '桃花岭社区' });
    expect(c.center).toEqual({ installId: v1.content.community.installId, desk: { number: 1, name: '1号窗口' } });
    expect(c.desks).toEqual(
      v1.content.desks.map((d: { no: number; name: string; cases: number }) => ({
        number: d.no,
        name: d.name,
        casesAccepted: d.cases,
      })),
    );
    expect(c.period).toEqual(v1.content.period);
    expect(c.counts).toMatchObject({
      visits: s.visits.total,
      accepted: s.accepted.total,
      acceptedImmediate: s.accepted.byMode['即办'] ?? 0,
      completed: s.completed.total,
      completedOnTime: s.completed.onTime,
      overdueAtEnd: s.open.overdue,
      ratings: s.ratings.total,
      proxyRequests: s.proxy.requests.total,
      meetingsHeld: s.meetings.held,
      offHoursOccasions: s.offHours.occasions,
    });
    expect(c.rates.onTime).toEqual({ num: s.completed.onTime, den: s.completed.total });
    expect(c.rates.satisfaction).toEqual({
      num: s.ratings.byLevel['非常满意'] + s.ratings.byLevel['满意'] + s.ratings.byLevel['基本满意'],
      den: s.ratings.total,
    });
    expect(c.maxima.overdueLongestDays).toBe(s.open.overdueAges[0] ?? 0);
    expect(c.grids.map((g) => g.code).sort()).toEqual(Object.keys(s.byGrid).sort());
    expect(c.grids.every((g) => g.code === g.name)).toBe(true);
    expect(c.ledger).toHaveLength(v1.content.cases.length);
    expect(c.escalations).toEqual([]);
    expect(c.unknown.sort()).toEqual([
      'correction',
      'escalations',
      'gridCodes',
      'rectificationsOpenAtEnd',
      'residents',
    ]);
    // The notes (free text) are not carried over.
    expect(JSON.stringify(c)).not.toContain(v1.content.notes.issues);
  });

  it('an older version 1 file without desks and 错时服务 (the schema took them as optional) marks them unknown', async () => {
    const older = structuredClone(v1);
    delete older.content.desks;
    delete older.content.summary.offHours;
    delete older.content.previousSummary.offHours;
    const read = await readPackage(await rehash(older), {}, sha256Hex);
    if (!read.ok) throw new Error(read.reason);
    expect(read.pkg.content.desks).toEqual([]);
    expect(read.pkg.content.counts.offHoursOccasions).toBe(0);
    expect(read.pkg.content.unknown).toEqual(expect.arrayContaining(['desks', 'offHours']));
  });

  it('a version 2 file reads as written, nothing unknown', async () => {
    const text = await v2Text();
    const read = await readPackage(text, { street: '岳麓街道' }, sha256Hex);
    expect(read).toEqual({ ok: true, fromVersion: 2, pkg: JSON.parse(text) });
    if (read.ok) expect(read.pkg.content.unknown).toEqual([]);
  });
});

describe('refusals, each with its reason', () => {
  it('a truncated file', async () => {
    for (const text of [V1_TEXT, await v2Text()])
      expect(await readPackage(text.slice(0, text.length / 2), {}, sha256Hex)).toEqual({
        ok: false,
        reason: '文件不完整或不是报送包（无法读取 JSON）',
      });
  });

  it('a hash mismatch (a figure changed, the hash not)', async () => {
    const pkg = JSON.parse(await v2Text()) as WirePackage;
    pkg.content.counts.visits += 1;
    expect(await readPackage(JSON.stringify(pkg), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '报送包内容与校验值不符，文件可能被改动或损坏',
    });
    const old = structuredClone(v1);
    old.content.summary.visits.total += 1;
    expect(await readPackage(JSON.stringify(old), {}, sha256Hex)).toMatchObject({
      reason: expect.stringContaining('校验值不符'),
    });
  });

  it('an unknown version: newer than this app (upgrade), or one that never existed', async () => {
    const pkg = JSON.parse(await v2Text());
    expect(await readPackage(JSON.stringify({ ...pkg, version: 3 }), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '报送包版本过新，请升级（文件为第 3 版，本软件可读到第 2 版）',
    });
    expect(await readPackage(JSON.stringify({ ...pkg, version: 0 }), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '未知的报送包版本（第 0 版）',
    });
    expect(await readPackage(JSON.stringify({ ...pkg, version: '2' }), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '报送包缺少版本号',
    });
    expect(await readPackage(JSON.stringify({ ...pkg, format: 'other' }), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '不是社区值班台的报送包',
    });
  });

  it('an extra field (re-hashed, so only the closed schema can refuse it), named', async () => {
    const pkg = JSON.parse(await v2Text());
    pkg.content.grids.push({ code: 'g1', name: '第一网格', counts: { visits: 1, cases: 0 }, leader: '张三' });
    expect(await readPackage(await rehash(pkg), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '报送包格式不符：多出字段 content.grids.0.leader',
    });
    const top = JSON.parse(await v2Text());
    top.content.notes = { focus: '张三' };
    expect(await readPackage(await rehash(top), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '报送包格式不符：多出字段 content.notes',
    });
    // A version 1 file is held to its own schema.
    const old = structuredClone(v1);
    old.content.cases[0].idNumber = '430104195803151234';
    expect(await readPackage(await rehash(old), {}, sha256Hex)).toEqual({
      ok: false,
      reason: '报送包格式不符：多出字段 content.cases.0.idNumber',
    });
    // A missing field and a wrong value are named too.
    const missing = JSON.parse(await v2Text());
    delete missing.content.counts.visits;
    expect(await readPackage(await rehash(missing), {}, sha256Hex)).toMatchObject({
      reason: '报送包格式不符：缺少字段 content.counts.visits',
    });
    const negative = JSON.parse(await v2Text());
    negative.content.rates.onTime.den = -1;
    expect(await readPackage(await rehash(negative), {}, sha256Hex)).toMatchObject({
      reason: expect.stringContaining('字段 content.rates.onTime.den 的值不符合要求'),
    });
  });

  it('a package of another street', async () => {
    for (const text of [V1_TEXT, await v2Text()])
      expect(await readPackage(text, { street: '橘子洲街道' }, sha256Hex)).toEqual({
        ok: false,
        reason: '这是「岳麓街道」的报送包，不属于本街道（橘子洲街道）',
      });
  });
});

/**
 * Benchmark: `searchResidents` at 20,000 residents (fake-indexeddb in Node), against a bare
 * indexed Dexie query on the same data in the same run as the baseline:
 *
 *   db.residents.where('searchKeys').startsWith(q).limit(20).toArray()
 *
 * Run (not part of `npx vitest run`):
 *
 *   npx vitest run --config bench/vitest.bench.config.ts
 *
 * Prints p50 / p95 / max per query kind and overall, and the ratio of the p50s. The data is
 * deterministic (seeded); ~300 realistic desk queries: initials, full pinyin, pinyin prefix,
 * Chinese prefix, phone last 4, ID last 6, phone prefix. fake-indexeddb is much slower than
 * Chromium's IndexedDB per request, so these figures are an upper bound for the app; the
 * ratio shows what searchResidents adds (distinct, bulkGet, ranking) over the index read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeQuery, searchKeysForName } from '@shared/domain/pinyinKeys';
import { DutyDeskDB } from '../renderer/src/db/database';
import { searchResidents } from '../renderer/src/db/repositories/residents';
import { testDesk } from '../tests/db/testDb';
import { generateResidents, prng } from './generateResidents';
import { fmt, stats } from './stats';

const COUNT = 20_000;
const LIMIT = 20;
const BUDGET_MS = 50;

type Kind =
  'initials' | 'full pinyin' | 'pinyin prefix' | 'Chinese prefix' | 'phone last 4' | 'ID last 6' | 'phone prefix';
type Query = { kind: Kind; q: string };

describe(`resident search at ${COUNT.toLocaleString('en')} residents`, () => {
  const db = new DutyDeskDB(`bench-residents-${Date.now()}`);
  const desk = testDesk(db);
  const { residents } = generateResidents(COUNT);
  let queries: Query[] = [];

  beforeAll(async () => {
    const t0 = performance.now();
    await db.open();
    for (let i = 0; i < residents.length; i += 1000) await db.residents.bulkAdd(residents.slice(i, i + 1000));
    console.log(`loaded ${await db.residents.count()} residents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const rand = prng(7);
    const some = () => residents[Math.floor(rand() * residents.length)] ?? residents[0]!;
    const kinds: Kind[] = [
      'initials',
      'full pinyin',
      'pinyin prefix',
      'Chinese prefix',
      'phone last 4',
      'ID last 6',
      'phone prefix',
    ];
    queries = Array.from({ length: 301 }, (_, i) => {
      const r = some();
      const kind = kinds[i % kinds.length] ?? 'initials';
      const [chinese = '', full = '', ...rest] = searchKeysForName(r.name);
      const initials = rest.find((k) => k.length === Array.from(chinese).length) ?? full.slice(0, 2);
      const q = {
        initials,
        'full pinyin': full,
        'pinyin prefix': full.slice(0, 4),
        'Chinese prefix': Array.from(chinese)
          .slice(0, rand() < 0.5 ? 1 : 2)
          .join(''),
        'phone last 4': (r.phone ?? '').slice(-4),
        'ID last 6': (r.idNumber ?? '').slice(-6),
        'phone prefix': (r.phone ?? '').slice(0, 3 + Math.floor(rand() * 5)),
      }[kind];
      return { kind, q };
    });
  }, 300_000);

  afterAll(async () => {
    db.close();
    await DutyDeskDB.delete(db.name);
  });

  it('searchResidents vs bare indexed query: p50 / p95 / max', async () => {
    const bare = (q: string) => db.residents.where('searchKeys').startsWith(normalizeQuery(q)).limit(LIMIT).toArray();
    // Warm-up (JIT, fake-indexeddb internals), not measured.
    for (const { q } of queries.slice(0, 40)) {
      await searchResidents(desk, q, LIMIT);
      await bare(q);
    }

    const ours = new Map<Kind | 'all', number[]>();
    const base = new Map<Kind | 'all', number[]>();
    const push = (m: Map<Kind | 'all', number[]>, k: Kind | 'all', v: number) => m.set(k, [...(m.get(k) ?? []), v]);
    let empty = 0;
    for (const [i, { kind, q }] of queries.entries()) {
      // Alternate which runs first so neither benefits systematically from a warm cache.
      const runOurs = async () => {
        const t = performance.now();
        const found = await searchResidents(desk, q, LIMIT);
        const ms = performance.now() - t;
        if (found.length === 0) empty += 1;
        expect(found.length).toBeLessThanOrEqual(LIMIT);
        push(ours, kind, ms);
        push(ours, 'all', ms);
      };
      const runBare = async () => {
        const t = performance.now();
        await bare(q);
        const ms = performance.now() - t;
        push(base, kind, ms);
        push(base, 'all', ms);
      };
      if (i % 2 === 0) {
        await runOurs();
        await runBare();
      } else {
        await runBare();
        await runOurs();
      }
    }

    const lines = [
      `queries: ${queries.length}, limit ${LIMIT}, residents ${COUNT}, empty results: ${empty}`,
      `${'kind'.padEnd(16)} ${'n'.padStart(4)} | searchResidents ms: ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)} | bare Dexie ms: ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}`,
    ];
    for (const k of [...[...ours.keys()].filter((k) => k !== 'all'), 'all' as const]) {
      const o = stats(ours.get(k) ?? []);
      const b = stats(base.get(k) ?? []);
      lines.push(
        `${k.padEnd(16)} ${String(o.n).padStart(4)} |                     ${fmt(o.p50)} ${fmt(o.p95)} ${fmt(o.max)} |                ${fmt(b.p50)} ${fmt(b.p95)} ${fmt(b.max)}`,
      );
    }
    const o = stats(ours.get('all') ?? []);
    const b = stats(base.get('all') ?? []);
    lines.push(
      `ratio searchResidents p50 / bare p50 = ${(o.p50 / b.p50).toFixed(2)}; p95 ratio = ${(o.p95 / b.p95).toFixed(2)}`,
    );
    console.log(lines.join('\n'));

    expect(empty).toBe(0);
    expect(o.p95).toBeLessThan(BUDGET_MS);
  }, 300_000);
});

/**
 * Properties of the matter catalog's validation (parseCatalog): a valid catalog — its texts in
 * strange but valid text up to their limits — comes back as it was written (texts trimmed); any
 * JSON at all is accepted or refused with Chinese sentences, never an exception; one bad field
 * is refused in a sentence naming its entry and its field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FORMS, parseCatalog, REMITS } from '../../../shared/domain/catalog';
import { expectChineseMessage, RUNS, strangeText } from './arbitraries';

/** Free text the catalog allows in its fields: no sentence end (a guide has at most 3 sentences). */
const text = (max: number) => strangeText(max).map((s) => s.replace(/[。！？!?]/gu, '，'));

const docArb = fc.record({
  name: text(60),
  form: fc.constantFrom(...DOCUMENT_FORMS),
  count: fc.integer({ min: 1, max: 5 }),
  source: text(40),
  required: fc.boolean(),
});

/** A valid entry, its code numbered by position (codes are unique), its category from the list. */
const matterArb = (i: number, categories: string[]) =>
  fc
    .record({
      category: fc.constantFrom(...categories),
      name: text(40),
      documents: fc.uniqueArray(docArb, { maxLength: 4, selector: (d) => d.name.trim() }),
      mode: fc.constantFrom('即办', '承诺件', '预约', '咨询'),
      days: fc.integer({ min: 1, max: 365 }),
      reply: fc.integer({ min: 1, max: 30 }),
      proxyEligible: fc.boolean(),
      remit: fc.constantFrom(...REMITS),
      forwardTo: text(60),
      guide: text(200),
      keywords: fc.option(fc.array(text(20), { maxLength: 5 }), { nil: undefined }),
    })
    .map((r) => ({
      code: `FZ-${String(i + 1).padStart(3, '0')}`,
      category: r.category,
      name: r.name,
      documents: r.documents,
      timeLimitDays: r.mode === '即办' ? 0 : r.days,
      ...(r.mode === '咨询' ? { replyLimitDays: r.reply } : {}),
      defaultMode: r.mode,
      proxyEligible: r.proxyEligible,
      remit: r.remit,
      ...(r.remit === '社区办理' ? {} : { forwardTo: r.forwardTo }),
      guide: r.guide,
      ...(r.keywords ? { keywords: r.keywords } : {}),
    }));

const catalogArb = fc
  .uniqueArray(text(20), { minLength: 1, maxLength: 3, selector: (c) => c.trim() })
  .chain((categories) =>
    fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => matterArb(i, categories))))
      // Names are unique within a category.
      .filter((ms) => new Set(ms.map((m) => `${m.category.trim()}\u0000${m.name.trim()}`)).size === ms.length)
      .map((matters) => ({ version: 1, categories, matters })),
  );

/** The catalog with every text trimmed, as parseCatalog returns it. */
function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimmed);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'code' ? v : trimmed(v)]));
  return value;
}

describe('catalog validation', () => {
  it('a valid catalog in strange text, at its limits, comes back as written (texts trimmed)', () => {
    fc.assert(
      fc.property(catalogArb, (catalog) => {
        const out = parseCatalog(catalog);
        expect(out.ok, JSON.stringify(out)).toBe(true);
        if (out.ok) expect(out.catalog).toEqual(trimmed(catalog));
      }),
      { numRuns: RUNS },
    );
  });

  it('any JSON value: no exception; a refusal is a list of Chinese sentences', () => {
    const looksLikeCatalog = fc.record(
      {
        version: fc.jsonValue(),
        categories: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
        matters: fc.array(
          fc.dictionary(
            fc.constantFrom(
              'code',
              'category',
              'name',
              'documents',
              'timeLimitDays',
              'defaultMode',
              'remit',
              'guide',
              'x',
            ),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), looksLikeCatalog), (json) => {
        const out = parseCatalog(json);
        if (out.ok) return;
        expect(out.errors.length).toBeGreaterThan(0);
        for (const e of out.errors) expectChineseMessage(e);
      }),
      { numRuns: RUNS },
    );
  });

  it('one bad field is refused in a sentence naming the entry and that field', () => {
    const BAD: [field: string, label: string, values: unknown[]][] = [
      ['code', '事项编码', ['sb-001', 'SB001', '', 12]],
      ['name', '事项名称', ['', '  ', '名'.repeat(41), '😀'.repeat(41), null]],
      ['category', '所属类别', ['', '未列出的类别', 7]],
      ['timeLimitDays', '办理时限', [-1, 1.5, 366, '5']],
      ['defaultMode', '默认办理方式', ['加急', '']],
      ['remit', '办理层级', ['社区', null]],
      ['guide', '办事指南', ['', '一句。二句。三句。四句。', '南'.repeat(201)]],
      ['documents', '所需材料', ['身份证', [{ name: '' }]]],
    ];
    fc.assert(
      fc.property(catalogArb, fc.constantFrom(...BAD), fc.nat(), (catalog, [field, label, values], k) => {
        const value = values[k % values.length];
        const i = catalog.matters.length - 1;
        const matters = catalog.matters.map((m, j) => (j === i ? { ...m, [field]: value } : m));
        const out = parseCatalog({ ...catalog, matters });
        expect(out.ok).toBe(false);
        if (out.ok) return;
        const about = out.errors.filter((e) => e.startsWith(`事项目录第 ${i + 1} 项`));
        expect(about.length, out.errors.join('\n')).toBeGreaterThan(0);
        expect(
          about.some((e) => e.includes(label)),
          out.errors.join('\n'),
        ).toBe(true);
        for (const e of out.errors) expectChineseMessage(e);
      }),
      { numRuns: RUNS },
    );
  });
});

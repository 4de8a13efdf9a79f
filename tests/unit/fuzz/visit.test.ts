/**
 * Properties of the 来访登记 validator (validateVisit, with validateDraft for each matter): free
 * text — the 诉求内容, the place, an agent's name and relation, a refusal's reason and where to
 * go — is accepted as typed up to its limit in characters, strange text included; anything else
 * is refused at its own field with a Chinese message and never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalog, type MatterTypeDef } from '../../../shared/domain/catalog';
import { validateVisit, type CaseDraft, type VisitFieldErrors, type VisitInput } from '../../../shared/domain/intake';
import { PROBLEM_CATEGORIES, VISIT_CHANNELS } from '../../../shared/domain/records';
import catalogJson from '../../../resources/catalog/default-matters.json';
import { anyText, expectChineseMessage, RUNS, strangeText, TODAY, typedId, typedPhone } from './arbitraries';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const MATTERS: MatterTypeDef[] = parsed.catalog.matters;
const COMMITTED = MATTERS.filter((m) => m.defaultMode === '承诺件');

const VISIT_FIELDS = [
  'resident',
  'channel',
  'content',
  'agentName',
  'agentRelation',
  'agentPhone',
  'agentIdNumber',
  'cases',
  'complaintCategory',
  'place',
  'caseErrors',
];
const DRAFT_FIELDS = ['matter', 'mode', 'appointmentAt', 'refusalReason', 'redirectTo', 'answered'];

/** Every message of a validation result, with its field. */
function messages(e: VisitFieldErrors): [string, string][] {
  const out: [string, string][] = [];
  for (const [field, value] of Object.entries(e)) {
    if (field === 'caseErrors') {
      for (const c of value as Record<string, string>[])
        for (const [f, m] of Object.entries(c)) {
          expect(DRAFT_FIELDS).toContain(f);
          out.push([f, m]);
        }
    } else out.push([field, value as string]);
  }
  return out;
}

const agentArb = fc.record({
  name: strangeText(30).filter((s) => !/\p{N}/u.test(s)),
  relation: strangeText(10),
  phone: fc.option(
    typedPhone.map((p) => p.typed),
    { nil: undefined },
  ),
  idNumber: fc.option(
    typedId.map((i) => i.typed),
    { nil: undefined },
  ),
});

describe('visit validator: valid input is accepted', () => {
  it('a 咨询 or 诉求 with strange text up to 2000 characters, an agent, a place: no message', () => {
    fc.assert(
      fc.property(
        fc.record({
          channel: fc.constantFrom(...VISIT_CHANNELS),
          kind: fc.constantFrom('咨询' as const, '诉求' as const),
          content: strangeText(2000),
          agent: fc.option(agentArb, { nil: undefined }),
          residentId: fc.option(fc.constant('res-1'), { nil: undefined }),
          category: fc.constantFrom(...PROBLEM_CATEGORIES),
          place: strangeText(60),
        }),
        (r) => {
          const input: VisitInput = {
            channel: r.channel,
            kind: r.kind,
            content: r.content,
            cases: [],
            ...(r.residentId ? { residentId: r.residentId } : {}),
            ...(r.agent ? { agent: r.agent } : {}),
            ...(r.kind === '诉求' ? { complaint: { category: r.category, place: r.place } } : {}),
          };
          expect(validateVisit(input, TODAY)).toEqual({});
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a 办件 with 承诺件 and 不予受理 matters, the refusal in strange text: no message', () => {
    const draftArb: fc.Arbitrary<CaseDraft> = fc.oneof(
      fc.constantFrom(...COMMITTED).map((matter) => ({ matter, mode: '承诺件' as const, received: [] })),
      fc
        .record({ matter: fc.constantFrom(...MATTERS), reason: strangeText(500), to: strangeText(200) })
        .map(({ matter, reason, to }) => ({
          matter,
          mode: '不予受理' as const,
          received: [],
          refusalReason: reason,
          redirectTo: to,
        })),
    );
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 1, maxLength: 3 }), strangeText(2000), (cases, content) => {
        const input: VisitInput = { residentId: 'res-1', channel: '来站', kind: '办件', content, cases };
        expect(validateVisit(input, TODAY)).toEqual({});
      }),
      { numRuns: RUNS },
    );
  });
});

describe('visit validator: invalid input gets a Chinese message at its field', () => {
  it('anything in any field: no exception; every message is Chinese, at a field of the form', () => {
    fc.assert(
      fc.property(
        fc.record({
          residentId: fc.option(anyText, { nil: undefined }),
          channel: fc.oneof(fc.constantFrom(...VISIT_CHANNELS), anyText),
          kind: fc.constantFrom('咨询', '诉求', '办件'),
          content: anyText,
          agent: fc.option(fc.record({ name: anyText, relation: anyText, phone: anyText, idNumber: anyText }), {
            nil: undefined,
          }),
          complaint: fc.option(
            fc.record({ category: fc.oneof(fc.constantFrom(...PROBLEM_CATEGORIES), anyText), place: anyText }),
            { nil: undefined },
          ),
          cases: fc.array(
            fc.record({
              matter: fc.constantFrom(...MATTERS),
              mode: fc.constantFrom('即办', '承诺件', '预约', '帮代办', '咨询', '不予受理'),
              received: fc.array(anyText, { maxLength: 2 }),
              appointmentAt: fc.option(anyText, { nil: undefined }),
              refusalReason: fc.option(anyText, { nil: undefined }),
              redirectTo: fc.option(anyText, { nil: undefined }),
              answered: fc.option(fc.boolean(), { nil: undefined }),
            }),
            { maxLength: 3 },
          ),
        }),
        (raw) => {
          const input = raw as unknown as VisitInput;
          const e = validateVisit(input, TODAY);
          for (const f of Object.keys(e)) expect(VISIT_FIELDS).toContain(f);
          for (const [, m] of messages(e)) expectChineseMessage(m, [raw.agent?.phone ?? '', raw.agent?.idNumber ?? '']);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('each kind of bad value is refused at its own field, and only there', () => {
    const base: VisitInput = { channel: '来站', kind: '咨询', content: '咨询养老保险', cases: [] };
    const agent = { name: '李四', relation: '儿子' };
    const bad = fc.oneof(
      fc.constantFrom('', '到站', 'phone').map((channel) => ({ field: 'channel', patch: { channel } })),
      fc.constantFrom('', '  ', '\u3000\n').map((content) => ({ field: 'content', patch: { content } })),
      // One character over the limit, counted in characters (an emoji is one).
      fc
        .constantFrom('字', '😀', '👍🏽', 'a')
        .map((c) => ({ field: 'content', patch: { content: Array.from(c.repeat(2001)).slice(0, 2001).join('') } })),
      fc.constantFrom('', ' ').map((name) => ({ field: 'agentName', patch: { agent: { ...agent, name } } })),
      fc
        .constantFrom('', ' ')
        .map((relation) => ({ field: 'agentRelation', patch: { agent: { ...agent, relation } } })),
      fc
        .constantFrom('李四13812345678', '李'.repeat(31))
        .map((name) => ({ field: 'agentName', patch: { agent: { ...agent, name } } })),
      fc
        .constantFrom('1381234567', '12345')
        .map((phone) => ({ field: 'agentPhone', patch: { agent: { ...agent, phone } } })),
      fc
        .constantFrom('430104195803151238', '43010419580315')
        .map((idNumber) => ({ field: 'agentIdNumber', patch: { agent: { ...agent, idNumber } } })),
      fc.constant({
        field: 'resident',
        patch: { kind: '办件', cases: [{ matter: COMMITTED[0], mode: '承诺件', received: [] }] },
      }),
      fc.constant({ field: 'cases', patch: { kind: '办件', residentId: 'res-1' } }),
      fc.constantFrom('', '其它', '噪音').map((category) => ({
        field: 'complaintCategory',
        patch: { kind: '诉求', complaint: { category, place: '3栋' } },
      })),
      fc
        .constantFrom('', ' ')
        .map((place) => ({ field: 'place', patch: { kind: '诉求', complaint: { category: '其他', place } } })),
      fc.constant({ field: 'place', patch: { kind: '诉求', complaint: { category: '其他', place: '地'.repeat(61) } } }),
    );
    fc.assert(
      fc.property(bad, ({ field, patch }) => {
        const e = validateVisit({ ...base, ...patch } as VisitInput, TODAY);
        expect(Object.keys(e)).toEqual([field]);
        for (const [, m] of messages(e)) expectChineseMessage(m, ['13812345678', '430104195803151238']);
      }),
      { numRuns: RUNS },
    );
  });

  it('a matter’s bad value is refused at its own field of that matter', () => {
    const matter = COMMITTED[0]!;
    const bad = fc.oneof(
      fc.constantFrom('', ' ').map((refusalReason) => ({
        field: 'refusalReason',
        draft: { mode: '不予受理', refusalReason, redirectTo: '街道' },
      })),
      fc.constant({
        field: 'refusalReason',
        draft: { mode: '不予受理', refusalReason: '理'.repeat(501), redirectTo: '街道' },
      }),
      fc.constant({
        field: 'redirectTo',
        draft: { mode: '不予受理', refusalReason: '不属于本社区', redirectTo: '到'.repeat(201) },
      }),
      fc.constantFrom('', '2026-13-01T09:00', '明天上午', '2026-11-23T09:00').map((appointmentAt) => ({
        field: 'appointmentAt',
        draft: { mode: '预约', appointmentAt },
      })),
      fc.constant({ field: 'mode', draft: { mode: '咨询' } }),
    );
    fc.assert(
      fc.property(bad, ({ field, draft }) => {
        const e = validateVisit(
          {
            residentId: 'res-1',
            channel: '来站',
            kind: '办件',
            content: '',
            cases: [{ matter, received: [], ...draft } as CaseDraft],
          },
          TODAY,
        );
        expect(Object.keys(e)).toEqual(['caseErrors']);
        expect(Object.keys(e.caseErrors?.[0] ?? {})).toEqual([field]);
        for (const [, m] of messages(e)) expectChineseMessage(m);
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * resources/report-package-2.schema.json is hand-written; this test holds it equal to the wire
 * types (shared/reports/wire/types.ts): a complete package typed as WirePackage (TypeScript
 * refuses a missing or an extra field in it) has exactly the schema's properties at every level,
 * the named keys are the types' key lists, the closed breakdowns' keys are the domain's lists, and
 * every object of the schema is closed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  AGENDA_KINDS,
  DECISION_TYPES,
  DELIVERY_METHODS,
  PROBLEM_CATEGORIES,
  PROBLEM_SOURCE_KINDS,
  PROXY_CANCEL_REASONS,
  PROXY_SOURCES,
  RATINGS,
  VISIT_CHANNELS,
} from '@shared/domain/records';
import { CUSTODY_AGES, OPEN_AGES } from '@shared/reports/summary';
import { readPackage } from '@shared/reports/wire/read';
import { canonicalJson } from '@shared/reports/wire/canonical';
import {
  COUNT_KEYS,
  LIST_KEYS,
  MAXIMUM_KEYS,
  RATE_KEYS,
  UNKNOWN_FIELDS,
  type ListKey,
  type WirePackage,
} from '@shared/reports/wire/types';
import { sha256Hex } from '../packageFixtures';

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  enum?: string[];
  $ref?: string;
};
const schema = JSON.parse(readFileSync('resources/report-package-2.schema.json', 'utf8')) as Schema & {
  definitions: Record<string, Schema>;
};
const resolve = (s: Schema): Schema => (s.$ref ? resolve(schema.definitions[s.$ref.split('/').pop()!]!) : s);
/** The object schema inside `s` (through $ref, anyOf with null, arrays). */
const objectOf = (s: Schema): Schema | undefined => {
  const r = resolve(s);
  if (r.properties) return r;
  if (r.items) return objectOf(r.items);
  for (const a of r.anyOf ?? []) {
    const o = objectOf(a);
    if (o) return o;
  }
  return undefined;
};

const fill = <K extends string, V>(keys: readonly K[], v: () => V) =>
  Object.fromEntries(keys.map((k) => [k, v()])) as Record<K, V>;
const instant = '2026-11-23T02:00:00.000Z';

/** A package with every field present and every optional object filled. */
const full: WirePackage = {
  format: 'duty-desk.report',
  version: 2,
  sha256: '',
  content: {
    street: { name: '岳麓街道' },
    community: { code: 'THL', name: '桃花岭社区' },
    center: { installId: 'install-0001', desk: { number: 1, name: '一号窗口' } },
    desks: [{ number: 1, name: '一号窗口', casesAccepted: 1 }],
    period: { kind: 'week', from: '2026-11-16', to: '2026-11-22', label: '2026年第47周' },
    generatedAt: instant,
    correction: { n: 2, replaces: 'a'.repeat(64) },
    residents: 11_500,
    custodyAlertDays: 7,
    counts: fill(COUNT_KEYS, () => 1),
    rates: fill(RATE_KEYS, () => ({ num: 1, den: 2 })),
    maxima: fill(MAXIMUM_KEYS, () => 3),
    lists: { ...fill(LIST_KEYS, () => []), ratingsByLevel: [{ key: '满意', label: '满意', n: 1 }] },
    grids: [{ code: 'grid-1', name: '第一网格', counts: { visits: 1, cases: 1 } }],
    escalations: [
      {
        trackingNumber: 'THL-20261118-0001',
        raisedAt: instant,
        level: '日常',
        department: '街道城管办',
        stage: '已核实',
        matterName: '路灯报修',
        category: '投诉建议',
        gridCode: 'grid-1',
        checkInAt: instant,
        feedbackCount: 1,
        lastFeedbackAt: instant,
        evaluation: { rating: '满意', at: instant },
      },
    ],
    ledger: [
      {
        trackingNumber: 'THL-20261118-0001',
        matterCode: 'M1',
        matterName: '路灯报修',
        category: '投诉建议',
        mode: '承诺件',
        status: '已办结',
        gridCode: 'grid-1',
        acceptedDay: '2026-11-18',
        deadline: '2026-11-25',
        completedDay: '2026-11-20',
      },
    ],
    unknown: ['residents'],
  },
};

/** Every object path of a value, with its keys. */
function keyTree(value: unknown, path = '', out = new Map<string, string[]>()) {
  if (Array.isArray(value)) value.forEach((v) => keyTree(v, `${path}[]`, out));
  else if (value && typeof value === 'object') {
    out.set(path, Object.keys(value).sort());
    for (const [k, v] of Object.entries(value)) keyTree(v, `${path}.${k}`, out);
  }
  return out;
}
function schemaTree(s: Schema, value: unknown, path = '', out = new Map<string, string[]>()) {
  if (Array.isArray(value)) value.forEach((v) => schemaTree(resolve(s).items ?? s, v, `${path}[]`, out));
  else if (value && typeof value === 'object') {
    const o = objectOf(s)!;
    out.set(path, Object.keys(o.properties ?? {}).sort());
    for (const [k, v] of Object.entries(value))
      if (o.properties?.[k]) schemaTree(o.properties[k], v, `${path}.${k}`, out);
  }
  return out;
}

describe('the version 2 schema equals the wire types', () => {
  it('the complete typed package has the schema’s properties at every level, and passes it', async () => {
    expect(schemaTree(schema, full)).toEqual(keyTree(full));
    const pkg = { ...full, sha256: await sha256Hex(canonicalJson(full.content)) };
    expect(await readPackage(JSON.stringify(pkg), {}, sha256Hex)).toMatchObject({ ok: true });
  });

  it('every field is required and every object closed', () => {
    const walk = (s: Schema, path: string) => {
      const r = resolve(s);
      if (r.properties) {
        expect(r.additionalProperties, path).toBe(false);
        expect([...(r.required ?? [])].sort(), path).toEqual(Object.keys(r.properties).sort());
        for (const [k, v] of Object.entries(r.properties)) walk(v, `${path}.${k}`);
      }
      if (r.items) walk(r.items, `${path}[]`);
      for (const a of r.anyOf ?? []) walk(a, path);
    };
    walk(schema, '');
  });

  it('the named keys are the types’ lists; the closed breakdowns’ keys are the domain’s', () => {
    const content = schema.properties!.content!.properties!;
    expect(content.counts!.required).toEqual([...COUNT_KEYS]);
    expect(Object.keys(content.rates!.properties!)).toEqual(RATE_KEYS);
    expect(Object.keys(content.maxima!.properties!)).toEqual([...MAXIMUM_KEYS]);
    expect(Object.keys(content.lists!.properties!)).toEqual([...LIST_KEYS]);
    expect(content.unknown!.items!.enum).toEqual([...UNKNOWN_FIELDS]);
    const closed: Partial<Record<ListKey, readonly string[]>> = {
      visitsByChannel: VISIT_CHANNELS,
      ratingsByLevel: RATINGS,
      openByAge: OPEN_AGES,
      documentsOutByAge: CUSTODY_AGES,
      proxyRequestsBySource: PROXY_SOURCES,
      proxyCancelledByReason: PROXY_CANCEL_REASONS,
      proxyDeliveredByMethod: DELIVERY_METHODS,
      problemsBySource: PROBLEM_SOURCE_KINDS,
      problemsByCategory: PROBLEM_CATEGORIES,
      agendaItemsByKind: AGENDA_KINDS,
      decisionsByType: DECISION_TYPES,
    };
    for (const [key, values] of Object.entries(closed)) {
      const item = content.lists!.properties![key]!.items!.properties!;
      expect(item.key!.enum, key).toEqual([...values]);
      expect(item.label!.enum, key).toEqual([...values]);
    }
  });
});

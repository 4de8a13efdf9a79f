/**
 * One door per state machine (issue 23): in the app (renderer/src), the case machine's
 * `applyAction` is called only in changeCase.ts, the proxy rules' `applyProxy` only in
 * changeProxy.ts and the custody rules' `applyCustody` only in changeCustody.ts; a case, a proxy
 * request or a document in custody is written (`tx.cases.put/add/update/delete`,
 * `tx.proxyTasks.…`, `tx.custodyItems.…`) only by its door, and so is a problem (问题库:
 * `tx.problems.…` and its events only in changeProblem.ts);
 * the doors' shared skeleton (machineDoor.ts, which writes events, never records) is imported only
 * by the doors and the case timeline; and no code reads the acting staff row inside a write itself (`writeTx` hands it as
 * `tx.actor`). The scan works on the source text, so it also catches an aliased import's call.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const files = sources(join(root, 'renderer/src')).map((path) => ({
  path: relative(root, path).replaceAll('\\', '/'),
  text: readFileSync(path, 'utf8'),
}));

/** `pattern`'s places outside the files allowed to have it. */
function violations(
  inFiles: readonly { path: string; text: string }[],
  pattern: RegExp,
  allowed: readonly string[],
): string[] {
  return inFiles.flatMap(({ path, text }) =>
    allowed.includes(path)
      ? []
      : text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const DB = 'renderer/src/db/repositories';
const RULES: { what: string; pattern: RegExp; allowed: string[] }[] = [
  { what: 'applyAction outside changeCase.ts', pattern: /\bapplyAction\s*\(/, allowed: [`${DB}/changeCase.ts`] },
  { what: 'applyProxy outside changeProxy.ts', pattern: /\bapplyProxy\s*\(/, allowed: [`${DB}/changeProxy.ts`] },
  {
    what: 'applyCustody outside changeCustody.ts',
    pattern: /\bapplyCustody\s*\(/,
    allowed: [`${DB}/changeCustody.ts`],
  },
  {
    what: 'a case written outside changeCase.ts',
    pattern: /\btx\.cases\.(put|add|update|delete|bulkAdd)\s*\(/,
    allowed: [`${DB}/changeCase.ts`],
  },
  {
    what: 'a proxy request written outside changeProxy.ts',
    pattern: /\btx\.proxyTasks\.(put|add|update|delete|bulkAdd)\s*\(/,
    allowed: [`${DB}/changeProxy.ts`],
  },
  {
    what: 'a document in custody written outside changeCustody.ts',
    pattern: /\btx\.custodyItems\.(put|add|update|delete|bulkAdd|bulkPut|modify)\s*\(/,
    allowed: [`${DB}/changeCustody.ts`],
  },
  {
    what: 'the doors’ shared skeleton (machineDoor.ts) used outside a door',
    pattern: /from '\.\/machineDoor'|\/machineDoor'/,
    allowed: [
      `${DB}/changeCase.ts`,
      `${DB}/changeProxy.ts`,
      `${DB}/changeCustody.ts`,
      `${DB}/changeProblem.ts`,
      `${DB}/caseTimeline.ts`,
    ],
  },
  {
    what: 'a problem written outside changeProblem.ts',
    pattern: /\btx\.(problems|problemEvents)\.(put|add|update|delete|bulkAdd|bulkPut|modify)\s*\(/,
    allowed: [`${DB}/changeProblem.ts`],
  },
  {
    what: 'the acting staff row read inside a write',
    pattern: /\btx\.staff\.get\(\s*(desk\.)?actor(\.id)?\s*[,)]|\btx\.staff\.get\(\s*desk\.actor/,
    allowed: [],
  },
  {
    // Kept counts (issue 28) move with the records in db/tallies/middleware.ts; only the repair writes them.
    what: 'a kept count written outside db/tallies/repair.ts',
    pattern: /\btx\.tallies\.(put|add|update|delete|bulkAdd)\s*\(/,
    allowed: ['renderer/src/db/tallies/repair.ts'],
  },
  {
    // The kept last 走访 (issue 26) moves with the records in db/careVisits/middleware.ts; only the repair writes it.
    what: 'a kept last 走访 written outside db/careVisits/repair.ts',
    pattern: /\btx\.careLastVisits\.(put|add|update|delete|bulkAdd|bulkPut)\s*\(/,
    allowed: ['renderer/src/db/careVisits/repair.ts'],
  },
  {
    // The summaries' slim rows (issue 28 item 2) move with the records in db/slimRows/middleware.ts; only the repair writes them.
    what: 'a slim row written outside db/slimRows/repair.ts',
    pattern: /\btx\.slimRows\.(put|add|update|delete|bulkAdd|bulkPut)\s*\(/,
    allowed: ['renderer/src/db/slimRows/repair.ts'],
  },
];

describe('one door per state machine', () => {
  it('scans the app’s sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path === `${DB}/changeCase.ts`)).toBe(true);
  });
  for (const rule of RULES) {
    it(`has no ${rule.what}`, () => {
      expect(violations(files, rule.pattern, rule.allowed)).toEqual([]);
    });
  }
  it('bites: each rule finds a planted line', () => {
    const planted = [
      { path: `${DB}/meetings.ts`, text: 'const r = applyAction(state, a, actor, at, cal);' },
      { path: `${DB}/visits.ts`, text: 'const r = applyProxy(task, a, ctx);' },
      { path: `${DB}/custody.ts`, text: 'const r = applyCustody(item, a, ctx);' },
      { path: `${DB}/custody.ts`, text: 'await tx.cases.put({ ...record, documentsMissing: [] });' },
      { path: `${DB}/cases.ts`, text: "await tx.proxyTasks.put({ ...proxy, status: '已取消' });" },
      { path: `${DB}/residentHistory.ts`, text: 'chain.then(() => tx.custodyItems.put({ ...r, residentId: toId }));' },
      { path: `${DB}/residentHistory.ts`, text: "import { appendEvent } from './machineDoor';" },
      {
        path: `${DB}/meetings.ts`,
        text: 'await tx.problems.put({ ...problem, decisions: [...problem.decisions, d] });',
      },
      { path: `${DB}/cases.ts`, text: 'const actor = await tx.staff.get(desk.actor.id);' },
      { path: `${DB}/dashboard.ts`, text: "await tx.tallies.put({ key: 'r|在册', n: 1 });" },
      { path: `${DB}/homeVisits.ts`, text: "await tx.careLastVisits.put({ residentId: 'r1', keys: [] });" },
      { path: `${DB}/visits.ts`, text: "await tx.slimRows.put({ key: 'v|2026-01-01|x', visit });" },
    ];
    for (const [i, rule] of RULES.entries()) {
      expect(violations([planted[i]!], rule.pattern, rule.allowed), rule.what).toHaveLength(1);
    }
  });
});

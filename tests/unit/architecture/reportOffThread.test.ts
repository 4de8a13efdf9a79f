/**
 * Issue 28 item 2: the period summary is computed in the desk's worker, never on the page's
 * thread. The 统计报表 screen's module graph (static value imports, what lands in its chunk and
 * the chunks it loads at once) must not reach the summary, the ledgers or the xlsx writer; the
 * worker's job does (the control: the walk finds them when they are there). A screen that went
 * back to `summariesOf(readReportData(…))` fails here, whatever the machine's speed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@shared/')
    ? join(ROOT, 'shared', spec.slice('@shared/'.length))
    : spec.startsWith('.')
      ? resolve(dirname(from), spec)
      : null;
  if (base === null) return `package:${spec}`;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  throw new Error(`cannot resolve ${spec} from ${relative(ROOT, from)}`);
}

/** The modules a file's static value imports and re-exports name (type-only ones are erased). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        !clause.name &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause;
      if (named && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly)) continue;
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.startsWith('package:')) return;
    for (const spec of valueImports(file)) {
      const target = resolveImport(file, spec);
      if (target) walk(target);
    }
  };
  walk(join(ROOT, entry));
  return new Set([...seen].map((f) => (f.startsWith('package:') ? f : relative(ROOT, f))));
}

const HEAVY = [
  'shared/reports/summary.ts',
  'shared/reports/ledgers.ts',
  'renderer/src/features/reports/buildExport.ts',
  'renderer/src/components/workbook.ts',
];

describe('the period summary runs in the worker', () => {
  it('the 统计报表 screen does not load the summary, the ledgers or the xlsx writer', () => {
    const page = reachable('renderer/src/features/reports/ReportsSection.tsx');
    expect(page.has('renderer/src/worker/client.ts')).toBe(true);
    expect(HEAVY.filter((m) => page.has(m))).toEqual([]);
  });

  it('the worker does (the walk finds them where they are)', () => {
    const worker = reachable('renderer/src/worker/deskWorker.ts');
    expect(HEAVY.filter((m) => !worker.has(m))).toEqual([]);
  });
});

/**
 * The lint bans that keep the layers apart (eslint.config.js) are real: each committed
 * fixture in tests/lint-fixtures is linted as if it stood at the path its first line names,
 * and must be reported by exactly the rule its second line expects (or by none).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../lint-fixtures');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../../..') });

describe('lint boundaries', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });
  for (const file of fixtures) {
    it(
      file,
      async () => {
        const code = readFileSync(join(dir, file), 'utf8');
        const filePath = /^\/\/ lint-as: (.+)$/m.exec(code)?.[1];
        const expected = /^\/\/ expect: (\S+)/m.exec(code)?.[1];
        expect(filePath, 'first line names the path').toBeTruthy();
        const [result] = await eslint.lintText(code, { filePath: filePath! });
        const rules = [...new Set(result!.messages.map((m) => m.ruleId ?? m.message))];
        expect(rules).toEqual(expected === 'nothing' ? [] : [expected]);
      },
      30_000,
    );
  }
});

/** Each committed validator is compiled from its schema file as it is now (scripts/generate-report-validator.mjs). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- a plain .mjs script, no types
import { generatedValidator, TARGETS } from '../../../scripts/generate-report-validator.mjs';

type Target = { schema: string; output: string; outputPath: string };

describe('the report package schemas', () => {
  for (const target of TARGETS as Target[])
    it(`${target.output} matches ${target.schema} (run the script after editing it)`, () => {
      expect(readFileSync(target.outputPath, 'utf8')).toBe((generatedValidator as (t: Target) => string)(target));
    });
});

/** The committed validator is compiled from the schema file as it is now (scripts/generate-report-validator.mjs). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- a plain .mjs script, no types
import { generatedValidator, OUTPUT_PATH } from '../../../scripts/generate-report-validator.mjs';

describe('the report package schema', () => {
  it('the committed validator matches resources/report-package.schema.json (run the script after editing it)', () => {
    expect(readFileSync(OUTPUT_PATH as string, 'utf8')).toBe((generatedValidator as () => string)());
  });
});

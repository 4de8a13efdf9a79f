/** The committed validators are compiled from their schema files as they are now (scripts/generate-report-validator.mjs). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- a plain .mjs script, no types
import { generatedValidator, VALIDATORS } from '../../../scripts/generate-report-validator.mjs';

describe('the report package and 反馈包 schemas', () => {
  const validators = VALIDATORS as { schema: string; output: string }[];
  it.each(validators.map((v) => [v.schema.split('/').pop(), v]))(
    'the committed validator matches %s (run the script after editing it)',
    (_name, v) => {
      expect(readFileSync(v.output, 'utf8')).toBe((generatedValidator as (p: string) => string)(v.schema));
    },
  );
});

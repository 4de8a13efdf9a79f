// Compile-fail fixtures (tests/typecheck-fixtures/*): each must fail type-checking with exactly
// the errors its expect.json names. A fixture that compiles, or fails differently, fails this
// script — so a boundary the compiler keeps cannot quietly disappear.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = 'tests/typecheck-fixtures';
const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
let failed = 0;
let checked = 0;
for (const name of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
  const dir = join(root, name);
  if (!existsSync(join(dir, 'expect.json'))) continue;
  const expected = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')).errors.map(([f, c]) => `${f} ${c}`);
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--noEmit', '--pretty', 'false'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (e) {
    output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  const got = [...output.matchAll(/([^/\s(]+)\(\d+,\d+\): error (TS\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
  const same = got.length === expected.length && expected.every((x) => got.includes(x));
  checked += 1;
  if (!same) {
    failed += 1;
    console.error(`typecheck fixture ${name}: expected errors [${expected.join(', ')}], got [${got.join(', ')}]`);
    if (output && got.length === 0) console.error(output);
  }
}
if (checked === 0) {
  console.error('typecheck fixtures: none found');
  process.exit(1);
}
if (failed > 0) process.exit(1);
console.log(`typecheck fixtures: ${checked} fail to compile as expected`);

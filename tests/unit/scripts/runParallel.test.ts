/**
 * scripts/run-parallel.mjs (scripts/test.sh's typecheck and lint, package.json's typecheck and
 * lint): the commands run side by side, each one's output comes out in one piece, and a failure
 * fails the whole run, after every command has ended, naming the one that failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function runParallel(commands: string[], jobs = 2) {
  const r = spawnSync(process.execPath, ['scripts/run-parallel.mjs', ...commands], {
    encoding: 'utf8',
    env: { ...process.env, RUN_PARALLEL_JOBS: String(jobs) },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Marks `me` as started, then waits (at most 200 × 50 ms) until `other` has started too. */
const rendezvous = (dir: string, me: string, other: string) =>
  `touch ${dir}/${me}; i=0; while [ ! -e ${dir}/${other} ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; ` +
  `[ -e ${dir}/${other} ] && echo ${me} met ${other}`;

describe('run-parallel', () => {
  it('runs the commands side by side: each sees the other started', () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-parallel-'));
    const r = runParallel([rendezvous(dir, 'a', 'b'), rendezvous(dir, 'b', 'a')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('a met b');
    expect(r.out).toContain('b met a');
  });

  it('prints each command’s output in one piece after its heading', () => {
    const r = runParallel(['echo one; sleep 0.1; echo two', 'echo three; echo four']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/-- echo one; sleep 0\.1; echo two: ok, [\d.]+ s\none\ntwo\n/);
    expect(r.out).toMatch(/-- echo three; echo four: ok, [\d.]+ s\nthree\nfour\n/);
  });

  it('fails when one command fails, after the others ran, and names it', () => {
    const r = runParallel(['exit 3', 'echo still ran'], 1);
    expect(r.code).toBe(1);
    expect(r.out).toContain('-- exit 3: FAILED (exit 3)');
    expect(r.out).toContain('still ran');
    expect(r.err).toContain('1 of 2 failed: exit 3');
  });
});

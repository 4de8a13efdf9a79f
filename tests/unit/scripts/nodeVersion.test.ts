/**
 * Issue 25 item 22: the Node range the project is built and tested with is stated once
 * (package.json `engines`, `.nvmrc` inside it), and the test and start commands print the Node in
 * use and stop with a clear message outside the range (scripts/check-node.mjs).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineRange, nodeCheck, satisfies } from '../../../scripts/check-node.mjs';

const range = engineRange('package.json');

describe('the Node range', () => {
  it('is a closed range on Node 20 that holds .nvmrc and the Node running these tests', () => {
    expect(range).toBe('>=20.19.0 <21');
    const nvmrc = readFileSync('.nvmrc', 'utf8').trim();
    expect(satisfies(nvmrc, range)).toBe(true);
    expect(satisfies(process.version, range)).toBe(true);
  });

  it('takes the versions inside and refuses those outside, by each part of the version', () => {
    for (const v of ['20.19.0', 'v20.20.2', '20.99.1']) expect(satisfies(v, range), v).toBe(true);
    for (const v of ['20.18.9', 'v18.20.0', '21.0.0', '22.12.0', 'v24.1.0']) expect(satisfies(v, range), v).toBe(false);
  });

  it('names the version and the range, and says to switch to .nvmrc when outside', () => {
    expect(nodeCheck('v20.20.2', range)).toEqual({ ok: true, message: 'Node v20.20.2（本项目要求 >=20.19.0 <21）' });
    const out = nodeCheck('v22.12.0', range);
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Node v22.12.0 不在本项目构建和测试所用的范围 >=20.19.0 <21 内，已停止');
    expect(out.message).toContain('.nvmrc');
  });
});

describe('the test and start commands', () => {
  it('check the Node first: the script prints the version and exits 1 outside the range', () => {
    const ok = spawnSync(process.execPath, ['scripts/check-node.mjs'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`Node ${process.version}`);
    const bad = spawnSync(process.execPath, ['scripts/check-node.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, CHECK_NODE_VERSION: 'v22.12.0' },
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('已停止');
  });

  it('scripts/test.sh and scripts/start.sh run the check before installing anything', () => {
    for (const script of ['scripts/test.sh', 'scripts/start.sh']) {
      const text = readFileSync(script, 'utf8');
      const check = text.indexOf('node scripts/check-node.mjs');
      expect(check, script).toBeGreaterThan(0);
      expect(check, script).toBeLessThan(text.search(/npm ci|install-system-deps/));
    }
  });
});

/**
 * Issue 9 item 17: the README's start command never ends in Electron's stack trace. Where the
 * Electron binary is missing, scripts/launch.sh says so in one line and serves the app for a
 * browser; where it is there, it starts Electron. `node` and `npm` are stand-ins on PATH.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(electronPresent: boolean): { out: string; npm: string } {
  const bin = mkdtempSync(join(tmpdir(), 'launch-'));
  const npmLog = join(bin, 'npm.log');
  writeFileSync(join(bin, 'node'), `#!/bin/sh\nexit ${electronPresent ? 0 : 1}\n`);
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$@ PORT=$PORT" >> ${npmLog}\n`);
  chmodSync(join(bin, 'node'), 0o755);
  chmodSync(join(bin, 'npm'), 0o755);
  const out = execFileSync('bash', ['scripts/launch.sh'], {
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin`, PORT: '5190' },
  });
  return { out, npm: readFileSync(npmLog, 'utf8') };
}

describe('scripts/launch.sh', () => {
  it('without the Electron binary: one line in Chinese and English, then the browser build on the port', () => {
    const { out, npm } = run(false);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toContain('未能安装 Electron 程序');
    // The address comes from scripts/serve-web.mjs once the server answers (issue 25 item 22),
    // not here before the build.
    expect(out).not.toContain('http://');
    expect(npm.trim()).toBe('run -s web PORT=5190');
  });

  it('with the Electron binary: starts the Electron app', () => {
    const { out, npm } = run(true);
    expect(out).toBe('');
    expect(npm.trim()).toBe('start PORT=5190');
  });
});

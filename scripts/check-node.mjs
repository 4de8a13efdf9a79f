/**
 * The Node version check that scripts/test.sh and scripts/start.sh run first (issue 25 item 22):
 * prints the Node in use and the range package.json's `engines.node` states, and stops with a
 * clear message outside it. Plain Node, no packages: it runs before `npm ci`.
 * The range is a space-separated list of comparators (>=20.19.0 <21), all of which must hold.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** '20.19' → [20, 19, 0]; a leading 'v' is allowed. */
function parts(version) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version.trim());
  if (!m) throw new Error(`无法识别的版本号：${version}`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

const TESTS = {
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '<': (c) => c < 0,
  '=': (c) => c === 0,
};

/** Whether `version` (e.g. 'v20.20.2') satisfies every comparator of `range`. */
export function satisfies(version, range) {
  const v = parts(version);
  const comparators = range.trim().split(/\s+/);
  return comparators.every((c) => {
    const m = /^(>=|<=|>|<|=)?(.+)$/.exec(c);
    if (!m) throw new Error(`无法识别的版本范围：${range}`);
    return TESTS[m[1] ?? '='](compare(v, parts(m[2])));
  });
}

/** The line to print, and whether to go on. */
export function nodeCheck(version, range) {
  if (satisfies(version, range)) return { ok: true, message: `Node ${version}（本项目要求 ${range}）` };
  return {
    ok: false,
    message:
      `Node ${version} 不在本项目构建和测试所用的范围 ${range} 内，已停止。` +
      `请改用 .nvmrc 所写的版本（nvm use）后再运行。` +
      ` (Node ${version} is outside the supported range ${range}: switch to the version in .nvmrc.)`,
  };
}

/** engines.node of the package.json at `path`. */
export function engineRange(path) {
  return JSON.parse(readFileSync(path, 'utf8')).engines.node;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const range = engineRange(fileURLToPath(new URL('../package.json', import.meta.url)));
  const { ok, message } = nodeCheck(process.env.CHECK_NODE_VERSION ?? process.version, range);
  (ok ? console.log : console.error)(message);
  process.exit(ok ? 0 : 1);
}

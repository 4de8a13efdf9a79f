#!/usr/bin/env node
/**
 * Electronegativity over the Electron code, with reviewed exceptions.
 *
 *   node scripts/check-electronegativity.mjs            # electron/ and the built out/main + out/preload
 *   node scripts/check-electronegativity.mjs --scan name=dir [--scan name=dir …] [--reviewed file]
 *
 * Every finding of MEDIUM or higher must match a reviewed exception (same scan, check, file and
 * code sample; line numbers are not compared, so moving code does not need a new review) in
 * security/electronegativity-reviewed.json, each with its reason; any other finding fails the run
 * (exit 1). Exceptions that match nothing are reported (the finding went away: delete them).
 *
 * The built preload is `index.cjs`, an extension electronegativity does not read, so the built
 * files are copied to a temporary folder (main/index.js, preload/index.js) and scanned from there.
 * The built page (out/renderer/index.html, without its scripts) goes with them for the CSP check.
 * The check that downloads Electron's release list is excluded (offline; the Electron version is
 * pinned in package.json and given to the tool).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const FAIL_AT = 2; // electronegativity's severity values: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3

function parseArgs(argv) {
  const scans = [];
  let reviewed = path.join(root, 'security/electronegativity-reviewed.json');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scan') {
      const [name, dir] = String(argv[++i]).split('=');
      if (!name || !dir) throw new Error('--scan name=dir');
      scans.push({ name, dir: path.resolve(dir) });
    } else if (argv[i] === '--reviewed') reviewed = path.resolve(String(argv[++i]));
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { scans, reviewed };
}

/** out/main and out/preload copied where electronegativity reads them (.cjs → .js). */
function builtCopy() {
  const main = path.join(root, 'out/main/index.js');
  const preload = path.join(root, 'out/preload/index.cjs');
  if (!existsSync(main) || !existsSync(preload)) throw new Error('Build first: npx electron-vite build');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'duty-desk-electronegativity-'));
  cpSync(path.join(root, 'out/main'), path.join(dir, 'main'), { recursive: true });
  cpSync(path.join(root, 'out/preload'), path.join(dir, 'preload'), { recursive: true });
  renameSync(path.join(dir, 'preload/index.cjs'), path.join(dir, 'preload/index.js'));
  // The built page, so the CSP check reads the policy the build put in its <meta> tag.
  const page = path.join(root, 'out/renderer/index.html');
  if (existsSync(page)) cpSync(page, path.join(dir, 'renderer/index.html'));
  return dir;
}

const squash = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();

function loadReviewed(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  for (const [i, e] of (data.reviewed ?? []).entries()) {
    for (const key of ['scan', 'check', 'file', 'sample', 'reason']) {
      if (typeof e[key] !== 'string') problems.push(`reviewed[${i}] needs "${key}"`);
    }
    if (typeof e.reason === 'string' && e.reason.trim().length < 40) {
      problems.push(`reviewed[${i}] (${e.check}): the reason must say why (≥ 40 characters)`);
    }
  }
  for (const [i, e] of (data.excludedChecks ?? []).entries()) {
    if (typeof e.check !== 'string' || typeof e.reason !== 'string' || e.reason.trim().length < 40) {
      problems.push(`excludedChecks[${i}] needs "check" and a reason (≥ 40 characters)`);
    }
  }
  if (problems.length > 0) throw new Error(`${path.basename(file)}:\n  ${problems.join('\n  ')}`);
  return { reviewed: data.reviewed ?? [], excluded: (data.excludedChecks ?? []).map((e) => e.check) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { reviewed, excluded } = loadReviewed(args.reviewed);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const electronVersion = String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(
    /^[^\d]*/,
    '',
  );
  if (!electronVersion) throw new Error('electron is not in package.json');

  const cleanup = [];
  const scans = args.scans;
  if (scans.length === 0) {
    scans.push({ name: 'source', dir: path.join(root, 'electron') });
    const built = builtCopy();
    cleanup.push(built);
    scans.push({ name: 'built', dir: built });
  }

  const run = require('@doyensec/electronegativity');
  const unreviewed = [];
  const used = new Set();
  let counted = 0;
  try {
    for (const scan of scans) {
      const result = await run({
        input: scan.dir,
        electronVersionOverride: electronVersion,
        isRelative: true,
        excludeFromScan: excluded,
      });
      if (result.errors.length > 0) {
        // A file the tool could not parse is a file it did not check.
        for (const e of result.errors) unreviewed.push(`${scan.name}: could not parse ${e.file ?? '?'}`);
      }
      for (const issue of result.issues) {
        if (issue.severity.value < FAIL_AT) continue;
        counted++;
        const file = String(issue.file).split(path.sep).join('/');
        const match = reviewed.findIndex(
          (e) =>
            e.scan === scan.name &&
            e.check === issue.id &&
            e.file === file &&
            squash(e.sample) === squash(issue.sample ?? 'N/A'),
        );
        const where = `${scan.name}: ${issue.id} (${issue.severity.name}) ${file}:${issue.location.line}`;
        if (match >= 0) {
          used.add(match);
          console.log(`reviewed   ${where}`);
        } else {
          unreviewed.push(`${where}\n    ${squash(issue.sample ?? 'N/A')}\n    ${issue.description}`);
        }
      }
    }
  } finally {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }

  const stale = reviewed.filter((_, i) => !used.has(i));
  for (const e of stale) console.log(`no longer found (remove the exception): ${e.scan}: ${e.check} ${e.file}`);
  console.log(
    `electronegativity: ${scans.length} scans, ${counted} findings of MEDIUM or higher, ${counted - unreviewed.length} reviewed, ${unreviewed.length} not reviewed`,
  );
  if (unreviewed.length > 0) {
    console.error(
      `\nFindings without a reviewed exception (fix them, or review them in ${path.relative(root, args.reviewed)}):`,
    );
    for (const line of unreviewed) console.error(`  ${line}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

#!/usr/bin/env node
// Runs shell commands side by side, as many at a time as the machine has cores (CI has 2; the
// typecheck's four tsc runs and the lint's eslint and prettier each use one), and prints each
// command's output in one piece when it ends, with its seconds. Exits non-zero if any failed,
// after all have ended, naming them. Usage: node scripts/run-parallel.mjs "cmd 1" "cmd 2" …
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('run-parallel: no commands');
  process.exit(2);
}
const limit = Math.max(1, Number(process.env.RUN_PARALLEL_JOBS) || availableParallelism());

function run(command) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(out).toString();
      const ok = code === 0;
      process.stdout.write(`-- ${command}: ${ok ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`}, ${seconds} s\n`);
      if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      resolve(ok);
    });
  });
}

const failed = [];
let next = 0;
async function worker() {
  while (next < commands.length) {
    const command = commands[next++];
    if (!(await run(command))) failed.push(command);
  }
}
await Promise.all(Array.from({ length: Math.min(limit, commands.length) }, worker));
if (failed.length > 0) {
  console.error(`run-parallel: ${failed.length} of ${commands.length} failed: ${failed.join(' | ')}`);
  process.exit(1);
}

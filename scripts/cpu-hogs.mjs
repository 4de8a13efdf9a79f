// Keeps N processes (default 4) spinning at full speed until Ctrl+C, to run the test command on a
// loaded machine (issue 22, item 14: it must pass with four busy hogs beside it on 2 cores;
// stress-ng is not installed here). Started by hand, never by CI:
//   node scripts/cpu-hogs.mjs [N]      # in one terminal
//   npm test                           # in another
// Stops its own children (by their pid) on Ctrl+C, SIGTERM or exit.
import { spawn } from 'node:child_process';

const count = Number(process.argv[2] ?? 4);
if (!Number.isInteger(count) || count < 1 || count > 64) {
  console.error('usage: node scripts/cpu-hogs.mjs [number of processes, 1–64]');
  process.exit(2);
}

const hogs = Array.from({ length: count }, () =>
  spawn(process.execPath, ['-e', 'let x = 0; for (;;) x = (x * 31 + 7) % 1000003;'], { stdio: 'ignore' }),
);
console.log(`cpu-hogs: ${count} processes spinning (pids ${hogs.map((h) => h.pid).join(', ')}); Ctrl+C stops them`);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const h of hogs) if (h.exitCode === null && h.signalCode === null) h.kill('SIGKILL');
  console.log('cpu-hogs: stopped');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('exit', () => {
  for (const h of hogs) if (h.exitCode === null && h.signalCode === null) h.kill('SIGKILL');
});
for (const h of hogs)
  h.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`cpu-hogs: a hog (pid ${h.pid}) ended (${signal ?? code}); stopping the rest`);
      stop(1);
    }
  });

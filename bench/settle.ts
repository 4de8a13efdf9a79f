/**
 * Waiting for the machine to go quiet before timing anything: a five-year profile just loaded
 * (or opened after a run that wrote to it) keeps Chromium's LevelDB compacting for minutes, one
 * thread at 100 % (s41: the full profile's reads, timed minutes after its load, ran at up to 3×
 * those of a settled run). Reads the whole machine's CPU time (/proc/stat) each second until it
 * has been under `quietShare` of all cores for `quietS` seconds in a row, or `maxS` have passed;
 * the bench runs alone on the machine, so what is busy then is the profile's store.
 */
import { readFileSync } from 'node:fs';

type Ticks = { busy: number; total: number };

function cpuTicks(): Ticks | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const [, ...fields] = line.trim().split(/\s+/);
    const n = fields.map(Number);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    // idle and iowait are not busy
    return { busy: total - (n[3] ?? 0) - (n[4] ?? 0), total };
  } catch {
    return undefined; // not Linux: no waiting
  }
}

export type Settled = { waitedS: number; quiet: boolean; lastShare: number };

export async function settle({ quietShare = 0.15, quietS = 8, maxS = 1_200 } = {}): Promise<Settled> {
  const start = Date.now();
  let before = cpuTicks();
  if (!before) return { waitedS: 0, quiet: true, lastShare: 0 };
  let quietFor = 0;
  let share = 1;
  while ((Date.now() - start) / 1000 < maxS) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = cpuTicks()!;
    share = (now.busy - before.busy) / Math.max(1, now.total - before.total);
    before = now;
    quietFor = share < quietShare ? quietFor + 1 : 0;
    if (quietFor >= quietS) return { waitedS: (Date.now() - start) / 1000, quiet: true, lastShare: share };
  }
  return { waitedS: (Date.now() - start) / 1000, quiet: false, lastShare: share };
}

export function describeSettled(s: Settled): string {
  return s.quiet
    ? `waited ${s.waitedS.toFixed(0)} s for the machine to go quiet (the profile's store compacting) before timing`
    : `the machine was still busy after ${s.waitedS.toFixed(0)} s (last second ${(s.lastShare * 100).toFixed(0)} % of all cores): timed anyway`;
}

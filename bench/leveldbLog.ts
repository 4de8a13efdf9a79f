/**
 * What Chromium's IndexedDB store (LevelDB) did while a session had the profile open, read
 * from its own LOG file: the bytes flushed from memory, the bytes compaction rewrote and how
 * long its one background thread was busy. A bulk load of the five-year desk is bound by that
 * thread (see README "Benchmarks"), so the load's phases mean little without these figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type LevelDbActivity = {
  /** Seconds from the first to the last line of the log. */
  windowS: number;
  /** Seconds the background thread spent compacting. */
  compactingS: number;
  flushedMB: number;
  compactedMB: number;
};

const TIME = /^(\d{4})\/(\d\d)\/(\d\d)-(\d\d):(\d\d):(\d\d\.\d+) /;

function secondsOf(line: string): number | undefined {
  const m = TIME.exec(line);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!) / 1000 + s!;
}

/** The activity logged in `text` (a LevelDB LOG file). */
export function levelDbActivity(text: string): LevelDbActivity {
  let first: number | undefined;
  let last = 0;
  let started: number | undefined;
  const out = { windowS: 0, compactingS: 0, flushedMB: 0, compactedMB: 0 };
  for (const line of text.split('\n')) {
    const t = secondsOf(line);
    if (t === undefined) continue;
    first ??= t;
    last = t;
    const flushed = /Level-0 table #\d+: (\d+) bytes OK/.exec(line);
    if (flushed) out.flushedMB += Number(flushed[1]) / 1e6;
    if (line.includes(' Compacting ')) started = t;
    const compacted = /Compacted .* => (\d+) bytes/.exec(line);
    if (compacted) {
      out.compactedMB += Number(compacted[1]) / 1e6;
      if (started !== undefined) out.compactingS += t - started;
      started = undefined;
    }
  }
  out.windowS = first === undefined ? 0 : last - first;
  return out;
}

/** The activity of the last session of the profile's IndexedDB (undefined when it has none). */
export function lastSessionActivity(profileDir: string): LevelDbActivity | undefined {
  const root = join(profileDir, 'Default', 'IndexedDB');
  try {
    const store = readdirSync(root).find((name) => name.endsWith('.leveldb'));
    return store ? levelDbActivity(readFileSync(join(root, store, 'LOG'), 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

export function describeActivity(a: LevelDbActivity): string {
  const times = a.flushedMB > 0 ? (a.compactedMB / a.flushedMB).toFixed(1) : '–';
  return (
    `IndexedDB's LevelDB in that session: ${a.flushedMB.toFixed(0)} MB written, ${a.compactedMB.toFixed(0)} MB ` +
    `rewritten by compaction (×${times}); its compaction thread busy ${a.compactingS.toFixed(1)} s of ${a.windowS.toFixed(1)} s`
  );
}

/**
 * A page's CPU profile (Chrome DevTools Protocol), summed for reading where a long flow's time
 * goes: the main thread's self time by script file and by function, and its idle share (waiting
 * for IndexedDB or the network). Diagnostic only (the join's spec and bench print it when asked);
 * names are readable in a build made with `--minify false`.
 */
import type { Page } from '@playwright/test';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Starts the page's profiler (1 ms samples); `stop()` gives the summary as text. */
export async function startCpuProfile(page: Page, top = 30): Promise<{ stop(): Promise<string> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      await cdp.detach();
      return summary(profile, top);
    },
  };
}

function summary(profile: Profile, top: number): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const f = byNode.get(id);
    if (!f) return;
    total += ms;
    const file = f.url.split('/').at(-1) || f.functionName;
    const fn = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `  ${(ms / 1000).toFixed(1)} s ${k}`);
  return [
    `CPU profile of the page: ${(total / 1000).toFixed(1)} s sampled`,
    'by file:',
    ...list(byFile, 12),
    'by function:',
    ...list(byFunction, top),
  ].join('\n');
}

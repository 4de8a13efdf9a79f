// @vitest-environment jsdom
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the renderer's build-time constant (declared for the web config)
/// <reference path="../../../renderer/src/vite-env.d.ts" />
/**
 * The wipe-detection record follows every commit at once (issue 22 item 15): no timer a kill
 * could lose; one recording at a time, commits meanwhile covered by exactly one more right after;
 * a failed recording does not stop the next.
 */
import { describe, expect, it } from 'vitest';
import { integrityFollower } from '../../../renderer/src/app/backup';

function gate() {
  let open = (): void => undefined;
  const opened = new Promise<void>((ok) => (open = ok));
  return { opened, open };
}

describe('integrityFollower', () => {
  it('starts recording in the same turn as the commit (no debounce)', () => {
    let calls = 0;
    const f = integrityFollower(async () => {
      calls += 1;
    });
    f.committed();
    expect(calls).toBe(1);
  });

  it('covers commits made during a recording with one more recording, then rests', async () => {
    const gates = [gate(), gate(), gate()];
    let calls = 0;
    const f = integrityFollower(() => gates[calls++]!.opened);
    f.committed();
    f.committed();
    f.committed();
    expect(calls).toBe(1);
    gates[0]!.open();
    await new Promise((ok) => setTimeout(ok, 0)); // the first recording's continuation has run
    expect(calls).toBe(2);
    gates[1]!.open();
    await f.idle();
    expect(calls).toBe(2);
    f.committed();
    expect(calls).toBe(3);
    gates[2]!.open();
    await f.idle();
  });

  it('goes on after a recording that failed', async () => {
    let calls = 0;
    const f = integrityFollower(async () => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
    });
    f.committed();
    await f.idle();
    f.committed();
    await f.idle();
    expect(calls).toBe(2);
  });
});

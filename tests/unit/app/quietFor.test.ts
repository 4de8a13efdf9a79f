/**
 * app/quietFor.ts: the report warm-up waits until the desk is quiet — no committed write and no
 * key, pointer or wheel input for the whole wait — because a year's read holds the records for
 * seconds and a save would wait for it. Signing out (the signal) ends the wait at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quietFor } from '../../../renderer/src/app/quietFor';
import { notifyCommitted } from '../../../renderer/src/db/committed';

describe('quietFor', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const watch = (p: Promise<void>) => {
    const state = { over: false };
    void p.then(() => (state.over = true));
    return state;
  };

  it('waits the whole span after the last write or input', async () => {
    const page = new EventTarget();
    const wait = watch(quietFor(1_000, undefined, page));
    await vi.advanceTimersByTimeAsync(900);
    notifyCommitted(); // a save: the span starts again
    await vi.advanceTimersByTimeAsync(900);
    page.dispatchEvent(new Event('keydown')); // typing: again
    await vi.advanceTimersByTimeAsync(900);
    page.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(999);
    expect(wait.over).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(wait.over).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    // Over: it no longer listens (a later write or key starts nothing).
    notifyCommitted();
    page.dispatchEvent(new Event('wheel'));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends at once when the signal aborts, or was aborted before', async () => {
    const gone = new AbortController();
    const wait = watch(quietFor(1_000, gone.signal, new EventTarget()));
    await vi.advanceTimersByTimeAsync(500);
    gone.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.over).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    const before = watch(quietFor(1_000, gone.signal, new EventTarget()));
    await vi.advanceTimersByTimeAsync(0);
    expect(before.over).toBe(true);
  });
});

/**
 * app/backgroundChecks.ts: the checks of the kept counts, the kept last 走访 and the slim rows run
 * one after another, each only once the desk is quiet (a check holds a read transaction over the
 * counted tables, and a save meanwhile would wait for it); a failing check is logged by name only
 * and the next still runs; signing out ends the run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBackgroundChecks } from '../../../renderer/src/app/backgroundChecks';
import type { Desk } from '../../../renderer/src/db/desk';

const desk = { actor: { id: 's1', role: '站长/管理员' } } as unknown as Desk;

describe('runBackgroundChecks', () => {
  afterEach(() => void vi.restoreAllMocks());

  const checks = (seen: string[], failing = '') =>
    ['计数', '走访', '精简'].map((name) => ({
      failure: `${name}检查失败`,
      load: async () => async (d: Desk) => {
        expect(d).toBe(desk);
        seen.push(name);
        if (name === failing) throw new Error('居民 王秀英 110101199001011234');
      },
    }));

  it('runs each check after a quiet span, in order', async () => {
    const seen: string[] = [];
    await runBackgroundChecks(desk, { quiet: async () => void seen.push('quiet'), checks: checks(seen) });
    expect(seen).toEqual(['quiet', '计数', 'quiet', '走访', 'quiet', '精简']);
  });

  it('logs a failing check by its name only, and the next still runs', async () => {
    const seen: string[] = [];
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await runBackgroundChecks(desk, { quiet: async () => {}, checks: checks(seen, '走访') });
    expect(seen).toEqual(['计数', '走访', '精简']);
    expect(log.mock.calls).toEqual([['走访检查失败', 'Error']]);
  });

  it('signed out while waiting: no further check runs', async () => {
    const seen: string[] = [];
    const gone = new AbortController();
    let waits = 0;
    const quiet = async () => {
      if (++waits === 2) gone.abort();
    };
    await runBackgroundChecks(desk, { quiet, signal: gone.signal, checks: checks(seen) });
    expect(seen).toEqual(['计数']);
  });
});

/**
 * Issue 25 item 22: the start command printed the app's address ~10 s before the server answered.
 * scripts/serve-web.mjs asks the address until a real HTTP server answers, and only then prints it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readyLine, waitUntilAnswers } from '../../../scripts/serve-web.mjs';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A free port: listened on, then closed. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function listen(port: number, requests: string[]): Promise<void> {
  const s = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('ok');
  });
  servers.push(s);
  return new Promise((r) => s.listen(port, '127.0.0.1', r));
}

describe('waitUntilAnswers', () => {
  it('keeps asking while nothing listens, and resolves only once the server has answered', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const requests: string[] = [];
    const events: string[] = [];
    let started: Promise<void> | undefined;
    const ready = waitUntilAnswers(url, {
      intervalMs: 20,
      onAttempt: (n) => {
        events.push(`refused ${n}`);
        // The server comes up only after two refused attempts (as vite preview does after the build).
        if (n === 2) started = listen(port, requests).then(() => void events.push('listening'));
      },
    }).then((answered) => {
      events.push(`answered ${answered}`);
      return answered;
    });
    expect(await ready).toBe(true);
    await started;
    expect(events.slice(0, 2)).toEqual(['refused 1', 'refused 2']);
    expect(events.at(-1)).toBe('answered true');
    expect(events.indexOf('listening')).toBeLessThan(events.indexOf('answered true'));
    expect(requests).toEqual(['/']);
  });

  it('gives up (false, nothing to print) when the server ends first', async () => {
    const port = await freePort();
    let attempts = 0;
    const answered = await waitUntilAnswers(`http://127.0.0.1:${port}/`, {
      intervalMs: 10,
      stopped: () => attempts >= 3,
      onAttempt: () => attempts++,
    });
    expect(answered).toBe(false);
    expect(attempts).toBe(3);
  });

  it('the line printed then names the address', () => {
    expect(readyLine('http://127.0.0.1:5173/')).toContain('请在浏览器中打开：http://127.0.0.1:5173/');
  });
});

/**
 * `npm run web`'s server (scripts/launch.sh uses it where Electron's binary is missing): starts
 * `vite preview` on PORT over the built dist/web and prints the address to open only once the
 * server answers it (issue 25 item 22: it used to be printed ~10 s before, while still building).
 * Stops with the server's exit code if the server ends first (e.g. the port is taken).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Asks `url` until it answers with any HTTP status; true then. False if `stopped()` turns true or
 * `timeoutMs` passes first. `onAttempt(n, error)` hears each refused attempt.
 */
export async function waitUntilAnswers(
  url,
  { intervalMs = 200, timeoutMs = 120_000, stopped = () => false, onAttempt } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (let n = 1; !stopped() && Date.now() < deadline; n++) {
    try {
      const res = await fetch(url);
      await res.body?.cancel();
      return true;
    } catch (e) {
      onAttempt?.(n, e);
    }
    await sleep(intervalMs);
  }
  return false;
}

/** The line printed once the app answers at `url`. */
export function readyLine(url) {
  return `值班台已启动，请在浏览器中打开：${url}  (ready: open ${url})`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT ?? '5173';
  const url = `http://127.0.0.1:${port}/`;
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const server = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--strictPort', '--port', port], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  server.on('exit', (code) => {
    exited = true;
    process.exitCode = code ?? 1;
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
  if (await waitUntilAnswers(url, { stopped: () => exited })) console.log(readyLine(url));
  else if (!exited) {
    console.error(`服务器未能在 2 分钟内响应 ${url}，已停止。`);
    server.kill('SIGTERM');
  }
}

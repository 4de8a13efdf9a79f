// Test doubles for Electron objects used by several electron/main tests (no 'electron' import).
import type { FrameLike, InvokeEventLike, IpcMainLike } from '../../../electron/main/ipc/registry';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** Behaves like ipcMain + ipcRenderer.invoke: routes by channel, rejects unknown channels. */
export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike & {
    invoke(event: InvokeEventLike, channel: string, ...args: unknown[]): Promise<unknown>;
    channels(): string[];
  } = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
    async invoke(event, channel, ...args) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...args);
    },
    channels: () => [...handlers.keys()],
  };
  return ipcMain;
}

/** An invoke event from a page's main frame at `url`. */
export function mainFrameEvent(url = 'app://duty-desk/index.html'): InvokeEventLike {
  const mainFrame: FrameLike = { url, parent: null };
  return { sender: { mainFrame }, senderFrame: mainFrame };
}

/** An invoke event from an iframe inside a page served from `parentUrl`. */
export function subFrameEvent(
  url = 'app://duty-desk/frame.html',
  parentUrl = 'app://duty-desk/index.html',
): InvokeEventLike {
  const mainFrame: FrameLike = { url: parentUrl, parent: null };
  return { sender: { mainFrame }, senderFrame: { url, parent: mainFrame } };
}

/**
 * The ONE wrapper through which every IPC handler is registered (VS Code's validated ipcMain,
 * reduced to what we need).
 *
 * Invariants, checked on every call before a handler runs:
 * - the channel is in the contract (registering any other name throws at start-up);
 * - the sender is the main frame of its page (no sub-frames, no destroyed frames);
 * - the sender's origin is the app origin (or an explicitly allowed dev-server origin);
 * - there is at most one argument and it parses with `requestSchemas[channel]`; the handler
 *   receives the parsed value, never the raw one.
 * Rejections throw `Error('<code>')` and log one line with channel and code — never the
 * arguments, never the error message of an unexpected failure (it may contain a path or data).
 */
import { requestSchemas, type Channel, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { DeskError } from '../errors';
import { originOf } from '../security';

/** The parts of Electron's WebFrameMain the checks read. */
export type FrameLike = { readonly url: string; readonly parent: FrameLike | null };

/** The parts of Electron's IpcMainInvokeEvent the checks read. */
export type InvokeEventLike = {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly mainFrame: FrameLike };
};

/** The parts of Electron's ipcMain the registry uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
};

export type HandlerContext = { senderOrigin: string };

export type Handler<C extends Channel> = (
  request: RequestOf<C>,
  context: HandlerContext,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type IpcRegistry = {
  handle<C extends Channel>(channel: C, handler: Handler<C>): void;
  /** Channels registered so far (for the start-up completeness check and tests). */
  registered(): readonly Channel[];
  /** Remove every handler this registry added. */
  dispose(): void;
};

export type IpcRegistryDeps = {
  ipcMain: IpcMainLike;
  appOrigin: string;
  /** Extra origins allowed to call (the electron-vite dev server in development only). */
  allowedOrigins?: readonly string[];
  log: (line: string) => void;
};

export const IPC_ERRORS = {
  unknownChannel: 'ipc-unknown-channel',
  untrustedFrame: 'ipc-untrusted-frame',
  untrustedOrigin: 'ipc-untrusted-origin',
  invalidArguments: 'ipc-invalid-arguments',
  handlerFailed: 'ipc-handler-failed',
} as const;

export function isContractChannel(channel: string): channel is Channel {
  return Object.hasOwn(requestSchemas, channel);
}

/** Error code safe to return/log for a failure inside a handler. */
function safeCode(error: unknown): string {
  if (error instanceof DeskError) return error.code;
  const errno = (error as { code?: unknown } | null)?.code;
  // Node fs errors carry codes like ENOSPC / EACCES: useful to the user, free of personal data.
  if (typeof errno === 'string' && /^E[A-Z]{2,15}$/.test(errno)) return `${IPC_ERRORS.handlerFailed}:${errno}`;
  return IPC_ERRORS.handlerFailed;
}

export function createIpcRegistry(deps: IpcRegistryDeps): IpcRegistry {
  const origins = [deps.appOrigin, ...(deps.allowedOrigins ?? [])].map((o) => o.toLowerCase());
  const channels = new Set<Channel>();

  const reject = (channel: string, code: string): never => {
    deps.log(`ipc rejected channel=${channel} reason=${code}`);
    throw new Error(code);
  };

  /** Returns the sender's origin, or throws. */
  const checkSender = (channel: string, event: InvokeEventLike): string => {
    let frame: FrameLike | null;
    let mainFrame: FrameLike | null;
    try {
      frame = event.senderFrame;
      mainFrame = event.sender.mainFrame;
    } catch {
      // Accessing a destroyed WebContents throws; such a sender is not trusted.
      return reject(channel, IPC_ERRORS.untrustedFrame);
    }
    if (frame === null || frame.parent !== null || frame !== mainFrame) {
      return reject(channel, IPC_ERRORS.untrustedFrame);
    }
    const origin = originOf(frame.url);
    if (origin === null || !origins.includes(origin)) return reject(channel, IPC_ERRORS.untrustedOrigin);
    return origin;
  };

  return {
    handle(channel, handler) {
      if (typeof channel !== 'string' || !isContractChannel(channel)) {
        throw new Error(`${IPC_ERRORS.unknownChannel}: ${String(channel)}`);
      }
      if (channels.has(channel)) throw new Error(`ipc-duplicate-handler: ${channel}`);
      channels.add(channel);
      const schema = requestSchemas[channel];

      deps.ipcMain.handle(channel, async (event, ...args) => {
        // Unreachable through Electron (it routes by registered name) but cheap, and keeps the
        // invariant local to this function.
        if (!isContractChannel(channel)) return reject(channel, IPC_ERRORS.unknownChannel);
        const senderOrigin = checkSender(channel, event);
        if (args.length > 1) return reject(channel, IPC_ERRORS.invalidArguments);
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) return reject(channel, IPC_ERRORS.invalidArguments);
        try {
          return await handler(parsed.data as RequestOf<typeof channel>, { senderOrigin });
        } catch (error) {
          const code = safeCode(error);
          deps.log(`ipc failed channel=${channel} reason=${code}`);
          throw new Error(code);
        }
      });
    },
    registered: () => [...channels],
    dispose() {
      for (const channel of channels) deps.ipcMain.removeHandler(channel);
      channels.clear();
    },
  };
}

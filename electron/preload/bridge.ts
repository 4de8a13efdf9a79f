/**
 * Builds `window.desk` from the contract's `bridgeMethods`: one purpose-built function per
 * channel, each forwarding at most one argument to `invoke`. The renderer never gets
 * `ipcRenderer`, an `invoke(channel)` escape hatch, or any channel not in the contract.
 */
import { bridgeMethods } from '../../shared/ipc/contract';
import type { Channel, DeskBridge } from '../../shared/ipc/contract';

export type Invoke = (channel: Channel, ...args: unknown[]) => Promise<unknown>;

export function buildBridge(invoke: Invoke): DeskBridge {
  const bridge: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(bridgeMethods) as [string, Channel][]) {
    // Forward exactly one argument, or none: extra arguments are dropped here rather than
    // rejected later, and `undefined` is not sent for argument-less channels.
    bridge[method] = (request?: unknown) => (request === undefined ? invoke(channel) : invoke(channel, request));
  }
  return Object.freeze(bridge) as unknown as DeskBridge;
}

/**
 * Registers the handler of every contract channel through the one registry: the handler is
 * the method the contract names on the service it names (shared/ipc/contract.ts), so there is
 * no per-channel wiring to forget. At start-up it checks the contract is fully served: a
 * channel without its service method would otherwise only show up as a runtime "No handler
 * registered" error at the desk.
 */
import { CHANNELS, CONTRACT, type MainServices } from '../../../shared/ipc/contract';
import type { Handler, IpcRegistry } from './registry';

export type { MainServices } from '../../../shared/ipc/contract';

export function registerAllHandlers(registry: IpcRegistry, services: MainServices): void {
  const missing: string[] = [];
  for (const channel of CHANNELS) {
    const { service, method } = CONTRACT[channel];
    const target = services[service] as Record<string, unknown> | undefined;
    const fn = target?.[method];
    if (typeof fn !== 'function') {
      missing.push(channel);
      continue;
    }
    registry.handle(channel, ((request: unknown) => fn.call(target, request)) as Handler<typeof channel>);
  }
  if (missing.length > 0) throw new Error(`ipc-missing-handlers: ${missing.join(', ')}`);
}

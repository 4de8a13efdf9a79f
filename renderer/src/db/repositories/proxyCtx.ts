/** The context the proxy rules read inside a write: who, when, this center's settings and calendar. */
import { proxySettings, type ProxyCtx } from '@shared/domain/proxy';
import type { Desk } from '../desk';
import type { WriteTx } from '../write';

export function proxyCtx(
  desk: Desk,
  tx: Pick<WriteTx<never>, 'now' | 'today'>,
  originalsOut: readonly string[],
): ProxyCtx {
  return {
    actorId: desk.actor.id,
    now: tx.now,
    today: tx.today,
    settings: proxySettings(desk.community),
    calendar: desk.calendar,
    originalsOut,
  };
}

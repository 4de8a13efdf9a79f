/**
 * The claim of a desk number on the hub (issue 24): the document `desk:<n>`, created once by the
 * installation that joined as desk n (the hub's validation refuses any change of it by a desk; only
 * a hub admin frees a number). Its `record.installId` says whose it is.
 *
 * Asked at the join (join.ts: taken by another installation → the join is refused) and again at
 * every start of a joined desk's sync (engine.ts): a number freed by the hub admin and taken by
 * another PC, or this PC's number changed under it, must stop the exchange — two desks writing
 * under one number would issue the same 受理编号 and mix their audit chains. A claim missing on
 * the hub (freed, or a hub rebuilt) is made again.
 */
import { DEFAULT_DESK_IDENTITY } from '@shared/domain/deskNumber';
import { deskNumberOf, type DeskBase } from '../db/desk';
import { deskClaimId, SYNC_SCHEMA, type SyncDoc } from './contract';
import { newActionId } from './outbox';
import type { LocalPouch } from './pouch';
import { failureStatus } from './replicate';

export type ClaimResult =
  /** The number is this installation's (just claimed, or claimed before). */
  | { kind: 'ours' }
  /** Another installation holds it: its desk name as it claimed it. */
  | { kind: 'taken'; by: string }
  /** The hub did not answer, or refused the request (the failure, for its reason). */
  | { kind: 'unknown'; failure: unknown };

/** Claims this desk's number on the hub, or finds whose it is. Never throws. */
export async function claimDeskNumber(remote: LocalPouch, desk: DeskBase, installId: string): Promise<ClaimResult> {
  const no = deskNumberOf(desk);
  const claim: SyncDoc = {
    _id: deskClaimId(no),
    type: 'desk',
    schema: SYNC_SCHEMA,
    desk: no,
    action: { id: newActionId(), size: 1 },
    record: { no, name: (desk.identity ?? DEFAULT_DESK_IDENTITY).name, installId, claimedAt: desk.clock.now() },
  };
  let refused: unknown;
  try {
    await remote.put(claim);
    return { kind: 'ours' };
  } catch (e) {
    refused = e;
  }
  // Taken (409, or the hub's validation: 403 "already claimed"): whose is it?
  const status = failureStatus(refused);
  if (status !== 409 && status !== 403) return { kind: 'unknown', failure: refused };
  let held: SyncDoc;
  try {
    held = await remote.get<SyncDoc>(claim._id);
  } catch (e) {
    return { kind: 'unknown', failure: e };
  }
  if (held.record?.installId === installId) return { kind: 'ours' };
  return { kind: 'taken', by: typeof held.record?.name === 'string' ? held.record.name : '另一台电脑' };
}

/** Why a joined desk stopped syncing at start: its number is held by another PC, and what to do. */
export function claimTakenReason(no: number, by: string): string {
  return (
    `本机窗口号 ${no} 已被另一台电脑（「${by}」）占用，本机已停止同步（本机数据都在，可照常办理）。` +
    '如本机是复制或恢复来的电脑，请站长先在「设置 → 多窗口同步」退出中心，' +
    '再在「设置 → 本机设置」改用一个未被使用的窗口号后重新加入'
  );
}

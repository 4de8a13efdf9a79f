/**
 * Whether this desk has joined its center's hub (issue 24): `deskMeta.joinedCenter`, written by
 * the sync engine's join (renderer/src/sync/engine.ts) and removed by its leave. The screens and
 * the app's sync runner read it here (live, through useLiveQuery).
 */
import type { DeskBase } from '../desk';

/** Since when this desk is joined (epoch ms), or null when it is alone. */
export async function joinedCenterSince(desk: DeskBase): Promise<number | null> {
  const row = await desk.db.deskMeta.get('joinedCenter');
  return row?.key === 'joinedCenter' ? row.value.at : null;
}

/**
 * The sync API the screens are handed (features/sync/syncApi.ts `SyncApi`), built from the engine
 * (engine.ts), the inbound side (inbound.ts, caseConflicts.ts, recordConflicts.ts, rejected.ts)
 * and where the platform keeps the hub config. The app's entry `import()`s this module, so
 * PouchDB and the engine never weigh on the first screen; PouchDB itself loads on first start.
 */
import { inClockOrder } from '@shared/domain/events/patch';
import { UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import { platform } from '../platform';
import type { CaseConflictItem, SyncApi } from '../features/sync/syncApi';
import type { Desk } from '../db/desk';
import { acknowledgeCaseConflict, listCaseConflicts } from './caseConflicts';
import { joinCenter, leaveCenter, startSync } from './engine';
import { startInbound, startReceiving } from './inbound';
import { loadBrowserPouch } from './pouch';
import { listRecordConflicts, resolveRecordConflict } from './recordConflicts';
import { listRejected, recordRejected } from './rejected';

/** The 同步冲突 entries as the screen shows them: every event of the case in order, refused ones with the reason. */
async function caseConflictItems(desk: Desk): Promise<CaseConflictItem[]> {
  const entries = await listCaseConflicts(desk);
  const staff = new Map((await desk.db.staff.toArray()).map((s) => [s.id, s.name]));
  const out: CaseConflictItem[] = [];
  for (const { case: c, conflicts } of entries) {
    const refused = new Map(conflicts.map((k) => [k.eventId, k.reason]));
    const events = inClockOrder(await desk.db.caseEvents.where('caseId').equals(c.id).toArray());
    out.push({
      caseId: c.id,
      trackingNumber: c.trackingNumber,
      status: c.status,
      events: events
        .filter((e) => e.action !== UPGRADE_OPENING)
        .map((e) => ({
          desk: e.desk ?? 1,
          at: e.at,
          action: e.action,
          actor: staff.get(e.by) ?? '其他窗口的工作人员',
          ...(refused.has(e.id) ? { refused: refused.get(e.id) } : {}),
        })),
    });
  }
  return out;
}

export const syncApi: SyncApi = {
  loadHubConfig: () => platform.loadHubConfig(),
  saveHubConfig: (config) => platform.saveHubConfig(config),
  startSync: async (desk, config) =>
    startSync(desk, config, {
      PouchDB: await loadBrowserPouch(),
      inbound: startInbound,
      onRejected: (doc) => void recordRejected(desk, doc),
    }),
  joinCenter: async (desk, config, onProgress) => {
    await joinCenter(desk, config, { PouchDB: await loadBrowserPouch(), receive: startReceiving }, onProgress);
  },
  leaveCenter,
  listRejected: (desk) => listRejected(desk as Desk),
  listRecordConflicts: (desk) => listRecordConflicts(desk as Desk),
  resolveRecordConflict,
  listCaseConflicts: (desk) => caseConflictItems(desk as Desk),
  acknowledgeCaseConflict: async (desk, caseId, note) => {
    await acknowledgeCaseConflict(desk, caseId, note);
  },
};

/**
 * The sync API the screens are handed (features/sync/syncApi.ts `SyncApi`), built from the engine
 * (engine.ts), the inbound side (inbound.ts, conflictItems.ts and the acknowledgements, recordConflicts.ts, rejected.ts)
 * and where the platform keeps the hub config. The app's entry `import()`s this module, so
 * PouchDB and the engine never weigh on the first screen; PouchDB itself loads on first start.
 */
import { platform } from '../platform';
import type { SyncApi, SyncConflictKind } from '../features/sync/syncApi';
import type { Desk } from '../db/desk';
import { changeHubAccount } from './account';
import { acknowledgeCaseConflict } from './caseConflicts';
import { syncConflictItems } from './conflictItems';
import { joinCenter, leaveCenter, startSync } from './engine';
import { refreshSyncCounts, startInbound, startReceiving } from './inbound';
import { acknowledgeCustodyConflict, acknowledgeProxyConflict } from './proxyCustodyConflicts';
import { loadBrowserPouch } from './pouch';
import { listRecordConflicts, resolveRecordConflict } from './recordConflicts';
import { listRejected, recordRejected } from './rejected';

/** The acknowledgement (确认同步冲突) of each kind of record. */
const ACKNOWLEDGE: Record<SyncConflictKind, (desk: Desk, id: string, note: string) => Promise<unknown>> = {
  case: acknowledgeCaseConflict,
  proxy: acknowledgeProxyConflict,
  custody: acknowledgeCustodyConflict,
};

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
  changeHubAccount: async (desk, config) => changeHubAccount(desk, config, { PouchDB: await loadBrowserPouch() }),
  listRejected: (desk) => listRejected(desk as Desk),
  listRecordConflicts: (desk) => listRecordConflicts(desk as Desk),
  resolveRecordConflict,
  listSyncConflicts: (desk) => syncConflictItems(desk as Desk),
  acknowledgeSyncConflict: async (desk, item, note) => {
    await ACKNOWLEDGE[item.kind](desk, item.id, note);
    await refreshSyncCounts(desk); // the 工作台's count drops at once (this desk's own write)
  },
};

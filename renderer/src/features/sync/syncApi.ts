/**
 * What the sync screens call, handed in from outside (issue 24): the engine (renderer/src/sync/
 * engine.ts: startSync, joinCenter, leaveCenter), the inbound side (inbound/recordConflicts/
 * caseConflicts/rejected: the lists and resolutions) and where the hub's address and credentials
 * are kept (the hub part's loadHubConfig / saveHubConfig). The app's entry (main.tsx) passes a
 * loader that `import()`s them — PouchDB and the engine stay out of the first screen's JavaScript
 * — with the engine's own dependencies (the PouchDB constructor, startInbound) already bound.
 * Without it (a build without sync) the screens say so and the desk works alone.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { Desk, DeskBase } from '../../db/desk';
import type { HubConfig, RecordConflict, RejectedDoc } from '../../sync/contract';

/** What a 同步冲突 is on: a case, a proxy request (帮代办) or a document in custody (材料保管). */
export type SyncConflictKind = 'case' | 'proxy' | 'custody';

/** One record whose merged history refused actions (同步冲突): what the screen shows. */
export type SyncConflictItem = {
  kind: SyncConflictKind;
  /** The record's id (the acknowledgement names it). */
  id: string;
  /** The record as people name it: 办件 <tracking number>, 帮代办（办件 …）, 材料 户口簿（原件）（办件 …）. */
  title: string;
  /** The case to open (absent: a request not accepted yet). */
  caseId?: string;
  /** What the record is now (the fold of every desk's events). */
  status: string;
  /** The actions that took effect and the ones the rules refused after merging, in order. */
  events: {
    desk: number;
    at: number;
    /** The action as people name it (转办, 办结 …) and who did it (a staff name, never a resident's). */
    action: string;
    actor: string;
    /** Why the rules refused it after merging (their own Chinese reason); absent = took effect. */
    refused?: string;
  }[];
};

export type JoinProgress = { stage?: JoinStage; done: number; total: number };

/** The join's stages, in order: the center pulled, this desk's records uploaded and pushed, the center stored here. */
export type JoinStage = 'pull' | 'upload' | 'push' | 'apply';

export type SyncHandle = { stop: () => Promise<void> | void };

export type SyncApi = {
  loadHubConfig: () => Promise<HubConfig | null>;
  saveHubConfig: (config: HubConfig | null) => Promise<void>;
  startSync: (desk: DeskBase, config: HubConfig) => Promise<SyncHandle>;
  joinCenter: (desk: Desk, config: HubConfig, onProgress?: (p: JoinProgress) => void) => Promise<void>;
  leaveCenter: (desk: Desk) => Promise<void>;
  /** A joined desk's new hub account or password: tried on the hub, audited; returns the config to keep. */
  changeHubAccount: (desk: Desk, config: HubConfig) => Promise<HubConfig>;
  listRejected: (desk: DeskBase) => Promise<RejectedDoc[]>;
  listRecordConflicts: (desk: DeskBase) => Promise<RecordConflict[]>;
  resolveRecordConflict: (desk: Desk, id: string, record: Record<string, unknown>) => Promise<void>;
  listSyncConflicts: (desk: DeskBase) => Promise<SyncConflictItem[]>;
  acknowledgeSyncConflict: (desk: Desk, item: Pick<SyncConflictItem, 'kind' | 'id'>, note: string) => Promise<void>;
};

export type LoadSyncApi = () => Promise<SyncApi>;

export const SyncApiLoaderContext = createContext<LoadSyncApi | null>(null);

/** The sync API once loaded; null while loading or in a build without sync ('absent'). */
export function useSyncApi(): SyncApi | null | 'absent' {
  const load = useContext(SyncApiLoaderContext);
  const [api, setApi] = useState<SyncApi | null>(null);
  useEffect(() => {
    if (!load) return;
    let live = true;
    void load().then((a) => live && setApi(a));
    return () => {
      live = false;
    };
  }, [load]);
  return load ? api : 'absent';
}

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

/** One case whose merged history refused actions (同步冲突): what the screen shows. */
export type CaseConflictItem = {
  caseId: string;
  trackingNumber: string;
  /** What the case is now (the fold of every desk's events). */
  status: string;
  /** The actions that took effect and the ones the rules refused after merging, in order. */
  events: {
    desk: number;
    at: number;
    /** The action as people name it (转办, 办结 …) and who did it (a staff name, never a resident's). */
    action: string;
    actor: string;
    /** Why the case machine refused it after merging (its own Chinese reason); absent = took effect. */
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
  listRejected: (desk: DeskBase) => Promise<RejectedDoc[]>;
  listRecordConflicts: (desk: DeskBase) => Promise<RecordConflict[]>;
  resolveRecordConflict: (desk: Desk, id: string, record: Record<string, unknown>) => Promise<void>;
  listCaseConflicts: (desk: DeskBase) => Promise<CaseConflictItem[]>;
  acknowledgeCaseConflict: (desk: Desk, caseId: string, note: string) => Promise<void>;
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

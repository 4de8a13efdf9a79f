/**
 * The messages between the page (client.ts) and the desk's worker (deskWorker.ts). Types only.
 */
import type { DeskIdentity } from '@shared/domain/deskNumber';
import type { Actor } from '../db/desk';
import type { JobKind } from './jobs';

/** What the worker needs to build the page's desk over its own connection (workerDesk.ts). */
export type DeskSpec = {
  dbName: string;
  /** The page's clock, read when the job was asked for (epoch ms) and its local date. */
  now: number;
  today: string;
  actor: Actor;
  identity?: DeskIdentity;
};

export type JobRequest =
  | { id: number; kind: JobKind; desk: DeskSpec; input: unknown; live: boolean }
  /** Ends a live job. */
  | { id: number; stop: true };

/** A result (a live job sends one each time what it read changes), or why it failed. */
export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

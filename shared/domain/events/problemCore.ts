/**
 * What the events of a problem decide (problemEvents.ts), kept apart from the rules so the v18
 * upgrade — part of the database module on the first screen — imports no more than this.
 */
import type { Problem } from '../records';
import { withoutFields } from './patch';

/** Stamps and the derived index fields `residentIds` and `poolKeys`: not decided by an event. */
export const PROBLEM_NOT_DECIDED = [
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'residentIds',
  'poolKeys',
] as const;

/** What the events of a problem decide: the problem without its stamps and derived index fields. */
export const problemCoreOf = (p: Problem): Record<string, unknown> => withoutFields(p, PROBLEM_NOT_DECIDED);

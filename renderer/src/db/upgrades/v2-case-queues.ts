/**
 * v1 → v2: fills the derived queue index fields (`dueDay`, `flags`) of every existing case.
 * Idempotent: recomputing from the record itself gives the same result on a second run.
 */
import { recomputeCaseIndexes } from './recomputeCaseIndexes';

export const upgradeV2CaseQueues = recomputeCaseIndexes;

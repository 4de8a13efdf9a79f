/**
 * v2 → v3: adds the ordering keys of the queues (`queueKeys`, shared/domain/caseQueues.ts), so
 * every queue pages in its order straight from the index. Recomputes every case's derived
 * fields from the record itself: idempotent.
 */
import { recomputeCaseIndexes } from './recomputeCaseIndexes';

export const upgradeV3CaseOrder = recomputeCaseIndexes;

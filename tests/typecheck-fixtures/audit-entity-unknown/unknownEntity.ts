// Audit domains are one typed list (shared/domain/audit.ts AUDIT_ENTITIES): a row about a domain
// not on it does not compile (and so the 操作日志 has a name for every domain it shows).
import type { Desk } from '../../../renderer/src/db/desk';
import { writeTx } from '../../../renderer/src/db/write';

export async function logSomethingElse(desk: Desk): Promise<void> {
  await writeTx(desk, ['visits'], async (tx) => {
    await tx.audit({ action: 'visit.create', entity: 'vistor' });
  });
}

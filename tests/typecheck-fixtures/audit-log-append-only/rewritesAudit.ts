// The audit log is append-only: a write transaction cannot list it as a writable table (only
// `tx.audit` appends), so rewriting or deleting an audit row does not compile.
import type { Desk } from '../../../renderer/src/db/desk';
import { writeTx } from '../../../renderer/src/db/write';

export async function eraseTrail(desk: Desk, seq: number): Promise<void> {
  await writeTx(desk, ['auditLog'], async (tx) => {
    await tx.auditLog.delete(seq);
  });
}

/** The audit chain's db tests' helpers (auditChain.test.ts, auditChainRestore.test.ts). */
import type { IntegrityRecord } from '@shared/ipc/contract';
import { fromTuples, type ChainHead } from '@shared/domain/auditChain';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { writeTx, type AuditInput } from '../../renderer/src/db/write';
import { communityDesk, setUpCommunity } from './testDb';
import { memoryBackupDeps } from './backupDeps';

export const note = (n: number): AuditInput => ({
  action: 'case.note',
  entity: 'case',
  entityId: `c${n}`,
  detail: `备注${n}`,
});

export async function adminDesk(db: DutyDeskDB, no?: number): Promise<Desk> {
  const admin = await setUpCommunity(db);
  const desk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员' });
  return no === undefined ? desk : { ...desk, identity: { no, name: `${no}号窗口` } };
}

export const rowsOf = (db: DutyDeskDB) => db.auditLog.orderBy('seq').toArray();
export const write = (desk: Desk, ...inputs: AuditInput[]) =>
  writeTx(desk, [], async (tx) => {
    for (const i of inputs) await tx.audit(i);
  });
export const bySeq = async (db: DutyDeskDB, desk: number, deskSeq: number) =>
  (await db.auditLog.where('[desk+deskSeq]').equals([desk, deskSeq]).first())!;

/** Backup deps that keep the wipe record (and with it the anchor) in memory. */
export function depsWithRecord() {
  const deps = memoryBackupDeps();
  let record: IntegrityRecord | null = null;
  deps.bridge.readIntegrity = async () => record;
  deps.bridge.writeIntegrity = async (r) => void (record = r);
  return { deps, anchors: (): ChainHead[] => fromTuples(record?.auditHeads) };
}

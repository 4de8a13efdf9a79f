/**
 * Two records of one person (the fixture of the 合并居民档案 tests) and the helpers they share.
 */
import { createCalendar } from '@shared/domain/workingCalendar';
import { hashSecret } from '../../../renderer/src/db/secrets';
import { registerProxyRequest } from '../../../renderer/src/db/repositories/proxy';
import { addProblem } from '../../../renderer/src/db/repositories/problems';
import { DomainRefusal } from '../../../renderer/src/db/refusal';
import type { DutyDeskDB } from '../../../renderer/src/db/database';
import { KEPT_SUMMARIES } from '../../../renderer/src/db/keptSummaries/middleware';
import {
  acceptCommittedCase,
  addSignedStaff,
  counterIds,
  createZhangSan,
  freshDb,
  setUpCommunity,
  T0,
  testDesk,
} from '../testDb';

export const DAY = '2026-11-24';
const calendar = createCalendar();
export const MINUTE = 60_000;
/** The second record's own values (another desk registered 张三 with another phone and a care profile). */
export const OTHER_PHONE = '13900009999';
export const CARE = { contactName: '张小明', contactRelation: '儿子', needs: ['行动不便' as const] };

export async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (e instanceof DomainRefusal) return e.message;
  throw new Error(`expected a DomainRefusal, got ${String(e)}`);
}

/**
 * Every table's rows — but the kept summaries' (a cache: every write changes its write token, so
 * an undo leaves the records as they were and the token new).
 */
export async function everything(db: DutyDeskDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) if (t.name !== KEPT_SUMMARIES) out[t.name] = await t.toArray();
  return out;
}

/**
 * 张三 (res-1) with a 承诺件 at this desk; a second 张三 record (from-desk-2) with the same ID
 * number as another desk would bring it, with a visit and case, a 帮代办 request, a problem and a
 * document in custody of its own. Desks act at `T0 + minutes`.
 */
export async function twoRecordsOfOnePerson() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const clerkRow = await addSignedStaff(testDesk(db, { staffId: admin.id, ...counterIds('s') }), {
    name: '李明',
    role: '值班员',
    grids: [],
    password: await hashSecret('864209', undefined, 1000),
  });
  const ids = counterIds('n');
  const at = (minutes: number, role: '值班员' | '站长/管理员' = '站长/管理员', today = DAY) =>
    testDesk(db, {
      staffId: role === '值班员' ? clerkRow.id : admin.id,
      role,
      now: T0 + minutes * MINUTE,
      today,
      calendar,
      newId: ids.newId,
    });
  const kept = await createZhangSan(db, admin.id, DAY);
  await acceptCommittedCase(at(0), kept.id);
  // The record from another desk: stored as it arrives (the plain index takes the same ID number).
  await db.residents.add({ ...kept, id: 'from-desk-2', phone: OTHER_PHONE, care: CARE });
  const { matter, record } = await acceptCommittedCase(at(1), 'from-desk-2');
  await registerProxyRequest(at(1), { residentId: 'from-desk-2', source: '电话', request: '帮忙办理高龄补贴' });
  await addProblem(at(1), { title: '楼道灯不亮', category: '公共设施', residentId: 'from-desk-2', source: '入户走访' });
  await db.custodyItems.add({
    id: 'doc-1',
    caseId: record.id,
    residentId: 'from-desk-2',
    document: matter.documents[0]!.name,
    original: true,
    count: 1,
    holder: { kind: 'resident' },
    status: '已归还',
    collectedAt: T0,
    events: [],
    createdAt: T0,
    createdBy: admin.id,
    updatedAt: T0,
    updatedBy: admin.id,
  });
  const other = (await db.residents.get('from-desk-2'))!;
  return { db, at, kept: (await db.residents.get(kept.id))!, other };
}

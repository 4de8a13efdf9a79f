/**
 * The permission table enforced in the data layer, called directly (no screen in between): an
 * 审计员 writes nothing but its own sign-in bookkeeping, whatever repository is called; on a case
 * that is not theirs a 值班员 handles it only with a reason (kept in the timeline and the log),
 * while shared desk work (补正材料 at the counter, notes) needs none; the sender of a 转办 can
 * recall it until it is signed for.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { hashSecret } from '../../renderer/src/db/secrets';
import { recordSignOut } from '../../renderer/src/db/repositories/staff';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { addCaseNote, performCaseAction } from '../../renderer/src/db/repositories/cases';
import { createResident, revealResidentField } from '../../renderer/src/db/repositories/residents';
import { recordCustody } from '../../renderer/src/db/repositories/custody';
import { registerProxyRequest } from '../../renderer/src/db/repositories/proxy';
import { addProblem } from '../../renderer/src/db/repositories/problems';
import { planMeeting } from '../../renderer/src/db/repositories/meetings';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import { recordExport } from '../../renderer/src/db/repositories/reportExports';
import {
  acceptCommittedCase,
  addSignedStaff,
  communityDesk,
  counterIds,
  communityWithZhangSan,
  T0,
  WANG_WU,
  fails,
} from './testDb';

const calendar = createCalendar();
const DAY = '2026-11-24';

async function desk() {
  const { db, admin, resident } = await communityWithZhangSan(DAY);
  const ids = counterIds('p');
  const as = (staffId: string, role: '值班员' | '站长/管理员' | '审计员') =>
    communityDesk(db, { staffId, role, now: T0, today: DAY, calendar, ...ids });
  const a = await as(admin.id, '站长/管理员');
  const pin = await hashSecret('864209', undefined, 1000);
  const clerk = await addSignedStaff(a, { name: '李明', role: '值班员', grids: [], password: pin });
  const other = await addSignedStaff(a, { name: '赵芳', role: '值班员', grids: [], password: pin });
  const auditor = await addSignedStaff(a, { name: '孙审', role: '审计员', grids: [], password: pin });
  const { matter, record } = await acceptCommittedCase(a, resident.id);
  return { db, admin, clerk, other, auditor, resident, matter, record, as };
}

describe('an 审计员 reads the log and writes nothing else', () => {
  it('every desk write is refused, even called directly; signing out is still recorded', async () => {
    const { db, auditor, resident, matter, record, as } = await desk();
    const au = await as(auditor.id, '审计员');
    const message = '当前账号（审计员）只能查看操作日志，不能修改数据';
    const before = await db.auditLog.count();
    const attempts: Promise<unknown>[] = [
      registerVisit(au, { channel: '来站', kind: '咨询', content: '问低保', cases: [] }),
      registerVisit(au, {
        residentId: resident.id,
        channel: '来站',
        kind: '办件',
        content: '',
        cases: [{ matter, mode: '承诺件', received: [] }],
      }),
      createResident(au, WANG_WU),
      revealResidentField(au, resident.id, 'idNumber', '核对身份办理业务'),
      performCaseAction(au, record.id, { type: '开始办理' }, { onBehalfReason: '随便看看' }),
      addCaseNote(au, record.id, '备注'),
      recordCustody(au, record.id, { document: '户口簿', original: true, count: 1 }, { type: '收取' }),
      registerProxyRequest(au, { residentId: resident.id, source: '电话', request: '代办高龄津贴' }),
      addProblem(au, { title: '路灯坏了', category: '公共设施', place: '3 栋', source: '入户走访' }),
      planMeeting(au, DAY),
      updateCommunity(au, { street: '岳麓街道' }),
    ];
    for (const attempt of attempts) expect((await fails(attempt))?.message).toBe(message);
    // An export writes only its audit row: refused in its own words.
    const week = { from: '2026-11-16', to: '2026-11-22' };
    expect(
      (await fails(recordExport(au, { format: 'xlsx', period: week, label: '第47周', rows: { 办件台账: 1 } })))
        ?.message,
    ).toBe('只有值班员或站长/管理员可以导出报表');
    expect(await db.auditLog.count()).toBe(before);
    await recordSignOut(au);
    expect(await db.auditLog.count()).toBe(before + 1);
  });
});

describe('acting on a case that is not yours', () => {
  it('a 值班员 handles another’s case only with a reason, kept in the timeline and the log', async () => {
    const { db, clerk, record, matter, as } = await desk();
    const c = await as(clerk.id, '值班员');
    const matterDoc = matter.documents[0]!.name;
    expect(await fails(performCaseAction(c, record.id, { type: '开始办理' }))).toEqual({
      message: '这件不是您经办的办件，请填写代为操作的原因（记入办件过程）',
      field: 'onBehalfReason',
    });
    expect((await db.cases.get(record.id))?.status).toBe('已受理');
    await performCaseAction(
      c,
      record.id,
      { type: '开始办理' },
      { onBehalfReason: '经办人休假，居民来电催办 13812345678' },
    );
    const event = (await db.caseEvents.where('caseId').equals(record.id).toArray()).find(
      (e) => e.action === '开始办理',
    );
    expect(event?.note).toBe('代为操作：经办人休假，居民来电催办 138****5678');
    expect((await db.auditLog.where('action').equals('case.start').last())?.detail).toBe(
      '已受理→办理中；代为操作：经办人休假，居民来电催办 138****5678',
    );
    // Shared desk work needs no reason: a note, documents handed in at the counter.
    await addCaseNote(c, record.id, '居民来电询问进度');
    await performCaseAction(c, record.id, { type: '要求补正', missing: [matterDoc] }, { onBehalfReason: '核对材料' });
    await performCaseAction(c, record.id, { type: '补正材料', received: [matterDoc] });
    expect((await db.cases.get(record.id))?.status).toBe('办理中');
  });

  it('the admin acts freely; the sender of a 转办 recalls it until it is signed for; others cannot', async () => {
    const { db, admin, clerk, other, record, as } = await desk();
    const a = await as(admin.id, '站长/管理员');
    await performCaseAction(a, record.id, { type: '转办', toStaffId: clerk.id, reason: '需网格员上门' });
    const stranger = await fails(
      performCaseAction(await as(other.id, '值班员'), record.id, { type: '退回', reason: '不是我' }),
    );
    expect(stranger?.message).toBe('只有被转办的工作人员、转办人或站长/管理员可以退回');
    await performCaseAction(a, record.id, { type: '退回', reason: '转错人了' });
    const last = (await db.caseEvents.where('caseId').equals(record.id).toArray()).at(-1);
    expect(last?.note).toBe('转办已撤回：转错人了');
    expect((await db.cases.get(record.id))?.status).toBe('已受理');
  });
});

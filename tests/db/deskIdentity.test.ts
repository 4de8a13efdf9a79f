/**
 * The desk identity through the data layer: numbers carry the desk that issued them (two
 * databases, desks 1 and 3, the same day: no number alike), and changing the desk number is an
 * admin's, while the desk is alone, audited.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import type { DeskIdentity } from '@shared/domain/deskNumber';
import { DESK_MESSAGES } from '@shared/domain/deskNumber';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { changeDeskIdentity, deskIsAlone } from '../../renderer/src/db/repositories/deskIdentity';
import { addSignedStaff, counterIds, createZhangSan, freshDb, setUpCommunity, T0, testDesk } from './testDb';
import { hashSecret } from '../../renderer/src/db/secrets';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { parseBackupFileName } from '@shared/backup/format';
import { requestSchemas } from '@shared/ipc/contract';
import { memoryBackupDeps } from './backupDeps';

const calendar = createCalendar();
const DAY = '2026-11-24';

async function deskWith(identity: DeskIdentity) {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const resident = await createZhangSan(db, admin.id, DAY);
  const desk = testDesk(db, {
    staffId: admin.id,
    role: admin.role,
    now: T0,
    today: DAY,
    calendar,
    identity,
    ...counterIds(`d${identity.no}`),
  });
  const matter = (await db.matterTypes.get('DY-001'))!;
  const register = async () =>
    (
      await registerVisit(desk, {
        residentId: resident.id,
        channel: '来站',
        kind: '办件',
        content: '',
        cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
      })
    ).cases[0]!;
  return { db, admin, desk, register };
}

describe('numbers with the desk', () => {
  it('two desks on the same day issue numbers that carry their desk and never meet', async () => {
    const one = await deskWith({ no: 1, name: '一号窗口' });
    const three = await deskWith({ no: 3, name: '后台' });
    const a = [await one.register(), await one.register()];
    const b = [await three.register(), await three.register()];
    expect(a.map((c) => c.trackingNumber)).toEqual(['THL-20261124-010001', 'THL-20261124-010002']);
    expect(b.map((c) => c.trackingNumber)).toEqual(['THL-20261124-030001', 'THL-20261124-030002']);
    expect(await three.db.counters.get('THL-20261124-03')).toEqual({ key: 'THL-20261124-03', value: 2 });
    // 归档 through the case machine: the archive number carries the desk too.
    const c = b[0]!;
    const d = three.desk;
    await performCaseAction(d, c.id, { type: '开始办理' });
    await performCaseAction(d, c.id, { type: '办结', result: '已办理', notifiedBy: '电话', needsCallback: false });
    const archived = await performCaseAction(d, c.id, { type: '归档' });
    expect(archived.archiveNumber).toBe('THL-GD-2026-0300001');
  });
});

describe('changing the desk number', () => {
  it('an admin changes it while the desk is alone; the change is audited; bad input is refused at its field', async () => {
    const { db, desk } = await deskWith({ no: 1, name: '一号窗口' });
    expect(await deskIsAlone(desk)).toBe(true);
    const kept: DeskIdentity[] = [];
    const keep = async (i: DeskIdentity) => void kept.push(i);
    await expect(changeDeskIdentity(desk, { no: '２', name: ' 后台 ' }, keep)).resolves.toEqual({
      no: 2,
      name: '后台',
    });
    expect(kept).toEqual([{ no: 2, name: '后台' }]);
    const row = (await db.auditLog.orderBy('seq').last())!;
    expect(row).toMatchObject({ action: 'desk.identity', entity: 'desk', entityId: '2' });
    expect(row.detail).toBe('窗口号 1（一号窗口） → 窗口号 2（后台）');
    for (const [input, field, message] of [
      [{ no: '0', name: '后台' }, 'no', DESK_MESSAGES.number],
      [{ no: '100', name: '后台' }, 'no', DESK_MESSAGES.number],
      [{ no: '2', name: '  ' }, 'name', DESK_MESSAGES.nameEmpty],
      [{ no: '2', name: '一'.repeat(21) }, 'name', DESK_MESSAGES.nameLong],
    ] as const)
      await expect(changeDeskIdentity(desk, input, keep)).rejects.toMatchObject({ message, field });
    expect(kept).toHaveLength(1);
  });

  it('a clerk cannot change it, and nobody can once the desk has joined its center', async () => {
    const { db, admin, desk } = await deskWith({ no: 1, name: '一号窗口' });
    const clerk = await addSignedStaff(desk, {
      name: '李四',
      role: '值班员',
      grids: [],
      password: await hashSecret('135799', undefined, 1),
    });
    const kept: DeskIdentity[] = [];
    const keep = async (i: DeskIdentity) => void kept.push(i);
    const asClerk = testDesk(db, { staffId: clerk.id, role: clerk.role, now: T0, today: DAY });
    await expect(changeDeskIdentity(asClerk, { no: 2, name: '后台' }, keep)).rejects.toThrow(/站长|权限/);
    // Issue 24 marks the desk as joined when it first exchanges data with its center.
    await db.deskMeta.put({ key: 'joinedCenter', value: { at: T0 } });
    expect(await deskIsAlone(desk)).toBe(false);
    const asAdmin = testDesk(db, { staffId: admin.id, role: admin.role, now: T0, today: DAY });
    await expect(changeDeskIdentity(asAdmin, { no: 2, name: '后台' }, keep)).rejects.toMatchObject({
      message: DESK_MESSAGES.notAlone,
    });
    expect(kept).toEqual([]);
  });
});

describe('backups name their desk', () => {
  it('in the file name (D02) and in the clear header; names from before desks still parse', async () => {
    const { desk } = await deskWith({ no: 2, name: '后台' });
    const deps = memoryBackupDeps();
    const outcome = await makeBackup(desk, deps, 'regular', { passphrase: '梅花香自苦寒来2026年' });
    expect(outcome.ok).toBe(true);
    const [name, text] = [...deps.files][0]!;
    expect(name).toMatch(/^duty-desk-THL-D02-[A-Za-z0-9]{1,8}-\d{8}-\d{6}-regular\.ddbak$/);
    expect(parseBackupFileName(name)).toMatchObject({ community: 'THL', desk: 2, kind: 'regular' });
    expect((JSON.parse(text.split('\n')[0]!) as { header: { desk: unknown } }).header.desk).toEqual({
      no: 2,
      name: '后台',
    });
    // The bridge takes the name (main and the browser build check it against the same pattern).
    expect(requestSchemas['backup:write'].safeParse({ name, content: text }).success).toBe(true);
    const old = parseBackupFileName('duty-desk-THL-k3Xw9aQe-20261124-173000-regular.ddbak');
    expect(old).toMatchObject({ community: 'THL', machine: 'k3Xw9aQe', kind: 'regular' });
    expect(old).not.toHaveProperty('desk');
  });
});

/**
 * The permission table (shared/domain/roles.ts) enforced by the repositories themselves, cell by
 * cell (issue 16): every permission has a probe — the real repository call it guards, made
 * directly, no screen in between — and every probe runs for a 值班员, a 站长/管理员, an 审计员 and a
 * deactivated 站长/管理员 account. Where `can(role, p)` the call goes through (and did its work);
 * elsewhere it is refused with its exact message and the database is left as it was, record for
 * record, the audit log included. `PROBES` is a `Record<Permission, …>`: a new permission without
 * its probe does not compile.
 */
import { describe, expect, it } from 'vitest';
import { listRecordConflicts } from '../../renderer/src/sync/recordConflicts';
import type { Dexie } from 'dexie';
import { can, PERMISSIONS, type Permission } from '@shared/domain/roles';
import type { StaffRole } from '@shared/domain/records';
import type { DeletionPreview } from '@shared/domain/residentStatus';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { failureMessage } from '../../renderer/src/db/refusal';
import { hashSecret } from '../../renderer/src/db/secrets';
import { updateStaff } from '../../renderer/src/db/repositories/staff';
import { createResident, getResident, revealResidentField } from '../../renderer/src/db/repositories/residents';
import { listRecentResidents, searchResidents } from '../../renderer/src/db/repositories/residentSearch';
import {
  deleteResident,
  markResidentStatus,
  residentDeletionPreview,
} from '../../renderer/src/db/repositories/residentLifecycle';
import {
  duplicateResidentPairs,
  mergeResidents,
  todaysMerges,
  undoResidentMerge,
} from '../../renderer/src/db/repositories/residentMerge';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { auditPage } from '../../renderer/src/db/repositories/auditLog';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import { saveMeetingGuests } from '../../renderer/src/db/repositories/meetings';
import { saveMatterType } from '../../renderer/src/db/repositories/catalog';
import { saveCalendarOverrides, setCalendarYearComplete } from '../../renderer/src/db/repositories/calendar';
import { importResidents, undoImport } from '../../renderer/src/db/repositories/residentImport';
import { recordExport } from '../../renderer/src/db/repositories/reportExports';
import { changePassphrase } from '../../renderer/src/db/backup/keys';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import { BACKUP_ADMINS_ONLY } from '../../renderer/src/db/backup/rights';
import { memoryBackupDeps } from './backupDeps';
import { leaveCenter } from '../../renderer/src/sync/engine';
import {
  acceptCommittedCase,
  addSignedStaff,
  communityDesk,
  counterIds,
  createZhangSan,
  freshDb,
  setUpCommunity,
  T0,
  WANG_WU,
} from './testDb';
import { copyLastWeek, setRotaCell } from '../../renderer/src/db/repositories/rotaChanges';
import { importPackageFile } from '../../renderer/src/db/repositories/street/packages';
import { saveStreetCommunity } from '../../renderer/src/db/repositories/street/communities';
import { updateStreetSettings } from '../../renderer/src/db/repositories/street/install';
import { readStreetProfile } from '../../renderer/src/db/installKind';
import { DEFAULT_STREET_SETTINGS } from '@shared/domain/street/settings';
import { packageText } from '../fixtures/streetPackages';
import { setUpStreet } from './streetTestDb';
import { rotaCellId } from '@shared/domain/records';

const DAY = '2026-11-24';
const AUDITOR_WRITES = '当前账号（审计员）只能查看操作日志，不能修改数据';
const DEACTIVATED = '当前账号不存在或已停用，请重新登录';
const PASSPHRASE = '梅花香自苦寒来2026年';

/** The accounts a cell acts as: the three roles and an admin whose account was deactivated. */
const ACCOUNTS = [
  { label: '值班员', role: '值班员', active: true },
  { label: '站长/管理员', role: '站长/管理员', active: true },
  { label: '审计员', role: '审计员', active: true },
  { label: '站长/管理员（已停用）', role: '站长/管理员', active: false },
] as const satisfies readonly { label: string; role: StaffRole; active: boolean }[];
/** A street installation's accounts (issue 27): the street probes run as these, on a street. */
const STREET_ACCOUNTS = [
  { label: '街道管理员', role: '街道管理员', active: true },
  { label: '街道工作人员', role: '街道工作人员', active: true },
  { label: '街道管理员（已停用）', role: '街道管理员', active: false },
] as const satisfies readonly { label: string; role: StaffRole; active: boolean }[];
type Account = (typeof ACCOUNTS)[number] | (typeof STREET_ACCOUNTS)[number];

/** A set-up community with one account of each kind, 张三 (tagged, with a case) and 王五 (nothing open). */
async function world() {
  const db = freshDb();
  const setupAdmin = await setUpCommunity(db);
  const ids = counterIds('p');
  const as = (staffId: string, role: StaffRole) => communityDesk(db, { staffId, role, now: T0, today: DAY, ...ids });
  const admin = await as(setupAdmin.id, '站长/管理员');
  const password = await hashSecret('864209', undefined, 1000);
  const add = (name: string, role: StaffRole) => addSignedStaff(admin, { name, role, grids: [], password });
  const accounts: Record<(typeof ACCOUNTS)[number]['label'], string> = {
    值班员: (await add('李明', '值班员')).id,
    '站长/管理员': (await add('赵强', '站长/管理员')).id,
    审计员: (await add('孙审', '审计员')).id,
    '站长/管理员（已停用）': (await add('钱停', '站长/管理员')).id,
  };
  await updateStaff(admin, accounts['站长/管理员（已停用）'], { active: false });
  const other = await add('赵芳', '值班员');
  const zhang = await createZhangSan(db, setupAdmin.id, DAY);
  await db.residents.update(zhang.id, { tags: ['独居老人', '残疾人'] });
  const wang = await createResident(admin, { ...WANG_WU, tags: ['困难家庭'] });
  const { matter, record } = await acceptCommittedCase(admin, zhang.id);
  const deps = memoryBackupDeps();
  return { db, admin, as, accounts, other, zhang, wang, matter, record, deps };
}
type World = Awaited<ReturnType<typeof world>>;

/**
 * A street installation with one account of each street kind (and a deactivated 街道管理员), the
 * community 桃花岭 in its 社区名单. Street probes use only `db` and `streetAdmin` of it.
 */
async function streetWorld() {
  const db = freshDb();
  const street = await setUpStreet(db);
  await saveStreetCommunity(street.adminDesk, {
    code: 'THL',
    name: '桃花岭社区',
    contact: '刘主任',
    phone: '0731-88886666',
  });
  const stopped = await addSignedStaff(street.adminDesk, {
    name: '钱停',
    role: '街道管理员',
    grids: [],
    password: street.password,
  });
  await updateStaff(street.adminDesk, stopped.id, { active: false });
  const accounts: Record<string, string> = {
    街道管理员: street.admin.id,
    街道工作人员: street.clerk.id,
    '街道管理员（已停用）': stopped.id,
  };
  return { db, streetAdmin: street.adminDesk, as: street.as, accounts };
}

/** How a role without the permission is kept out. */
type Refusal =
  /**
   * A DomainRefusal with `message`. `deskWorkFirst`: the call writes the desk's tables, so
   * writeTx's `desk.work` check answers first for an 审计员 and a deactivated account.
   */
  | { message: string; deskWorkFirst: boolean }
  /** A list read: it goes through, but its residents carry no 人员标签. */
  | { tagsStripped: true };

type Probe = {
  /** The repository call, for the test's name. */
  call: string;
  /** A street's permission: run on a street installation as its accounts (streetWorld). */
  street?: true;
  /** What the call needs, made by the setup admin before the database is compared; its result goes to `act`. */
  arrange?: (w: World) => Promise<unknown>;
  act: (me: Desk, w: World, arranged: unknown) => Promise<unknown>;
  refusal: Refusal;
  /** After an allowed call: that it did its work. */
  done: (w: World, result: unknown) => Promise<void> | void;
};

type Counts = Omit<DeletionPreview, 'open'>;

const auditCount = (db: DutyDeskDB, action: string) => db.auditLog.where('action').equals(action).count();

/** Every permission with at least one probe (every repository call that enforces it). */
const PROBES: Record<Permission, [Probe, ...Probe[]]> = {
  'desk.work': [
    {
      call: 'createResident',
      act: (me) =>
        createResident(me, {
          name: '周八',
          phone: '13700002222',
          idNumber: '',
          building: '',
          unit: '',
          room: '',
          gridId: '',
          tags: [],
        }),
      refusal: { message: AUDITOR_WRITES, deskWorkFirst: true },
      done: async (w) => expect(await w.db.residents.where('name').equals('周八').count()).toBe(1),
    },
  ],
  'audit.read': [
    {
      call: 'auditPage',
      act: (me) => auditPage(me),
      refusal: { message: '只有审计员或站长/管理员可以查看操作日志', deskWorkFirst: false },
      done: (_w, page) => expect((page as unknown[]).length).toBeGreaterThan(0),
    },
  ],
  'resident.reveal': [
    {
      call: 'revealResidentField',
      act: (me, w) => revealResidentField(me, w.zhang.id, 'idNumber', '核对身份办理业务'),
      refusal: { message: '只有值班员或站长/管理员可以查看完整的身份证号或联系电话', deskWorkFirst: true },
      done: async (w, full) => {
        expect(full).toBe(w.zhang.idNumber);
        expect(await auditCount(w.db, 'resident.reveal')).toBe(1);
      },
    },
  ],
  'community.edit': [
    {
      call: 'updateCommunity',
      act: (me) => updateCommunity(me, { street: '岳麓街道' }),
      refusal: { message: '只有站长/管理员可以修改社区信息', deskWorkFirst: true },
      done: async (w) => {
        const row = await w.db.meta.get('community');
        expect(row?.key === 'community' && row.value.street).toBe('岳麓街道');
      },
    },
    {
      call: 'saveMeetingGuests',
      act: (me) => saveMeetingGuests(me, [{ name: '刘网格', role: '网格长' }]),
      refusal: { message: '只有站长/管理员可以修改联席会议参会名单', deskWorkFirst: true },
      done: async (w) => {
        const row = await w.db.meta.get('meetingGuests');
        expect(row?.key === 'meetingGuests' && row.value).toEqual([{ name: '刘网格', role: '网格长' }]);
      },
    },
  ],
  'catalog.edit': [
    {
      call: 'saveMatterType',
      act: (me, w) => {
        const { active: _active, ...def } = w.matter;
        return saveMatterType(me, { ...def, code: 'ZZ-PROBE', name: '权限测试事项' }, true, true);
      },
      refusal: { message: '只有站长/管理员可以修改事项目录', deskWorkFirst: true },
      done: async (w) => expect((await w.db.matterTypes.get('ZZ-PROBE'))?.name).toBe('权限测试事项'),
    },
  ],
  'calendar.edit': [
    {
      call: 'saveCalendarOverrides',
      act: (me) => saveCalendarOverrides(me, [{ date: '2026-12-31', kind: 'holiday', name: '社区调休' }]),
      refusal: { message: '只有站长/管理员可以修改节假日安排', deskWorkFirst: true },
      done: async (w) => expect(await auditCount(w.db, 'calendar.update')).toBe(1),
    },
    {
      call: 'setCalendarYearComplete',
      act: (me) => setCalendarYearComplete(me, 2040, false),
      refusal: { message: '只有站长/管理员可以修改节假日安排', deskWorkFirst: true },
      done: async (w) => {
        const row = await w.db.meta.get('calendarCompleteYears');
        expect(row?.key === 'calendarCompleteYears' && row.value).toEqual([]);
      },
    },
  ],
  // The staff table alone is the actor's own bookkeeping for writeTx: the permission answers.
  'staff.manage': [
    {
      call: 'addStaff',
      act: async (me) =>
        addSignedStaff(me, {
          name: '吴新',
          role: '值班员',
          grids: [],
          password: await hashSecret('1357', undefined, 1000),
        }),
      refusal: { message: '只有站长/管理员可以添加工作人员', deskWorkFirst: false },
      done: async (w) => expect(await w.db.staff.where('name').equals('吴新').count()).toBe(1),
    },
    {
      call: 'updateStaff',
      act: (me, w) => updateStaff(me, w.other.id, { staffNo: 'A-007' }),
      refusal: { message: '只有站长/管理员可以修改工作人员账号', deskWorkFirst: false },
      done: async (w) => expect((await w.db.staff.get(w.other.id))?.staffNo).toBe('A-007'),
    },
  ],
  // Sending back a 转办 that is neither one's own nor sent to one: supervision.
  'case.supervise': [
    {
      call: 'performCaseAction 退回 (another’s 转办)',
      arrange: (w) =>
        performCaseAction(w.admin, w.record.id, { type: '转办', toStaffId: w.other.id, reason: '需上门' }),
      act: (me, w) => performCaseAction(me, w.record.id, { type: '退回', reason: '转错人了' }),
      refusal: { message: '只有被转办的工作人员、转办人或站长/管理员可以退回', deskWorkFirst: true },
      done: async (w) => {
        const record = await w.db.cases.get(w.record.id);
        expect([record?.status, record?.transfer]).toEqual(['已受理', undefined]);
      },
    },
  ],
  // Not a writeTx (it replaces every table): the permission answers for everyone.
  'data.restore': [
    {
      call: 'restoreBackup',
      arrange: async (w) => {
        const made = await makeBackup(w.admin, w.deps, 'regular', { passphrase: PASSPHRASE });
        if (!made.ok) throw new Error(made.message);
        return w.deps.files.get(made.name)!;
      },
      act: (me, w, text) => restoreBackup(me, w.deps, text as string, undefined, { liveBackedUp: true }),
      refusal: { message: '只有站长/管理员可以从备份恢复', deskWorkFirst: false },
      done: async (w) => expect(await auditCount(w.db, 'backup.restore')).toBe(1),
    },
  ],
  // Every backup that leaves the machine's control, and the passphrase: re-read from the staff
  // row, nobody's session role trusted (a deactivated admin is refused too).
  'data.backup': [
    {
      call: 'makeBackup (the first: sets the passphrase)',
      act: (me, w) => makeBackup(me, w.deps, 'regular', { passphrase: PASSPHRASE }),
      refusal: { message: BACKUP_ADMINS_ONLY, deskWorkFirst: false },
      done: async (w) => {
        expect(w.deps.files.size).toBe(1);
        expect(await w.deps.keys.load()).not.toBeNull();
        expect(await auditCount(w.db, 'backup.create')).toBe(1);
      },
    },
    {
      call: 'makeBackup (立即备份, the key set)',
      arrange: async (w) => {
        const made = await makeBackup(w.admin, w.deps, 'regular', { passphrase: PASSPHRASE });
        if (!made.ok) throw new Error(made.message);
      },
      act: (me, w) => makeBackup(me, w.deps, 'regular'),
      refusal: { message: BACKUP_ADMINS_ONLY, deskWorkFirst: false },
      // (Same second, same kind: the same file name, so count the audit rows.)
      done: async (w) => expect(await auditCount(w.db, 'backup.create')).toBe(2),
    },
    {
      call: 'changePassphrase',
      act: (me, w) => changePassphrase(me, w.deps, { passphrase: PASSPHRASE, again: PASSPHRASE }),
      refusal: { message: BACKUP_ADMINS_ONLY, deskWorkFirst: false },
      done: async (w) => {
        expect(await auditCount(w.db, 'backup.passphraseSet')).toBe(1);
        expect(await w.deps.keys.load()).not.toBeNull();
      },
    },
  ],
  'report.exportNamed': [
    {
      call: 'recordExport (实名台账)',
      act: (me) =>
        recordExport(me, {
          format: 'xlsx',
          period: { from: '2026-11-16', to: '2026-11-22' },
          label: '第 47 周',
          rows: { 办件台账: 1 },
          named: { reason: '街道核对名单' },
        }),
      refusal: { message: '只有站长/管理员可以导出实名台账', deskWorkFirst: false },
      done: async (w) => expect(await auditCount(w.db, 'report.export')).toBe(1),
    },
  ],
  'resident.import': [
    {
      call: 'importResidents',
      act: (me) =>
        importResidents(me, {
          fileName: '台账.xlsx',
          mode: 'skip',
          rows: [{ row: 2, value: { name: '钱七', phone: '13700003333', tags: [] } }],
          rejected: 0,
          mapping: {},
        }),
      refusal: { message: '只有站长/管理员可以导入居民台账', deskWorkFirst: true },
      done: async (w) => expect(await w.db.residents.where('name').equals('钱七').count()).toBe(1),
    },
    {
      call: 'undoImport',
      arrange: async (w) =>
        (
          await importResidents(w.admin, {
            fileName: '台账.xlsx',
            mode: 'skip',
            rows: [{ row: 2, value: { name: '钱七', phone: '13700003333', tags: [] } }],
            rejected: 0,
            mapping: {},
          })
        ).batchId,
      act: (me, _w, batchId) => undoImport(me, batchId as string),
      refusal: { message: '只有站长/管理员可以撤销居民导入', deskWorkFirst: true },
      done: async (w) => expect(await w.db.residents.where('name').equals('钱七').count()).toBe(0),
    },
  ],
  'resident.markInactive': [
    {
      call: 'markResidentStatus 已迁出',
      act: (me, w) => markResidentStatus(me, w.wang.id, { status: '已迁出', day: DAY, note: '搬往外区' }),
      refusal: { message: '只有值班员或站长/管理员可以标记居民已迁出或已故', deskWorkFirst: true },
      done: async (w) => expect((await w.db.residents.get(w.wang.id))?.status).toBe('已迁出'),
    },
  ],
  'resident.reactivate': [
    {
      call: 'markResidentStatus 在册',
      arrange: (w) => markResidentStatus(w.admin, w.wang.id, { status: '已迁出', day: DAY, note: '搬往外区' }),
      act: (me, w) => markResidentStatus(me, w.wang.id, { status: '在册', day: DAY, note: '登记错了' }),
      refusal: { message: '只有站长/管理员可以将已迁出、已故的居民恢复为在册', deskWorkFirst: true },
      done: async (w) => expect((await w.db.residents.get(w.wang.id))?.status).toBeUndefined(),
    },
  ],
  'resident.delete': [
    {
      call: 'deleteResident',
      arrange: async (w): Promise<Counts> => {
        const { open: _open, ...expected } = await residentDeletionPreview(w.admin, w.wang.id);
        return expected;
      },
      act: (me, w, expected) =>
        deleteResident(me, w.wang.id, { reason: '重复登记的档案', expected: expected as Counts }),
      refusal: { message: '只有站长/管理员可以删除居民档案', deskWorkFirst: true },
      done: async (w) => {
        expect(await getResident(w.admin, w.wang.id)).toBeUndefined();
        expect((await w.db.residents.get(w.wang.id))?.deleted?.reason).toBe('删除：重复登记的档案');
      },
    },
  ],
  'resident.merge': [
    {
      call: 'mergeResidents',
      // A second record of 王五, as another desk could bring it.
      arrange: (w) => w.db.residents.put({ ...w.wang, id: 'wang-2', phone: '13900002222' }),
      act: (me, w) => mergeResidents(me, { keptId: w.wang.id, mergedId: 'wang-2', choices: { phone: 'merged' } }),
      refusal: { message: '只有站长/管理员可以合并居民档案', deskWorkFirst: true },
      done: async (w) => {
        expect((await w.db.residents.get('wang-2'))?.deleted?.mergedInto).toBe(w.wang.id);
        expect((await getResident(w.admin, w.wang.id))?.phone).toBe('13900002222');
      },
    },
    {
      call: 'undoResidentMerge',
      arrange: async (w) => {
        await w.db.residents.put({ ...w.wang, id: 'wang-2', phone: '13900002222' });
        await mergeResidents(w.admin, { keptId: w.wang.id, mergedId: 'wang-2', choices: {} });
      },
      act: (me) => undoResidentMerge(me, 'wang-2'),
      refusal: { message: '只有站长/管理员可以撤销合并居民档案', deskWorkFirst: true },
      done: async (w) => expect((await getResident(w.admin, 'wang-2'))?.phone).toBe('13900002222'),
    },
    // Reads: the lists of 重复档案 (masked) are for those who may merge.
    {
      call: 'duplicateResidentPairs',
      // Two records with one ID number (王五 has none in this world: give both the same one).
      arrange: async (w) => {
        const idNumber = '11010519491231002X';
        await w.db.residents.put({ ...w.wang, idNumber });
        await w.db.residents.put({ ...w.wang, idNumber, id: 'wang-2', phone: '13900002222' });
      },
      act: (me) => duplicateResidentPairs(me),
      refusal: { message: '只有站长/管理员可以查看重复档案', deskWorkFirst: false },
      done: (_w, pairs) => expect(pairs as unknown[]).toHaveLength(1),
    },
    {
      call: 'todaysMerges',
      arrange: async (w) => {
        await w.db.residents.put({ ...w.wang, id: 'wang-2', phone: '13900002222' });
        await mergeResidents(w.admin, { keptId: w.wang.id, mergedId: 'wang-2', choices: {} });
      },
      act: (me) => todaysMerges(me),
      refusal: { message: '只有站长/管理员可以查看重复档案', deskWorkFirst: false },
      done: (_w, merges) => expect(merges as unknown[]).toHaveLength(1),
    },
  ],
  // 多窗口同步: leaving the center (joining needs a hub: refused for a 值班员 in tests/sync/engine.test.ts),
  // and the 数据冲突 list.
  'sync.manage': [
    {
      call: 'leaveCenter',
      arrange: (w) => w.db.deskMeta.put({ key: 'joinedCenter', value: { at: T0 } }),
      act: (me) => leaveCenter(me),
      refusal: { message: '只有站长/管理员可以退出中心同步', deskWorkFirst: true },
      done: async (w) => {
        expect(await w.db.deskMeta.get('joinedCenter')).toBeUndefined();
        expect(await auditCount(w.db, 'sync.leave')).toBe(1);
      },
    },
    {
      call: 'listRecordConflicts',
      arrange: (w) =>
        w.db.syncConflicts.put({
          id: 'residents:r-9',
          table: 'residents',
          key: 'r-9',
          winner: { rev: '2-b', desk: 2, record: { id: 'r-9' } },
          losers: [{ rev: '2-a', desk: 1, record: { id: 'r-9' } }],
          seenAt: 1,
        }),
      act: (me) => listRecordConflicts(me),
      refusal: { message: '只有站长/管理员可以查看数据冲突', deskWorkFirst: false },
      done: (_w, rows) => expect((rows as { id: string }[]).map((r) => r.id)).toEqual(['residents:r-9']),
    },
  ],
  // A read: "refused" is a list without tags; the resident's own read keeps them.
  'resident.tagsInLists': [
    {
      call: 'listRecentResidents, searchResidents',
      act: async (me, w) => ({
        recent: await listRecentResidents(me, 20),
        found: await searchResidents(me, '张三', 20),
        own: await getResident(me, w.zhang.id),
      }),
      refusal: { tagsStripped: true },
      done: (_w, result) => {
        const { recent, found, own } = result as ListReads;
        expect(tagsOf(recent)).toEqual({ 张三: ['独居老人', '残疾人'], 王五: ['困难家庭'] });
        expect(tagsOf(found)).toEqual({ 张三: ['独居老人', '残疾人'] });
        expect(own?.tags).toEqual(['独居老人', '残疾人']);
      },
    },
  ],
  'rota.edit': [
    {
      call: 'setRotaCell',
      act: (me, w) => setRotaCell(me, { day: DAY, staffId: w.other.id, post: '值班岗' }),
      refusal: { message: '只有站长/管理员可以排班', deskWorkFirst: true },
      done: async (w) => {
        expect((await w.db.rota.get(rotaCellId(DAY, w.other.id)))?.post).toBe('值班岗');
        expect(await auditCount(w.db, 'rota.set')).toBe(1);
      },
    },
    {
      call: 'copyLastWeek',
      arrange: (w) =>
        w.db.rota.put({
          ...rotaStamp,
          id: rotaCellId('2026-11-17', w.other.id),
          day: '2026-11-17',
          staffId: w.other.id,
          post: '值班岗',
        }),
      act: (me) => copyLastWeek(me, DAY),
      refusal: { message: '只有站长/管理员可以复制上周值班表', deskWorkFirst: true },
      done: async (w) => expect((await w.db.rota.get(rotaCellId(DAY, w.other.id)))?.post).toBe('值班岗'),
    },
  ],
  // Issue 27: a street's permissions, on a street installation.
  'street.work': [
    {
      call: 'importPackageFile',
      street: true,
      arrange: async () =>
        packageText({ community: { code: 'THL', name: '桃花岭社区' }, generatedAt: '2026-11-23T02:00:00.000Z' }),
      act: (me, _w, text) => importPackageFile(me, { fileName: '桃花岭.json', text: text as string }),
      refusal: { message: '只有街道管理员或街道工作人员可以导入社区周报', deskWorkFirst: true },
      done: async (w, outcome) => {
        expect(outcome).toMatchObject({ outcome: 'imported', adopted: true });
        expect(await w.db.streetPackages.count()).toBe(1);
      },
    },
  ],
  'street.manage': [
    {
      call: 'saveStreetCommunity',
      street: true,
      act: (me) =>
        saveStreetCommunity(me, { code: 'YLQ', name: '岳麓社区', contact: '李主任', phone: '0731-88881111' }),
      refusal: { message: '只有街道管理员可以修改社区名单', deskWorkFirst: true },
      done: async (w) => expect((await w.db.streetCommunities.get('YLQ'))?.name).toBe('岳麓社区'),
    },
    {
      call: 'updateStreetSettings',
      street: true,
      act: (me) => updateStreetSettings(me, { ...DEFAULT_STREET_SETTINGS, onTimeThreshold: 85 }),
      refusal: { message: '只有街道管理员可以修改街道设置', deskWorkFirst: true },
      done: async (w) => expect((await readStreetProfile(w.db))?.settings.onTimeThreshold).toBe(85),
    },
  ],
};

const rotaStamp = { createdAt: T0, createdBy: 'id-1', updatedAt: T0, updatedBy: 'id-1' };

type ListReads = {
  recent: Awaited<ReturnType<typeof listRecentResidents>>;
  found: Awaited<ReturnType<typeof searchResidents>>;
  own: Awaited<ReturnType<typeof getResident>>;
};
const tagsOf = (rs: { name: string; tags: string[] }[]) => Object.fromEntries(rs.map((r) => [r.name, r.tags]));

/** Every table as canonical JSON, for "nothing changed". */
async function dump(db: DutyDeskDB): Promise<Record<string, string>> {
  const dexie = db as unknown as Dexie;
  const canonical = (v: unknown) =>
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x,
    );
  const out: Record<string, string> = {};
  for (const t of dexie.tables) out[t.name] = canonical(await t.toArray());
  return out;
}

function expectedMessage(refusal: { message: string; deskWorkFirst: boolean }, account: Account): string {
  if (refusal.deskWorkFirst && account.role === '审计员') return AUDITOR_WRITES;
  if (refusal.deskWorkFirst && !account.active) return DEACTIVATED;
  return refusal.message;
}

const cells = PERMISSIONS.flatMap((permission) => {
  const probes = PROBES[permission];
  return probes.flatMap((probe) =>
    (probe.street ? STREET_ACCOUNTS : ACCOUNTS).map((account: Account) => {
      const allowed = can(account, permission);
      const via = probes.length > 1 ? ` (${probe.call})` : '';
      return {
        name: `${account.label} × ${permission}${via}: ${allowed ? 'allowed' : 'refused'}`,
        permission,
        probe,
        account,
        allowed,
      };
    }),
  );
});

describe('the permission table, enforced by the repositories called directly', () => {
  it('has a cell for every permission, probe and account', () => {
    const accountsOf = (p: Probe) => (p.street ? STREET_ACCOUNTS : ACCOUNTS).length;
    const probeCount = PERMISSIONS.reduce((n, p) => n + PROBES[p].reduce((m, probe) => m + accountsOf(probe), 0), 0);
    expect(cells).toHaveLength(probeCount);
    expect(new Set(cells.map((c) => c.name)).size).toBe(cells.length);
  });

  it.each(cells)('$name', { timeout: 30_000 }, async ({ probe, account, allowed }) => {
    // A street probe's world is a street installation (it reads `db` only: see streetWorld).
    const w = probe.street ? ((await streetWorld()) as unknown as World) : await world();
    const arranged = probe.arrange ? await probe.arrange(w) : undefined;
    const me = await w.as((w.accounts as Record<string, string>)[account.label]!, account.role);
    const before = await dump(w.db);
    const auditBefore = await w.db.auditLog.count();
    const outcome = await probe.act(me, w, arranged).then(
      (value) => ({ ok: true as const, value }),
      (e: unknown) => ({ ok: false as const, error: e, message: failureMessage(e)?.message }),
    );
    if (allowed) {
      if (!outcome.ok) throw outcome.error;
      await probe.done(w, outcome.value);
      return;
    }
    if ('tagsStripped' in probe.refusal) {
      if (!outcome.ok) throw outcome.error;
      const { recent, found, own } = outcome.value as ListReads;
      expect(recent.map((r) => r.name).sort()).toEqual(['张三', '王五']);
      expect(tagsOf(recent)).toEqual({ 张三: [], 王五: [] });
      expect(tagsOf(found)).toEqual({ 张三: [] });
      expect(own?.tags).toEqual(['独居老人', '残疾人']);
    } else {
      expect(outcome.ok, 'the call went through').toBe(false);
      expect(outcome.ok ? undefined : outcome.message).toBe(expectedMessage(probe.refusal, account));
    }
    expect(await w.db.auditLog.count()).toBe(auditBefore);
    expect(await dump(w.db)).toEqual(before);
  });
});

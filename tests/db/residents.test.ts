import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '@shared/domain/idNumber';
import type { ResidentInput } from '@shared/domain/resident';
import type { Staff, StaffRole } from '@shared/domain/records';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import {
  createResident,
  DuplicateResidentError,
  findDuplicates,
  getResident,
  revealResidentField,
  ResidentValidationError,
  updateResident,
} from '../../renderer/src/db/repositories/residents';
import { listRecentResidents, searchResidents } from '../../renderer/src/db/repositories/residentSearch';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import { freshDb, idsOf, T0, testDesk, TODAY, type TestDeskOptions } from './testDb';

/** staff-1 at T0 on TODAY, in a community with grids g1 and g2. */
const CTX: TestDeskOptions = { staffId: 'staff-1', now: T0, today: TODAY };
/** The desk for `ctx`; a new record gets `id`. */
const at = (db: DutyDeskDB, ctx: TestDeskOptions = CTX, id?: string) =>
  testDesk(db, { ...ctx, ...(id ? { newId: idsOf(id) } : {}) });
const HAN = /[\u4e00-\u9fff]/;

function id(first17: string): string {
  return first17 + computeCheckDigit(first17);
}

/** 张三, 男, born 1958-03-12. */
const ZS_ID = id('43010419580312123');
const ZS_PHONE = '13812345678';

function input(patch: Partial<ResidentInput> = {}): ResidentInput {
  return {
    name: '张三',
    idNumber: ZS_ID,
    phone: ZS_PHONE,
    building: '3栋',
    unit: '2单元',
    room: '501',
    gridId: 'g1',
    tags: ['独居老人'],
    ...patch,
  };
}

async function refusal(p: Promise<unknown>): Promise<DomainRefusal> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainRefusal) return e;
    throw e;
  }
  throw new Error('expected a DomainRefusal');
}

/** Seeds residents with distinct IDs/phones; returns them in creation order. */
async function seed(db: DutyDeskDB, names: string[], start = 0) {
  const out = [];
  for (const [i, name] of names.entries()) {
    const n = start + i;
    const resident = await createResident(
      at(db, { ...CTX, now: T0 + n }, `r-${n}`),
      input({
        name,
        idNumber: id(`110105198001${String(1 + (n % 28)).padStart(2, '0')}${String(n).padStart(3, '0')}`),
        phone: `139${String(n).padStart(8, '0')}`,
      }),
    );
    out.push(resident);
  }
  return out;
}

describe('createResident', () => {
  it('stores a valid resident with derived fields, search keys and stamps; audits without personal data', async () => {
    const db = freshDb();
    const r = await createResident(at(db, CTX, 'r-1'), input({ phone: '138 1234 5678' }));
    expect(r).toMatchObject({
      id: 'r-1',
      name: '张三',
      gender: '男',
      birthDate: '1958-03-12',
      idNumber: ZS_ID,
      phone: ZS_PHONE,
      gridId: 'g1',
      tags: ['独居老人'],
      createdBy: 'staff-1',
      createdAt: T0,
      updatedBy: 'staff-1',
      updatedAt: T0,
    });
    expect(r.searchKeys).toEqual(
      expect.arrayContaining(['张三', 'zhangsan', 'zs', ZS_PHONE, '5678', ZS_ID, ZS_ID.slice(-4), ZS_ID.slice(-6)]),
    );
    expect(await getResident(at(db), 'r-1')).toEqual(r);

    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'resident.create',
      entity: 'resident',
      entityId: 'r-1',
      staffId: 'staff-1',
      at: T0,
    });
    const json = JSON.stringify(audit);
    for (const secret of [ZS_ID, ZS_PHONE, '张三', '5678']) expect(json).not.toContain(secret);
  });

  it('does not store absent optional fields (so residents without an ID do not collide on the unique index)', async () => {
    const db = freshDb();
    await createResident(at(db, CTX, 'a'), input({ name: '李四', idNumber: '', phone: '13900000001', gridId: '' }));
    await createResident(at(db, CTX, 'b'), input({ name: '王五', idNumber: '', phone: '13900000002', gridId: '' }));
    const a = await getResident(at(db), 'a');
    expect(a && 'idNumber' in a).toBe(false);
    expect(a && 'gridId' in a).toBe(false);
    expect(await db.residents.count()).toBe(2);
  });

  it.each([
    [
      'invalid ID number (checksum)',
      { idNumber: ZS_ID.slice(0, 17) + (ZS_ID.endsWith('0') ? '1' : '0') },
      'idNumber',
      '校验位不正确，请核对',
    ],
    ['10-digit mobile', { phone: '1381234567' }, 'phone', '手机号应为 11 位，当前为 10 位'],
    ['empty name', { name: '  ' }, 'name', '请填写姓名'],
    ['neither ID nor phone', { idNumber: '', phone: '' }, 'phone', '身份证号和联系电话至少填写一项'],
    ['unknown grid', { gridId: 'g9' }, 'gridId', '请选择本社区的网格'],
  ] as const)(
    'refuses %s with a Chinese message at the field and saves nothing',
    async (_label, patch, field, message) => {
      const db = freshDb();
      const e = await refusal(createResident(at(db, CTX, 'r-1'), input(patch)));
      expect(e).toBeInstanceOf(ResidentValidationError);
      expect(e.field).toBe(field);
      expect(e.message).toBe(message);
      expect(e.message).toMatch(HAN);
      expect((e as ResidentValidationError).errors[field]).toBe(message);
      expect(await db.residents.count()).toBe(0);
      expect(await db.auditLog.count()).toBe(0);
    },
  );

  it('carries every field error for the form', async () => {
    const db = freshDb();
    const e = await refusal(
      createResident(at(db, CTX, 'r-1'), input({ name: '', idNumber: '123', phone: '1381234567' })),
    );
    expect(e).toBeInstanceOf(ResidentValidationError);
    expect(Object.keys((e as ResidentValidationError).errors).sort()).toEqual(['idNumber', 'name', 'phone']);
    expect(e.field).toBe('name');
  });

  it('catches a duplicate ID number and offers the existing record; nothing else is written', async () => {
    const db = freshDb();
    const first = await createResident(at(db, CTX, 'r-1'), input());
    const e = await refusal(createResident(at(db, CTX, 'r-2'), input({ name: '张叁', phone: '13700000000' })));
    expect(e).toBeInstanceOf(DuplicateResidentError);
    const dup = e as DuplicateResidentError;
    expect(dup.existing).toEqual(first);
    expect(dup.reason).toBe('idNumber');
    expect(dup.field).toBe('idNumber');
    expect(dup.message).toMatch(HAN);
    expect(dup.message).not.toContain(ZS_ID);
    expect(await db.residents.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(1);
  });

  it('catches the same name + phone (no ID) and offers the existing record; same phone with another name is fine', async () => {
    const db = freshDb();
    const first = await createResident(at(db, CTX, 'r-1'), input({ idNumber: '' }));
    const e = await refusal(
      createResident(at(db, CTX, 'r-2'), input({ name: ' 张三 ', idNumber: '', phone: '138-1234-5678' })),
    );
    expect(e).toBeInstanceOf(DuplicateResidentError);
    expect((e as DuplicateResidentError).existing.id).toBe(first.id);
    expect((e as DuplicateResidentError).reason).toBe('namePhone');
    expect(e.field).toBe('phone');
    // A family member sharing the phone is a different resident.
    await createResident(at(db, CTX, 'r-3'), input({ name: '李秀兰', idNumber: '' }));
    expect(await db.residents.count()).toBe(2);
  });
});

describe('findDuplicates', () => {
  it('finds by ID or by name + phone, and excludes the given id', async () => {
    const db = freshDb();
    await createResident(at(db, CTX, 'r-1'), input());
    const byId = await findDuplicates(db, { name: '别人', idNumber: ZS_ID, tags: [] });
    expect(byId.map((r) => r.id)).toEqual(['r-1']);
    const byNamePhone = await findDuplicates(db, { name: '张三', phone: ZS_PHONE, tags: [] });
    expect(byNamePhone.map((r) => r.id)).toEqual(['r-1']);
    expect(await findDuplicates(db, { name: '李四', phone: ZS_PHONE, tags: [] })).toEqual([]);
    expect(await findDuplicates(db, { name: '张三', idNumber: ZS_ID, phone: ZS_PHONE, tags: [] }, 'r-1')).toEqual([]);
  });
});

describe('updateResident', () => {
  it('re-validates, recomputes search keys, keeps creation stamps and audits changed field names only', async () => {
    const db = freshDb();
    await createResident(at(db, CTX, 'r-1'), input());
    const next = await updateResident(
      at(db, {
        ...CTX,
        staffId: 'staff-2',
        now: T0 + 1000,
      }),
      'r-1',
      input({ phone: '13955556666', room: '' }),
    );
    expect(next).toMatchObject({
      phone: '13955556666',
      createdBy: 'staff-1',
      createdAt: T0,
      updatedBy: 'staff-2',
      updatedAt: T0 + 1000,
    });
    expect('room' in next).toBe(false);
    expect(await getResident(at(db), 'r-1')).toEqual(next);
    expect(await searchResidents(at(db), '5678')).toEqual([]);
    expect((await searchResidents(at(db), '6666')).map((r) => r.id)).toEqual(['r-1']);

    const last = await db.auditLog.orderBy('seq').last();
    expect(last).toMatchObject({
      action: 'resident.update',
      entityId: 'r-1',
      staffId: 'staff-2',
      detail: 'phone,room',
    });
    expect(JSON.stringify(last)).not.toContain('13955556666');
  });

  it('does not count the resident itself as a duplicate, but refuses taking another resident’s ID', async () => {
    const db = freshDb();
    await createResident(at(db, CTX, 'r-1'), input());
    const other = id('11010519900101124');
    await createResident(at(db, CTX, 'r-2'), input({ name: '李四', idNumber: other, phone: '13700000000' }));
    await updateResident(at(db, CTX), 'r-1', input({ tags: ['独居老人', '党员'] }));
    expect((await getResident(at(db), 'r-1'))?.tags).toEqual(['独居老人', '党员']);
    const e = await refusal(updateResident(at(db, CTX), 'r-1', input({ idNumber: other })));
    expect(e).toBeInstanceOf(DuplicateResidentError);
    expect((e as DuplicateResidentError).existing.id).toBe('r-2');
    expect((await getResident(at(db), 'r-1'))?.idNumber).toBe(ZS_ID);
  });

  it('refuses invalid input and unknown residents; writes nothing when nothing changed', async () => {
    const db = freshDb();
    await createResident(at(db, CTX, 'r-1'), input());
    const before = await db.auditLog.count();
    await expect(updateResident(at(db, CTX), 'r-1', input({ phone: '1381234567' }))).rejects.toBeInstanceOf(
      ResidentValidationError,
    );
    await expect(updateResident(at(db, CTX), 'nope', input())).rejects.toBeInstanceOf(DomainRefusal);
    const same = await updateResident(at(db, { ...CTX, now: T0 + 5 }), 'r-1', input({ name: ' 张三 ' }));
    expect(same.updatedAt).toBe(T0);
    expect(await db.auditLog.count()).toBe(before);
  });
});

describe('searchResidents', () => {
  async function town(): Promise<DutyDeskDB> {
    const db = freshDb();
    await createResident(at(db, CTX, 'zhangsan'), input());
    await createResident(
      at(db, CTX, 'zhangsanfeng'),
      input({ name: '张三丰', idNumber: id('43010419600101135'), phone: '13600001111' }),
    );
    await createResident(
      at(db, CTX, 'shan'),
      input({ name: '单田芳', idNumber: id('11010519340512117'), phone: '13500002222' }),
    );
    await createResident(
      at(db, CTX, 'lisi'),
      input({ name: '李四', idNumber: id('11010519900101124'), phone: '13700003333' }),
    );
    return db;
  }
  const ids = async (db: DutyDeskDB, q: string, limit?: number) =>
    (await searchResidents(at(db), q, limit)).map((r) => r.id);

  it('finds by full pinyin, initials (exact initials first), Chinese prefix and full-width input', async () => {
    const db = await town();
    expect(await ids(db, 'zhangsan')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(await ids(db, 'zs')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(await ids(db, 'zsf')).toEqual(['zhangsanfeng']);
    expect(await ids(db, '张')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(await ids(db, '张三丰')).toEqual(['zhangsanfeng']);
    expect(await ids(db, 'ＺＳ')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(await ids(db, ' Zhang San ')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(await ids(db, '李')).toEqual(['lisi']);
  });

  it('ranks an exact key above prefix matches even when the exact one sorts later by name', async () => {
    const db = freshDb();
    await createResident(at(db, CTX, 'a'), input({ name: '张三丰', idNumber: '', phone: '13600001111' }));
    await createResident(at(db, CTX, 'b'), input({ name: '周森', idNumber: '', phone: '13600002222' }));
    // 'zs' equals 周森's initials; 张三丰 only starts with it.
    expect(await ids(db, 'zs')).toEqual(['b', 'a']);
  });

  it('reads the surname 单 as shan', async () => {
    const db = await town();
    expect(await ids(db, 'shan')).toEqual(['shan']);
    expect(await ids(db, 'stf')).toEqual(['shan']);
    expect(await ids(db, 'shantianfang')).toEqual(['shan']);
  });

  it('finds by the last 4 digits of the phone, the phone prefix and by ID last 4 / 6 (full-width too)', async () => {
    const db = await town();
    expect(await ids(db, '5678')).toEqual(['zhangsan']);
    expect(await ids(db, '１１１１')).toEqual(['zhangsanfeng']);
    expect(await ids(db, '1350000')).toEqual(['shan']);
    expect(await ids(db, ZS_ID.slice(-4))).toContain('zhangsan');
    expect(await ids(db, ZS_ID.slice(-6))).toEqual(['zhangsan']);
    expect(await ids(db, ZS_ID.slice(-6).toLowerCase())).toEqual(['zhangsan']);
    expect(await ids(db, ZS_ID)).toEqual(['zhangsan']);
  });

  it('returns nothing for an empty or separator-only query and for no match', async () => {
    const db = await town();
    expect(await searchResidents(at(db), '')).toEqual([]);
    expect(await searchResidents(at(db), '  · ')).toEqual([]);
    expect(await searchResidents(at(db), 'qqq')).toEqual([]);
    expect(await searchResidents(at(db), 'zs', 0)).toEqual([]);
  });

  it('respects the limit (default 20) and returns distinct residents', async () => {
    const db = freshDb();
    const given = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';
    await seed(
      db,
      Array.from(given).map((c) => `张${c}`),
    );
    const all = await searchResidents(at(db), '张', 100);
    expect(all).toHaveLength(30);
    expect(await searchResidents(at(db), '张')).toHaveLength(20);
    const five = await searchResidents(at(db), 'zhang', 5);
    expect(five).toHaveLength(5);
    expect(new Set(five.map((r) => r.id)).size).toBe(5);
    // '1' matches every phone (and more keys per resident): still only `limit` distinct residents.
    const ones = await searchResidents(at(db), '1', 7);
    expect(ones).toHaveLength(7);
    expect(new Set(ones.map((r) => r.id)).size).toBe(7);
  });

  it('returns distinct residents when one resident matches through several keys', async () => {
    const db = freshDb();
    // Phone 13900001390: keys '13900001390' and last-4 '1390' both start with '139'.
    await createResident(at(db, CTX, 'w'), input({ name: '王五', idNumber: '', phone: '13900001390' }));
    await createResident(at(db, CTX, 'z'), input({ name: '赵六', idNumber: '', phone: '13900002222' }));
    expect((await ids(db, '139', 2)).sort()).toEqual(['w', 'z']);
  });
});

/** Staff rows as stored (repositories re-read the acting account; each has signed the 保密承诺); `active` defaults to true. */
async function staffRows(db: DutyDeskDB, rows: [id: string, name: string, role: StaffRole, active?: boolean][]) {
  const stamp = { createdAt: T0, createdBy: 'staff-1', updatedAt: T0, updatedBy: 'staff-1' };
  const password: Staff['password'] = { algorithm: 'PBKDF2-SHA256', iterations: 1, saltB64: '', hashB64: '' };
  for (const [id, name, role, active = true] of rows)
    await db.staff.put({
      id,
      name,
      role,
      grids: [],
      password,
      active,
      pledgeAcceptedAt: T0,
      ...stamp,
    });
}

/** The 值班员 accounts staff-1 and staff-2 (a reveal re-reads the acting account: `resident.reveal`). */
const clerks = (db: DutyDeskDB) =>
  staffRows(db, [
    ['staff-1', '李明', '值班员'],
    ['staff-2', '赵芳', '值班员'],
  ]);

describe('revealResidentField', () => {
  it('returns the full value and audits the reveal with its reason, without the value', async () => {
    const db = freshDb();
    await clerks(db);
    await createResident(at(db, CTX, 'r-1'), input());
    expect(
      await revealResidentField(
        at(db, { staffId: 'staff-2', now: T0 + 60_000 }),
        'r-1',
        'idNumber',
        '核对身份办理业务',
      ),
    ).toBe(ZS_ID);
    expect(
      await revealResidentField(at(db, { staffId: 'staff-2', now: T0 + 61_000 }), 'r-1', 'phone', '  联系居民 '),
    ).toBe(ZS_PHONE);
    const reveals = await db.auditLog.where('action').equals('resident.reveal').toArray();
    expect(reveals).toHaveLength(2);
    expect(reveals[0]).toMatchObject({
      entity: 'resident',
      entityId: 'r-1',
      staffId: 'staff-2',
      at: T0 + 60_000,
      detail: 'idNumber；原因：核对身份办理业务',
    });
    expect(reveals[1]).toMatchObject({ detail: 'phone；原因：联系居民' });
    const json = JSON.stringify(await db.auditLog.toArray());
    expect(json).not.toContain(ZS_ID);
    expect(json).not.toContain(ZS_ID.slice(-6));
    expect(json).not.toContain(ZS_PHONE);
  });

  it('refuses an unknown resident or a field not on file, and logs nothing', async () => {
    const db = freshDb();
    await clerks(db);
    await createResident(at(db, CTX, 'r-1'), input({ idNumber: '' }));
    const before = await db.auditLog.count();
    const e = await refusal(
      revealResidentField(at(db, { staffId: 'staff-1', now: T0 }), 'r-1', 'idNumber', '联系居民'),
    );
    expect(e.message).toBe('该居民档案未登记身份证号');
    await expect(
      revealResidentField(at(db, { staffId: 'staff-1', now: T0 }), 'nope', 'phone', '联系居民'),
    ).rejects.toBeInstanceOf(DomainRefusal);
    expect(await db.auditLog.count()).toBe(before);
  });

  it('requires a short reason, refused at the field `reason`, and then neither reveals nor logs', async () => {
    const db = freshDb();
    await clerks(db);
    await createResident(at(db, CTX, 'r-1'), input());
    const before = await db.auditLog.count();
    const desk = at(db, { staffId: 'staff-1', now: T0 });
    for (const reason of [undefined, '', '   ']) {
      const e = await refusal(revealResidentField(desk, 'r-1', 'idNumber', reason as unknown as string));
      expect(e).toMatchObject({ message: '请选择或填写查看原因', field: 'reason' });
    }
    const long = await refusal(revealResidentField(desk, 'r-1', 'phone', '为'.repeat(41)));
    expect(long).toMatchObject({ field: 'reason' });
    expect(long.message).toContain('40');
    const numbered = await refusal(revealResidentField(desk, 'r-1', 'phone', `回拨${ZS_PHONE}`));
    expect(numbered).toMatchObject({ field: 'reason' });
    expect(await db.auditLog.count()).toBe(before);
    // 40 characters is still a reason.
    expect(await revealResidentField(desk, 'r-1', 'phone', '为'.repeat(40))).toBe(ZS_PHONE);
  });
});

describe('listRecentResidents', () => {
  it('lists by last change, newest first', async () => {
    const db = freshDb();
    await seed(db, ['甲一', '乙二', '丙三']);
    await updateResident(
      at(db, {
        ...CTX,
        now: T0 + 100,
      }),
      'r-0',
      input({ name: '甲一', idNumber: id('11010519800101000'), phone: '13900000000', room: '502' }),
    );
    expect((await listRecentResidents(at(db), 2)).map((r) => r.id)).toEqual(['r-0', 'r-2']);
    expect(await listRecentResidents(at(db), 0)).toEqual([]);
  });
});

describe('人员标签 in list views (resident.tagsInLists)', () => {
  /** 张三 (独居老人, 残疾人) and 李四 (困难家庭, moved away); a 值班员, an admin, an 审计员, a deactivated admin. */
  async function tagged() {
    const db = freshDb();
    await staffRows(db, [
      ['staff-1', '李明', '值班员'],
      ['admin-1', '王秀英', '站长/管理员'],
      ['audit-1', '孙审', '审计员'],
      ['admin-2', '钱停', '站长/管理员', false],
    ]);
    await createResident(at(db, CTX, 'r-1'), input({ tags: ['独居老人', '残疾人'] }));
    await createResident(
      at(db, CTX, 'r-2'),
      input({ name: '李四', idNumber: id('43010419600101123'), phone: '13900001111', tags: ['困难家庭'] }),
    );
    await db.residents.update('r-2', { status: '已迁出', statusDay: TODAY, statusNote: '' });
    const as = (staffId: string, role: StaffRole) => at(db, { ...CTX, staffId, role });
    return { db, as };
  }
  const reads = async (desk: ReturnType<typeof at>) => ({
    recent: (await listRecentResidents(desk, 20)).map((r) => [r.id, r.tags]),
    search: (await searchResidents(desk, '张三')).map((r) => [r.id, r.tags]),
    inactive: (await searchResidents(desk, '李四', 20, { includeInactive: true })).map((r) => [r.id, r.tags]),
    own: (await getResident(desk, 'r-1'))?.tags,
  });

  it('an admin’s list and search reads carry the tags', async () => {
    const { as } = await tagged();
    expect(await reads(as('admin-1', '站长/管理员'))).toEqual({
      recent: [
        ['r-2', ['困难家庭']],
        ['r-1', ['独居老人', '残疾人']],
      ],
      search: [['r-1', ['独居老人', '残疾人']]],
      inactive: [['r-2', ['困难家庭']]],
      own: ['独居老人', '残疾人'],
    });
  });

  it('a 值班员’s (and an 审计员’s) list and search reads carry none; the resident’s own read keeps them', async () => {
    const { db, as } = await tagged();
    const stripped = {
      recent: [
        ['r-2', []],
        ['r-1', []],
      ],
      search: [['r-1', []]],
      inactive: [['r-2', []]],
      own: ['独居老人', '残疾人'],
    };
    expect(await reads(as('staff-1', '值班员'))).toEqual(stripped);
    expect(await reads(as('audit-1', '审计员'))).toEqual(stripped);
    // Nothing stored changed.
    expect((await db.residents.get('r-2'))?.tags).toEqual(['困难家庭']);
  });

  it('the account as stored decides: deactivated or demoted in another window, the tags are gone', async () => {
    const { db, as } = await tagged();
    expect((await reads(as('admin-2', '站长/管理员'))).search).toEqual([['r-1', []]]);
    await db.staff.update('admin-1', { role: '值班员' });
    expect((await reads(as('admin-1', '站长/管理员'))).recent).toEqual([
      ['r-2', []],
      ['r-1', []],
    ]);
    // Before sign-in (no actor) a list has no tags either.
    expect((await searchResidents({ ...at(db), actor: null }, '张三')).map((r) => r.tags)).toEqual([[]]);
  });
});

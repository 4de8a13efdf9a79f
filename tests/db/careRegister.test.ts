/**
 * 重点服务对象 through the data layer (db/repositories/careRegister.ts): a care profile saved in
 * one transaction with its audit row (field names only), a refused profile writes nothing, and
 * the register lists only the residents with a register tag, filtered by grid and tag, sorted by
 * grid then name, with their proxy history, leaving out those marked 已迁出 / 已故.
 */
import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '@shared/domain/idNumber';
import { PHONE_MESSAGES } from '@shared/domain/phone';
import { CARE_MESSAGES } from '@shared/domain/careProfile';
import type { CommunityProfile } from '@shared/domain/records';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { markResidentStatus } from '../../renderer/src/db/repositories/residentLifecycle';
import { renderCareRegister } from '@shared/receipts/careRegister';
import { maskName } from '@shared/domain/masking';
import { registerProxyRequest } from '../../renderer/src/db/repositories/proxy';
import {
  careRegister,
  CareProfileValidationError,
  saveCareProfile,
} from '../../renderer/src/db/repositories/careRegister';
import { failureMessage } from '../../renderer/src/db/refusal';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { freshDb, setUpCommunity, T0, TEST_COMMUNITY, testDesk, TODAY } from './testDb';

const CONTACT_PHONE = '13907312468';

let seq = 100;
async function resident(db: DutyDeskDB, name: string, gridId: string, tags: string[]) {
  const first17 = `43010419450101${++seq}`;
  return createResident(testDesk(db), {
    name,
    idNumber: first17 + computeCheckDigit(first17),
    phone: `1380731${String(seq).padStart(4, '0')}`,
    building: '3',
    unit: '2',
    room: '501',
    gridId,
    tags,
  });
}

async function desk() {
  const db = freshDb();
  const liu = await resident(db, '刘桂英', 'g2', ['独居老人', '高龄']);
  const chen = await resident(db, '陈志刚', 'g1', ['残疾人']);
  const an = await resident(db, '安秀兰', 'g2', ['重病', '党员']);
  const zhou = await resident(db, '周明', 'g1', ['党员', '困难家庭']);
  const wu = await resident(db, '吴芳', '', ['高龄']);
  return { db, liu, chen, an, zhou, wu, d: testDesk(db) };
}

const names = (rows: { resident: { name: string } }[]) => rows.map((r) => r.resident.name);

describe('saveCareProfile', () => {
  it('stores the normalised profile in one transaction with an audit row naming only the fields', async () => {
    const { db, liu, d } = await desk();
    const before = await db.auditLog.count();
    const saved = await saveCareProfile(d, liu.id, {
      contactName: ' 李建国 ',
      contactRelation: '儿子',
      contactPhone: '139 0731 2468',
      needs: ['只讲方言', '行动不便'],
      dialect: '湘方言',
      preferredTime: '工作日上午',
      note: '',
    });
    expect(saved.care).toEqual({
      contactName: '李建国',
      contactRelation: '儿子',
      contactPhone: CONTACT_PHONE,
      needs: ['行动不便', '只讲方言'],
      dialect: '湘方言',
      preferredTime: '工作日上午',
    });
    expect((await db.residents.get(liu.id))?.care).toEqual(saved.care);
    // The other fields of the resident (and their search keys) are kept.
    expect((await db.residents.get(liu.id))?.tags).toEqual(['独居老人', '高龄']);
    expect((await db.residents.get(liu.id))?.searchKeys).toEqual(liu.searchKeys);
    expect(await db.auditLog.count()).toBe(before + 1);
    const row = await db.auditLog.orderBy('seq').last();
    expect(row).toMatchObject({ action: 'resident.care', entity: 'resident', entityId: liu.id, staffId: 'staff-1' });
    expect(row?.at).toBe(T0);
    const logged = JSON.stringify(row);
    for (const value of ['李建国', CONTACT_PHONE, '2468', '湘方言', '工作日上午', '刘桂英'])
      expect(logged).not.toContain(value);
    expect(row?.detail).toBe('contactName,contactRelation,contactPhone,needs,dialect,preferredTime');
  });

  it('writes nothing, and names the field, when a value is refused', async () => {
    const { db, liu, d } = await desk();
    await saveCareProfile(d, liu.id, { contactName: '李建国', needs: ['行动不便'] });
    const stored = await db.residents.get(liu.id);
    const audit = await db.auditLog.count();
    const refused = await saveCareProfile(d, liu.id, {
      contactName: '李建国',
      contactPhone: '1390731246',
      needs: ['行动不便', '会飞'],
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CareProfileValidationError);
    expect(failureMessage(refused)).toEqual({ message: PHONE_MESSAGES.mobileLength(10), field: 'contactPhone' });
    expect((refused as CareProfileValidationError).errors).toEqual({
      contactPhone: PHONE_MESSAGES.mobileLength(10),
      needs: CARE_MESSAGES.needsUnknown,
    });
    expect(await db.residents.get(liu.id)).toEqual(stored);
    expect(await db.auditLog.count()).toBe(audit);
  });

  it('refuses an unknown resident; an unchanged profile writes nothing; an empty one removes it', async () => {
    const { db, liu, d } = await desk();
    const missing = await saveCareProfile(d, 'nobody', { needs: [] }).catch((e: unknown) => e);
    expect(failureMessage(missing)?.message).toBe('未找到该居民档案，可能已被删除');
    await saveCareProfile(d, liu.id, { needs: ['听力障碍'], preferredTime: '下午' });
    const audit = await db.auditLog.count();
    await saveCareProfile(d, liu.id, { needs: ['听力障碍'], preferredTime: ' 下午 ' });
    expect(await db.auditLog.count()).toBe(audit);
    await saveCareProfile(d, liu.id, { needs: [], preferredTime: '' });
    expect((await db.residents.get(liu.id))?.care).toBeUndefined();
    expect((await db.auditLog.orderBy('seq').last())?.detail).toBe('cleared');
  });
});

describe('careRegister', () => {
  it('lists only residents with a register tag, by grid then name, with their register tags', async () => {
    const { liu, chen, an, wu, d } = await desk();
    const rows = await careRegister(d);
    // 周明 (党员, 困难家庭) is not on the register; 吴芳 has no grid and comes last.
    expect(names(rows)).toEqual(['陈志刚', '安秀兰', '刘桂英', '吴芳']);
    expect(rows.map((r) => r.resident.id)).toEqual([chen.id, an.id, liu.id, wu.id]);
    expect(rows.map((r) => r.gridName)).toEqual(['第一网格', '第二网格', '第二网格', '']);
    expect(rows.find((r) => r.resident.id === an.id)?.registerTags).toEqual(['重病']);
    expect(rows.find((r) => r.resident.id === liu.id)?.registerTags).toEqual(['独居老人', '高龄']);
  });

  it('filters by grid and by tag, and by both', async () => {
    const { d } = await desk();
    expect(names(await careRegister(d, { gridId: 'g2' }))).toEqual(['安秀兰', '刘桂英']);
    expect(names(await careRegister(d, { tag: '高龄' }))).toEqual(['刘桂英', '吴芳']);
    expect(names(await careRegister(d, { gridId: 'g1', tag: '高龄' }))).toEqual([]);
    expect(names(await careRegister(d, { gridId: 'g2', tag: '重病' }))).toEqual(['安秀兰']);
    // A tag that is not a register tag lists no one.
    expect(names(await careRegister(d, { tag: '党员' }))).toEqual([]);
  });

  it('follows the center’s register tags', async () => {
    const { db } = await desk();
    const community: CommunityProfile = {
      ...TEST_COMMUNITY,
      proxy: { twoStaff: true, targetWorkingDays: 2, promises: ['不收费'], registerTags: ['困难家庭'] },
    };
    expect(names(await careRegister(testDesk(db, { community })))).toEqual(['周明']);
  });

  it('gives each resident’s proxy history: how many requests and the latest day', async () => {
    const { db, liu, chen, d } = await desk();
    const on = (today: string) => testDesk(db, { today });
    await registerProxyRequest(on('2026-10-12'), { residentId: liu.id, source: '电话', request: '代办高龄津贴' });
    await registerProxyRequest(on('2026-11-20'), { residentId: liu.id, source: '入户走访', request: '代缴医保' });
    await registerProxyRequest(on(TODAY), { residentId: chen.id, source: '电话', request: '残疾人证年审' });
    const rows = await careRegister(d);
    const of = (id: string) => rows.find((r) => r.resident.id === id)?.proxy;
    expect(of(liu.id)).toEqual({ count: 2, lastDay: '2026-11-20' });
    expect(of(chen.id)).toEqual({ count: 1, lastDay: TODAY });
    expect(rows.filter((r) => r.proxy.count === 0)).toHaveLength(2);
  });

  it('leaves out residents marked 已迁出 or 已故 (screen and printout), unless asked to include them', async () => {
    const { db, liu, an, wu } = await desk();
    const admin = await setUpCommunity(db);
    const d = testDesk(db, { staffId: admin.id, role: '站长/管理员' });
    await markResidentStatus(d, liu.id, { status: '已迁出', day: '2026-11-20', note: '迁往岳麓区，女儿告知' });
    await markResidentStatus(d, an.id, { status: '已故', day: '2026-11-22', note: '家属来电告知' });
    expect(names(await careRegister(d))).toEqual(['陈志刚', '吴芳']);
    expect(names(await careRegister(d, { gridId: 'g2' }))).toEqual([]);
    expect(names(await careRegister(d, { tag: '高龄' }))).toEqual(['吴芳']);
    expect(names(await careRegister(d, { includeInactive: true }))).toEqual(['陈志刚', '安秀兰', '刘桂英', '吴芳']);
    // The printout is built from the same rows.
    const html = renderCareRegister({
      communityName: '桃花岭社区',
      gridLabel: '全部网格',
      tagLabel: '全部标签',
      day: TODAY,
      printedAt: '2026-11-24 09:30',
      printedBy: '王秀英',
      entries: await careRegister(d),
    });
    expect(html).toContain(maskName('陈志刚'));
    expect(html).not.toContain(maskName('刘桂英'));
    expect(html).not.toContain(maskName('安秀兰'));
    // Back to 在册: on the register again.
    await markResidentStatus(d, liu.id, { status: '在册', day: TODAY, note: '登记有误，仍住本社区' });
    expect(names(await careRegister(d, { gridId: 'g2' }))).toEqual(['刘桂英']);
    expect(wu.status).toBeUndefined();
  });

  it('reads residents through the tags index, never the whole table', async () => {
    const { db } = await desk();
    const seen: string[] = [];
    // A desk whose residents table records which of its read methods are called.
    const residents = new Proxy(db.residents, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          seen.push(key === 'where' ? `where:${String(args[0])}` : String(key));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const watched = new Proxy(db, { get: (t, k, r) => (k === 'residents' ? residents : Reflect.get(t, k, r)) });
    await careRegister(testDesk(watched), { gridId: 'g1' });
    expect(seen).toEqual(['where:tags']);
  });
});

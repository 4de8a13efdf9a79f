/**
 * The proxy-request rule table (shared/domain/proxy): each action's refusals and effects, the
 * two-staff rule, the routine target in working days, cancelling only once the originals are
 * back, and the settings' fallbacks and checks.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedProxyActions,
  applyProxy,
  DEFAULT_PROXY_SETTINGS,
  deliveryRefusal,
  missingRefusal,
  proxySettings,
  validateProxySettings,
  visitDayOf,
  type ProxyAction,
  type ProxyCtx,
  type ProxyState,
} from '@shared/domain/proxy';
import { createCalendar } from '@shared/domain/workingCalendar';

const calendar = createCalendar();
// Friday 2026-11-27: two working days later is Tuesday 2026-12-01.
const ctx = (patch: Partial<ProxyCtx> = {}): ProxyCtx => ({
  actorId: 's1',
  now: 1_000,
  today: '2026-11-27',
  settings: DEFAULT_PROXY_SETTINGS,
  calendar,
  originalsOut: [],
  ...patch,
});
const pending: ProxyState = { status: '待确认' };
const accepted: ProxyState = { status: '待上门', caseId: 'c1' };
const book: ProxyAction = { type: '预约上门', day: '2026-11-27', slot: '上午', staffIds: ['s1', 's2'] };
const booked: ProxyState = {
  ...accepted,
  visit: { day: '2026-11-27', slot: '上午', staffIds: ['s1', 's2'], bookedAt: 1, bookedBy: 's1' },
};

function ok(s: ProxyState, a: ProxyAction, c = ctx()): ProxyState {
  const r = applyProxy(s, a, c);
  if (!r.ok) throw new Error(r.reason);
  return r.next;
}
function refused(s: ProxyState, a: ProxyAction, c = ctx()) {
  const r = applyProxy(s, a, c);
  if (r.ok) throw new Error(`expected a refusal of ${a.type}`);
  return { reason: r.reason, field: r.field };
}

describe('the life of a proxy request', () => {
  it('待确认 → 受理 → booked → visited (target 2 working days) → 办理完毕 → 送达', () => {
    let s = ok(pending, { type: '受理', caseId: 'c1' });
    expect(s).toMatchObject({ status: '待上门', caseId: 'c1' });
    expect(allowedProxyActions(s)).toEqual(['预约上门', '取消', '委托书回收']);
    expect(refused(s, { type: '上门完成' }).reason).toBe('请先预约上门');
    s = ok(s, book);
    expect(s.visit).toMatchObject({ day: '2026-11-27', slot: '上午', staffIds: ['s1', 's2'], bookedBy: 's1' });
    s = ok(s, { type: '上门完成' });
    expect(s).toMatchObject({ status: '办理中', visitedDay: '2026-11-27', targetDay: '2026-12-01' });
    s = ok(s, { type: '办理完毕' });
    expect(s.status).toBe('待送达');
    s = ok(s, { type: '送达', method: '上门送达', at: 900, by: 's2' });
    expect(s).toMatchObject({ status: '已送达', delivery: { method: '上门送达', at: 900, by: 's2' } });
    expect(allowedProxyActions(s)).toEqual(['委托书回收']);
  });

  it('refuses each action out of its status', () => {
    expect(refused(booked, { type: '受理', caseId: 'c2' }).reason).toBe('该代办已受理');
    expect(refused(pending, book).reason).toBe('待确认的代办不能预约上门');
    expect(refused(booked, { type: '办理完毕' }).reason).toBe('待上门的代办不能登记办理完毕');
    expect(refused(booked, { type: '送达', method: '邮寄', at: 1, by: 's1' }).reason).toBe('待上门的代办不能登记送达');
    expect(refused({ status: '已送达' }, { type: '取消', reason: '居民撤回' }).reason).toBe('已送达的代办不能取消');
    expect(refused(pending, { type: '委托书回收', day: '2026-11-27', keptAt: '柜' }).reason).toBe(
      '待确认的代办没有委托书',
    );
  });
});

describe('booking a home visit', () => {
  it('needs a day from today, a slot and the staff; one alone gives a reason under the two-staff rule', () => {
    expect(refused(accepted, { ...book, day: '2026-11-26' })).toEqual({ reason: '上门日期不能早于今天', field: 'day' });
    expect(refused(accepted, { ...book, day: '2026-02-30' }).field).toBe('day');
    expect(refused(accepted, { ...book, slot: '半夜' as never }).field).toBe('slot');
    expect(refused(accepted, { ...book, staffIds: [] }).field).toBe('staffIds');
    expect(refused(accepted, { ...book, staffIds: ['s1'] })).toEqual({
      reason: '上门应有两名工作人员；一人上门请填写原因',
      field: 'soloReason',
    });
    const solo = ok(accepted, { ...book, staffIds: ['s1', 's1'], soloReason: '同事病假' });
    expect(solo.visit).toMatchObject({ staffIds: ['s1'], soloReason: '同事病假' });
    // A center that allows one staff: no reason needed.
    const relaxed = ctx({ settings: { ...DEFAULT_PROXY_SETTINGS, twoStaff: false } });
    expect(ok(accepted, { ...book, staffIds: ['s1'] }, relaxed).visit?.soloReason).toBeUndefined();
  });

  it('a second booking replaces the first (改约); the index day is the booked day only while the visit is to make', () => {
    const r = applyProxy(booked, { ...book, day: '2026-11-30', slot: '下午' }, ctx());
    expect(r.ok && r.note).toBe('改约上门：2026-11-30 下午，2 人');
    expect(visitDayOf({ status: '待上门', visit: booked.visit })).toBe('2026-11-27');
    expect(visitDayOf({ status: '办理中', visit: booked.visit })).toBeUndefined();
  });

  it('the target counts the center’s working days from the visit', () => {
    const five = ctx({ settings: { ...DEFAULT_PROXY_SETTINGS, targetWorkingDays: 5 } });
    expect(ok(booked, { type: '上门完成' }, five).targetDay).toBe('2026-12-04');
  });
});

describe('送达, cancelling and the 委托书', () => {
  const handling: ProxyState = { ...booked, status: '办理中' };
  it('送达 needs a method, who delivered and a time not in the future', () => {
    expect(refused(handling, { type: '送达', method: '飞鸽' as never, at: 1, by: 's1' }).field).toBe('method');
    expect(refused(handling, { type: '送达', method: '邮寄', at: 1, by: '' }).field).toBe('by');
    expect(refused(handling, { type: '送达', method: '邮寄', at: 5_000, by: 's1' }).field).toBe('at');
    expect(refused(handling, { type: '送达', method: '邮寄', at: Number.NaN, by: 's1' }).field).toBe('at');
  });

  it('送达 is not before the day the request was made (issue 25 item 13)', () => {
    // 2026-11-26 23:59 and 2026-11-27 00:00 Beijing time, for a request of 2026-11-27.
    const before = Date.parse('2026-11-26T23:59:00+08:00');
    const onTheDay = Date.parse('2026-11-27T00:00:00+08:00');
    const c = ctx({ now: onTheDay + 3_600_000, requestedDay: '2026-11-27' });
    expect(refused(handling, { type: '送达', method: '邮寄', at: before, by: 's1' }, c)).toEqual({
      reason: '送达时间不能早于申请日期（2026-11-27）',
      field: 'at',
    });
    expect(ok(handling, { type: '送达', method: '邮寄', at: onTheDay, by: 's1' }, c).status).toBe('已送达');
  });

  it('cancelling waits for the originals, names them, and needs a reason for 其他', () => {
    const out = ctx({ originalsOut: ['户口簿', '残疾证'] });
    expect(refused(handling, { type: '取消', reason: '住院' }, out).reason).toBe('请先归还居民的原件：户口簿、残疾证');
    expect(refused(handling, { type: '取消', reason: '其他' }).field).toBe('note');
    expect(refused(handling, { type: '取消', reason: '' as never }).field).toBe('reason');
    const s = ok(handling, { type: '取消', reason: '去世', note: '家属来电告知' });
    expect(s).toMatchObject({
      status: '已取消',
      cancel: { reason: '去世', note: '家属来电告知', by: 's1', at: 1_000 },
    });
  });

  it('the signed 委托书 back: a day not after today and where it is kept', () => {
    expect(refused(handling, { type: '委托书回收', day: '2026-11-28', keptAt: '档案柜' }).field).toBe('day');
    expect(refused(handling, { type: '委托书回收', day: '2026-11-27', keptAt: ' ' }).field).toBe('keptAt');
    expect(ok(handling, { type: '委托书回收', day: '2026-11-27', keptAt: ' 档案柜 2 号 ' }).mandate).toEqual({
      day: '2026-11-27',
      keptAt: '档案柜 2 号',
      by: 's1',
    });
  });

  it('a proxy case closes only once the result has reached the resident (or the request was cancelled)', () => {
    expect(deliveryRefusal({ status: '待送达' })).toContain('须先登记送达');
    expect(deliveryRefusal({ status: '已送达' })).toBeNull();
    expect(deliveryRefusal({ status: '已取消' })).toBeNull();
    expect(deliveryRefusal(undefined)).toBeNull();
  });

  it('refuses an unknown action and an actor not signed in', () => {
    expect(refused(handling, { type: '飞走' } as never).reason).toBe('未知的代办操作');
    expect(refused(handling, { type: '办理完毕' }, ctx({ actorId: '' })).reason).toBe('请先登录');
  });
});

describe('帮代办 settings', () => {
  it('fall back to the defaults when missing or out of range', () => {
    expect(proxySettings({})).toEqual(DEFAULT_PROXY_SETTINGS);
    const odd = proxySettings({ proxy: { twoStaff: false, targetWorkingDays: 99, promises: [' '], registerTags: [] } });
    expect(odd).toEqual({ ...DEFAULT_PROXY_SETTINGS, twoStaff: false, registerTags: [] });
  });
  it('are checked at their field when saved', () => {
    const base = DEFAULT_PROXY_SETTINGS;
    expect(validateProxySettings({ ...base, targetWorkingDays: 0 })?.field).toBe('targetWorkingDays');
    expect(validateProxySettings({ ...base, targetWorkingDays: 2.5 })?.field).toBe('targetWorkingDays');
    expect(validateProxySettings({ ...base, promises: ['', ' '] })?.field).toBe('promises');
    expect(validateProxySettings({ ...base, promises: ['很长'.repeat(11)] })?.field).toBe('promises');
    expect(validateProxySettings(base)).toBeNull();
  });
});

describe('issue 25: the visit on its day, 送达 with the originals home, the 委托书 once, 办结 without 缺件', () => {
  const handling: ProxyState = { ...booked, status: '办理中' };
  const tomorrow: ProxyState = { ...booked, visit: { ...booked.visit!, day: '2026-11-28' } };
  const yesterday: ProxyState = { ...booked, visit: { ...booked.visit!, day: '2026-11-26' } };

  it('登记已上门 records the booked day; a visit booked tomorrow is not recorded today without a reason', () => {
    expect(ok(yesterday, { type: '上门完成' })).toMatchObject({ visitedDay: '2026-11-26', targetDay: '2026-11-30' });
    expect(refused(tomorrow, { type: '上门完成' })).toEqual({
      reason: '预约的上门日期是 2026-11-28；登记为 2026-11-27 上门，请填写原因',
      field: 'reason',
    });
    expect(refused(tomorrow, { type: '上门完成', day: '2026-11-28' })).toEqual({
      reason: '上门日期不能晚于今天',
      field: 'day',
    });
    expect(refused(yesterday, { type: '上门完成', day: '2026-11-27', reason: ' ' }).field).toBe('reason');
    const r = applyProxy(tomorrow, { type: '上门完成', day: '2026-11-27', reason: '居民要求提前' }, ctx());
    expect(r.ok && r.next).toMatchObject({ visitedDay: '2026-11-27', visitedReason: '居民要求提前' });
    expect(r.ok && r.note).toBe(
      '2026-11-27 已上门（预约 2026-11-28，居民要求提前），代办目标 2026-12-01（2 个工作日）',
    );
    expect(ok(booked, { type: '上门完成', day: '2026-11-27' }).visitedReason).toBeUndefined();
  });

  it('送达 is refused while originals are out, naming them', () => {
    const out = ctx({ originalsOut: ['居民身份证', '户口簿'] });
    expect(refused(handling, { type: '送达', method: '上门送达', at: 900, by: 's1' }, out)).toEqual({
      reason: '以下原件仍在外：居民身份证、户口簿；请先归还居民，或选择“随结果一并归还”',
      field: 'returnOriginals',
    });
  });

  it('登记委托书收回 is not offered once recorded', () => {
    const back = ok(handling, { type: '委托书回收', day: '2026-11-27', keptAt: '档案柜' });
    expect(allowedProxyActions(back)).not.toContain('委托书回收');
    expect(refused(back, { type: '委托书回收', day: '2026-11-27', keptAt: '档案柜' }).reason).toBe('委托书已登记收回');
  });

  it('a proxy case is not closed with a 缺件 still listed, naming it', () => {
    expect(missingRefusal(['高龄津贴申请表'])).toBe(
      '以下材料仍在缺件清单中：高龄津贴申请表；请先收取（或登记补正）再办结',
    );
    expect(missingRefusal([])).toBeNull();
  });
});

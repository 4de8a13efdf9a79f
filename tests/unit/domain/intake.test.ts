import { describe, expect, it } from 'vitest';
import {
  defaultCounterMode,
  normalizeAgent,
  planCase,
  validateDraft,
  validateVisit,
  type CaseDraft,
} from '@shared/domain/intake';
import { createCalendar } from '@shared/domain/workingCalendar';
import { TEST_MATTER } from './helpers';

const calendar = createCalendar();
const TODAY = '2026-09-30';

const matter = TEST_MATTER;
const all = ['居民身份证', '户口簿'];
const draft = (patch: Partial<CaseDraft>): CaseDraft => ({ matter, mode: '承诺件', received: all, ...patch });

describe('planning a case at the counter', () => {
  it('承诺件 with every required document: accepted, promised date N working days later', () => {
    const plan = planCase(draft({}), TODAY, calendar);
    expect(plan).toMatchObject({ status: '已受理', receipts: ['受理回执'], missing: [] });
    expect(plan.deadline).toBe(calendar.addWorkingDays(TODAY, 3).date);
    expect(plan.deadline! > '2026-10-08').toBe(true); // National Day is skipped
  });

  it('an optional document may be missing; a required one makes it wait with a 一次性告知单', () => {
    expect(planCase(draft({ received: all }), TODAY, calendar).status).toBe('已受理');
    const plan = planCase(draft({ received: ['居民身份证'] }), TODAY, calendar);
    expect(plan).toMatchObject({ status: '待补正', receipts: ['一次性告知单'] });
    expect(plan.missing.map((d) => d.name)).toEqual(['户口簿']);
    expect(plan.deadline).toBeUndefined();
  });

  it('帮代办 with documents missing is accepted: staff collect them at home', () => {
    const plan = planCase(draft({ mode: '帮代办', received: [] }), TODAY, calendar);
    expect(plan.status).toBe('已受理');
    expect(plan.deadline).toBe(calendar.addWorkingDays(TODAY, 3).date);
    expect(plan.missing.map((d) => d.name)).toEqual(['居民身份证', '户口簿']);
  });

  it('即办 is finished on the spot; 不予受理 prints its notice; 预约 counts from the appointment', () => {
    expect(planCase(draft({ mode: '即办' }), TODAY, calendar)).toMatchObject({
      status: '已办结',
      receipts: ['办结回执'],
    });
    expect(planCase(draft({ mode: '不予受理', refusalReason: 'x', redirectTo: 'y' }), TODAY, calendar)).toMatchObject({
      status: '不予受理',
      receipts: ['不予受理告知书'],
    });
    const appt = planCase(draft({ mode: '预约', appointmentAt: '2026-10-12T09:00' }), TODAY, calendar);
    expect(appt.deadline).toBe(calendar.addWorkingDays('2026-10-12', 3).date);
  });

  it('refuses incomplete drafts with Chinese messages', () => {
    expect(validateDraft(draft({ mode: '预约' }), TODAY).appointmentAt).toBe('请填写预约日期和时间');
    expect(validateDraft(draft({ mode: '预约', appointmentAt: '2026-09-29T09:00' }), TODAY).appointmentAt).toBe(
      '预约日期不能早于今天',
    );
    expect(validateDraft(draft({ mode: '预约', appointmentAt: '12026-09-29T09:00' }), TODAY).appointmentAt).toBe(
      '请填写预约日期和时间',
    );
    expect(validateDraft(draft({ mode: '不予受理' }), TODAY)).toEqual({
      refusalReason: '请填写不予受理的理由',
      redirectTo: '请告知居民应到何处办理',
    });
    expect(validateDraft(draft({ mode: '帮代办', matter: { ...matter, proxyEligible: false } }), TODAY).mode).toBe(
      '该事项不在帮代办范围内',
    );
    expect(validateDraft(draft({ mode: '即办' }), TODAY).mode).toContain('不能即办');
    expect(validateDraft(draft({}), TODAY)).toEqual({});
  });

  it('defaults the counter mode from the catalog', () => {
    expect(defaultCounterMode(matter)).toBe('承诺件');
    expect(defaultCounterMode({ ...matter, defaultMode: '即办' })).toBe('即办');
    expect(defaultCounterMode({ ...matter, defaultMode: '预约' })).toBe('预约');
  });
});

describe('issue 9 item 3: 咨询 properly — never a 0-day 承诺件', () => {
  const consultation: typeof TEST_MATTER = {
    ...TEST_MATTER,
    code: 'ZX-001',
    name: '惠民政策咨询',
    documents: [],
    timeLimitDays: 0,
    defaultMode: '咨询',
    replyLimitDays: 3,
    remit: '社区办理',
  };
  delete consultation.forwardTo;
  const ask = (patch: Partial<CaseDraft>): CaseDraft => ({
    matter: consultation,
    mode: '咨询',
    received: [],
    ...patch,
  });

  it('is taken as 咨询 by default, and a 承诺件 of a consultation matter is refused', () => {
    expect(defaultCounterMode(consultation)).toBe('咨询');
    expect(validateDraft(ask({ mode: '承诺件' }), TODAY).mode).toContain('咨询');
    expect(validateDraft(ask({}), TODAY).answered).toBe('请选择是否当场答复');
    expect(validateDraft(draft({ mode: '咨询' }), TODAY).mode).toBe('该事项不是咨询事项，请选择其他办理方式');
  });

  it('当场答复 closes it at once; 未能当场答复 closes it with a reply due within the 答复时限', () => {
    expect(planCase(ask({ answered: true }), TODAY, calendar)).toMatchObject({ status: '已办结', receipts: [] });
    const later = planCase(ask({ answered: false }), TODAY, calendar);
    expect(later.status).toBe('已办结');
    expect(later.replyBy).toBe(calendar.addWorkingDays(TODAY, 3).date); // over National Day
    expect(later.replyBy! > '2026-10-08').toBe(true);
  });
});

describe('issue 9 item 14: the agent’s ID number', () => {
  const base = { channel: '来站' as const, kind: '办件' as const, content: '', residentId: 'r1', cases: [draft({})] };
  it('is checked like the resident’s, and stored in its normal form', () => {
    const bad = validateVisit(
      { ...base, agent: { name: '王建国', relation: '儿子', idNumber: '430104195803151238' } },
      TODAY,
    );
    expect(bad.agentIdNumber).toBe('校验位不正确，请核对');
    const good = { name: ' 王建国 ', relation: '儿子', idNumber: '４３0104195803151237' }; // full-width digits typed
    expect(validateVisit({ ...base, agent: good }, TODAY).agentIdNumber).toBeUndefined();
    expect(normalizeAgent(good, TODAY)).toEqual({ name: '王建国', relation: '儿子', idNumber: '430104195803151237' });
  });
});

/** 操作日志 in words: every action the log records has a Chinese name; old and unknown names are handled. */
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel } from '@shared/domain/auditLabels';
import {
  AUDIT_ENTITIES,
  auditActionOf,
  CASE_AUDIT_ACTIONS,
  CUSTODY_AUDIT_ACTIONS,
  PROXY_AUDIT_ACTIONS,
} from '@shared/domain/audit';

describe('audit labels', () => {
  it('names the case, 帮代办 and 材料 actions by their Chinese type, the rest by their own words', () => {
    expect(auditActionLabel('case.transfer')).toBe('办件：转办');
    expect(auditActionLabel('proxy.book')).toBe('帮代办：预约上门');
    expect(auditActionLabel('custody.handOver')).toBe('材料：移交');
    expect(auditActionLabel('resident.reveal')).toBe('查看完整信息');
    expect(auditActionLabel('session.switch')).toBe('换人值班');
  });

  it('gives every known action a Chinese label, none left in ASCII', () => {
    const all = [
      ...Object.values(CASE_AUDIT_ACTIONS),
      ...Object.values(PROXY_AUDIT_ACTIONS),
      ...Object.values(CUSTODY_AUDIT_ACTIONS),
      'signout',
      'resident.delete',
      'staff.pledge',
    ];
    for (const a of all) {
      expect(auditActionOf(a), a).toBe(a);
      expect(auditActionLabel(a), a).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('maps a legacy row (case.转办) and shows an unknown (newer build) name as stored', () => {
    expect(auditActionLabel('case.转办')).toBe('办件：转办');
    expect(auditActionLabel('future.thing')).toBe('future.thing');
    expect(auditEntityLabel('proxyTask')).toBe('代办需求');
    expect(auditEntityLabel('somethingNew')).toBe('somethingNew');
  });

  it('names every audit domain in Chinese; an inherited property name is not a domain', () => {
    for (const e of AUDIT_ENTITIES) expect(auditEntityLabel(e), e).toMatch(/^[\u4e00-\u9fa5]+$/);
    expect(auditEntityLabel('toString')).toBe('toString');
  });
});

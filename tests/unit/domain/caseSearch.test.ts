import { describe, expect, it } from 'vitest';
import { planCaseSearch } from '@shared/domain/caseSearch';

describe('planCaseSearch: the tail of a tracking number', () => {
  it('reads the tail as printed on the receipt, with the desk: only that desk', () => {
    expect(planCaseSearch('020007').tail).toEqual({ prefix: '号:0007|', desk: 2 });
    expect(planCaseSearch('20261124-020007').tail).toEqual({ prefix: '号:20261124-0007', desk: 2 });
    expect(planCaseSearch('20261124020007').tail).toEqual({ prefix: '号:20261124-0007', desk: 2 });
    expect(planCaseSearch('0210000').tail).toEqual({ prefix: '号:10000|', desk: 2 });
  });

  it('keeps a tail without the desk answering every desk', () => {
    expect(planCaseSearch('7').tail).toEqual({ prefix: '号:0007|' });
    expect(planCaseSearch('0007').tail).toEqual({ prefix: '号:0007|' });
    expect(planCaseSearch('20261124-7').tail).toEqual({ prefix: '号:20261124-0007' });
  });

  it('is no tail when the digits are no desk and sequence', () => {
    expect(planCaseSearch('000007').tail).toBeUndefined(); // desk 00
    expect(planCaseSearch('0').tail).toBeUndefined();
    expect(planCaseSearch('12345').tail).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { issuingDeskText, numberMatches } from '../../../shared/domain/numberLookup';

const c = (id: string, trackingNumber: string, acceptedDay: string) => ({ id, trackingNumber, acceptedDay });

describe('a lookup by number lists every match with its desk and date', () => {
  it('names the issuing desk, or says the number is from before desks', () => {
    expect(issuingDeskText('THL-20261124-030007')).toBe('窗口号 3');
    expect(issuingDeskText('THL-20261124-0007')).toBe('启用窗口号之前');
  });

  it('lists every case with exactly that number, oldest first, whatever order the rows came in', () => {
    const rows = [
      c('b', 'THL-20261124-0007', '2026-11-24'),
      c('x', 'THL-20261124-0008', '2026-11-24'),
      c('a', 'THL-20261124-0007', '2026-11-24'),
      c('n', 'THL-20261124-010007', '2026-11-24'),
    ];
    expect(numberMatches(' thl-20261124-0007 ', rows)).toEqual([
      { id: 'a', trackingNumber: 'THL-20261124-0007', acceptedDay: '2026-11-24', desk: '启用窗口号之前' },
      { id: 'b', trackingNumber: 'THL-20261124-0007', acceptedDay: '2026-11-24', desk: '启用窗口号之前' },
    ]);
    expect(numberMatches('THL-20261124-010007', rows).map((m) => m.desk)).toEqual(['窗口号 1']);
    expect(numberMatches('0007', rows)).toEqual([]); // a tail is a search, not a number
  });
});

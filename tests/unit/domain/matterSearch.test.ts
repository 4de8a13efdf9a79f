import { describe, expect, it } from 'vitest';
import { matterHaystack, recentMatterCodes, searchMatters, withRecentFirst } from '@shared/domain/matterSearch';
import { parseCatalog } from '@shared/domain/catalog';
import catalogJson from '../../../resources/catalog/default-matters.json';

const matters = [
  { code: 'YL-001', category: '养老服务', name: '高龄津贴申请', keywords: ['八十岁'] },
  { code: 'CJ-001', category: '残疾人服务', name: '残疾人证办理协助' },
  { code: 'ZF-001', category: '住房与物业', name: '出租房屋登记' },
].map((matter) => ({ matter, haystack: matterHaystack(matter) }));

describe('matter search at the counter', () => {
  it.each([
    ['高龄', 'YL-001'],
    ['gljt', 'YL-001'],
    ['gaoling', 'YL-001'],
    ['八十岁', 'YL-001'],
    ['cjr', 'CJ-001'],
    ['CZFW', 'ZF-001'],
    ['住房', 'ZF-001'],
  ])('%s finds %s', (q, code) => {
    expect(searchMatters(matters, q).map((m) => m.code)).toEqual([code]);
  });

  it('finds nothing for an unrelated query and everything for an empty one', () => {
    expect(searchMatters(matters, 'xyzq')).toEqual([]);
    expect(searchMatters(matters, '')).toHaveLength(3);
  });
});

describe('issue 9 item 11: everyday words and their pinyin find the shipped matters', () => {
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) throw new Error('catalog');
  const shipped = parsed.catalog.matters.map((matter) => ({ matter, haystack: matterHaystack(matter) }));
  it.each([
    ['dibao', 'SJ-001'],
    ['db', 'SJ-001'],
    ['yibao', 'SB-003'],
    ['yb', 'SB-003'],
    ['shebaoka', 'SB-010'],
  ])('%s finds %s', (q, code) => {
    expect(searchMatters(shipped, q, 30).map((m) => m.code)).toContain(code);
  });
});

/** Issue 25 item 21: a returning resident's recent matters come first in the matter box. */
describe("a resident's recent matters", () => {
  const c = (matterCode: string, acceptedDay: string, createdAt = 0) => ({ matterCode, acceptedDay, createdAt });

  it('are their distinct matter codes, newest first (by day, then by time), at most three', () => {
    const cases = [
      c('YL-001', '2026-10-01'),
      c('CJ-001', '2026-11-20', 1),
      c('ZF-001', '2026-11-20', 2),
      c('YL-001', '2026-11-01'),
      c('XX-001', '2026-09-01'),
    ];
    expect(recentMatterCodes(cases)).toEqual(['ZF-001', 'CJ-001', 'YL-001']);
    expect(recentMatterCodes([])).toEqual([]);
  });

  it('move to the front of the list in that order; the rest keep the catalog order', () => {
    const ordered = withRecentFirst(matters, ['ZF-001', 'CJ-001']).map((m) => m.matter.code);
    expect(ordered).toEqual(['ZF-001', 'CJ-001', 'YL-001']);
    expect(searchMatters(withRecentFirst(matters, ['ZF-001']), '')[0]?.code).toBe('ZF-001');
    expect(withRecentFirst(matters, []).map((m) => m.matter.code)).toEqual(['YL-001', 'CJ-001', 'ZF-001']);
  });
});

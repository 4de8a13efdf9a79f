import { describe, expect, it } from 'vitest';
import { matterHaystack, searchMatters } from '@shared/domain/matterSearch';
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

/**
 * The default matter catalog (resources/catalog/default-matters.json) and its validator
 * (shared/domain/catalog.ts): the shipped file must parse, and broken copies must produce
 * Chinese errors that name the offending entry.
 */
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../resources/catalog/default-matters.json';
import { DOCUMENT_FORMS, REMITS, SERVICE_MODES, parseCatalog } from '../../../shared/domain/catalog';
import type { MatterCatalog, MatterTypeDef } from '../../../shared/domain/catalog';

type RawMatter = Record<string, unknown>;
type RawCatalog = {
  version: unknown;
  categories: unknown[];
  matters: RawMatter[];
};

/** A deep copy of the shipped file that a test may mutate freely. */
const freshCopy = (): RawCatalog => structuredClone(catalogJson) as unknown as RawCatalog;

const shipped = (): MatterCatalog => {
  const result = parseCatalog(catalogJson);
  if (!result.ok) throw new Error(`shipped catalog does not parse:\n${result.errors.join('\n')}`);
  return result.catalog;
};

const indexOfCode = (raw: RawCatalog, code: string): number => {
  const i = raw.matters.findIndex((m) => m.code === code);
  if (i < 0) throw new Error(`no matter ${code} in the shipped catalog`);
  return i;
};

const matterAt = (raw: RawCatalog, i: number): RawMatter => {
  const m = raw.matters[i];
  if (m === undefined) throw new Error(`no matter at ${i}`);
  return m;
};

const errorsOf = (json: unknown): string[] => {
  const result = parseCatalog(json);
  if (result.ok) throw new Error('expected the catalog to be rejected');
  return result.errors;
};

describe('the shipped default catalog', () => {
  it('parses without errors', () => {
    const result = parseCatalog(catalogJson);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has at least 30 matters in at least 8 categories, and every listed category is used', () => {
    const catalog = shipped();
    expect(catalog.matters.length).toBeGreaterThanOrEqual(30);
    expect(catalog.categories.length).toBeGreaterThanOrEqual(8);
    const used = new Set(catalog.matters.map((m) => m.category));
    for (const category of catalog.categories) expect(used, `category ${category} unused`).toContain(category);
    for (const category of used) expect(catalog.categories).toContain(category);
  });

  it('covers the categories of the brief', () => {
    const { categories } = shipped();
    for (const c of [
      '社会保障',
      '社会救助',
      '养老服务',
      '残疾人服务',
      '卫生健康',
      '退役军人与优抚',
      '住房与物业',
      '矛盾纠纷调解',
      '政策咨询',
      '投诉建议',
    ]) {
      expect(categories).toContain(c);
    }
  });

  it('uses only the exported enumerations, and every mode and remit appears', () => {
    const catalog = shipped();
    const modes = new Set(catalog.matters.map((m) => m.defaultMode));
    for (const mode of SERVICE_MODES) expect(modes).toContain(mode);
    const remits = new Set(catalog.matters.map((m) => m.remit));
    for (const remit of REMITS) expect(remits).toContain(remit);
    for (const m of catalog.matters) {
      for (const d of m.documents) expect(DOCUMENT_FORMS).toContain(d.form);
    }
  });

  it('forwards 低保 to the street office and keeps instant items at 0 days', () => {
    const catalog = shipped();
    const byName = (name: string): MatterTypeDef => {
      const m = catalog.matters.find((x) => x.name === name);
      if (m === undefined) throw new Error(`missing ${name}`);
      return m;
    };
    const dibao = byName('最低生活保障申请受理');
    expect(dibao.remit).toBe('转报街道');
    expect(dibao.forwardTo).toBeTruthy();
    expect(dibao.defaultMode).toBe('承诺件');
    expect(dibao.proxyEligible).toBe(true);
    expect(byName('高龄津贴申请').timeLimitDays).toBeGreaterThan(0);
    for (const m of catalog.matters.filter((x) => x.defaultMode === '即办')) expect(m.timeLimitDays).toBe(0);
  });

  it('asks for no certificate abolished by 减证便民 and has a 告知路径 consultation', () => {
    const catalog = shipped();
    const abolished = ['亲属关系证明', '健在证明', '生存证明', '无犯罪记录', '居住证明', '婚育证明', '收入证明'];
    for (const m of catalog.matters) {
      for (const d of m.documents) {
        for (const word of abolished) expect(d.name, `${m.name}: ${d.name}`).not.toContain(word);
        expect(d.source, `${m.name}: ${d.name}`).not.toMatch(/社区(开具|出具)/);
      }
    }
    const pathMatters = catalog.matters.filter((m) => m.defaultMode === '咨询' && m.name.includes('告知办理路径'));
    expect(pathMatters.length).toBeGreaterThanOrEqual(1);
    for (const m of pathMatters) expect(m.guide).toContain('告知');
  });
});

describe('parseCatalog on a broken copy', () => {
  it('reports every planted error and names each entry', () => {
    const raw = freshCopy();

    const negIdx = indexOfCode(raw, 'YL-001');
    const negName = String(matterAt(raw, negIdx).name);
    matterAt(raw, negIdx).timeLimitDays = -3;

    const noNameIdx = indexOfCode(raw, 'SJ-002');
    delete matterAt(raw, noNameIdx).name;

    const dupFirstIdx = indexOfCode(raw, 'SB-001');
    const dupIdx = indexOfCode(raw, 'TS-004');
    const dupName = String(matterAt(raw, dupIdx).name);
    matterAt(raw, dupIdx).code = 'SB-001';

    const catIdx = indexOfCode(raw, 'ZF-002');
    const catName = String(matterAt(raw, catIdx).name);
    matterAt(raw, catIdx).category = '宠物登记';

    const instantIdx = raw.matters.findIndex((m) => m.defaultMode === '即办');
    const instantName = String(matterAt(raw, instantIdx).name);
    matterAt(raw, instantIdx).timeLimitDays = 3;

    const errors = errorsOf(raw);
    const find = (...parts: string[]): string | undefined => errors.find((e) => parts.every((p) => e.includes(p)));

    // negative time limit: exactly the sentence the clerk will see
    expect(errors).toContain(`事项目录第 ${negIdx + 1} 项「${negName}」：办理时限必须是不小于 0 的整数`);
    // missing name: index and code
    expect(find(`第 ${noNameIdx + 1} 项`, 'SJ-002', '事项名称缺失')).toBeDefined();
    // duplicate code: the duplicate entry, the code and the entry it clashes with
    expect(find(`第 ${dupIdx + 1} 项「${dupName}」`, 'SB-001', '重复', `第 ${dupFirstIdx + 1} 项`)).toBeDefined();
    // unknown category
    expect(find(`第 ${catIdx + 1} 项「${catName}」`, '宠物登记', '不在类别列表')).toBeDefined();
    // 即办 with days > 0
    expect(find(`第 ${instantIdx + 1} 项「${instantName}」`, '即办', '0')).toBeDefined();

    // nothing else is reported: each error is about one of the mutated entries
    const planted = [negIdx, noNameIdx, dupIdx, catIdx, instantIdx].map((i) => `事项目录第 ${i + 1} 项`);
    for (const e of errors)
      expect(
        planted.some((p) => e.startsWith(p)),
        e,
      ).toBe(true);
    expect(errors).toHaveLength(5);
  });

  it('rejects 承诺件 with 0 days and a forwarded matter without an office', () => {
    const raw = freshCopy();
    const i = indexOfCode(raw, 'SJ-001');
    matterAt(raw, i).timeLimitDays = 0;
    delete matterAt(raw, i).forwardTo;
    const errors = errorsOf(raw);
    const label = `事项目录第 ${i + 1} 项「最低生活保障申请受理」`;
    expect(errors.some((e) => e.startsWith(label) && e.includes('承诺件') && e.includes('大于 0'))).toBe(true);
    expect(errors.some((e) => e.startsWith(label) && e.includes('转报单位'))).toBe(true);
  });

  it('names the document inside the entry, and the bad value kind', () => {
    const raw = freshCopy();
    const i = indexOfCode(raw, 'YL-001');
    const docs = matterAt(raw, i).documents as Record<string, unknown>[];
    const doc = docs[0];
    if (doc === undefined) throw new Error('高龄津贴申请 has no documents');
    doc.count = 0;
    doc.form = '传真件';
    matterAt(raw, i).defaultMode = '帮代办';
    const errors = errorsOf(raw);
    const label = `事项目录第 ${i + 1} 项「高龄津贴申请」`;
    expect(errors).toContain(`${label}：所需材料第 1 项「${String(doc.name)}」的份数必须是正整数`);
    expect(errors.some((e) => e.startsWith(`${label}：所需材料第 1 项`) && e.includes('材料形式'))).toBe(true);
    expect(errors.some((e) => e.startsWith(`${label}：默认办理方式`) && e.includes('即办'))).toBe(true);
  });

  it('rejects duplicate names within a category but allows them across categories', () => {
    const raw = freshCopy();
    const a = indexOfCode(raw, 'TJ-001');
    const b = indexOfCode(raw, 'TJ-002');
    matterAt(raw, b).name = matterAt(raw, a).name;
    const errors = errorsOf(raw);
    expect(
      errors.some((e) => e.startsWith(`事项目录第 ${b + 1} 项`) && e.includes(`第 ${a + 1} 项`) && e.includes('重名')),
    ).toBe(true);

    const ok = freshCopy();
    matterAt(ok, indexOfCode(ok, 'ZX-001')).name = String(matterAt(ok, indexOfCode(ok, 'TS-001')).name);
    expect(parseCatalog(ok).ok).toBe(true);
  });

  it('reports misspelt fields and a malformed top level in Chinese', () => {
    const raw = freshCopy();
    const i = indexOfCode(raw, 'WJ-001');
    const m = matterAt(raw, i);
    m.timelimitDays = m.timeLimitDays;
    delete m.timeLimitDays;
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`事项目录第 ${i + 1} 项「生育登记」`) && e.includes('timelimitDays'))).toBe(
      true,
    );
    expect(errors).toContain(`事项目录第 ${i + 1} 项「生育登记」：办理时限缺失`);

    expect(errorsOf(null)[0]).toMatch(/^事项目录格式错误/);
    expect(errorsOf([])[0]).toMatch(/^事项目录格式错误/);
    expect(errorsOf({ version: 1, categories: ['政策咨询'] }).join('\n')).toContain('事项列表（matters）缺失');
  });
});

describe('issue 9 item 3: the reply limit of consultation matters', () => {
  it('every shipped 咨询 matter has one; ZX-001 promises 3 working days as its guide says', () => {
    const matters = shipped().matters;
    for (const m of matters.filter((x) => x.defaultMode === '咨询'))
      expect(m.replyLimitDays, m.code).toBeGreaterThan(0);
    expect(matters.find((m) => m.code === 'ZX-001')?.replyLimitDays).toBe(3);
  });

  it('a 咨询 matter without it, or another matter with it, is reported', () => {
    const raw = freshCopy();
    const zx = matterAt(raw, indexOfCode(raw, 'ZX-001'));
    delete zx.replyLimitDays;
    matterAt(raw, indexOfCode(raw, 'SB-001')).replyLimitDays = 2;
    const errors = errorsOf(raw).join('\n');
    expect(errors).toContain('必须填写答复时限');
    expect(errors).toContain('只有「咨询」事项填写答复时限');
  });
});

/**
 * The matter catalog (事项目录): the list of matter types a community service center accepts
 * (工作事项准入), each with its required documents (办理要件), time limit in working days
 * (办理时限), default service mode, remit and a short guide for the clerk.
 *
 * Pure module, no I/O: the catalog arrives as parsed JSON (the shipped default is
 * `resources/catalog/default-matters.json`) and `parseCatalog` checks both the shape of every
 * entry and the rules across entries. Error messages are Chinese and name the entry they are
 * about, because the person fixing a catalog is a community worker, not a programmer.
 */
import { z } from 'zod';

/** Default service modes (办理方式) a matter type can have. 帮代办 is a per-matter flag, not a mode. */
export const SERVICE_MODES = ['即办', '承诺件', '预约', '咨询'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

/** Who finally handles the matter: the community itself, the street office, or a department. */
export const REMITS = ['社区办理', '转报街道', '转报部门'] as const;
export type Remit = (typeof REMITS)[number];

/** The form in which a document is handed in. 现场填写 = a form the resident fills in at the window. */
export const DOCUMENT_FORMS = ['原件', '复印件', '原件及复印件', '电子材料', '现场填写'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

/** Matter codes: two to four capital letters, a hyphen, three digits (e.g. SB-001). */
export const MATTER_CODE_PATTERN = /^[A-Z]{2,4}-\d{3}$/;

const MAX_GUIDE_CHARS = 200;
const MAX_GUIDE_SENTENCES = 3;

const listOf = (values: readonly string[]): string => values.map((v) => `「${v}」`).join('、');

const nonEmptyText = (max: number) =>
  z
    .string({ error: '必须是文字' })
    .trim()
    .min(1, { error: '不能为空' })
    .max(max, { error: `不能超过 ${max} 个字` });

/** Number of sentences in a guide: pieces ended by 。！？ (a trailing piece without one counts too). */
const countSentences = (text: string): number =>
  text
    .split(/[。！？!?]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0).length;

export const matterDocumentSchema = z.strictObject({
  name: nonEmptyText(60),
  form: z.enum(DOCUMENT_FORMS, {
    error: `必须是 ${listOf(DOCUMENT_FORMS)} 之一`,
  }),
  count: z.number({ error: '必须是正整数' }).int({ error: '必须是正整数' }).positive({ error: '必须是正整数' }),
  source: nonEmptyText(40),
  required: z.boolean({ error: '必须是 true（必需）或 false（非必需）' }),
});

export const matterTypeDefSchema = z.strictObject({
  code: z.string({ error: '必须是文字' }).regex(MATTER_CODE_PATTERN, {
    error: '格式应为「大写字母-三位数字」，如 SB-001',
  }),
  category: nonEmptyText(20),
  name: nonEmptyText(40),
  documents: z.array(matterDocumentSchema, { error: '必须是材料列表' }).max(30, { error: '不能超过 30 项' }),
  timeLimitDays: z
    .number({ error: '必须是不小于 0 的整数' })
    .int({ error: '必须是不小于 0 的整数' })
    .min(0, { error: '必须是不小于 0 的整数' })
    .max(365, { error: '不能超过 365 个工作日' }),
  /** 咨询 only: working days within which a question not answered on the spot is answered. */
  replyLimitDays: z
    .number({ error: '必须是 1 到 30 之间的整数' })
    .int({ error: '必须是 1 到 30 之间的整数' })
    .min(1, { error: '必须是 1 到 30 之间的整数' })
    .max(30, { error: '必须是 1 到 30 之间的整数' })
    .optional(),
  defaultMode: z.enum(SERVICE_MODES, {
    error: `必须是 ${listOf(SERVICE_MODES)} 之一`,
  }),
  proxyEligible: z.boolean({
    error: '必须是 true（可帮代办）或 false（不可帮代办）',
  }),
  remit: z.enum(REMITS, { error: `必须是 ${listOf(REMITS)} 之一` }),
  forwardTo: nonEmptyText(60).optional(),
  guide: nonEmptyText(MAX_GUIDE_CHARS).refine((g) => countSentences(g) <= MAX_GUIDE_SENTENCES, {
    error: `应为 1–${MAX_GUIDE_SENTENCES} 句话`,
  }),
  keywords: z.array(nonEmptyText(20), { error: '必须是关键词列表' }).max(20, { error: '不能超过 20 个' }).optional(),
});

export const matterCatalogSchema = z.strictObject({
  version: z.number({ error: '必须是正整数' }).int({ error: '必须是正整数' }).positive({ error: '必须是正整数' }),
  categories: z.array(nonEmptyText(20), { error: '必须是类别名称列表' }).min(1, { error: '至少要有一个类别' }),
  matters: z.array(matterTypeDefSchema, { error: '必须是事项列表' }).min(1, { error: '至少要有一个事项' }),
});

/** One required document of a matter type (办理要件). */
export type MatterDocument = z.output<typeof matterDocumentSchema>;
/** One catalog entry: a matter type the community accepts. */
export type MatterTypeDef = z.output<typeof matterTypeDefSchema>;
/** A whole catalog file. */
export type MatterCatalog = z.output<typeof matterCatalogSchema>;

export type ParseCatalogResult = { ok: true; catalog: MatterCatalog } | { ok: false; errors: string[] };

const TOP_FIELD_LABELS: Record<string, string> = {
  version: '版本号（version）',
  categories: '类别列表（categories）',
  matters: '事项列表（matters）',
};

const MATTER_FIELD_LABELS: Record<string, string> = {
  code: '事项编码',
  category: '所属类别',
  name: '事项名称',
  documents: '所需材料',
  timeLimitDays: '办理时限',
  replyLimitDays: '答复时限',
  defaultMode: '默认办理方式',
  proxyEligible: '帮代办标记',
  remit: '办理层级',
  forwardTo: '转报单位',
  guide: '办事指南',
  keywords: '关键词',
};

const DOCUMENT_FIELD_LABELS: Record<string, string> = {
  name: '材料名称',
  form: '材料形式',
  count: '份数',
  source: '材料来源',
  required: '必需标记',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const textOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined;

/** Reads a value from raw input by a zod path; undefined when any step is missing. */
const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown => {
  let cur: unknown = root;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number') cur = cur[key];
    else if (isRecord(cur) && typeof key === 'string') cur = cur[key];
    else return undefined;
  }
  return cur;
};

/** 「事项目录第 12 项「高龄津贴申请」」, or with the code when the name is missing. */
const matterLabel = (raw: unknown, index: number): string => {
  const base = `事项目录第 ${index + 1} 项`;
  if (!isRecord(raw)) return base;
  const name = textOf(raw.name);
  if (name !== undefined) return `${base}「${name}」`;
  const code = textOf(raw.code);
  return code !== undefined ? `${base}（编码 ${code}）` : base;
};

const documentLabel = (raw: unknown, index: number): string => {
  const name = isRecord(raw) ? textOf(raw.name) : undefined;
  return `所需材料第 ${index + 1} 项${name !== undefined ? `「${name}」` : ''}`;
};

/** An error sentence with the index of the entry it is about (-1: the file as a whole), for sorting. */
type OrderedError = { entry: number; text: string };

/** Turns one zod issue into a Chinese sentence that names the entry and the field. */
const describeIssue = (input: unknown, issue: z.core.$ZodIssue): OrderedError => {
  const [top, index] = issue.path;
  const entry = top === 'matters' && typeof index === 'number' ? index : -1;
  return { entry, text: issueText(input, issue) };
};

const issueText = (input: unknown, issue: z.core.$ZodIssue): string => {
  const path = issue.path;
  const missing = issue.code === 'invalid_type' && valueAt(input, path) === undefined;
  const unknownKeys =
    issue.code === 'unrecognized_keys' ? `包含未知字段：${issue.keys.map((k) => `「${k}」`).join('、')}` : undefined;

  if (path.length === 0) {
    if (unknownKeys !== undefined) return `事项目录：${unknownKeys}`;
    return '事项目录格式错误：应为包含 version、categories、matters 的对象';
  }

  const [top, index, field, docIndex, docField] = path;
  if (top === 'matters' && typeof index === 'number') {
    const rawMatter = valueAt(input, ['matters', index]);
    const entry = matterLabel(rawMatter, index);
    if (field === undefined) {
      return `${entry}：${unknownKeys ?? '格式错误，应为一个事项对象'}`;
    }
    const fieldLabel = MATTER_FIELD_LABELS[String(field)] ?? String(field);
    if (field === 'documents' && typeof docIndex === 'number') {
      const doc = documentLabel(valueAt(rawMatter, ['documents', docIndex]), docIndex);
      if (docField === undefined)
        return `${entry}：${doc}${unknownKeys ? `${unknownKeys}` : '格式错误，应为一个材料对象'}`;
      const docFieldLabel = DOCUMENT_FIELD_LABELS[String(docField)] ?? String(docField);
      return `${entry}：${doc}的${docFieldLabel}${missing ? '缺失' : issue.message}`;
    }
    if (field === 'keywords' && typeof docIndex === 'number') {
      return `${entry}：第 ${docIndex + 1} 个关键词${issue.message}`;
    }
    return `${entry}：${fieldLabel}${missing ? '缺失' : issue.message}`;
  }

  const topLabel = TOP_FIELD_LABELS[String(top)] ?? String(top);
  if (top === 'categories' && typeof index === 'number') {
    return `事项目录：类别列表第 ${index + 1} 项${issue.message}`;
  }
  return `事项目录：${topLabel}${missing ? '缺失' : issue.message}`;
};

/**
 * Rules across entries and across fields, checked on the raw input so that they are reported
 * together with shape errors. A value that is itself malformed is skipped here (its shape error
 * already names it), so no problem is reported twice.
 */
const crossEntryErrors = (input: unknown): OrderedError[] => {
  if (!isRecord(input)) return [];
  const ordered: OrderedError[] = [];
  const report = (entry: number, text: string): void => {
    ordered.push({ entry, text });
  };

  const categories = Array.isArray(input.categories) ? input.categories : [];
  const knownCategories = new Set<string>();
  categories.forEach((c, i) => {
    const name = textOf(c);
    if (name === undefined) return;
    if (knownCategories.has(name)) report(-1, `事项目录：类别列表第 ${i + 1} 项「${name}」重复`);
    knownCategories.add(name);
  });
  const categoriesUsable = Array.isArray(input.categories) && knownCategories.size > 0;

  const matters = Array.isArray(input.matters) ? input.matters : [];
  const firstByCode = new Map<string, number>();
  const firstByCategoryAndName = new Map<string, number>();

  matters.forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const entry = matterLabel(raw, i);
    const code = typeof raw.code === 'string' && MATTER_CODE_PATTERN.test(raw.code) ? raw.code : undefined;
    const name = textOf(raw.name);
    const category = textOf(raw.category);

    if (code !== undefined) {
      const first = firstByCode.get(code);
      if (first !== undefined) {
        report(i, `${entry}：事项编码 ${code} 与${matterLabel(matters[first], first)}重复`);
      } else firstByCode.set(code, i);
    }

    if (category !== undefined && categoriesUsable && !knownCategories.has(category)) {
      report(i, `${entry}：所属类别「${category}」不在类别列表中`);
    }

    if (category !== undefined && name !== undefined) {
      const key = `${category}\u0000${name}`;
      const first = firstByCategoryAndName.get(key);
      if (first !== undefined) {
        report(i, `${entry}：与事项目录第 ${first + 1} 项在类别「${category}」下重名`);
      } else firstByCategoryAndName.set(key, i);
    }

    const days =
      typeof raw.timeLimitDays === 'number' && Number.isInteger(raw.timeLimitDays) && raw.timeLimitDays >= 0
        ? raw.timeLimitDays
        : undefined;
    if (days !== undefined) {
      if (raw.defaultMode === '即办' && days !== 0) {
        report(i, `${entry}：默认办理方式为「即办」时，办理时限应为 0 个工作日（当前为 ${days}）`);
      }
      if (raw.defaultMode === '承诺件' && days === 0) {
        report(i, `${entry}：默认办理方式为「承诺件」时，办理时限必须大于 0 个工作日`);
      }
    }

    if (raw.defaultMode === '咨询' && raw.replyLimitDays === undefined) {
      report(i, `${entry}：默认办理方式为「咨询」时，必须填写答复时限（不能当场答复时几个工作日内答复）`);
    }
    if (raw.defaultMode !== '咨询' && raw.replyLimitDays !== undefined) {
      report(i, `${entry}：只有「咨询」事项填写答复时限`);
    }

    if ((raw.remit === '转报街道' || raw.remit === '转报部门') && raw.forwardTo === undefined) {
      report(i, `${entry}：办理层级为「${raw.remit}」时，必须填写转报单位`);
    }
    if (raw.remit === '社区办理' && raw.forwardTo !== undefined) {
      report(i, `${entry}：办理层级为「社区办理」时，不应填写转报单位`);
    }

    if (Array.isArray(raw.documents)) {
      const seen = new Map<string, number>();
      raw.documents.forEach((d, j) => {
        const docName = isRecord(d) ? textOf(d.name) : undefined;
        if (docName === undefined) return;
        const first = seen.get(docName);
        if (first !== undefined) {
          report(i, `${entry}：所需材料第 ${j + 1} 项「${docName}」与第 ${first + 1} 项重复`);
        } else seen.set(docName, j);
      });
    }
  });

  return ordered;
};

/**
 * Validates a matter catalog (事项目录) read from JSON.
 *
 * Checks the shape of every entry and document, then the rules across entries: unique codes,
 * unique names within a category, every category listed in `categories`, service mode
 * consistent with the time limit (即办 → 0 working days, 承诺件 → more than 0), a forwarding
 * office exactly when the matter is not handled by the community, no duplicate documents.
 *
 * @param json the parsed JSON value (anything; nothing is assumed about it)
 * @returns the typed catalog, or every problem found as a Chinese sentence that names the entry
 *   (index, and name or code), e.g. 「事项目录第 12 项「高龄津贴申请」：办理时限必须是不小于 0 的整数」
 */
export const parseCatalog = (json: unknown): ParseCatalogResult => {
  const parsed = matterCatalogSchema.safeParse(json);
  const ordered = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(json, issue))),
    ...crossEntryErrors(json),
  ];
  // Array.prototype.sort is stable: within one entry, shape errors stay before rule errors.
  ordered.sort((a, b) => a.entry - b.entry);
  const unique = [...new Set(ordered.map((e) => e.text))];
  if (!parsed.success || unique.length > 0) {
    return {
      ok: false,
      errors: unique.length > 0 ? unique : ['事项目录格式错误'],
    };
  }
  return { ok: true, catalog: parsed.data };
};

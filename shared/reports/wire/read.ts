/**
 * Reading a 报送包 of any version this app knows (issue 27 item 1): the JSON, its version, that
 * version's closed schema, the hash, then the converters up to the current version, then the
 * street. Every refusal is a Chinese reason (the caller adds the file name); nothing of the file's
 * values is echoed beyond a field's path.
 *
 * Versions: each version the app reads has its validator (precompiled, see
 * scripts/generate-report-validator.mjs) and, but the last, a converter to the next one
 * (versions/vN.ts: vN → vN+1). A version 3 adds its schema and validator, a `fromV2` converter
 * and one entry below; `readPackage` runs the chain from the file's version to WIRE_VERSION.
 */
import { validate as validateV1 } from '../generated/reportPackageV1Validator';
import { validate as validateV2 } from '../generated/reportPackageV2Validator';
import { canonicalJson } from './canonical';
import {
  WIRE_FORMAT,
  WIRE_VERSION,
  type ReadResult,
  type Sha256Hex,
  type WireContent,
  type WirePackage,
} from './types';
import { fromV1, type V1Content } from './versions/v1';

type Validator = ((x: unknown) => boolean) & { errors?: AjvError[] | null };
type AjvError = { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string };

type VersionStep = { version: number; validate: Validator; upgrade?: (content: unknown) => unknown };

/** Every version this app reads, oldest first; each but the last converts to the next. */
const VERSIONS: readonly VersionStep[] = [
  { version: 1, validate: validateV1 as Validator, upgrade: (c) => fromV1(c as V1Content) },
  { version: 2, validate: validateV2 as Validator },
];

/** 'content.counts.visits' for ajv's '/content/counts/visits'. */
const pathOf = (instancePath: string, child?: unknown) =>
  [...instancePath.split('/').filter(Boolean), ...(child === undefined ? [] : [String(child)])].join('.') || '根';

/** The first schema error as a Chinese reason naming the field. */
export function schemaReason(validate: Validator): string {
  const e = validate.errors?.[0];
  if (!e) return '报送包格式不符';
  if (e.keyword === 'additionalProperties')
    return `报送包格式不符：多出字段 ${pathOf(e.instancePath, e.params.additionalProperty)}`;
  if (e.keyword === 'required') return `报送包格式不符：缺少字段 ${pathOf(e.instancePath, e.params.missingProperty)}`;
  return `报送包格式不符：字段 ${pathOf(e.instancePath)} 的值不符合要求（${e.message ?? e.keyword}）`;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks and converts a package file's text. `opts.street`: the reading street's name — a package
 * of another street is refused (none given: any street, e.g. the community re-reading its own).
 */
export async function readPackage(text: string, opts: { street?: string }, sha256Hex: Sha256Hex): Promise<ReadResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: '文件不完整或不是报送包（无法读取 JSON）' };
  }
  if (!isObject(parsed) || parsed.format !== WIRE_FORMAT) return { ok: false, reason: '不是社区值班台的报送包' };
  const version = parsed.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, reason: '报送包缺少版本号' };
  if (version > WIRE_VERSION)
    return { ok: false, reason: `报送包版本过新，请升级（文件为第 ${version} 版，本软件可读到第 ${WIRE_VERSION} 版）` };
  const first = VERSIONS.findIndex((v) => v.version === version);
  if (first < 0) return { ok: false, reason: `未知的报送包版本（第 ${version} 版）` };
  const step = VERSIONS[first]!;
  if (!step.validate(parsed)) return { ok: false, reason: schemaReason(step.validate) };
  if ((await sha256Hex(canonicalJson(parsed.content))) !== parsed.sha256)
    return { ok: false, reason: '报送包内容与校验值不符，文件可能被改动或损坏' };
  let content: unknown = parsed.content;
  for (const s of VERSIONS.slice(first, -1)) content = s.upgrade!(content);
  const wire = content as WireContent;
  const pkg: WirePackage = {
    format: WIRE_FORMAT,
    version: WIRE_VERSION,
    sha256: parsed.sha256 as string,
    content: wire,
  };
  // A converter's output is held to the current schema too (a converter bug refuses, never slips through).
  const current = VERSIONS.at(-1)!;
  if (!current.validate(pkg))
    return { ok: false, reason: `第 ${version} 版报送包无法转换：${schemaReason(current.validate)}` };
  const street = opts.street?.trim();
  if (street && wire.street.name.trim() !== street)
    return { ok: false, reason: `这是「${wire.street.name}」的报送包，不属于本街道（${street}）` };
  return { ok: true, pkg, fromVersion: version };
}

/**
 * Writing and reading the 反馈包: hashed over the canonical JSON of `content` (the report
 * package's `canonicalJson`), checked by the precompiled schema validator
 * (scripts/generate-report-validator.mjs), refused with a Chinese reason (the caller adds the
 * file name). SHA-256 is passed in, so this module stays pure.
 */
import { validate as validateSchema } from '../generated/streetFeedbackValidator';
import { canonicalJson } from '../wire/canonical';
import type { Sha256Hex } from '../wire/types';
import { FEEDBACK_FORMAT, FEEDBACK_VERSION, type FeedbackContent, type FeedbackPackage } from './types';

export type FeedbackRead = { ok: true; pkg: FeedbackPackage } | { ok: false; reason: string };

/** Who the file must be for: this desk's community code and its 所属街道. */
export type FeedbackAddressee = { community: string; street: string };

function schemaReason(): string {
  const e = (validateSchema as unknown as { errors?: { instancePath: string; message?: string }[] }).errors?.[0];
  return `反馈包格式不符（${e?.instancePath || '根'}：${e?.message ?? '未知'}）`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Reads a 反馈包: JSON, format and version, the schema, the hash, then whether it is for this
 * community of this street. Refusals are in Chinese.
 */
export async function readFeedback(text: string, to: FeedbackAddressee, sha256Hex: Sha256Hex): Promise<FeedbackRead> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: '文件不完整或不是反馈包（无法读取 JSON）' };
  }
  if (!isObject(parsed) || parsed.format !== FEEDBACK_FORMAT)
    return { ok: false, reason: '不是街道反馈包（格式标识不符）' };
  if (parsed.version !== FEEDBACK_VERSION)
    return {
      ok: false,
      reason: `反馈包版本 ${String(parsed.version)} 无法识别（本程序读取第 ${FEEDBACK_VERSION} 版）`,
    };
  if (!(validateSchema as (x: unknown) => boolean)(parsed)) return { ok: false, reason: schemaReason() };
  const pkg = parsed as FeedbackPackage;
  if ((await sha256Hex(canonicalJson(pkg.content))) !== pkg.sha256)
    return { ok: false, reason: '反馈包内容与校验值不符，文件可能被改动或损坏' };
  const { community, street } = pkg.content;
  if (street.name !== to.street)
    return { ok: false, reason: `这是${street.name}的反馈包，本社区所属街道为${to.street || '（未设置）'}` };
  if (community.code !== to.community)
    return { ok: false, reason: `这是${community.name}（${community.code}）的反馈包，不是本社区的` };
  return { ok: true, pkg };
}

/** The file's text: hashed, then checked as a reader would (a package that fails is never written). */
export async function writeFeedback(content: FeedbackContent, sha256Hex: Sha256Hex): Promise<string> {
  const pkg: FeedbackPackage = {
    format: FEEDBACK_FORMAT,
    version: FEEDBACK_VERSION,
    sha256: await sha256Hex(canonicalJson(content)),
    content,
  };
  const text = JSON.stringify(pkg, null, 2);
  const check = await readFeedback(text, { community: content.community.code, street: content.street.name }, sha256Hex);
  if (!check.ok) throw new Error(check.reason);
  return text;
}

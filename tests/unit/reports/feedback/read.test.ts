/** The 反馈包: written, read back, and each refusal with its Chinese reason. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFeedback, writeFeedback, type FeedbackContent } from '@shared/reports/feedback';
import { canonicalJson } from '@shared/reports/package';

const sha256Hex = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const to = { community: 'HP01', street: '和平街道' };

const content: FeedbackContent = {
  street: { name: '和平街道' },
  community: { code: 'HP01', name: '和平社区' },
  generatedAt: '2026-12-03T08:00:00.000Z',
  items: [
    {
      trackingNumber: 'HP01-20261130-001',
      raisedAt: '2026-11-30T02:15:00.000Z',
      department: '城管科',
      checkIn: { at: '2026-11-30T06:00:00.000Z', unit: '城管科', person: '王科长' },
      feedback: [{ at: '2026-12-01T03:00:00.000Z', text: '已安排清理' }],
    },
    {
      trackingNumber: 'HP01-20261201-004',
      raisedAt: '2026-12-01T01:00:00.000Z',
      department: '民政科',
      checkIn: null,
      feedback: [],
    },
  ],
};

/** A package's text after `change`, hashed again (so only the change is wrong). */
async function rehashed(change: (pkg: Record<string, unknown>) => void): Promise<string> {
  const pkg = JSON.parse(await writeFeedback(content, sha256Hex)) as Record<string, unknown>;
  change(pkg);
  pkg.sha256 = await sha256Hex(canonicalJson(pkg.content));
  return JSON.stringify(pkg);
}

describe('the street 反馈包', () => {
  it('reads back what was written, hash and all', async () => {
    const text = await writeFeedback(content, sha256Hex);
    const read = await readFeedback(text, to, sha256Hex);
    expect(read).toEqual({
      ok: true,
      pkg: expect.objectContaining({ format: 'duty-desk.street-feedback', version: 1, content }),
    });
  });

  it('refuses a file that is not JSON or is cut short', async () => {
    const text = await writeFeedback(content, sha256Hex);
    expect(await readFeedback(text.slice(0, text.length - 30), to, sha256Hex)).toEqual({
      ok: false,
      reason: '文件不完整或不是反馈包（无法读取 JSON）',
    });
    expect(await readFeedback('', to, sha256Hex)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('无法读取'),
    });
  });

  it('refuses another kind of file and an unknown version', async () => {
    expect(await readFeedback('{"format":"duty-desk.report","version":1}', to, sha256Hex)).toEqual({
      ok: false,
      reason: '不是街道反馈包（格式标识不符）',
    });
    const v2 = await rehashed((p) => (p.version = 2));
    expect(await readFeedback(v2, to, sha256Hex)).toEqual({
      ok: false,
      reason: '反馈包版本 2 无法识别（本程序读取第 1 版）',
    });
  });

  it('refuses a file the schema does not allow: an extra field, a missing one, a bad time', async () => {
    const extra = await rehashed((p) => {
      ((p.content as FeedbackContent).items[0] as Record<string, unknown>).residentPhone = '13800000000';
    });
    expect(await readFeedback(extra, to, sha256Hex)).toEqual({
      ok: false,
      reason: '反馈包格式不符（/content/items/0：must NOT have additional properties）',
    });
    const missing = await rehashed((p) => {
      delete ((p.content as FeedbackContent).items[1] as Partial<FeedbackContent['items'][number]>).feedback;
    });
    expect(await readFeedback(missing, to, sha256Hex)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^反馈包格式不符（\/content\/items\/1：/),
    });
    const badTime = await rehashed((p) => ((p.content as FeedbackContent).items[0]!.raisedAt = '2026-11-30 10:15'));
    expect(await readFeedback(badTime, to, sha256Hex)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('/content/items/0/raisedAt'),
    });
  });

  it('refuses a file whose content was changed after hashing', async () => {
    const pkg = JSON.parse(await writeFeedback(content, sha256Hex)) as { content: FeedbackContent };
    pkg.content.items[0]!.feedback[0]!.text = '已办结';
    expect(await readFeedback(JSON.stringify(pkg), to, sha256Hex)).toEqual({
      ok: false,
      reason: '反馈包内容与校验值不符，文件可能被改动或损坏',
    });
  });

  it('refuses a file for another street or another community', async () => {
    const text = await writeFeedback(content, sha256Hex);
    expect(await readFeedback(text, { community: 'HP01', street: '新华街道' }, sha256Hex)).toEqual({
      ok: false,
      reason: '这是和平街道的反馈包，本社区所属街道为新华街道',
    });
    expect(await readFeedback(text, { community: 'HP02', street: '和平街道' }, sha256Hex)).toEqual({
      ok: false,
      reason: '这是和平社区（HP01）的反馈包，不是本社区的',
    });
  });

  it('never writes a file a reader would refuse', async () => {
    const bad = { ...content, items: [{ ...content.items[0]!, trackingNumber: '' }] };
    await expect(writeFeedback(bad, sha256Hex)).rejects.toThrow(/反馈包格式不符/);
  });
});

/**
 * 吹哨事项 on a street install (issue 27 item 5): what the street clerk records per escalation —
 * the 报到 and each 处理反馈 (`streetResponses`, DB v31, desk-local: a street desk never joins a
 * hub) — and the 反馈包 of one community (the file the community imports in 办件 → 导入街道反馈).
 * Each write is ONE writeTx with its audit row (community code and tracking number only: no
 * person, no feedback text), `street.work` checked inside it; what the clerk typed is checked by
 * shared/domain/street/whistle.ts and refused at its field.
 */
import { streetResponseId, type StreetResponse } from '@shared/domain/records';
import {
  checkInRefusal,
  feedbackContentOf,
  feedbackRefusal,
  whistleRows,
  type WhistleRow,
} from '@shared/domain/street/whistle';
import { writeFeedback } from '@shared/reports/feedback';
import type { PeriodKind } from '@shared/reports/periods';
import { requirePermission } from '../../authorize';
import { sha256Hex } from '../../bytes';
import type { Desk, DeskBase } from '../../desk';
import { DomainRefusal } from '../../refusal';
import { writeTx } from '../../write';
import { currentPackages, withEscalations } from './packages';

/** Which escalation: as the package names it. */
export type EscalationKey = { communityCode: string; trackingNumber: string; raisedAt: string; department: string };

function refuse(r: { field: string; reason: string } | null): void {
  if (r) throw new DomainRefusal(r.reason, r.field);
}

function recordStep(
  desk: Desk,
  key: EscalationKey,
  step: (
    row: StreetResponse | undefined,
    now: number,
  ) => Omit<StreetResponse, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>,
  audit: 'street.checkIn' | 'street.feedback',
): Promise<StreetResponse> {
  return writeTx(desk, ['streetResponses'], async (tx) => {
    await requirePermission(tx, desk.actor, 'street.work', audit === 'street.checkIn' ? '记录报到' : '记录处理反馈');
    const id = streetResponseId(key.communityCode, key.trackingNumber, key.raisedAt);
    const stored = await tx.streetResponses.put(step(await tx.streetResponses.get(id), tx.now));
    await tx.audit({ action: audit, entity: 'streetResponse', entityId: `${key.communityCode} ${key.trackingNumber}` });
    return stored;
  });
}

const fresh = (key: EscalationKey) => ({
  id: streetResponseId(key.communityCode, key.trackingNumber, key.raisedAt),
  ...key,
  feedback: [],
});

/** 报到: the unit, the person (optional) and when; once per escalation. */
export function recordStreetCheckIn(
  desk: Desk,
  key: EscalationKey,
  input: { at: number; unit: string; person: string },
) {
  return recordStep(
    desk,
    key,
    (row, now) => {
      refuse(checkInRefusal(input, key.raisedAt, now));
      if (row?.checkIn) throw new DomainRefusal('已记录报到，不能重复报到');
      const base = row ?? fresh(key);
      return {
        ...base,
        checkIn: { at: input.at, unit: input.unit.trim(), person: input.person.trim(), recordedBy: desk.actor.id },
      };
    },
    'street.checkIn',
  );
}

/** A 处理反馈: its time and text, after the 报到 (the street's, or the one the community reported). */
export function recordStreetFeedback(
  desk: Desk,
  key: EscalationKey & { communityCheckedIn: boolean },
  input: { at: number; text: string },
) {
  const { communityCheckedIn, ...k } = key;
  return recordStep(
    desk,
    k,
    (row, now) => {
      refuse(feedbackRefusal(input, k.raisedAt, now));
      if (!row?.checkIn && !communityCheckedIn) throw new DomainRefusal('部门尚未报到，请先记录报到');
      const base = row ?? fresh(k);
      return {
        ...base,
        feedback: [...base.feedback, { at: input.at, text: input.text.trim(), recordedBy: desk.actor.id }],
      };
    },
    'street.feedback',
  );
}

export type WhistleData = { rows: WhistleRow[]; communities: { code: string; name: string }[] };

/** The escalations of the periods of `kind` inside [from, to], beside what the street recorded. */
export async function whistleData(
  desk: DeskBase & { street?: { settings: { checkInDays: number } } },
  range: { from: string; to: string; kind: PeriodKind },
): Promise<WhistleData> {
  const packages = await withEscalations(desk, await currentPackages(desk, range));
  const codes = [...new Set(packages.map((p) => p.communityCode))];
  const responses = (
    await Promise.all(codes.map((c) => desk.db.streetResponses.where('communityCode').equals(c).toArray()))
  ).flat();
  const rows = whistleRows(packages, responses, desk.street?.settings.checkInDays ?? 2, desk.clock.now());
  const communities = new Map(packages.map((p) => [p.communityCode, p.content.community.name]));
  return { rows, communities: [...communities].map(([code, name]) => ({ code, name })) };
}

/** The 反馈包 of one community: every escalation the street recorded on, schema-checked and hashed; audited. */
export async function exportFeedback(
  desk: Desk,
  community: { code: string; name: string },
): Promise<{ fileName: string; text: string; items: number }> {
  const street = desk.street;
  if (!street) throw new DomainRefusal('只有街道版可以导出反馈包');
  const now = desk.clock.now();
  const responses = await desk.db.streetResponses.where('communityCode').equals(community.code).toArray();
  const content = feedbackContentOf(street.name, community, responses, new Date(now).toISOString());
  if (!content.items.length) throw new DomainRefusal(`${community.name}还没有记录报到或反馈，无需导出`);
  const text = await writeFeedback(content, sha256Hex);
  const sha = (JSON.parse(text) as { sha256: string }).sha256;
  await writeTx(desk, ['streetResponses'], async (tx) => {
    await requirePermission(tx, desk.actor, 'street.work', '导出反馈包');
    await tx.audit({
      action: 'street.feedbackExport',
      entity: 'streetResponse',
      entityId: community.code,
      detail: `${content.items.length} 项 ${sha.slice(0, 12)}`,
    });
  });
  return {
    fileName: `${street.name}-${community.name}-反馈包-${desk.clock.today(now)}.json`,
    text,
    items: content.items.length,
  };
}

/**
 * The community's side of the 报送包 (the wire format of ./wire, version 2): the content built
 * from a period's ReportData — the figures of the period (./wire/figures.ts), the 网格 by id, the
 * period's 上报事项 without their texts, the ledger of the cases accepted, the desks of the center
 * whose work it covers, the population, and which sending of the period it is (`correction`) —
 * then hashed and checked by the same reader the street uses before it is written (a package that
 * fails is never saved). No names, ID numbers, phones, addresses or free text about a resident.
 *
 * SHA-256 is passed in (WebCrypto in the app and in Node), so this module stays pure.
 */
import type { DeskIdentity } from '../domain/deskNumber';
import type { CaseRecord, Escalation } from '../domain/records';
import { acceptedIn, coveredDesks } from './centerDesks';
import type { Period } from './periods';
import { dayOfInstant } from './reportIndex';
import { namesOf, summariesOf, type Names, type ReportData } from './reportData';
import { inside } from './summaryParts';
import { canonicalJson } from './wire/canonical';
import { figuresOf } from './wire/figures';
import { readPackage } from './wire/read';
import {
  UNGRIDDED,
  WIRE_FORMAT,
  WIRE_VERSION,
  type Sha256Hex,
  type WireContent,
  type WireEscalation,
  type WirePackage,
} from './wire/types';

export { canonicalJson } from './wire/canonical';
export type { Sha256Hex } from './wire/types';

export const PACKAGE_FORMAT = WIRE_FORMAT;
export const PACKAGE_VERSION = WIRE_VERSION;

/** Which sending of the period: the first unless the center's export rows say otherwise. */
export type Correction = WireContent['correction'];
export const FIRST_SENDING: Correction = { n: 1, replaces: null };

const iso = (ms: number) => new Date(ms).toISOString();
const FINISHED_STAGES: readonly Escalation['stage'][] = ['已核实', '已退回'];

/**
 * The period's 上报事项: raised in it, with a step in it (报到, a 反馈, 核实), or still open at its
 * end (not 已核实 or 已退回, raised by then).
 */
export function escalationsOf(cases: readonly CaseRecord[], period: Period): { c: CaseRecord; e: Escalation }[] {
  const stepIn = (e: Escalation) =>
    [e.checkIn?.at, ...e.feedback.map((f) => f.at), e.verification?.at].some(
      (at) => at !== undefined && inside(dayOfInstant(at), period),
    );
  const openAtEnd = (e: Escalation) => e.raisedDay <= period.to && !FINISHED_STAGES.includes(e.stage);
  return cases
    .flatMap((c) => (c.escalations ?? []).map((e) => ({ c, e })))
    .filter(({ e }) => inside(e.raisedDay, period) || stepIn(e) || openAtEnd(e))
    .sort((a, b) => a.e.raisedAt - b.e.raisedAt || (a.c.trackingNumber < b.c.trackingNumber ? -1 : 1));
}

function wireEscalation(c: CaseRecord, e: Escalation, names: Names): WireEscalation {
  const last = e.feedback.at(-1);
  return {
    trackingNumber: c.trackingNumber,
    raisedAt: iso(e.raisedAt),
    level: e.level,
    department: e.office,
    stage: e.stage,
    matterName: c.matterName,
    category: names.category(c.matterCode),
    gridCode: c.gridId ?? null,
    checkInAt: e.checkIn ? iso(e.checkIn.at) : null,
    feedbackCount: e.feedback.length,
    lastFeedbackAt: last ? iso(last.at) : null,
    evaluation:
      e.departmentRating && e.verification ? { rating: e.departmentRating, at: iso(e.verification.at) } : null,
  };
}

export function packageContent(
  data: ReportData,
  installId: string,
  generatedAt: string,
  desk?: DeskIdentity,
  correction: Correction = FIRST_SENDING,
): WireContent {
  const names = namesOf(data);
  const { now } = summariesOf(data);
  const gridName = (id: string) => (id === UNGRIDDED ? UNGRIDDED : names.grid(id));
  return {
    street: { name: data.community.street },
    community: { code: data.community.code, name: data.community.name },
    center: { installId, desk: desk ? { number: desk.no, name: desk.name } : null },
    desks: coveredDesks(data.desks, data.cases, data.period).map((d) => ({
      number: d.no,
      name: d.name,
      casesAccepted: d.cases,
    })),
    period: { kind: data.kind, ...data.period, label: data.label },
    generatedAt,
    correction,
    residents: data.community.population,
    custodyAlertDays: data.custodyAlertDays,
    ...figuresOf(now),
    grids: Object.entries(now.byGrid)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, v]) => ({ code, name: gridName(code), counts: { visits: v.visits, cases: v.cases } })),
    escalations: escalationsOf(data.cases, data.period).map(({ c, e }) => wireEscalation(c, e, names)),
    ledger: acceptedIn(data.cases, data.period)
      .sort((a, b) => (a.trackingNumber < b.trackingNumber ? -1 : 1))
      .map((c) => ({
        trackingNumber: c.trackingNumber,
        matterCode: c.matterCode,
        matterName: c.matterName,
        category: names.category(c.matterCode),
        mode: c.mode,
        status: c.status,
        gridCode: c.gridId ?? null,
        acceptedDay: c.acceptedDay,
        deadline: c.deadline ?? null,
        completedDay: c.completedDay ?? null,
      })),
    unknown: [],
  };
}

/** The file's text: hashed, then read back by the street's reader before it is written. */
export async function writePackage(content: WireContent, sha256Hex: Sha256Hex): Promise<string> {
  const pkg: WirePackage = {
    format: WIRE_FORMAT,
    version: WIRE_VERSION,
    sha256: await sha256Hex(canonicalJson(content)),
    content,
  };
  const text = JSON.stringify(pkg, null, 2);
  const check = await readPackage(text, {}, sha256Hex);
  if (!check.ok) throw new Error(check.reason);
  return text;
}

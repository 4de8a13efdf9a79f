/**
 * Version 1 of the 报送包 (resources/report-package-1.schema.json, written until issue 27): its
 * shape, frozen here, and the converter to version 2. Version 1 carried the internal summary
 * (minus staff) of the period and of the one before, the notes, the 网格 by name, the ledger of
 * the cases accepted; no escalation records, no population, no correction number.
 *
 * Converted: the figures (the same rules the version 2 writer uses, figures.ts), the grids (their
 * name stands as their code: 'gridCodes' unknown), the ledger, the desks. Not known, so listed
 * in `unknown` (a reader shows 未知 there, not 0): 'residents', 'escalations' (their counts and
 * stages still travel in counts and lists), 'gridCodes', 'correction', 'rectificationsOpenAtEnd',
 * and 'desks' / 'offHours' when the file predates them. Dropped, as version 2 carries no free text and no previous period:
 * `notes`, `previous`, `previousSummary`.
 */
import { figuresOf, type SummaryFigures } from '../figures';
import { UNGRIDDED, type UnknownField, type WireContent } from '../types';

type V1Period = { kind: 'week' | 'month' | 'quarter' | 'year' | 'custom'; from: string; to: string; label: string };
type V1Summary = SummaryFigures & {
  byGrid: Record<string, { visits: number; cases: number }>;
  proxy: SummaryFigures['proxy'] & { documentsOut: { alertDays: number } };
};
export type V1Content = {
  community: { name: string; code: string; street: string; installId: string; desk?: { no: number; name: string } };
  period: V1Period;
  previous: V1Period;
  generatedAt: string;
  summary: V1Summary;
  previousSummary: V1Summary;
  notes: { focus: string; issues: string };
  desks?: { no: number; name: string; cases: number }[];
  cases: {
    trackingNumber: string;
    matterCode: string;
    matterName: string;
    category: string;
    mode: string;
    status: string;
    grid: string;
    acceptedDay: string;
    deadline: string | null;
    completedDay: string | null;
  }[];
};

export function fromV1(c: V1Content): WireContent {
  const s = c.summary;
  const unknown: UnknownField[] = ['residents', 'escalations', 'gridCodes', 'correction'];
  if (!c.desks) unknown.push('desks');
  if (!s.offHours) unknown.push('offHours');
  if (s.rectifications.openAtEnd === undefined) unknown.push('rectificationsOpenAtEnd');
  return {
    street: { name: c.community.street },
    community: { code: c.community.code, name: c.community.name },
    center: {
      installId: c.community.installId,
      desk: c.community.desk ? { number: c.community.desk.no, name: c.community.desk.name } : null,
    },
    desks: (c.desks ?? []).map((d) => ({ number: d.no, name: d.name, casesAccepted: d.cases })),
    period: c.period,
    generatedAt: c.generatedAt,
    correction: { n: 1, replaces: null },
    residents: 0,
    custodyAlertDays: s.proxy.documentsOut.alertDays,
    ...figuresOf(s),
    grids: Object.entries(s.byGrid)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, counts]) => ({ code: name, name, counts: { visits: counts.visits, cases: counts.cases } })),
    escalations: [],
    ledger: c.cases.map((k) => ({
      trackingNumber: k.trackingNumber,
      matterCode: k.matterCode,
      matterName: k.matterName,
      category: k.category,
      mode: k.mode,
      status: k.status,
      gridCode: k.grid === UNGRIDDED ? null : k.grid,
      acceptedDay: k.acceptedDay,
      deadline: k.deadline,
      completedDay: k.completedDay,
    })),
    unknown,
  };
}

/**
 * The day's register (今日来访台账) as lines for paper and Excel: one line per matter of a
 * visit (a visit without a matter is one line), personal numbers masked — as on screen, and
 * ID- and phone-shaped numbers typed into the 诉求内容 too.
 */
import { maskIdNumber, maskNumbersInText } from './masking';
import type { CaseRecord, Resident, Visit } from './records';
import { residentLabel } from './residentStatus';

export type RegisterLine = {
  time: string;
  channel: string;
  resident: string;
  matter: string;
  mode: string;
  status: string;
  firstContact: string;
  trackingNumber: string;
};

export const REGISTER_COLUMNS: readonly { key: keyof RegisterLine; title: string; width: number }[] = [
  { key: 'time', title: '时间', width: 8 },
  { key: 'channel', title: '来访方式', width: 9 },
  { key: 'resident', title: '居民', width: 26 },
  { key: 'matter', title: '事项 / 诉求', width: 34 },
  { key: 'mode', title: '办理方式', width: 10 },
  { key: 'status', title: '状态', width: 10 },
  { key: 'firstContact', title: '首问责任人', width: 11 },
  { key: 'trackingNumber', title: '受理编号', width: 20 },
];

export function registerLines(
  rows: readonly { visit: Visit; cases: readonly CaseRecord[] }[],
  residents: ReadonlyMap<string, Resident>,
  staffName: (id: string) => string,
  timeOf: (ms: number) => string,
): RegisterLine[] {
  return rows.flatMap(({ visit, cases }): RegisterLine[] => {
    const r = visit.residentId ? residents.get(visit.residentId) : undefined;
    const common = {
      time: timeOf(visit.visitedAt),
      channel: visit.channel,
      resident: residentLabel(visit.residentId, r, (x) => [x.name, maskIdNumber(x.idNumber)].filter(Boolean).join(' ')),
      firstContact: staffName(visit.firstContactId),
    };
    if (cases.length === 0)
      return [
        { ...common, matter: maskNumbersInText(visit.content), mode: visit.kind, status: '—', trackingNumber: '—' },
      ];
    return cases.map((c) => ({
      ...common,
      matter: c.matterName,
      mode: c.mode,
      status: c.status,
      trackingNumber: c.trackingNumber,
    }));
  });
}

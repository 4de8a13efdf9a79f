/**
 * v23 → v26 (issue 26, 交接班): the placeholder `handovers` rows ({ id, day, text } + stamp) become
 * hand-over notes: written on `day` for `day` (no rota said otherwise), by their creator, with no
 * counted facts or watch list; their text with numbers masked (a note travels and is printed).
 * The 签阅 table starts empty. Idempotent (a row already reshaped keeps its fields).
 */
import type { Transaction } from 'dexie';
import { maskNumbersInText } from '@shared/domain/masking';

type OldHandoverRow = {
  id: string;
  day: string;
  text?: string;
  createdBy?: string;
  forDay?: string;
  staffId?: string;
  facts?: unknown[];
  watch?: string[];
};

export async function upgradeV26Handovers(tx: Transaction): Promise<void> {
  await tx
    .table<OldHandoverRow, string>('handovers')
    .toCollection()
    .modify((row) => {
      row.forDay ??= row.day;
      row.staffId ??= row.createdBy ?? '';
      row.facts ??= [];
      row.watch ??= [];
      row.text = maskNumbersInText(row.text ?? '');
    });
}

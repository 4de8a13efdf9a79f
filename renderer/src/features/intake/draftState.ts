/**
 * Form state of one matter being accepted at the counter, and its conversion to the domain
 * draft the repository saves.
 */
import { defaultCounterMode, type CaseDraft, type CounterMode } from '@shared/domain/intake';
import type { MatterType } from '../../db/matterType';

export type DraftState = {
  key: number;
  matter: MatterType | null;
  received: string[];
  mode: CounterMode;
  appointmentAt: string;
  refusalReason: string;
  redirectTo: string;
  /** 咨询: '当场答复' / '未能当场答复' ('' until chosen). */
  answer: '' | '当场答复' | '未能当场答复';
};

let nextKey = 1;

/** After restoring kept drafts: new drafts get keys above theirs. */
export function keepKeysAbove(drafts: readonly DraftState[]): void {
  for (const d of drafts) nextKey = Math.max(nextKey, d.key + 1);
}

export function emptyDraft(): DraftState {
  return {
    key: nextKey++,
    matter: null,
    received: [],
    mode: '承诺件',
    appointmentAt: '',
    refusalReason: '',
    redirectTo: '',
    answer: '',
  };
}

/**
 * A fresh draft for a chosen matter: its default mode, nothing ticked yet — or, `allReceived`
 * (Shift+Enter: the clerk has checked the originals), every document of the matter ticked.
 */
export function draftForMatter(d: DraftState, matter: MatterType | null, allReceived = false): DraftState {
  const received = matter && allReceived ? matter.documents.map((doc) => doc.name) : [];
  return { ...d, matter, received, mode: matter ? defaultCounterMode(matter) : d.mode };
}

export function toCaseDraft(d: DraftState): CaseDraft | null {
  if (!d.matter) return null;
  const draft: CaseDraft = { matter: d.matter, mode: d.mode, received: d.received };
  if (d.mode === '预约') draft.appointmentAt = d.appointmentAt;
  if (d.mode === '咨询' && d.answer) draft.answered = d.answer === '当场答复';
  if (d.mode === '不予受理') {
    draft.refusalReason = d.refusalReason;
    draft.redirectTo = d.redirectTo;
  }
  return draft;
}

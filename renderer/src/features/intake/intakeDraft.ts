/**
 * A registration in progress, kept in this window's sessionStorage per signed-in staff member:
 * it survives a section switch and a reload, never reaches IndexedDB (so backups and record
 * counts never see a half-filled visit), and is cleared when it is saved or discarded and at
 * sign-out (app/keptDrafts.ts). The resident is kept by id and re-read on restore.
 */
import { KEPT_DRAFT_PREFIX } from '../../app/keptDrafts';
import { emptyDraft, keepKeysAbove, type DraftState } from './draftState';
import { emptyVisitDetails, type VisitDetailsState } from './VisitDetails';

export type IntakeDraft = { residentId: string | null; details: VisitDetailsState; drafts: DraftState[] };

const keyOf = (staffId: string) => `${KEPT_DRAFT_PREFIX}${staffId}`;

/** Anything typed or chosen (an untouched form is not a draft). */
export function isDirty(d: IntakeDraft): boolean {
  const details = JSON.stringify(d.details) !== JSON.stringify(emptyVisitDetails);
  return d.residentId !== null || details || d.drafts.some((x) => x.matter !== null) || d.drafts.length > 1;
}

export function saveIntakeDraft(staffId: string, d: IntakeDraft): void {
  if (isDirty(d)) sessionStorage.setItem(keyOf(staffId), JSON.stringify(d));
  else sessionStorage.removeItem(keyOf(staffId));
}

/**
 * The kept draft, or null. Its matters are the catalog entries as they were when chosen; saving
 * re-reads the catalog inside the transaction (a matter deactivated since is refused there).
 */
export function loadIntakeDraft(staffId: string): IntakeDraft | null {
  const raw = sessionStorage.getItem(keyOf(staffId));
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as IntakeDraft;
    if (!d || typeof d !== 'object' || !Array.isArray(d.drafts) || typeof d.details !== 'object') return null;
    const drafts = d.drafts.map((x) => ({ ...emptyDraft(), ...x }));
    keepKeysAbove(drafts);
    return {
      residentId: typeof d.residentId === 'string' ? d.residentId : null,
      details: { ...emptyVisitDetails, ...d.details },
      drafts: drafts.length > 0 ? drafts : [emptyDraft()],
    };
  } catch {
    return null;
  }
}

export function clearIntakeDraft(staffId: string): void {
  sessionStorage.removeItem(keyOf(staffId));
}

export function hasIntakeDraft(staffId: string): boolean {
  return sessionStorage.getItem(keyOf(staffId)) !== null;
}

/**
 * 来访登记: the counter flow. Find or register the resident → how they came → what they want →
 * the matter(s), documents and 办理方式 → save (Ctrl+Enter) → print (Ctrl+P).
 * F2 (from any section) starts a new registration, F3 jumps to the resident search; both come
 * in as a navigation intent (app/deskShortcuts.ts). The registration in progress is kept in
 * sessionStorage (intakeDraft.ts) until it is saved or discarded.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useLocation } from 'react-router';
import { useLiveQuery } from '../../app/liveQuerier';
import { maskIdNumber, maskPhone } from '@shared/domain/masking';
import { residentSummary } from '@shared/domain/resident';
import { VISIT_CHANNELS, type Resident } from '@shared/domain/records';
import { validateVisit, type CaseDraft, type VisitFieldErrors, type VisitInput } from '@shared/domain/intake';
import { listActiveMatterTypes } from '../../db/repositories/catalog';
import type { MatterType } from '../../db/matterType';
import { registerVisit, VisitValidationError, type RegisteredVisit } from '../../db/repositories/visits';
import { getResident } from '../../db/repositories/residents';
import { recentMattersOf } from '../../db/repositories/cases';
import { takeIntakeIntents } from '../../app/deskShortcuts';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useFieldErrors } from '../../app/useFieldErrors';
import { useShortcut } from '../../app/useShortcut';
import { initialFromQuery, ResidentDialog } from '../residents/ResidentDialog';
import { ResidentSearch } from '../residents/ResidentSearch';
import { CaseDraftEditor } from './CaseDraftEditor';
import { emptyDraft, toCaseDraft, type DraftState } from './draftState';
import { IntakeResult } from './IntakeResult';
import { clearIntakeDraft, isDirty, loadIntakeDraft, saveIntakeDraft } from './intakeDraft';
import { complaintOf, emptyVisitDetails, VisitDetails, type VisitDetailsState } from './VisitDetails';

const NO_MATTERS: MatterType[] = [];

/** `active`: shown (its shortcuts work); false while the register tab is in front. */
export function IntakePage({ active = true }: { active?: boolean }) {
  const desk = useDesk();
  const { calendar } = desk;
  const loadedMatters = useLiveQuery(() => listActiveMatterTypes(desk), [desk]);
  const matters = loadedMatters ?? NO_MATTERS;
  // The registration kept for this staff member (after a section switch or a reload), read at
  // once so the form is there for the very next keystroke; its resident is re-read below.
  const [kept] = useState(() => loadIntakeDraft(desk.actor.id));
  const searchRef = useRef<HTMLInputElement>(null);
  const matterRef = useRef<HTMLInputElement>(null);
  const [resident, setResident] = useState<Resident | null>(null);
  const [details, setDetails] = useState<VisitDetailsState>(kept?.details ?? emptyVisitDetails);
  const [drafts, setDrafts] = useState<DraftState[]>(() => kept?.drafts ?? [emptyDraft()]);
  const [saved, setSaved] = useState<RegisteredVisit | null>(null);
  const [registering, setRegistering] = useState<string | null>(null);
  const saving = useGuardedAction();
  const [newDraftKey, setNewDraftKey] = useState<number | null>(null);
  const today = desk.clock.today();
  // A returning resident's recent matters, offered first in the first matter box (null: reading).
  const residentId = resident?.id;
  const recentRead = useLiveQuery(
    async () => ({ residentId, codes: residentId ? await recentMattersOf(desk, residentId) : [] }),
    [desk, residentId],
  );
  const recentMatters = recentRead && recentRead.residentId === residentId ? recentRead.codes : null;
  // A message shown at save clears as soon as its field is right (the 代办人's ID, phone …).
  const { errors, setErrors } = useFieldErrors<VisitFieldErrors>(() => validateVisit(visitInput([]), today), details);

  /** A resident chosen: the next thing the clerk does is name the matter. */
  function chooseResident(r: Resident) {
    setResident(r);
    setFocusTarget('matter');
  }

  /** Where the keyboard goes next; applied once that field is on screen (after any re-render). */
  const [focusTarget, setFocusTarget] = useState<'search' | 'matter' | null>(null);
  // Layout effects: the focus moves in the same task as the render, before the next keystroke
  // (a clerk types the name right after F2).
  useLayoutEffect(() => {
    const el = focusTarget === 'search' ? searchRef.current : focusTarget === 'matter' ? matterRef.current : null;
    if (!el) return;
    el.focus();
    setFocusTarget(null);
    // The field appears with the form (saved → new) or with the resident's choice.
  }, [focusTarget, saved, resident, loadedMatters]);
  const focusSearch = () => setFocusTarget('search');

  function reset() {
    setResident(null);
    setDetails(emptyVisitDetails);
    setDrafts([emptyDraft()]);
    setErrors({});
    saving.setError(null);
    setSaved(null);
    clearIntakeDraft(desk.actor.id);
    focusSearch();
  }

  const current = { residentId: resident?.id ?? null, details, drafts };
  const dirty = !saved && isDirty(current);

  const [restored, setRestored] = useState(!kept?.residentId);
  useEffect(() => {
    if (restored || !kept?.residentId) return;
    void getResident(desk, kept.residentId).then((r) => {
      setResident(r ?? null);
      setRestored(true);
    });
  }, [desk, kept, restored]);
  // …and keep it while it is being filled in.
  useEffect(() => {
    if (restored && !saved) saveIntakeDraft(desk.actor.id, { residentId: resident?.id ?? null, details, drafts });
  }, [desk, restored, saved, resident, details, drafts]);

  // F2 / F3 / Alt+2 arrive as queued intents (taken on each navigation, after the restore).
  // F2 on a half-filled form starts afresh at once, and offers to bring the discarded one back.
  const [discarded, setDiscarded] = useState<{
    resident: Resident | null;
    details: VisitDetailsState;
    drafts: DraftState[];
  } | null>(null);
  const { key: locationKey } = useLocation();
  const latest = useRef({ dirty, reset, resident, details, drafts, saved });
  latest.current = { dirty, reset, resident, details, drafts, saved };
  useLayoutEffect(() => {
    if (!restored) return;
    const form = latest.current;
    let { dirty, resident, saved } = form; // as the next press in this batch finds them
    for (const intent of takeIntakeIntents()) {
      // F3 on the saved result: that visit is kept, so a new registration starts at the search.
      if (intent === 'new' || (intent === 'search' && saved)) {
        setDiscarded(dirty ? { resident: form.resident, details: form.details, drafts: form.drafts } : null);
        form.reset();
        dirty = false;
        resident = null;
        saved = null;
      } else if (intent === 'open' && resident) setFocusTarget('matter');
      else {
        // F3 with a resident already chosen: the search comes back, the rest of the form stays.
        if (intent === 'search') resident = null;
        setResident(resident);
        focusSearch();
      }
    }
  }, [restored, locationKey]);

  function restoreDiscarded() {
    if (!discarded) return;
    setResident(discarded.resident);
    setDetails(discarded.details);
    setDrafts(discarded.drafts);
    setDiscarded(null);
    setFocusTarget(discarded.resident ? 'matter' : 'search');
  }
  // 来访方式 without leaving the field being typed in: F4 steps 来站 → 来电 → 走访 → 网上.
  useShortcut(
    'F4',
    () =>
      setDetails((d) => ({
        ...d,
        channel: VISIT_CHANNELS[(VISIT_CHANNELS.indexOf(d.channel) + 1) % VISIT_CHANNELS.length] ?? '来站',
      })),
    active && !saved,
  );
  useShortcut('Ctrl+Enter', () => void save(), active && !saved);

  function visitInput(cases: CaseDraft[]): VisitInput {
    return {
      residentId: resident?.id,
      channel: details.channel,
      kind: details.kind,
      content: details.content,
      cases,
      complaint: complaintOf(details),
      ...(details.hasAgent
        ? {
            agent: {
              name: details.agentName.trim(),
              relation: details.agentRelation.trim(),
              phone: details.agentPhone.trim() || undefined,
              idNumber: details.agentIdNumber.trim() || undefined,
            },
          }
        : {}),
    };
  }

  async function save() {
    if (saving.busy) return;
    const caseDrafts = details.kind === '办件' ? drafts.map(toCaseDraft) : [];
    const missingMatter = caseDrafts.findIndex((d) => d === null);
    if (missingMatter >= 0) {
      setErrors({ caseErrors: drafts.map((_, i) => (i === missingMatter ? { matter: '请选择事项' } : {})) });
      return;
    }
    const input = visitInput(caseDrafts as CaseDraft[]);
    await saving.run(
      async () => {
        setSaved(await registerVisit(desk, input));
        setErrors({});
        clearIntakeDraft(desk.actor.id);
      },
      (e) => {
        if (!(e instanceof VisitValidationError)) return false;
        setErrors(e.errors);
        return true;
      },
    );
  }

  if (saved) {
    return <IntakeResult saved={saved} matters={matters} onNew={reset} active={active} />;
  }
  return (
    // Not submitted by Enter: a stray Enter in any field must not save a half-filled visit and
    // use up a tracking number. Saving is the button or Ctrl+Enter.
    <Stack spacing={2} component="form" onSubmit={(e) => e.preventDefault()} noValidate aria-label="来访登记">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          来访登记
        </Typography>
        <Chip label="F2 新登记" variant="outlined" />
        <Chip label="F3 查找居民" variant="outlined" />
        <Chip label="F4 切换来访方式" variant="outlined" />
        <Chip label="Ctrl+Enter 保存" variant="outlined" />
        <Chip label="Ctrl+P 打印回执" variant="outlined" />
      </Stack>
      {discarded && (
        <Alert
          severity="info"
          role="status"
          onClose={() => setDiscarded(null)}
          action={
            <Button color="inherit" onClick={restoreDiscarded}>
              恢复上一份登记
            </Button>
          }
        >
          已开始新登记，上一份未保存的登记已放弃。
        </Alert>
      )}
      <Paper sx={{ p: 2 }} component="section" aria-label="居民">
        {resident ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="h6" component="p" sx={{ flexGrow: 1 }} aria-label="已选居民">
              {[residentSummary(resident, today), maskIdNumber(resident.idNumber), maskPhone(resident.phone)]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
            <Button onClick={() => setResident(null)}>换一位居民</Button>
          </Stack>
        ) : (
          <Stack spacing={1}>
            <ResidentSearch ref={searchRef} onPick={chooseResident} onNoMatch={(q) => setRegistering(q)} />
            <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setRegistering('')}>
              登记新居民
            </Button>
            {errors.resident && (
              <Typography color="error" role="alert">
                {errors.resident}
              </Typography>
            )}
          </Stack>
        )}
      </Paper>
      <Paper sx={{ p: 2 }} component="section" aria-label="来访信息">
        <VisitDetails value={details} errors={errors} onChange={(p) => setDetails((d) => ({ ...d, ...p }))} />
      </Paper>
      {details.kind === '办件' && (
        <Stack spacing={2}>
          {drafts.map((d, i) => (
            <CaseDraftEditor
              key={d.key}
              index={i}
              draft={d}
              matters={matters}
              calendar={calendar}
              today={today}
              errors={errors.caseErrors?.[i]}
              onChange={(next) => setDrafts((all) => all.map((x) => (x.key === d.key ? next : x)))}
              onRemove={drafts.length > 1 ? () => setDrafts((all) => all.filter((x) => x.key !== d.key)) : undefined}
              matterInputRef={i === 0 ? matterRef : undefined}
              recentMatters={i === 0 ? recentMatters : undefined}
              autoFocusMatter={d.key === newDraftKey}
            />
          ))}
          <Button
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => {
              const next = emptyDraft();
              setDrafts((all) => [...all, next]);
              setNewDraftKey(next.key); // the clerk names the next matter straight away
            }}
          >
            再办一个事项
          </Button>
        </Stack>
      )}
      {(saving.error || errors.cases) && (
        <Alert severity="error" role="alert">
          {saving.error ?? errors.cases}
        </Alert>
      )}
      {/* The save action stays in view at the bottom of the window however tall the form grows
          (a 即办 with its documents is taller than 768 px). */}
      <Box
        sx={{
          position: 'sticky',
          bottom: 0,
          zIndex: 1,
          py: 1.5,
          bgcolor: 'background.default',
          borderTop: 1,
          borderColor: 'divider',
        }}
      >
        <Button type="button" onClick={() => void save()} variant="contained" size="large" disabled={saving.busy}>
          保存登记（Ctrl+Enter）
        </Button>
      </Box>
      {registering !== null && (
        <ResidentDialog
          initial={initialFromQuery(registering)}
          onClose={() => setRegistering(null)}
          onSaved={(r) => {
            setRegistering(null);
            chooseResident(r);
          }}
        />
      )}
    </Stack>
  );
}

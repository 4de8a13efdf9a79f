/**
 * 登记走访 / 更正走访记录: one home visit — day, household (a resident from the register, or an address), 网格,
 * purpose, what was found, follow-up — and, in the same save, what it leads to: a 问题 for the
 * 问题库, a registered 走访 visit with its matter, or a 帮代办 request (logHomeVisit).
 * A correction (`correcting`) opens with the entry's values and saves a NEW entry naming the one
 * it replaces (`corrects`; the log is append-only, reads fold them); it leads to nothing new.
 */
import { useState, type FormEvent } from 'react';
import { Button, Stack, TextField, Typography } from '@mui/material';
import type { HomeVisitFieldErrors, HomeVisitInput, HomeVisitThen } from '@shared/domain/homeVisits';
import {
  HOME_VISIT_PURPOSES,
  type HomeVisitPurpose,
  type ProblemCategory,
  type Resident,
} from '@shared/domain/records';
import { maskName } from '@shared/domain/masking';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FilterSelect } from '../../components/FilterSelect';
import { FormDialog } from '../../components/FormDialog';
import { ProblemCategorySelect } from '../../components/ProblemCategorySelect';
import { listActiveMatterTypes } from '../../db/repositories/catalog';
import { HomeVisitValidationError, logHomeVisit, type HomeVisitRow } from '../../db/repositories/homeVisits';
import { ResidentSearch } from '../residents/ResidentSearch';
import { useLiveQuery } from '../../app/liveQuerier';

type ThenKind = HomeVisitThen['kind'];
const THEN_OPTIONS: [ThenKind, string][] = [
  ['问题', '登记问题（进入问题库）'],
  ['来访', '登记走访来访并受理事项'],
  ['帮代办', '登记帮代办需求'],
];

export function VisitLogDialog({
  onClose,
  onSaved,
  correcting,
}: {
  onClose: () => void;
  onSaved: (text: string) => void;
  /** The entry being corrected (its values to start from). */
  correcting?: HomeVisitRow;
}) {
  const desk = useDesk();
  const staff = useStaff();
  const grids = desk.community.grids;
  const old = correcting?.entry;
  const [day, setDay] = useState(old?.day ?? desk.clock.today());
  const [resident, setResident] = useState<Resident | null>(correcting?.resident ?? null);
  const [address, setAddress] = useState(old?.address ?? '');
  const [gridId, setGridId] = useState(old?.gridId ?? staff.grids[0] ?? '');
  const [purpose, setPurpose] = useState<HomeVisitPurpose | ''>(old?.purpose ?? '');
  const [found, setFound] = useState(old?.found ?? '');
  const [followUp, setFollowUp] = useState(old?.followUp ?? '');
  const [thenKind, setThenKind] = useState<ThenKind>('无');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<ProblemCategory | ''>('');
  const [matterCode, setMatterCode] = useState('');
  const [request, setRequest] = useState('');
  const [errors, setErrors] = useState<HomeVisitFieldErrors>({});
  const matters = useLiveQuery(() => (thenKind === '来访' ? listActiveMatterTypes(desk) : []), [desk, thenKind]);
  const { run, error, busy } = useGuardedAction();

  const then: HomeVisitThen =
    thenKind === '问题'
      ? { kind: '问题', title, category }
      : thenKind === '来访'
        ? { kind: '来访', matterCode }
        : thenKind === '帮代办'
          ? { kind: '帮代办', request }
          : { kind: '无' };

  function pick(r: Resident) {
    setResident(r);
    if (r.gridId) setGridId(r.gridId);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    const input: HomeVisitInput = {
      day,
      ...(resident ? { residentId: resident.id } : { address }),
      gridId,
      purpose,
      found,
      followUp,
      then,
      ...(old ? { corrects: old.id } : {}),
    };
    const ok = await run(
      () => logHomeVisit(desk, input),
      (refusal) => {
        if (!(refusal instanceof HomeVisitValidationError)) return false;
        setErrors(refusal.errors);
        return true;
      },
    );
    if (ok) {
      onSaved(
        old
          ? '走访记录已更正（原记录保留）'
          : thenKind === '无'
            ? '走访已登记'
            : `走访已登记，并已${THEN_OPTIONS.find(([k]) => k === thenKind)?.[1]}`,
      );
      onClose();
    }
  }

  const at = (f: keyof HomeVisitFieldErrors) => ({ error: Boolean(errors[f]), helperText: errors[f] ?? ' ' });
  return (
    <FormDialog
      title={old ? '更正走访记录' : '登记走访'}
      submitLabel={old ? '保存更正' : '保存走访记录'}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={error}
      maxWidth="md"
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label="走访日期"
          type="date"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          {...at('day')}
        />
        <TextField
          select
          label="网格"
          value={gridId}
          onChange={(e) => setGridId(e.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 160 }}
          {...at('gridId')}
        >
          <option value="">请选择</option>
          {grids.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label="走访目的"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value as HomeVisitPurpose)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 180 }}
          {...at('purpose')}
        >
          <option value="">请选择</option>
          {HOME_VISIT_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </TextField>
      </Stack>
      {resident ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography>走访对象：{maskName(resident.name)}</Typography>
          <Button onClick={() => setResident(null)}>重新选择</Button>
        </Stack>
      ) : (
        <Stack spacing={1}>
          <ResidentSearch label="走访对象：查找居民（姓名、拼音、电话或身份证号后几位）" onPick={pick} />
          <TextField
            label="或填写走访地址"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            {...at('household')}
          />
        </Stack>
      )}
      <TextField
        label="走访情况"
        multiline
        minRows={2}
        value={found}
        onChange={(e) => setFound(e.target.value)}
        {...at('found')}
      />
      <TextField label="后续跟进" value={followUp} onChange={(e) => setFollowUp(e.target.value)} {...at('followUp')} />
      {old && (
        <Typography sx={{ fontSize: 14 }}>
          更正将新增一条记录并替换原记录（原记录保留，可查）；原记录已登记的问题、来访或帮代办不受影响。
        </Typography>
      )}
      {!old && (
        <FilterSelect
          label="同时登记"
          value={thenKind === '无' ? '' : thenKind}
          emptyLabel="不需要"
          options={THEN_OPTIONS}
          onChange={(v) => setThenKind((v || '无') as ThenKind)}
        />
      )}
      {thenKind === '问题' && (
        <Stack direction="row" spacing={2}>
          <TextField
            label="问题标题"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            sx={{ flex: 1 }}
            {...at('problemTitle')}
          />
          <ProblemCategorySelect
            value={category}
            onChange={setCategory}
            error={Boolean(errors.problemCategory)}
            helperText={errors.problemCategory ?? ' '}
          />
        </Stack>
      )}
      {thenKind === '来访' && (
        <TextField
          select
          label="受理事项"
          value={matterCode}
          onChange={(e) => setMatterCode(e.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          {...at('matter')}
        >
          <option value="">请选择</option>
          {(matters ?? []).map((m) => (
            <option key={m.code} value={m.code}>
              {m.category} · {m.name}
            </option>
          ))}
        </TextField>
      )}
      {thenKind === '帮代办' && (
        <TextField
          label="需要代办什么"
          value={request}
          onChange={(e) => setRequest(e.target.value)}
          {...at('proxyRequest')}
        />
      )}
    </FormDialog>
  );
}

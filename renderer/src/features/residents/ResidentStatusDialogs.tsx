/**
 * 居民状态 on the resident's page: the status chip, 标记迁出/已故 (what is still open shown first,
 * the marking then acknowledges it), 恢复在册 (admins) and 删除居民 (admins: what it touches
 * counted first, refused while anything is open, a reason at its field).
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Chip,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { maskNumbersInText } from '@shared/domain/masking';
import type { Resident } from '@shared/domain/records';
import {
  DELETE_REASON_MIN,
  INACTIVE_STATUSES,
  openCount,
  residentStatusOf,
  type InactiveStatus,
  type OpenItems,
} from '@shared/domain/residentStatus';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import {
  deleteResident,
  markResidentStatus,
  openItemsOfResident,
  residentDeletionPreview,
} from '../../db/repositories/residentLifecycle';

/** 已迁出 / 已故 as a chip (nothing for 在册). */
export function ResidentStatusChip({ resident, size = 'small' }: { resident: Resident; size?: 'small' | 'medium' }) {
  const status = residentStatusOf(resident);
  if (status === '在册') return null;
  return <Chip size={size} label={status} color={status === '已故' ? 'default' : 'warning'} variant="outlined" />;
}

/** What is still open: tracking numbers, documents, requests — the clerk sees it before acting. */
function OpenList({ open, severity, intro }: { open: OpenItems; severity: 'warning' | 'error'; intro: string }) {
  return (
    <Alert severity={severity} role={severity === 'error' ? 'alert' : 'status'} aria-label="未办完的事项">
      <Typography>{intro}</Typography>
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {open.cases.map((c) => (
          <li key={c.id}>
            办件 {c.trackingNumber} {c.matterName}（{c.status}）
          </li>
        ))}
        {open.documents.map((d) => (
          <li key={d.id}>材料在外：{d.document}</li>
        ))}
        {open.requests.map((r) => (
          <li key={r.id}>
            帮代办：{maskNumbersInText(r.request)}（{r.status}）
          </li>
        ))}
      </ul>
    </Alert>
  );
}

type Props = { resident: Resident; onClose: () => void; onDone: () => void };

const DAY_LABEL: Record<InactiveStatus, string> = { 已迁出: '迁出日期', 已故: '去世日期' };

/** 标记迁出/已故: the status, the day (as told), a note; open items listed first. */
export function MarkStatusDialog({ resident, onClose, onDone }: Props) {
  const desk = useDesk();
  const current = residentStatusOf(resident);
  const choices = INACTIVE_STATUSES.filter((s) => s !== current);
  const [status, setStatus] = useState<InactiveStatus>(choices[0]!);
  const [day, setDay] = useState(desk.clock.today());
  const [note, setNote] = useState('');
  const open = useLiveQuery(() => openItemsOfResident(desk, resident.id), [desk, resident.id]);
  const guard = useGuardedAction();
  const at = (f: string) => (guard.field === f ? guard.error : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The open items are on screen above the fields: submitting acknowledges them.
    const ok = await guard.run(() =>
      markResidentStatus(desk, resident.id, { status, day, note, confirmOpen: open !== undefined }),
    );
    if (ok) onDone();
  }

  return (
    <FormDialog
      title={`标记${resident.name}迁出或已故`}
      label="标记迁出或已故"
      submitLabel={`标记为${status}`}
      onSubmit={submit}
      onClose={onClose}
      busy={guard.busy || open === undefined}
      error={guard.field ? null : guard.error}
    >
      {open && openCount(open) > 0 && (
        <OpenList
          open={open}
          severity="warning"
          intro="该居民还有未办完的事项。标记后这些事项照常办理，请告知经办人（如需联系家属）："
        />
      )}
      <Typography color="text.secondary">
        标记后档案和办件、来访记录都保留；查找居民时默认不再显示，勾选“包括已迁出、已故”可找到。
      </Typography>
      <FormControl error={Boolean(at('status'))}>
        <FormLabel id="resident-status-label">居民状态</FormLabel>
        <RadioGroup
          row
          aria-labelledby="resident-status-label"
          value={status}
          onChange={(e) => setStatus(e.target.value as InactiveStatus)}
        >
          {choices.map((s) => (
            <FormControlLabel key={s} value={s} control={<Radio />} label={s} />
          ))}
        </RadioGroup>
        {at('status') && <FormHelperText>{at('status')}</FormHelperText>}
      </FormControl>
      <TextField
        label={DAY_LABEL[status]}
        value={day}
        onChange={(e) => setDay(e.target.value)}
        error={Boolean(at('day'))}
        helperText={at('day') ?? '按居民或家属告知的日期填写，如 2026-11-24'}
      />
      <TextField
        autoFocus
        label="说明"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={Boolean(at('note'))}
        helperText={at('note') ?? (status === '已迁出' ? '如：迁往何处、由谁告知' : '如：家属来站告知')}
        multiline
        minRows={2}
      />
    </FormDialog>
  );
}

/** 恢复在册 (admins): back into the default search, with the reason. */
export function RestoreDialog({ resident, onClose, onDone }: Props) {
  const desk = useDesk();
  const [note, setNote] = useState('');
  const guard = useGuardedAction();
  const at = (f: string) => (guard.field === f ? guard.error : null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await guard.run(() =>
      markResidentStatus(desk, resident.id, { status: '在册', day: desk.clock.today(), note }),
    );
    if (ok) onDone();
  }
  return (
    <FormDialog
      title={`将${resident.name}恢复为在册`}
      label="恢复在册"
      submitLabel="恢复在册"
      onSubmit={submit}
      onClose={onClose}
      busy={guard.busy}
      error={guard.field ? null : guard.error}
    >
      <TextField
        autoFocus
        label="恢复原因"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={Boolean(at('note'))}
        helperText={at('note') ?? '如：标记错了、居民已迁回'}
      />
    </FormDialog>
  );
}

/** 删除居民 (admins): what it touches, then the reason; refused while anything is open. */
export function DeleteResidentDialog({ resident, onClose, onDone }: Props) {
  const desk = useDesk();
  const [reason, setReason] = useState('');
  const preview = useLiveQuery(() => residentDeletionPreview(desk, resident.id), [desk, resident.id]);
  const guard = useGuardedAction();
  const blocked = preview !== undefined && openCount(preview.open) > 0;
  const at = (f: string) => (guard.field === f ? guard.error : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!preview || blocked) return;
    const { open: _open, ...expected } = preview;
    const ok = await guard.run(() => deleteResident(desk, resident.id, { reason, expected }));
    if (ok) onDone();
  }

  const rows: [string, number][] = preview
    ? [
        ['来访记录', preview.visits],
        ['办件', preview.cases],
        ['材料交接记录', preview.custodyItems],
        ['帮代办', preview.proxyRequests],
        ['联席会议问题', preview.problems],
      ]
    : [];
  return (
    <FormDialog
      title={`删除居民档案：${resident.name}`}
      label="删除居民档案"
      submitLabel="确认删除"
      onSubmit={submit}
      onClose={onClose}
      busy={guard.busy || preview === undefined || blocked}
      error={guard.field ? null : guard.error}
    >
      {preview && blocked && (
        <OpenList
          open={preview.open}
          severity="error"
          intro="该居民还有未办完的事项，办完后才能删除（可先标记为已迁出或已故）："
        />
      )}
      {preview && (
        <section aria-label="删除的影响">
          <Typography sx={{ mb: 1 }}>
            删除后居民档案（含身份证号、电话、重点服务信息）不可恢复。以下记录保留，居民显示为“已删除居民”，受理编号不变：
          </Typography>
          <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
            {rows.map(([label, n]) => (
              <li key={label}>
                {label}：{n} 条
              </li>
            ))}
          </ul>
        </section>
      )}
      <TextField
        autoFocus
        label="删除原因"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        disabled={blocked}
        error={Boolean(at('reason'))}
        helperText={at('reason') ?? `至少 ${DELETE_REASON_MIN} 个字，如：重复登记的档案；记入操作日志`}
      />
      {!blocked && (
        <Stack>
          <Typography color="text.secondary">只有站长/管理员可以删除。平时请用“标记迁出/已故”。</Typography>
        </Stack>
      )}
    </FormDialog>
  );
}

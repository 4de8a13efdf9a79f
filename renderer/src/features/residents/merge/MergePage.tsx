/**
 * 合并居民档案 (站长/管理员): the two records side by side. The admin picks the record to keep and,
 * for each field the two disagree on, whose value wins; then merges (one transaction in the data
 * layer, residentMerge.ts). After the merge the page offers the kept record and the same-day undo.
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  FormControlLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../../app/liveQuerier';
import { useNavigate, useParams } from 'react-router';
import { can } from '@shared/domain/roles';
import { MERGE_FIELDS, type MergeChoices, type MergeField } from '@shared/domain/residentMerge';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { useGuardedAction } from '../../../app/useGuardedAction';
import {
  mergeCandidates,
  mergeResidents,
  undoResidentMerge,
  type MergeValues,
} from '../../../db/repositories/residentMerge';
import { EMPTY, fieldText } from './mergeText';
import { RevealValue } from './RevealValue';

type Side = 'a' | 'b';
const SIDE_NAME: Record<Side, string> = { a: '档案一', b: '档案二' };

export function MergePage() {
  const desk = useDesk();
  const staff = useStaff();
  const navigate = useNavigate();
  const { a = '', b = '' } = useParams();
  const allowed = can(staff, 'resident.merge');
  const pair = useLiveQuery(() => (allowed ? mergeCandidates(desk, a, b) : undefined), [desk, a, b, allowed]);
  const sides = pair?.sides;
  const [kept, setKept] = useState<Side>('a');
  const [source, setSource] = useState<Partial<Record<MergeField, Side>>>({});
  const [done, setDone] = useState<{ keptId: string; mergedId: string } | null>(null);
  const [undone, setUndone] = useState(false);
  const action = useGuardedAction();
  const ra = sides?.[0].resident;
  const rb = sides?.[1].resident;
  // Each field starts with the value on file: 档案一's, or 档案二's where 档案一 has none.
  useEffect(() => {
    if (!ra || !rb) return;
    setSource(
      Object.fromEntries(
        MERGE_FIELDS.map(([f]) => [f, ra.values[f] === undefined && rb.values[f] !== undefined ? 'b' : 'a']),
      ),
    );
  }, [ra?.id, rb?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the pair changes

  if (!allowed) return <Alert severity="info">合并居民档案需要站长/管理员账号。</Alert>;
  if (!pair || !sides) return null;
  const record = { a: ra, b: rb };
  const gone = !done && (!ra || !rb || ra.gone || rb.gone);

  const merge = () =>
    action.run(async () => {
      const keptRecord = record[kept]!;
      const other = record[kept === 'a' ? 'b' : 'a']!;
      const choices: MergeChoices = Object.fromEntries(
        MERGE_FIELDS.map(([f]) => [f, (source[f] ?? 'a') === kept ? 'kept' : 'merged']),
      );
      await mergeResidents(desk, { keptId: keptRecord.id, mergedId: other.id, choices });
      setDone({ keptId: keptRecord.id, mergedId: other.id });
    });
  const undo = () =>
    action.run(async () => {
      await undoResidentMerge(desk, done!.mergedId);
      setDone(null);
      setUndone(true);
    });

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        合并居民档案
      </Typography>
      {action.error && (
        <Alert severity="error" role="alert">
          {action.error}
        </Alert>
      )}
      {done && (
        <Alert
          severity="success"
          role="status"
          action={
            <Stack direction="row" spacing={1}>
              <Button color="inherit" onClick={() => void navigate(`/residents/${done.keptId}`)}>
                查看保留的档案
              </Button>
              <Button color="inherit" onClick={() => void undo()} disabled={action.busy}>
                撤销合并
              </Button>
            </Stack>
          }
        >
          已合并为一份档案：来访、办件、帮代办、材料和问题都已移到保留的档案。当天在这台电脑上、两份档案都没有新的变动时可以撤销（撤销合并只能在合并的那台值班电脑上进行）。
        </Alert>
      )}
      {undone && (
        <Alert severity="success" role="status">
          已撤销合并，两份档案和它们的记录都已恢复。
        </Alert>
      )}
      {gone && <Alert severity="warning">其中一份档案已删除或已合并，不能再合并。</Alert>}
      {!done && !gone && ra && rb && (
        <Paper sx={{ p: 2 }}>
          <RadioGroup
            row
            aria-label="保留哪份档案"
            value={kept}
            onChange={(e) => setKept(e.target.value as Side)}
            sx={{ mb: 1 }}
          >
            <Typography sx={{ mr: 2, alignSelf: 'center' }}>保留：</Typography>
            {(['a', 'b'] as const).map((s) => (
              <FormControlLabel key={s} value={s} control={<Radio />} label={`保留${SIDE_NAME[s]}`} />
            ))}
          </RadioGroup>
          <Typography variant="body2" sx={{ mb: 1 }}>
            另一份档案合并后不再单独出现；它的来访、办件等记录都移到保留的档案。两份不一致的信息，请逐项选择采用哪一份。
          </Typography>
          <Table aria-label="两份档案对照">
            <TableHead>
              <TableRow>
                <TableCell>项目</TableCell>
                <TableCell>{SIDE_NAME.a}</TableCell>
                <TableCell>{SIDE_NAME.b}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {MERGE_FIELDS.map(([field, label]) => (
                <FieldRow
                  key={field}
                  field={field}
                  label={label}
                  a={ra}
                  b={rb}
                  same={pair.same.includes(field)}
                  grids={desk.community.grids}
                  value={source[field] ?? 'a'}
                  onChange={(s) => setSource((cur) => ({ ...cur, [field]: s }))}
                />
              ))}
              <TableRow>
                <TableCell>已有记录</TableCell>
                {sides.map((s, i) => (
                  <TableCell key={i}>
                    来访 {s.counts.visits}，办件 {s.counts.cases}，帮代办 {s.counts.proxyTasks}，材料{' '}
                    {s.counts.custodyItems}，问题 {s.counts.problems}
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <Button variant="contained" onClick={() => void merge()} disabled={action.busy}>
              合并为一份档案
            </Button>
            <Button onClick={() => void navigate('/residents/duplicates')}>返回重复档案</Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

type Shown = { id: string; values: MergeValues };

function FieldRow(props: {
  field: MergeField;
  label: string;
  a: Shown;
  b: Shown;
  same: boolean;
  grids: Parameters<typeof fieldText>[2];
  value: Side;
  onChange: (s: Side) => void;
}) {
  const { field, label, a, b, same, grids, value, onChange } = props;
  const text = { a: fieldText(field, a.values, grids), b: fieldText(field, b.values, grids) };
  const full = (s: Side) =>
    (field === 'idNumber' || field === 'phone') && text[s] !== EMPTY ? (
      <RevealValue
        residentId={(s === 'a' ? a : b).id}
        field={field}
        label={label}
        owner={same ? '两份档案' : SIDE_NAME[s]}
        masked={text[s]}
      />
    ) : (
      text[s]
    );
  if (same)
    return (
      <TableRow>
        <TableCell>{label}</TableCell>
        <TableCell colSpan={2}>{full('a')}（相同）</TableCell>
      </TableRow>
    );
  return (
    <TableRow>
      <TableCell id={`merge-${field}`}>{label}</TableCell>
      {(['a', 'b'] as const).map((s) => (
        <TableCell key={s}>
          <FormControlLabel
            control={
              <Radio
                checked={value === s}
                onChange={() => onChange(s)}
                name={`merge-${field}`}
                slotProps={{ input: { 'aria-label': `${label}采用${SIDE_NAME[s]}：${text[s]}` } }}
              />
            }
            label={full(s)}
          />
        </TableCell>
      ))}
    </TableRow>
  );
}

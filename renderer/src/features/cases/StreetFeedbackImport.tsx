/**
 * 办件 → 导入街道反馈: the clerk picks the street's 反馈包; each item's 报到 and 处理反馈 enter its
 * case through the case machine (db/repositories/streetFeedbackImport.ts); the dialog then lists
 * every item: what was applied, nothing new (imported before), or why it was not applied.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { PickTextFile } from '../../components/PickTextFile';
import {
  importStreetFeedback,
  type FeedbackImportResult,
  type FeedbackItemOutcome,
} from '../../db/repositories/streetFeedbackImport';

/** What came of an item, in words. */
export function outcomeText(o: FeedbackItemOutcome): string {
  if (o.reason !== undefined) return `未导入：${o.reason}`;
  if (o.applied.length === 0) return '无新内容（已导入过）';
  const feedback = o.applied.filter((a) => a === '处理反馈').length;
  const parts = [...(o.applied.includes('报到') ? ['报到'] : []), ...(feedback ? [`处理反馈 ${feedback} 条`] : [])];
  return `已导入：${parts.join('、')}`;
}

function Outcomes({ result, fileName }: { result: Extract<FeedbackImportResult, { ok: true }>; fileName: string }) {
  const applied = result.items.filter((i) => i.applied.length > 0).length;
  const listed = result.items.filter((i) => i.reason !== undefined);
  return (
    <Stack spacing={1}>
      <Alert severity={listed.length ? 'warning' : 'success'} role="status">
        {fileName}（{result.street}）：共 {result.items.length} 项，导入 {applied} 项
        {listed.length ? `，${listed.length} 项未导入（原因见下表）` : ''}
      </Alert>
      <Table size="small" aria-label="导入结果">
        <TableHead>
          <TableRow>
            <TableCell>受理编号</TableCell>
            <TableCell>部门</TableCell>
            <TableCell>结果</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.items.map((o) => (
            <TableRow key={`${o.trackingNumber}|${o.department}|${outcomeText(o)}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {o.caseId ? (
                  <Link component={RouterLink} to={`/cases/${o.caseId}`} underline="always">
                    {o.trackingNumber}
                  </Link>
                ) : (
                  o.trackingNumber
                )}
              </TableCell>
              <TableCell>{o.department}</TableCell>
              <TableCell>
                <Typography color={o.reason !== undefined ? 'error' : undefined}>{outcomeText(o)}</Typography>
                {o.notes.map((n) => (
                  <Typography key={n} color="text.secondary">
                    {n}
                  </Typography>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}

export function StreetFeedbackImportDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const { run, error, busy, setError } = useGuardedAction();
  const [done, setDone] = useState<{ result: Extract<FeedbackImportResult, { ok: true }>; fileName: string } | null>(
    null,
  );
  const choose = (text: string, fileName: string) => {
    setDone(null);
    void run(async () => {
      const result = await importStreetFeedback(desk, text);
      if (!result.ok) setError(`${fileName}：${result.reason}`);
      else setDone({ result, fileName });
    });
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="street-feedback-title">
      <DialogTitle id="street-feedback-title">导入街道反馈</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography>
            选择街道发来的反馈包（.json）。每一项的报到和处理反馈按本人录入记入对应办件，办件过程注明来自街道；
            已办结、找不到或已导入过的事项列出原因，不会强行写入。
          </Typography>
          <div>
            <PickTextFile label="选择反馈包文件" accept=".json" variant="contained" onText={choose} disabled={busy} />
          </div>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {done && <Outcomes {...done} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}

/** 导入记录: the recent imports, and for today's an admin's 撤销本次导入 (with a confirmation). */
import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../../app/liveQuerier';
import type { ImportBatch } from '@shared/domain/records';
import { useDesk } from '../../../app/desk';
import { localDateTime } from '../../../app/clock';
import { useGuardedAction } from '../../../app/useGuardedAction';
import { listImportBatches, undoImport } from '../../../db/repositories/residentImport';

export function ImportHistory() {
  const desk = useDesk();
  const batches = useLiveQuery(() => listImportBatches(desk), [desk]);
  const [asked, setAsked] = useState<ImportBatch | null>(null);
  const undo = useGuardedAction();
  const [done, setDone] = useState<string | null>(null);
  if (!batches || batches.length === 0) return null;
  const confirm = async () => {
    if (!asked) return;
    const id = asked.id;
    setAsked(null);
    setDone(null);
    await undo.run(async () => {
      const r = await undoImport(desk, id);
      setDone(`已撤销：删除新增的 ${r.removed} 位居民，恢复更新前的 ${r.restored} 位`);
    });
  };
  return (
    <Paper sx={{ p: 2, display: 'grid', gap: 1 }}>
      <Typography variant="h6" component="h2">
        导入记录
      </Typography>
      <Table size="small" aria-label="导入记录">
        <TableHead>
          <TableRow>
            {['时间', '文件', '新增', '更新', '跳过', '未导入', ''].map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {batches.map((b) => (
            <TableRow key={b.id}>
              <TableCell>{localDateTime(b.createdAt)}</TableCell>
              <TableCell>{b.fileName}</TableCell>
              <TableCell>{b.created.length}</TableCell>
              <TableCell>{b.updated.length}</TableCell>
              <TableCell>{b.skipped}</TableCell>
              <TableCell>{b.rejected}</TableCell>
              <TableCell>
                {b.undone ? (
                  '已撤销'
                ) : b.day === desk.clock.today() ? (
                  <Button
                    color="error"
                    onClick={() => setAsked(b)}
                    aria-label={`撤销本次导入（${localDateTime(b.createdAt)}）`}
                  >
                    撤销本次导入
                  </Button>
                ) : (
                  ''
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {(undo.error || done) && (
        <Alert severity={undo.error ? 'error' : 'success'} role={undo.error ? 'alert' : 'status'}>
          {undo.error ?? done}
        </Alert>
      )}
      <Dialog open={asked !== null} onClose={() => setAsked(null)}>
        <DialogTitle>撤销本次导入？</DialogTitle>
        <DialogContent>
          <DialogContentText>
            将删除这次导入新增的 {asked?.created.length ?? 0} 位居民，并把更新过的 {asked?.updated.length ?? 0}{' '}
            位恢复为导入前的样子。导入后已登记来访或修改过档案的居民不能撤销。
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsked(null)}>取消</Button>
          <Button color="error" variant="contained" onClick={() => void confirm()}>
            撤销导入
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}

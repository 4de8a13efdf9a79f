import { useState } from 'react';
import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { Resident } from '@shared/domain/records';
import { useLiveQuery } from '../../app/liveQuerier';
import { useNavigate } from 'react-router';
import { maskIdNumber, maskPhone } from '@shared/domain/masking';
import { residentAddress } from '@shared/domain/resident';
import { useDesk } from '../../app/desk';
import { listRecentResidents } from '../../db/repositories/residentSearch';
import { initialFromQuery, ResidentDialog } from './ResidentDialog';
import { ResidentSearch } from './ResidentSearch';
import { ResidentStatusChip } from './ResidentStatusDialogs';
import { can } from '@shared/domain/roles';
import { useStaff } from '../../app/session';

export function ResidentList() {
  const desk = useDesk();
  const { community } = desk;
  const navigate = useNavigate();
  const staff = useStaff();
  const recent = useLiveQuery(() => listRecentResidents(desk, 20), [desk]);
  /** 人员标签 in this list only for `resident.tagsInLists` (the read leaves them out for anyone else). */
  const showTags = can(staff, 'resident.tagsInLists');
  const [creating, setCreating] = useState<string | null>(null);
  const [saved, setSaved] = useState<Resident | null>(null);
  const open = (id: string) => void navigate(`/residents/${id}`);
  const gridName = (id?: string) => community.grids.find((g) => g.id === id)?.name ?? '';
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'baseline' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          居民
        </Typography>
        {can(staff, 'resident.merge') && (
          <Button onClick={() => void navigate('/residents/duplicates')} sx={{ mr: 2 }}>
            重复档案
          </Button>
        )}
        {can(staff, 'resident.import') && (
          <Button onClick={() => void navigate('/residents/import')} sx={{ mr: 2 }}>
            导入居民台账
          </Button>
        )}
        <Button variant="contained" onClick={() => setCreating('')}>
          登记新居民
        </Button>
      </Stack>
      {saved && (
        <Alert
          severity="success"
          role="status"
          onClose={() => setSaved(null)}
          action={
            <Button color="inherit" onClick={() => open(saved.id)}>
              查看
            </Button>
          }
        >
          已登记 {saved.name}
        </Alert>
      )}
      <Paper sx={{ p: 2 }}>
        <ResidentSearch onPick={(r) => open(r.id)} onNoMatch={(q) => setCreating(q)} />
      </Paper>
      <Paper>
        <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
          最近登记或修改
        </Typography>
        <Table aria-label="最近登记的居民">
          <TableHead>
            <TableRow>
              <TableCell>姓名</TableCell>
              <TableCell>出生年份</TableCell>
              <TableCell>住址</TableCell>
              <TableCell>身份证号</TableCell>
              <TableCell>联系电话</TableCell>
              <TableCell>网格</TableCell>
              {showTags && <TableCell>人员标签</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {recent?.map((r) => (
              <TableRow key={r.id} hover onClick={() => open(r.id)} sx={{ cursor: 'pointer' }}>
                <TableCell>
                  <Button onClick={() => open(r.id)}>{r.name}</Button> <ResidentStatusChip resident={r} />
                </TableCell>
                <TableCell>{r.birthDate ? `${r.birthDate.slice(0, 4)}年` : '—'}</TableCell>
                <TableCell>{residentAddress(r) || '—'}</TableCell>
                <TableCell>{maskIdNumber(r.idNumber)}</TableCell>
                <TableCell>{maskPhone(r.phone)}</TableCell>
                <TableCell>{gridName(r.gridId)}</TableCell>
                {showTags && <TableCell>{r.tags.join('、')}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {creating !== null && (
        <ResidentDialog
          initial={initialFromQuery(creating)}
          onClose={() => setCreating(null)}
          onSaved={(r) => {
            // Registering one resident after another: stay on the list, say who was saved.
            setCreating(null);
            setSaved(r);
          }}
        />
      )}
    </Stack>
  );
}

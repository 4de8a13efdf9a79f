/**
 * 重复档案 (站长/管理员): pairs of residents with the same ID number — the form refuses a second
 * record, but records from another desk can bring one — each with 合并…; and today's merges,
 * each with its undo (refused by the data layer once anything touched them).
 */
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
import { useLiveQuery } from '../../../app/liveQuerier';
import { useNavigate } from 'react-router';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { useGuardedAction } from '../../../app/useGuardedAction';
import {
  duplicateResidentPairs,
  todaysMerges,
  undoResidentMerge,
  type ResidentListing,
} from '../../../db/repositories/residentMerge';
import { UNDO_ONLY_AT_MERGING_DESK } from '@shared/domain/residentMerge';

export function DuplicatesPage() {
  const desk = useDesk();
  const staff = useStaff();
  const navigate = useNavigate();
  const allowed = can(staff, 'resident.merge');
  const pairs = useLiveQuery(() => (allowed ? duplicateResidentPairs(desk) : undefined), [desk, allowed]);
  const merges = useLiveQuery(() => (allowed ? todaysMerges(desk) : undefined), [desk, allowed]);
  const undo = useGuardedAction();
  if (!allowed) return <Alert severity="info">合并居民档案需要站长/管理员账号。</Alert>;
  const who = (r: ResidentListing) => [r.name, r.phone, r.address].filter(Boolean).join(' · ');
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        重复档案
      </Typography>
      <Paper>
        <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
          身份证号相同的档案
        </Typography>
        {pairs?.length === 0 && <Typography sx={{ p: 2 }}>没有身份证号相同的档案。</Typography>}
        {pairs && pairs.length > 0 && (
          <Table aria-label="身份证号相同的档案">
            <TableHead>
              <TableRow>
                <TableCell>身份证号</TableCell>
                <TableCell>档案一</TableCell>
                <TableCell>档案二</TableCell>
                <TableCell>操作</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {pairs.map(([a, b]) => (
                <TableRow key={`${a.id}-${b.id}`}>
                  <TableCell>{a.idNumber}</TableCell>
                  <TableCell>{who(a)}</TableCell>
                  <TableCell>{who(b)}</TableCell>
                  <TableCell>
                    <Button
                      onClick={() => void navigate(`/residents/merge/${a.id}/${b.id}`)}
                      aria-label={`合并 ${a.name} 的两份档案`}
                    >
                      合并…
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      <Paper>
        <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
          今天的合并
        </Typography>
        {undo.error && (
          <Alert severity="error" role="alert" sx={{ m: 2 }}>
            {undo.error}
          </Alert>
        )}
        <Typography sx={{ px: 2, pt: 1 }}>{UNDO_ONLY_AT_MERGING_DESK}；这里列出的是本机今天的合并。</Typography>
        {merges?.length === 0 && <Typography sx={{ p: 2 }}>本机今天没有合并过档案。</Typography>}
        {merges && merges.length > 0 && (
          <Table aria-label="今天的合并">
            <TableBody>
              {merges.map(({ mergedId, kept }) => (
                <TableRow key={mergedId}>
                  <TableCell>{kept ? `并入 ${who(kept)}` : '保留的档案已不在册'}</TableCell>
                  <TableCell>
                    <Button
                      onClick={() => void undo.run(() => undoResidentMerge(desk, mergedId))}
                      disabled={undo.busy}
                      aria-label={`撤销合并${kept ? ` ${kept.name}` : ''}`}
                    >
                      撤销合并
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

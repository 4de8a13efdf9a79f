/**
 * 事项目录 in 设置: the center's list of matters (work-item admission). Everyone can read it;
 * admins add and edit entries, or take one out of use (entries are never deleted).
 */
import { useMemo, useState } from 'react';
import {
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { listMatterTypes } from '../../db/repositories/catalog';
import type { MatterType } from '../../db/matterType';
import { useDesk } from '../../app/desk';
import { MatterDialog } from './MatterDialog';

export function CatalogEditor({ canEdit }: { canEdit: boolean }) {
  const desk = useDesk();
  const matters = useLiveQuery(() => listMatterTypes(desk), [desk]);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<MatterType | 'new' | null>(null);
  const shown = useMemo(() => {
    const q = filter.trim();
    if (!matters) return [];
    if (!q) return matters;
    return matters.filter((m) => m.name.includes(q) || m.category.includes(q) || m.code.includes(q.toUpperCase()));
  }, [matters, filter]);
  const categories = useMemo(() => [...new Set(matters?.map((m) => m.category))], [matters]);

  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField
            label="查找事项"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            sx={{ maxWidth: 360 }}
          />
          <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
            共 {matters?.length ?? 0} 项，{categories.length} 个类别
          </Typography>
          {canEdit && (
            <Button variant="contained" onClick={() => setEditing('new')}>
              新增事项
            </Button>
          )}
        </Stack>
        <Table aria-label="事项目录" size="small">
          <TableHead>
            <TableRow>
              <TableCell>编码</TableCell>
              <TableCell>类别</TableCell>
              <TableCell>事项名称</TableCell>
              <TableCell>办理方式</TableCell>
              <TableCell>时限（工作日）</TableCell>
              <TableCell>办理层级</TableCell>
              <TableCell>所需材料</TableCell>
              {canEdit && <TableCell>操作</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((m) => (
              <TableRow key={m.code} sx={{ opacity: m.active ? 1 : 0.5 }}>
                <TableCell>{m.code}</TableCell>
                <TableCell>{m.category}</TableCell>
                <TableCell>
                  {m.name} {!m.active && <Chip size="small" label="已停用" />}
                </TableCell>
                <TableCell>
                  {m.defaultMode}
                  {m.proxyEligible ? ' · 可帮代办' : ''}
                </TableCell>
                <TableCell>{m.timeLimitDays === 0 ? '即时' : m.timeLimitDays}</TableCell>
                <TableCell>{m.remit}</TableCell>
                <TableCell>{m.documents.length} 项</TableCell>
                {canEdit && (
                  <TableCell>
                    <Button aria-label={`编辑 ${m.name}`} onClick={() => setEditing(m)}>
                      编辑
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Stack>
      {editing && matters && (
        <MatterDialog
          matter={editing === 'new' ? null : editing}
          all={matters}
          categories={categories}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

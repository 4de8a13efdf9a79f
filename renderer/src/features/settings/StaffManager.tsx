/**
 * Staff accounts: who may sign in at this desk, their role and grids (分片包干). Admins add
 * people, set their 工号 (printed on the 委托书), reset a forgotten PIN, lift a lockout and deactivate leavers (never delete: their
 * names stay on the records they made).
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import type { Staff } from '@shared/domain/records';
import { listStaff, lockedStaffIds, updateStaff } from '../../db/repositories/staff';
import { useDesk } from '../../app/desk';
import { StaffDialog } from './StaffDialog';
import { FieldDialog } from '../../components/FieldDialog';
import { useGuardedAction } from '../../app/useGuardedAction';

/** What 「已锁定」/「解锁」 cover: this PC's sign-in guards only. */
export const LOCKS_ARE_THIS_PCS =
  '「已锁定」和「解锁」只针对本机：登录失败次数和锁定记在每台电脑上，在其他电脑上被锁定的账号要到那台电脑上解锁。';

export function StaffManager({ canEdit }: { canEdit: boolean }) {
  const desk = useDesk();
  const { community, street } = desk;
  const meId = desk.actor.id;
  const staff = useLiveQuery(() => listStaff(desk), [desk]);
  const locked = useLiveQuery(() => lockedStaffIds(desk), [desk]);
  const [dialog, setDialog] = useState<{ mode: 'add' } | { mode: 'reset'; staff: Staff } | null>(null);
  const [numbering, setNumbering] = useState<Staff | null>(null);
  const { run, error } = useGuardedAction();
  const gridName = (id: string) => community.grids.find((g) => g.id === id)?.name ?? '（已删除的网格）';
  const isLocked = (s: Staff) => locked?.has(s.id) ?? false;

  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={2}>
        {canEdit && (
          <Button variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={() => setDialog({ mode: 'add' })}>
            添加工作人员
          </Button>
        )}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {/* Sign-in failures and locks are this PC's (desk-local signInGuards, dataScope.ts). */}
        <Typography>{LOCKS_ARE_THIS_PCS}</Typography>
        <Table aria-label="工作人员">
          <TableHead>
            <TableRow>
              <TableCell>姓名</TableCell>
              <TableCell>工号</TableCell>
              <TableCell>角色</TableCell>
              {!street && <TableCell>负责网格</TableCell>}
              <TableCell>状态</TableCell>
              {canEdit && <TableCell>操作</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {staff?.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{s.name}</TableCell>
                <TableCell>{s.staffNo || '—'}</TableCell>
                <TableCell>{s.role}</TableCell>
                {!street && <TableCell>{s.grids.map(gridName).join('、') || '—'}</TableCell>}
                <TableCell>
                  {!s.active ? <Chip label="已停用" /> : isLocked(s) ? <Chip color="warning" label="已锁定" /> : '在用'}
                </TableCell>
                {canEdit && (
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      {isLocked(s) && (
                        <Button onClick={() => void run(() => updateStaff(desk, s.id, { unlock: true }))}>解锁</Button>
                      )}
                      <Button onClick={() => setDialog({ mode: 'reset', staff: s })}>重置密码</Button>
                      <Button onClick={() => setNumbering(s)} aria-label={`设置工号：${s.name}`}>
                        设置工号
                      </Button>
                      {s.id !== meId && (
                        <Button onClick={() => void run(() => updateStaff(desk, s.id, { active: !s.active }))}>
                          {s.active ? '停用' : '启用'}
                        </Button>
                      )}
                    </Stack>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Stack>
      {numbering && (
        <FieldDialog
          title={`设置 ${numbering.name} 的工号`}
          label="工号"
          initial={numbering.staffNo ?? ''}
          helper="打印在委托书上；字母、数字或“-”，不超过 12 位"
          field="staffNo"
          save={(v) => updateStaff(desk, numbering.id, { staffNo: v })}
          onClose={() => setNumbering(null)}
        />
      )}
      {dialog && <StaffDialog target={dialog.mode === 'reset' ? dialog.staff : null} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

/**
 * Add a staff member, or reset someone's PIN (target given). The secret is hashed with the
 * slow KDF before it reaches the repository.
 */
import { useState, type FormEvent } from 'react';
import { Checkbox, FormControlLabel, FormGroup, FormLabel, TextField } from '@mui/material';
import type { Staff, StaffRole } from '@shared/domain/records';
import { COMMUNITY_ROLES, STREET_ROLES } from '@shared/domain/records';
import { validateSecret } from '@shared/domain/credentials';
import { hashSecret } from '../../db/secrets';
import { SecretFields, secretErrors } from '../../components/SecretFields';
import { addStaff, updateStaff } from '../../db/repositories/staff';
import { useDesk } from '../../app/desk';
import { FormDialog } from '../../components/FormDialog';
import { useGuardedAction } from '../../app/useGuardedAction';

type Props = { target: Staff | null; onClose: () => void };

export function StaffDialog({ target, onClose }: Props) {
  const desk = useDesk();
  const { community, street } = desk;
  // Only the roles of this installation's kind (a street office's accounts are street roles).
  const roles: readonly StaffRole[] = street ? STREET_ROLES : COMMUNITY_ROLES;
  const [name, setName] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [role, setRole] = useState<StaffRole>(roles[0]!);
  const [grids, setGrids] = useState<string[]>([]);
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ name?: string; secret?: string; again?: string }>({});
  const [busy, setBusy] = useState(false);
  const { run, error, field } = useGuardedAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      ...secretErrors(validateSecret, secret, again),
      ...(!target && !name.trim() ? { name: '请填写姓名' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // Hashing is slow on purpose (KDF): the button stays disabled until the save is done.
    setBusy(true);
    const ok = await run(async () => {
      const password = await hashSecret(secret);
      await (target
        ? updateStaff(desk, target.id, { password })
        : addStaff(desk, { name, role, grids, password, staffNo }));
    });
    setBusy(false);
    if (ok) onClose();
  }

  const toggleGrid = (id: string) => setGrids((g) => (g.includes(id) ? g.filter((x) => x !== id) : [...g, id]));
  return (
    <FormDialog
      title={target ? `重置 ${target.name} 的密码` : '添加工作人员'}
      submitLabel="保存"
      onSubmit={submit}
      onClose={onClose}
      busy={busy}
      error={field === 'staffNo' ? null : error}
    >
      {!target && (
        <>
          <TextField
            label="姓名"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={Boolean(errors.name)}
            helperText={errors.name ?? ' '}
          />
          <TextField
            label="工号（可不填）"
            value={staffNo}
            onChange={(e) => setStaffNo(e.target.value)}
            error={field === 'staffNo'}
            helperText={field === 'staffNo' ? error : street ? ' ' : '打印在委托书上'}
          />
          <TextField
            select
            label="角色"
            value={role}
            onChange={(e) => setRole(e.target.value as StaffRole)}
            slotProps={{ select: { native: true } }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </TextField>
          {!street && (
            <FormGroup aria-label="负责网格">
              <FormLabel>负责网格</FormLabel>
              {community.grids.map((g) => (
                <FormControlLabel
                  key={g.id}
                  control={<Checkbox checked={grids.includes(g.id)} onChange={() => toggleGrid(g.id)} />}
                  label={g.name}
                />
              ))}
            </FormGroup>
          )}
        </>
      )}
      <SecretFields
        secret={secret}
        again={again}
        onSecret={setSecret}
        onAgain={setAgain}
        secretError={errors.secret}
        againError={errors.again}
        label={target ? '新密码或 PIN' : '密码或 PIN'}
      />
    </FormDialog>
  );
}

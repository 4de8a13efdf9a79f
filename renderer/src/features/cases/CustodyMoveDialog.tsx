/**
 * 移交 / 取回 / 归还 of documents a clerk ticks (issue 25 item 3: nothing is ticked until the clerk
 * ticks it — a chain-of-custody record moves only what was chosen), then a second look: the
 * dialog repeats which documents go from whom to whom before the one transaction
 * (recordCustodyMany) commits. 留存 / 遗失损坏 of the one document whose row was clicked, with
 * the reason.
 */
import { useState, type FormEvent } from 'react';
import { Box, Button, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import { holderLabel } from '@shared/domain/custody';
import type { CustodyHolder, CustodyItem, Staff } from '@shared/domain/records';
import { FilterSelect, StaffSelect } from '../../components/FilterSelect';
import { FormDialog } from '../../components/FormDialog';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { recordCustodyMany, type CustodyManyAction } from '../../db/repositories/custody';

export type Asked = { type: CustodyManyAction['type']; items: CustodyItem[] };
type TargetKind = 'staff' | 'cabinet' | 'department' | 'street';

type Props = {
  asked: Asked;
  staff: readonly Staff[];
  caseId: string;
  name: (id: string) => string;
  onClose: () => void;
  onDone: (stored: CustodyItem[]) => void;
};

const titleOf = (type: Asked['type']) =>
  type === '归还' ? '归还居民' : type === '遗失损坏' ? '登记遗失/损坏' : type === '留存' ? '登记留存' : type;
const itemText = (i: CustodyItem) => `${i.document}（${i.original ? '原件' : '复印件'} ${i.count} 份）`;

export function CustodyMoveDialog({ asked, staff, caseId, name, onClose, onDone }: Props) {
  const desk = useDesk();
  const { type } = asked;
  // One row's 留存 / 遗失损坏 names its document; a move starts with nothing ticked.
  const lone = type === '留存' || type === '遗失损坏';
  const [chosen, setChosen] = useState<Set<string>>(new Set(lone ? asked.items.map((i) => i.id) : []));
  const [kind, setKind] = useState<TargetKind>('staff');
  const [toStaff, setToStaff] = useState(staff[0]?.id ?? '');
  const [office, setOffice] = useState('');
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [unticked, setUnticked] = useState(false);
  const { run, error, busy } = useGuardedAction();
  const target = (): CustodyHolder =>
    type === '移交'
      ? kind === 'staff'
        ? { kind, staffId: toStaff }
        : kind === 'cabinet'
          ? { kind }
          : { kind, name: office.trim() }
      : type === '归还'
        ? { kind: 'resident' }
        : { kind: 'staff', staffId: desk.actor.id };
  const actionOf = (): CustodyManyAction => {
    if (type === '移交') return { type, to: target() as Extract<CustodyManyAction, { type: '移交' }>['to'] };
    if (type === '留存') return { type, reason: text };
    if (type === '遗失损坏') return { type, report: text };
    return { type };
  };
  const picked = asked.items.filter((i) => chosen.has(i.id));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setUnticked(picked.length === 0);
    if (picked.length === 0) return;
    if (!lone && !confirming) {
      setConfirming(true);
      return;
    }
    const ids = picked.map((i) => i.id);
    const ok = await run(async () => onDone(await recordCustodyMany(desk, caseId, ids, actionOf())));
    if (ok) onClose();
  }
  const title = titleOf(type);
  const from = [...new Set(picked.map((i) => holderLabel(i.holder, name)))].join('、');
  return (
    <FormDialog
      title={title}
      submitLabel={confirming ? `确认${title}` : lone ? title : '下一步'}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={unticked ? '请至少勾选一份材料' : error}
    >
      {confirming ? (
        <Box role="group" aria-label={`请核对${title}`}>
          <Typography>请核对后确认：</Typography>
          <Typography>
            {title}的材料（{picked.length} 份）：{picked.map(itemText).join('、')}
          </Typography>
          <Typography>
            从 {from} 交给 {holderLabel(target(), name)}
          </Typography>
          <Button sx={{ mt: 1 }} onClick={() => setConfirming(false)}>
            返回修改
          </Button>
        </Box>
      ) : (
        <>
          <Stack role="group" aria-label={`勾选要${title}的材料`}>
            {asked.items.map((i) => (
              <FormControlLabel
                key={i.id}
                control={
                  <Checkbox
                    checked={chosen.has(i.id)}
                    disabled={lone}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(i.id);
                      else next.delete(i.id);
                      setChosen(next);
                    }}
                  />
                }
                label={`${itemText(i)}，现由${holderLabel(i.holder, name)}`}
              />
            ))}
          </Stack>
          {type === '移交' && (
            <>
              <FilterSelect
                label="交给"
                value={kind}
                emptyLabel="请选择"
                options={[
                  ['staff', '其他工作人员'],
                  ['cabinet', '中心保管柜'],
                  ['department', '部门'],
                  ['street', '街道'],
                ]}
                onChange={(v) => v && setKind(v as TargetKind)}
              />
              {kind === 'staff' ? (
                <StaffSelect label="接收人" value={toStaff} emptyLabel="请选择" staff={staff} onChange={setToStaff} />
              ) : kind !== 'cabinet' ? (
                <TextField
                  label="接收单位"
                  value={office}
                  onChange={(e) => setOffice(e.target.value)}
                  helperText="如：岳麓街道政务服务中心"
                />
              ) : null}
            </>
          )}
          {lone && (
            <TextField
              label={type === '留存' ? '留存原因' : '情况说明'}
              multiline
              minRows={2}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </>
      )}
    </FormDialog>
  );
}

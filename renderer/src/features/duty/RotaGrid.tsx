/**
 * The week grid: one row per person, one column per day; the footer counts the 值班岗 and flags a
 * day below the minimum. A 站长 changes a cell by keyboard: Tab to it, Enter (or Space) opens the
 * menu of posts, arrows choose, Enter sets. Others see the cells as text.
 */
import { useState } from 'react';
import {
  Button,
  Menu,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { rotaCellId, type RotaEntry } from '@shared/domain/records';
import { cellText, dayHeadText } from '@shared/receipts/rotaWeek';
import type { RotaWeek } from '../../db/repositories/rota';
import { POST_CHOICES, shortDay, type PostChoice } from './rotaTexts';

type Props = {
  week: RotaWeek;
  editable: boolean;
  onChoose: (day: string, staffId: string, choice: PostChoice) => void;
};

type Open = { anchor: HTMLElement; day: string; staffId: string };

export function RotaGrid({ week, editable, onChoose }: Props) {
  const [open, setOpen] = useState<Open | null>(null);
  const byId = new Map<string, RotaEntry>(week.cells.map((c) => [c.id, c]));
  const min = week.settings.minOnDuty;
  return (
    <>
      <Table
        size="small"
        aria-label="本周值班表"
        sx={{ tableLayout: 'fixed', '& td, & th': { fontSize: 16, px: 0.75 } }}
      >
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col" sx={{ width: '9em' }}>
              姓名
            </TableCell>
            {week.days.map((o) => {
              const h = dayHeadText(o);
              return (
                <TableCell key={o.day} component="th" scope="col" align="center">
                  {h.date}
                  <Typography component="span" sx={{ display: 'block', fontSize: 14 }}>
                    {h.note}
                  </Typography>
                </TableCell>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>
          {week.staff.map((p) => (
            <TableRow key={p.id}>
              <TableCell component="th" scope="row">
                {p.name}
                {p.active ? '' : '（已停用）'}
              </TableCell>
              {week.days.map((o) => {
                const cell = byId.get(rotaCellId(o.day, p.id));
                const text = cellText(cell, o);
                const duty = cell?.post === '值班岗';
                return (
                  <TableCell key={o.day} align="center" sx={duty ? { fontWeight: 700 } : undefined}>
                    {editable ? (
                      <Button
                        size="small"
                        color="inherit"
                        aria-haspopup="menu"
                        aria-label={`${p.name} ${shortDay(o.day)}：${text}`}
                        onClick={(e) => setOpen({ anchor: e.currentTarget, day: o.day, staffId: p.id })}
                        sx={{ fontSize: 16, fontWeight: 'inherit', minWidth: 0, width: '100%', textTransform: 'none' }}
                      >
                        {text}
                      </Button>
                    ) : (
                      text
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell component="th" scope="row" sx={{ color: 'text.primary', fontSize: 16 }}>
              值班岗人数
            </TableCell>
            {week.checks.map((c) => (
              <TableCell
                key={c.day}
                align="center"
                sx={{ color: c.belowMinimum ? 'error.dark' : 'text.primary', fontWeight: c.belowMinimum ? 700 : 400 }}
              >
                {c.open ? `${c.onDuty} 人` : '不开放'}
                {c.belowMinimum && <span style={{ display: 'block' }}>不足 {min} 人</span>}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      </Table>
      <Menu
        anchorEl={open?.anchor}
        open={!!open}
        onClose={() => setOpen(null)}
        slotProps={{ list: { 'aria-label': '选择岗位' } }}
      >
        {POST_CHOICES.map((c) => (
          <MenuItem
            key={c.label}
            onClick={() => {
              if (open) onChoose(open.day, open.staffId, c);
              setOpen(null);
            }}
          >
            {c.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

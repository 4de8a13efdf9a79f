/**
 * 帮代办 → 重点服务对象: the residents with a register tag (独居老人, 高龄, 残疾人, 重病 … as the
 * admin set them; not those marked 已迁出 / 已故), their contact person, needs, when to reach them
 * and their proxy history;
 * filtered by 网格 and 标签; names and phones masked as on the printed list for the zone staff
 * (打印名单, shared/receipts/careRegister.ts).
 */
import { useState } from 'react';
import { Alert, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { proxySettings } from '@shared/domain/proxy';
import {
  CARE_REGISTER_COLUMNS,
  careRegisterLine,
  renderCareRegister,
  type CareRegisterLine,
} from '@shared/receipts/careRegister';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FilterSelect } from '../../components/FilterSelect';
import { careRegister } from '../../db/repositories/careRegister';
import { platform } from '../../platform';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;
/** Short values kept on one line; tags and needs wrap between items, the contact time anywhere. */
const CELL_SX: Partial<Record<keyof CareRegisterLine, object>> = {
  grid: NO_WRAP,
  building: NO_WRAP,
  name: NO_WRAP,
  contact: NO_WRAP,
  phone: NO_WRAP,
  proxy: NO_WRAP,
  time: { minWidth: '8em' },
};

/** '独居老人、高龄' with a line break only after a '、', never inside an item. */
function Items({ text }: { text: string }) {
  const parts = text.split('、');
  return parts.map((p, i) => (
    <span key={i} style={{ whiteSpace: 'nowrap' }}>
      {p}
      {i < parts.length - 1 ? '、' : ''}
    </span>
  ));
}

export function CareRegister() {
  const desk = useDesk();
  const { community } = desk;
  const staff = useStaff();
  const [gridId, setGridId] = useState('');
  const [tag, setTag] = useState('');
  const rows = useLiveQuery(() => careRegister(desk, { gridId, tag }), [desk, gridId, tag]);
  const tags = proxySettings(community).registerTags;
  const print = useGuardedAction();
  const [done, setDone] = useState<string | null>(null);

  const printList = () =>
    print.run(async () => {
      const html = renderCareRegister({
        communityName: community.name,
        gridLabel: community.grids.find((g) => g.id === gridId)?.name ?? '全部网格',
        tagLabel: tag || '全部标签',
        day: desk.clock.today(),
        printedAt: localDateTime(desk.clock.now()),
        printedBy: staff.name,
        entries: rows ?? [],
      });
      const r = await platform.printHtml({ html, pageSize: { widthMm: 297, heightMm: 210 } });
      setDone(r.printed ? '名单已送打印，请交网格员签收' : null);
    });

  return (
    <Stack component="section" aria-labelledby="care-register-heading" spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id="care-register-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          重点服务对象（{rows?.length ?? 0}）
        </Typography>
        <FilterSelect
          label="网格"
          value={gridId}
          options={community.grids.map((g) => [g.id, g.name])}
          onChange={setGridId}
        />
        <FilterSelect label="标签" value={tag} options={tags.map((t) => [t, t])} onChange={setTag} />
        <Button variant="outlined" onClick={() => void printList()} disabled={!rows || print.busy}>
          打印名单
        </Button>
      </Stack>
      <Typography color="text.secondary">
        带有“{tags.join('、')}”标签的在册居民（不含已迁出、已故）。姓名和电话已隐藏；
        联系人、需求在居民页面的“重点服务信息”中登记。
      </Typography>
      {print.error && (
        <Alert severity="error" role="alert" onClose={() => print.setError(null)}>
          {print.error}
        </Alert>
      )}
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      <Table aria-label="重点服务对象名单">
        <TableHead>
          <TableRow>
            {CARE_REGISTER_COLUMNS.map((c) => (
              <TableCell key={c.key} sx={{ whiteSpace: 'nowrap' }}>
                {c.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows?.map((row) => {
            const line = careRegisterLine(row);
            return (
              <TableRow key={row.resident.id}>
                {CARE_REGISTER_COLUMNS.map((c) => (
                  <TableCell key={c.key} sx={CELL_SX[c.key]}>
                    {c.key === 'name' ? (
                      <a href={`#/residents/${row.resident.id}`}>{line.name}</a>
                    ) : c.key === 'tags' || c.key === 'needs' ? (
                      <Items text={line[c.key]} />
                    ) : (
                      line[c.key]
                    )}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
          {rows?.length === 0 && (
            <TableRow>
              <TableCell colSpan={CARE_REGISTER_COLUMNS.length}>没有符合条件的重点服务对象</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Stack>
  );
}

/**
 * 帮代办 (Alt+4): the proxy requests in their queues (待确认, 待上门, 今日上门, 办理中, 待送达) with
 * today's home visits per staff member; every resident's document out of its home now (材料在外,
 * 50 a page);
 * and the register of special households (重点服务对象). A request by phone or from a home visit
 * is registered here; one at the counter in 来访登记 (mode 帮代办). Each proxy case's 委托书,
 * documents and 送达 are also on its case page.
 */
import { useState } from 'react';
import { Button, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { useDesk } from '../../app/desk';
import { CustodyTable } from '../../components/CustodyTable';
import { countLabel } from '@shared/domain/caseQueues';
import { documentsOutPage, documentsOutTotal, type CustodyCursor } from '../../db/repositories/custody';
import { PagePager, useCursorPages } from '../../components/ListPager';
import { listStaff } from '../../db/repositories/staff';
import { CareRegister } from './CareRegister';
import { ProxyQueues } from './ProxyQueues';
import { ProxyRequestDialog } from './ProxyRequestDialog';

type View = 'queues' | 'out' | 'register';

export function ProxySection() {
  const desk = useDesk();
  const [view, setView] = useState<View>('queues');
  const [requesting, setRequesting] = useState(false);
  const staff = useLiveQuery(() => listStaff(desk), [desk]);
  const outPages = useCursorPages<CustodyCursor>();
  const { cursor } = outPages;
  const out = useLiveQuery(() => documentsOutPage(desk, { after: cursor }), [desk, cursor]);
  const outTotal = useLiveQuery(() => documentsOutTotal(desk), [desk]);
  const outCount = outTotal === undefined ? '…' : countLabel(outTotal);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          帮代办
        </Typography>
        <Button variant="contained" onClick={() => setRequesting(true)}>
          登记代办需求
        </Button>
      </Stack>
      <Tabs value={view} onChange={(_, v: View) => setView(v)} aria-label="帮代办视图">
        <Tab value="queues" label="代办队列" />
        <Tab value="out" label={`材料在外（${outCount}）`} />
        <Tab value="register" label="重点服务对象" />
      </Tabs>
      <Paper sx={{ p: 2 }}>
        {view === 'queues' && staff && <ProxyQueues staff={staff} />}
        {view === 'out' && (
          <>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              材料在外（{outCount}）
            </Typography>
            {out && <CustodyTable label="材料在外" rows={out.rows} empty="没有在外的居民材料" />}
            <PagePager label="材料在外" page={out} pages={outPages} total={outTotal} />
          </>
        )}
        {view === 'register' && <CareRegister />}
      </Paper>
      {requesting && <ProxyRequestDialog onClose={() => setRequesting(false)} />}
    </Stack>
  );
}

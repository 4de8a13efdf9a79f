/**
 * 帮代办 (first part): every resident's document out of its home now, who holds it and for how
 * long — the 材料在外 list. Home-visit booking, the register of special households and 送达
 * come next (issue 14); proxy cases themselves, their 委托书 and custody, are on their case page.
 */
import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDesk } from '../../app/desk';
import { CustodyTable } from '../../components/CustodyTable';
import { documentsOutWithCases } from '../../db/repositories/custody';

export function ProxySection() {
  const desk = useDesk();
  const out = useLiveQuery(() => documentsOutWithCases(desk), [desk]);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        帮代办
      </Typography>
      <Alert severity="info">
        上门收取的居民材料和委托书在各帮代办办件的“材料交接”中登记、打印；这里列出所有尚未归还的材料。预约上门和重点服务对象将在后续版本提供。
      </Alert>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          材料在外（{out?.length ?? 0}）
        </Typography>
        {out && <CustodyTable label="材料在外" rows={out} empty="没有在外的居民材料" />}
      </Paper>
    </Stack>
  );
}

/**
 * 记录链核验: the audit chain of every desk verified when the 操作日志 opens (and again on
 * request), against the heads kept outside IndexedDB. Names the first broken row of the log —
 * a changed row, a deleted middle row, deleted last rows — and says plainly which rows were
 * sealed at the upgrade (their hash proves nothing about the time before it).
 */
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { fromTuples, type ChainReport } from '@shared/domain/auditChain';
import { chainProblemText, sealedText } from '@shared/domain/auditChainTexts';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { verifyAuditLog } from '../../db/repositories/auditLog';
import { platform } from '../../platform';

export function AuditChainPanel() {
  const desk = useDesk();
  const [report, setReport] = useState<ChainReport | null>(null);
  const [round, setRound] = useState(0);
  const { run, error, busy } = useGuardedAction();
  useEffect(() => {
    let live = true;
    setReport(null);
    void run(async () => {
      // The anchor first: the log only grows, so a head it lacks afterwards is a loss.
      const anchors = fromTuples((await platform.readIntegrity().catch(() => null))?.auditHeads);
      const r = await verifyAuditLog(desk, anchors);
      if (live) setReport(r);
    });
    return () => {
      live = false;
    };
    // `run` is rebuilt every render; the check runs when the desk changes or on request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk, round]);
  const sealed = report ? sealedText(report, localDateTime) : null;
  const [first, ...rest] = report?.problems ?? [];
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="audit-chain-title">
      <Stack spacing={1}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h2" id="audit-chain-title">
            记录链核验
          </Typography>
          <Button onClick={() => setRound((n) => n + 1)} disabled={busy}>
            重新核验
          </Button>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {!report && !error && <Typography role="status">正在核验记录链……</Typography>}
        {report && !first && (
          <Alert severity="success" role="status">
            记录链完整：共 {report.rows} 条记录，
            {report.desks.map((d) => `${d.desk}号台 ${d.rows} 条`).join('、') || '暂无记录'}
            ，每条的哈希与内容相符、前后相接，与本机在数据库之外记下的链头一致。
          </Alert>
        )}
        {report && first && (
          <Alert severity="error" role="alert">
            <strong>记录链有断裂，共发现 {report.problemCount} 处问题。第一处：</strong>
            {chainProblemText(first, localDateTime)}
            {rest.length > 0 && (
              <Box component="ul" sx={{ m: 0, mt: 1, pl: 3 }}>
                {rest.map((p, i) => (
                  <li key={i}>{chainProblemText(p, localDateTime)}</li>
                ))}
              </Box>
            )}
          </Alert>
        )}
        {sealed && <Alert severity="info">{sealed}</Alert>}
      </Stack>
    </Paper>
  );
}

/**
 * The top bar's sync status (issue 24 item 5): 已同步 / 同步中 N / 未连接（自 HH:MM） / 冲突 N /
 * 请升级, live from sync/status.ts; a click (or Enter) opens the detail a 站长 needs — the hub
 * (and 不加密连接 when it is plain HTTP), last synced, pending, why not connected, conflicts —
 * with a link to 设置 → 多窗口同步. Nothing at all while the desk is alone.
 */
import { useId, useState } from 'react';
import { Box, Button, Link, Popover, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { syncBadge, type SyncTone } from './statusText';
import { useSyncStatus } from './useSyncStatus';

/** The dot's colour per tone (the words carry the meaning; the dot only helps the eye). */
const DOT: Record<SyncTone, string> = {
  ok: 'success.main',
  busy: 'info.main',
  warn: 'warning.main',
  error: 'error.main',
};

export function SyncStatusBadge() {
  const badge = syncBadge(useSyncStatus());
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const detailId = useId();
  if (!badge) return null;
  return (
    <>
      <Button
        variant="contained"
        disableElevation
        aria-label={`同步状态：${badge.label}`}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{
          bgcolor: 'common.white',
          color: 'text.primary',
          '&:hover': { bgcolor: 'grey.100' },
          whiteSpace: 'nowrap',
        }}
      >
        <Box
          component="span"
          aria-hidden
          sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: DOT[badge.tone], mr: 1 }}
        />
        {badge.label}
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-labelledby': detailId } }}
      >
        <Stack spacing={1} sx={{ p: 2, maxWidth: 420 }}>
          <Typography id={detailId} variant="h6" component="h2">
            多窗口同步：{badge.label}
          </Typography>
          {badge.detail.map((line) => (
            <Typography key={line} sx={{ overflowWrap: 'anywhere' }}>
              {line}
            </Typography>
          ))}
          <Link component={RouterLink} to="/settings?tab=多窗口同步" onClick={() => setAnchor(null)}>
            打开 设置 → 多窗口同步
          </Link>
        </Stack>
      </Popover>
    </>
  );
}

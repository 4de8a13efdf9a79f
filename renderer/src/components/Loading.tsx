/**
 * Shown while data or a screen's code is loading — usually for a blink. Plain text, not a
 * spinner component: it is on the very first screen, whose code should be small.
 */
import { Box, Typography } from '@mui/material';

export function Loading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: fullScreen ? '100vh' : 240 }}>
      <Typography role="status" color="text.secondary">
        正在加载…
      </Typography>
    </Box>
  );
}

/** The spinner shown while data or a screen's code is loading. */
import { Box, CircularProgress } from '@mui/material';

export function Loading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: fullScreen ? '100vh' : 240 }}>
      <CircularProgress aria-label="正在加载" />
    </Box>
  );
}

/**
 * MUI's theme and baseline for a screen that loads as its own chunk (lazyPages.ts `screen`):
 * the first screen (sign-in, loading) is plain HTML (firstScreen.css), so MUI and emotion load
 * only with the screens that use them (issue 28 item 5).
 */
import type { ReactNode } from 'react';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { theme } from './theme';

export function Themed({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}

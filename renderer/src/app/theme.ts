/**
 * The one MUI theme: Simplified Chinese locale, large readable type (body 16 px, controls
 * sized for older users), CJK system fonts first. Component overrides live here only.
 */
import { createTheme } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';

export const theme = createTheme(
  {
    palette: {
      primary: { main: '#b71c1c' },
      secondary: { main: '#1565c0' },
      background: { default: '#f6f4f1' },
    },
    typography: {
      fontSize: 16,
      htmlFontSize: 16,
      fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
      body1: { fontSize: '1.0625rem' },
      body2: { fontSize: '1rem' },
      button: { fontSize: '1rem', textTransform: 'none' },
      // Nothing on screen is smaller than 14 px (MUI scales caption/overline to 13.7 px here).
      caption: { fontSize: '0.875rem' },
      overline: { fontSize: '0.875rem' },
    },
    components: {
      // Links in the theme's colour (also plain <a> in tables), underlined only on hover.
      MuiCssBaseline: { styleOverrides: (t) => ({ a: { color: t.palette.secondary.main } }) },
      MuiLink: { defaultProps: { color: 'secondary', underline: 'hover' } },
      MuiButton: { defaultProps: { size: 'large' } },
      MuiTextField: { defaultProps: { fullWidth: true } },
      MuiTableCell: { styleOverrides: { root: { fontSize: '1rem' } } },
      MuiFormHelperText: { styleOverrides: { root: { fontSize: '0.875rem' } } },
      MuiChip: { styleOverrides: { label: { fontSize: '0.9375rem' } } },
      MuiBadge: { styleOverrides: { badge: { fontSize: '0.875rem' } } },
      MuiTablePagination: {
        styleOverrides: { selectLabel: { fontSize: '1rem' }, displayedRows: { fontSize: '1rem' } },
      },
      MuiListItemText: { styleOverrides: { primary: { fontSize: '1.0625rem' } } },
    },
  },
  zhCN,
);

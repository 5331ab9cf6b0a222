import { createTheme, type Theme } from '@mui/material/styles';
import { plPL as corePl, enUS as coreEn } from '@mui/material/locale';
import type { Lang } from '../i18n/i18n';

export type Mode = 'light' | 'dark';

/**
 * The app's look: calm, high-contrast, roomy touch targets for a packing table. The mode follows the
 * system (prefers-color-scheme); MUI's own texts (pagination, "close")
 * follow the language.
 */
export function createAppTheme(mode: Mode, lang: Lang): Theme {
  return createTheme(
    {
      palette: {
        mode,
        primary: { main: mode === 'light' ? '#1f5f8b' : '#7fb8e0' },
        secondary: { main: mode === 'light' ? '#b5562b' : '#f0a47a' },
        background: mode === 'light' ? { default: '#f4f6f8', paper: '#ffffff' } : { default: '#121417', paper: '#1b1e22' },
      },
      shape: { borderRadius: 8 },
      typography: {
        fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
        h4: { fontSize: '1.75rem' },
      },
      components: {
        MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
        MuiTab: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
        // Shouting capitals read badly in Polish ("DO ZAMÓWIENIA"): sentence case everywhere.
        MuiToggleButton: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
        MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { backgroundImage: 'none' } } },
        MuiCard: { defaultProps: { variant: 'outlined' } },
      },
    },
    lang === 'pl' ? corePl : coreEn,
  );
}

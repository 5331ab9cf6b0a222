import { createTheme, type Theme } from '@mui/material/styles';
import { plPL as corePl, enUS as coreEn } from '@mui/material/locale';
import { plPL as gridPl, enUS as gridEn } from '@mui/x-data-grid/locales';
import type { Lang } from '../i18n/i18n';

export type Mode = 'light' | 'dark';

/**
 * The app's look: calm, high-contrast, roomy touch targets for a packing table. The mode follows the
 * system (prefers-color-scheme); MUI's own texts (pagination, "close", the data grid's menus and filters)
 * follow the language, so every DataGrid in the app is Polish without passing localeText.
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
    lang === 'pl' ? gridPl : gridEn,
    lang === 'pl' ? corePl : coreEn,
  );
}

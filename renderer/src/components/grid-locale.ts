import type { GridLocaleText } from '@mui/x-data-grid';
import { enUS, plPL } from '@mui/x-data-grid/locales';
import { useMemo } from 'react';
import { useLanguage } from '../i18n/i18n';

/**
 * DataGrid texts for the current language with a table's own overrides on top. Passing `localeText`
 * to a DataGrid REPLACES the theme's translated texts (pagination, selection, menus fall back to
 * English), so a table that wants its own "no rows" message must merge through this hook.
 */
export function useGridLocaleText(overrides: Partial<GridLocaleText>): Partial<GridLocaleText> {
  const { lang } = useLanguage();
  const key = JSON.stringify(overrides);
  return useMemo(
    () => ({ ...(lang === 'pl' ? plPL : enUS).components.MuiDataGrid.defaultProps.localeText, ...overrides }),
    // overrides are compared by content (key), so a fresh object literal each render does not recompute
    [lang, key],
  );
}

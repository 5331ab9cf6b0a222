import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { type ReactNode, useState } from 'react';
import { api } from '../../../api';
import { PlainTable } from '../../../components/PlainTable';
import { useErrorText } from '../../../components/error-text';
import { useNotify } from '../../../components/notify';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import { dataSectionMessages } from './data-section.messages';

export interface DataColumn<R> {
  label: string;
  align?: 'right';
  /** What the file gets (a number stays a number in Excel). */
  value: (row: R) => string | number | null;
  /** What the screen shows, when it differs from the value (a link, a tag). */
  render?: (row: R) => ReactNode;
}

interface DataSectionProps<R> {
  /** A stable hook for tests (`data-section="…"`). */
  id: string;
  title: string;
  /** One sentence: what the number or chart counts. */
  definition: ReactNode;
  /** Without a chart the table is shown alone. */
  chart?: ReactNode;
  columns: DataColumn<R>[];
  rows: R[];
  footer?: ReactNode;
}

/**
 * One chart of Wyniki with its table one click away and the table saved as CSV or Excel (what the
 * table shows, headers in the reader's language). Any tab of Wyniki may use it.
 */
export function DataSection<R>({ id, title, definition, chart, columns, rows, footer }: DataSectionProps<R>) {
  const t = useT(dataSectionMessages);
  const format = useFormat();
  const notify = useNotify();
  const errorText = useErrorText();
  const [view, setView] = useState<'chart' | 'table'>(chart ? 'chart' : 'table');
  const [saving, setSaving] = useState(false);
  const save = async (fileFormat: 'csv' | 'xlsx') => {
    setSaving(true);
    try {
      const result = await api.call('results.exportTable', {
        title,
        format: fileFormat,
        columns: columns.map((c) => c.label),
        rows: rows.map((r) => columns.map((c) => c.value(r))),
      });
      notify(result.savedTo ? t('saved', { file: result.savedTo }) : t('saveCancelled'), result.savedTo ? 'success' : 'info');
    } catch (error) {
      notify(errorText(error).message, 'error');
    } finally {
      setSaving(false);
    }
  };
  const cell = (c: DataColumn<R>, r: R) => {
    if (c.render) return c.render(r);
    const v = c.value(r);
    return typeof v === 'number' ? format.number(v) : (v ?? '—');
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-section={id}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 1 }}>
        <div>
          <Typography variant="h6" component="h2">
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-definition>
            {definition}
          </Typography>
        </div>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0, alignItems: 'center' }}>
          {chart && (
            <ToggleButtonGroup size="small" exclusive value={view} onChange={(_e, v: 'chart' | 'table' | null) => v && setView(v)} aria-label={t('view')}>
              <ToggleButton value="chart">{t('showChart')}</ToggleButton>
              <ToggleButton value="table">{t('showTable')}</ToggleButton>
            </ToggleButtonGroup>
          )}
          {(['csv', 'xlsx'] as const).map((f) => (
            <Button
              key={f}
              size="small"
              variant="text"
              startIcon={<FileDownloadIcon />}
              disabled={saving || rows.length === 0}
              aria-label={t('exportLabel', { title, format: f === 'csv' ? 'CSV' : 'Excel' })}
              onClick={() => void save(f)}
            >
              {f === 'csv' ? t('exportCsv') : t('exportXlsx')}
            </Button>
          ))}
        </Stack>
      </Stack>
      {view === 'chart' && chart ? (
        chart
      ) : rows.length === 0 ? (
        <Typography color="text.secondary">{t('emptyTable')}</Typography>
      ) : (
        <div style={{ maxHeight: 360, overflow: 'auto' }}>
          <PlainTable density="regular" columns={columns.map((c) => (c.align ? { label: c.label, align: c.align } : c.label))} aria-label={title}>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c, j) => (
                  <td key={j} style={c.align ? { textAlign: c.align } : undefined}>
                    {cell(c, r)}
                  </td>
                ))}
              </tr>
            ))}
          </PlainTable>
        </div>
      )}
      {footer}
    </Paper>
  );
}

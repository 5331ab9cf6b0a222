import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { ImportPreview } from '../../../../shared/contract/import.contract';
import { useLanguage, useT } from '../../i18n/i18n';
import { useFormat } from '../../i18n/format';
import { problemPlace, sampleValue } from './import-display';
import { columnLabel } from './import-labels';
import { importMessages } from './import.messages';

type Action = ImportPreview['sample']['rows'][number]['action'];

const ACTION: Record<Action, { key: 'actionInsert' | 'actionUpdate' | 'actionUnchanged' | 'actionInvalid' | 'actionSkipped'; color: 'success' | 'info' | 'default' | 'error' }> = {
  insert: { key: 'actionInsert', color: 'success' },
  update: { key: 'actionUpdate', color: 'info' },
  unchanged: { key: 'actionUnchanged', color: 'default' },
  invalid: { key: 'actionInvalid', color: 'error' },
  skipped: { key: 'actionSkipped', color: 'default' },
};

/** The first records of the file and what the import would do with each; invalid ones stand out. */
export function SampleTable({ sample }: { sample: ImportPreview['sample'] }) {
  const t = useT(importMessages);
  const { lang } = useLanguage();
  const format = useFormat();
  if (sample.rows.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 2 }}>
        {t('sampleTitle')}
      </Typography>
      <TableContainer sx={{ maxHeight: 360 }}>
        <Table size="small" stickyHeader aria-label={t('sampleTitle')} data-testid="import-sample">
          <TableHead>
            <TableRow>
              <TableCell>{t('colRow')}</TableCell>
              <TableCell />
              {sample.columns.map((c) => (
                <TableCell key={c}>{columnLabel(c, lang)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {sample.rows.map((row, i) => {
              const action = ACTION[row.action];
              return (
                <TableRow
                  key={`${row.key}-${i}`}
                  data-action={row.action}
                  sx={row.action === 'invalid' ? (theme) => ({ bgcolor: alpha(theme.palette.error.main, 0.1) }) : undefined}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>{row.row ?? (row.jsonPath ? problemPlace({ row: null, jsonPath: row.jsonPath }, lang) : '')}</TableCell>
                  <TableCell>
                    <Chip size="small" variant={row.action === 'invalid' ? 'filled' : 'outlined'} color={action.color} label={t(action.key)} />
                  </TableCell>
                  {sample.columns.map((c, j) => (
                    <TableCell key={c} sx={{ maxWidth: 260, overflowWrap: 'anywhere' }}>
                      {sampleValue(row.values[j] ?? null, lang, format)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

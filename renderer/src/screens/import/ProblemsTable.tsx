import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useState } from 'react';
import type { ImportProblem } from '../../../../shared/contract/import.contract';
import { useLanguage, useT } from '../../i18n/i18n';
import { problemPlace, fieldWords } from './import-display';
import { columnLabel } from './import-labels';
import { importMessages } from './import.messages';

/** Row-level problems as the core found them: where (file, row or JSON path, column), the value, why. */
export function ProblemsTable({ problems, total }: { problems: ImportProblem[]; total: number }) {
  const t = useT(importMessages);
  const { lang } = useLanguage();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  if (problems.length === 0) return null;
  const shown = problems.slice(page * perPage, page * perPage + perPage);
  return (
    <>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 2 }}>
        {t('problemsTitle', { n: total })}
      </Typography>
      {total > problems.length && (
        <Typography variant="body2" color="text.secondary">
          {t('problemsShown', { shown: problems.length, total })}
        </Typography>
      )}
      <TableContainer sx={{ maxHeight: 420 }}>
        <Table size="small" stickyHeader aria-label={t('problemsTitle', { n: total })} data-testid="import-problems">
          <TableHead>
            <TableRow>
              <TableCell>{t('colSeverity')}</TableCell>
              <TableCell>{t('colFile')}</TableCell>
              <TableCell>{t('colRow')}</TableCell>
              <TableCell>{t('colColumn')}</TableCell>
              <TableCell>{t('colValue')}</TableCell>
              <TableCell>{t('colMessage')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((p, i) => (
              <TableRow
                key={`${page}-${i}`}
                data-severity={p.severity}
                sx={(theme) => ({ bgcolor: alpha(p.severity === 'error' ? theme.palette.error.main : theme.palette.warning.main, 0.08) })}
              >
                <TableCell>
                  <Chip size="small" color={p.severity === 'error' ? 'error' : 'warning'} label={p.severity === 'error' ? t('severityError') : t('severityWarning')} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.file}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{problemPlace(p, lang)}</TableCell>
                <TableCell>{p.column ? fieldWords(columnLabel(p.column, lang), lang) : '—'}</TableCell>
                <TableCell sx={{ maxWidth: 260, overflowWrap: 'anywhere', fontStyle: p.value ? 'normal' : 'italic' }}>{p.value ?? '—'}</TableCell>
                <TableCell>{p.message[lang]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {problems.length > 25 && (
        <TablePagination
          component="div"
          count={problems.length}
          page={page}
          onPageChange={(_e, next) => setPage(next)}
          rowsPerPage={perPage}
          rowsPerPageOptions={[25, 100, 500]}
          onRowsPerPageChange={(e) => {
            setPerPage(Number(e.target.value));
            setPage(0);
          }}
        />
      )}
    </>
  );
}

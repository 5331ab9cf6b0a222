import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { alpha, type SxProps, type Theme } from '@mui/material/styles';
import { useState } from 'react';
import { api } from '../../api';
import { navigate } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLiveQuery } from '../../components/use-live-query';
import { useT } from '../../i18n/i18n';
import { DeadlineCell } from './DeadlineCell';
import { OrderFinder } from './OrderFinder';
import { returnsMessages } from './returns.messages';
import { useDraft } from './use-draft';

type View = 'open' | 'done' | 'all';

export const OVERDUE_ROW: SxProps<Theme> = {
  bgcolor: (theme) => alpha(theme.palette.error.main, 0.1),
  '& td:first-of-type': { borderLeft: 4, borderLeftColor: 'error.main' },
};

/** The returns: running ones first by refund deadline (overdue on top, in red), finished ones after. */
export function ReturnsList() {
  const t = useT(returnsMessages);
  const [view, setView] = useDraft<View>('view', 'open');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const list = useLiveQuery(() => api.call('returns.list', { view, offset: page * pageSize, limit: pageSize }), ['returns'], [view, page, pageSize]);
  const rows = list.data?.rows ?? [];
  return (
    <>
      <OrderFinder onFound={(orderId) => navigate('returns', 'new', orderId)} />
      <Stack direction="row" sx={{ mb: 2, justifyContent: 'space-between', alignItems: 'center' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={view}
          onChange={(_e, v: View | null) => {
            if (!v) return;
            setView(v);
            setPage(0);
          }}
        >
          <ToggleButton value="open">{t('viewOpen')}</ToggleButton>
          <ToggleButton value="done">{t('viewDone')}</ToggleButton>
          <ToggleButton value="all">{t('viewAll')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.data && list.data.overdueCount > 0 && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="returns-overdue">
          {t('overdueReturns', { n: list.data.overdueCount })}
        </Alert>
      )}
      {list.loading && <LinearProgress sx={{ mb: 1 }} />}
      {list.data && rows.length === 0 && <Typography color="text.secondary">{t('empty')}</Typography>}
      {rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('tabReturns')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('colRefundDue')}</TableCell>
                <TableCell>{t('colStatus')}</TableCell>
                <TableCell>{t('colOrder')}</TableCell>
                <TableCell>{t('colBuyer')}</TableCell>
                <TableCell>{t('colItems')}</TableCell>
                <TableCell>{t('colSource')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} hover data-testid="return-row" sx={{ cursor: 'pointer', ...(r.refund.overdue ? OVERDUE_ROW : {}) } as SxProps<Theme>} onClick={() => navigate('returns', r.id)}>
                  <TableCell>
                    <DeadlineCell deadline={r.refund} />
                  </TableCell>
                  <TableCell>
                    <Chip size="small" variant={r.status === 'expected' ? 'outlined' : 'filled'} label={t(`status_${r.status}`)} />
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{r.orderNumber ?? r.referenceNumber ?? '—'}</TableCell>
                  <TableCell>{r.buyerName ?? r.buyerLogin ?? '—'}</TableCell>
                  <TableCell>
                    {r.firstItemName ?? '—'}
                    {r.itemCount > 1 ? ` (${r.itemCount})` : ''}
                  </TableCell>
                  <TableCell>{r.allegroReturnId ? t('sourceAllegro') : t('sourceShop')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={list.data?.total ?? 0}
            page={page}
            rowsPerPage={pageSize}
            rowsPerPageOptions={[25, 50, 100]}
            onPageChange={(_e, p) => setPage(p)}
            onRowsPerPageChange={(e) => {
              setPageSize(Number(e.target.value));
              setPage(0);
            }}
          />
        </TableContainer>
      )}
    </>
  );
}

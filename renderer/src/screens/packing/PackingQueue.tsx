import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import { alpha, type SxProps, type Theme } from '@mui/material/styles';
import ChecklistIcon from '@mui/icons-material/Checklist';
import IconButton from '@mui/material/IconButton';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useEffect, useMemo, useState } from 'react';
import type { PackingQueueFilter, PackingQueueRow } from '../../../../shared/contract/packing.contract';
import { isOwnOrderCode, ownOrderId } from '../../../../shared/domain/order-code';
import { api } from '../../api';
import { navigate } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrderNumber } from '../../components/OrderNumber';
import { PageHeader } from '../../components/PageHeader';
import { ScanField, type ScanFeedback } from '../../components/ScanField';
import { beepError } from '../../components/sound';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { packingMessages } from './packing.messages';

/** Overdue rows: tinted red with a strong left edge, readable in light and dark mode. */
const OVERDUE_ROW: SxProps<Theme> = {
  bgcolor: (theme) => alpha(theme.palette.error.main, 0.1),
  '& td:first-of-type': { borderLeft: 4, borderLeftColor: 'error.main' },
};

/** Does the typed or scanned text name exactly this order (slip barcode, ZAP-<id>, our number)? */
export function namesOrder(row: PackingQueueRow, code: string): boolean {
  // The one rule (shared/domain/order-code.ts): ZAP-<n> or a bare number is our order n, nothing else.
  const own = ownOrderId(code);
  if (own !== null || isOwnOrderCode(code)) return row.id === own;
  return (row.allegroOrderId ?? '').toLowerCase() === code.trim().toLowerCase();
}

/** Rows a page: enough for a morning's batch, few enough to draw at once on a slow laptop. */
const PAGE_SIZE = 50;

/**
 * The queue: orders to pack and packed ones waiting for the courier, the earliest promise first,
 * overdue ones in red, unpaid ones marked. Scanning a slip (or typing a number) opens that order;
 * ticking several makes a pick list. Paged on the core (a big shop has thousands waiting): the true
 * count is always shown, and ticks survive paging.
 */
export function PackingQueue() {
  const t = useT(packingMessages);
  const format = useFormat();
  const [filter, setFilter] = useState<PackingQueueFilter>('all');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [feedback, setFeedback] = useState<ScanFeedback | null>(null);
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [filter, search]);
  const queue = useLiveQuery(
    () => api.call('packing.queue', { filter, limit: PAGE_SIZE, offset: page * PAGE_SIZE, ...(search ? { search } : {}) }),
    ['orders'],
    [filter, search, page],
  );
  const rows = useMemo(() => queue.data?.rows ?? [], [queue.data]);
  const total = queue.data?.total ?? 0;
  const chosen = [...selected];
  // The queue shrank under the current page (orders shipped elsewhere): go back to the last page.
  useEffect(() => {
    if (queue.data && page > 0 && page * PAGE_SIZE >= queue.data.total) setPage(Math.max(0, Math.ceil(queue.data.total / PAGE_SIZE) - 1));
  }, [queue.data, page]);

  async function onFind(code: string) {
    setFeedback(null);
    const exact = rows.find((r) => namesOrder(r, code));
    if (exact) {
      navigate('packing', exact.id);
      return;
    }
    // A slip's number (Allegro id, ZAP-<id>) is found by the core's index at once, without reading the
    // whole queue; the packing view itself says when that order is not waiting for packing.
    const looked = await api.call('orders.lookup', { code });
    if (looked.id !== null) {
      navigate('packing', looked.id);
      return;
    }
    const found = await api.call('packing.queue', { filter: 'all', search: code });
    // Our own number opens only that order (never a look-alike that the search also finds).
    const only = found.rows.length === 1 && !isOwnOrderCode(code) ? found.rows[0] : found.rows.find((r) => namesOrder(r, code));
    if (only) {
      navigate('packing', only.id);
      return;
    }
    if (found.rows.length > 1) {
      setSearch(code);
      return;
    }
    beepError();
    setFeedback({ kind: 'error', text: t('findNone', { code }) });
  }

  function toggle(id: number) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someChecked = rows.some((r) => selected.has(r.id));
  const pager = total > 0 && (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }} data-testid="queue-pager">
      {chosen.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mr: 2 }}>
          {t('selectedCount', { n: format.number(chosen.length) })}
        </Typography>
      )}
      <Typography variant="body2" data-testid="queue-range">
        {t('pageRange', { from: format.number(page * PAGE_SIZE + 1), to: format.number(Math.min(total, (page + 1) * PAGE_SIZE)), total: format.number(total) })}
      </Typography>
      <IconButton aria-label={t('prevPage')} disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
        <ChevronLeftIcon />
      </IconButton>
      <IconButton aria-label={t('nextPage')} disabled={(page + 1) * PAGE_SIZE >= total} onClick={() => setPage((p) => p + 1)}>
        <ChevronRightIcon />
      </IconButton>
    </Stack>
  );
  return (
    <Box>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button variant="contained" startIcon={<ChecklistIcon />} disabled={chosen.length === 0} onClick={() => navigate('packing', 'pick', chosen.join(','))} title={t('pickListHint')}>
            {t('pickList', { n: chosen.length })}
          </Button>
        }
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'flex-start' } }}>
        <Box sx={{ flex: 1 }}>
          <ScanField onScan={onFind} digitsOnly={false} label={t('findLabel')} feedback={feedback} />
        </Box>
        <ToggleButtonGroup exclusive size="small" value={filter} onChange={(_e, v: PackingQueueFilter | null) => v && setFilter(v)} sx={{ flexShrink: 0 }}>
          <ToggleButton value="all">{t('filterAll')}</ToggleButton>
          <ToggleButton value="toPack">{t('filterToPack')}</ToggleButton>
          <ToggleButton value="packed">{t('filterPacked')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {search && (
        <Chip label={search} onDelete={() => setSearch('')} sx={{ mb: 2 }} />
      )}
      <ErrorAlert error={queue.error} onRetry={queue.reload} />
      {queue.data && queue.data.overdueCount > 0 && (
        <Alert severity="error" sx={{ mb: 1 }} data-testid="overdue-count">
          {t('overdueCount', { n: format.number(queue.data.overdueCount) })}
        </Alert>
      )}
      {queue.data && (queue.data.unpaidCount ?? 0) > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="unpaid-count">
          {t('unpaidCount', { n: format.number(queue.data.unpaidCount) })}
        </Alert>
      )}
      {pager}
      {queue.loading && <LinearProgress sx={{ mb: 1 }} />}
      {queue.data && rows.length === 0 && !queue.loading && <Typography color="text.secondary">{t('queueEmpty')}</Typography>}
      {rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('title')}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allChecked}
                    indeterminate={someChecked && !allChecked}
                    onChange={() =>
                      setSelected((prev) => {
                        const next = new Set(prev);
                        for (const r of rows) {
                          if (allChecked) next.delete(r.id);
                          else next.add(r.id);
                        }
                        return next;
                      })
                    }
                    slotProps={{ input: { 'aria-label': t('pickListHint') } }}
                  />
                </TableCell>
                <TableCell>{t('colDispatchBy')}</TableCell>
                <TableCell>{t('colBuyer')}</TableCell>
                <TableCell>{t('colItems')}</TableCell>
                <TableCell>{t('colDelivery')}</TableCell>
                <TableCell>{t('colProgress')}</TableCell>
                <TableCell>{t('colStatus')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow
                  key={row.id}
                  hover
                  data-testid="queue-row"
                  data-overdue={row.overdue ? 'true' : 'false'}
                  sx={row.overdue ? OVERDUE_ROW : undefined}
                >
                  <TableCell padding="checkbox">
                    <Checkbox checked={selected.has(row.id)} onChange={() => toggle(row.id)} slotProps={{ input: { 'aria-label': row.number } }} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', ...(row.overdue ? { color: 'error.main', fontWeight: 700 } : {}) }}>
                    {format.dateTime(row.dispatchBy)}
                    {row.overdue && <Chip size="small" color="error" label={t('overdue')} sx={{ ml: 1, fontWeight: 700 }} />}
                  </TableCell>
                  {/* The buyer is who the helper looks for; the long Allegro number sits under the name, cut short (whole in the tooltip and the copy button). */}
                  <TableCell sx={{ maxWidth: 220 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {row.buyerName ?? row.buyerLogin ?? '—'}
                    </Typography>
                    <OrderNumber number={row.number} withLabel={false} compact />
                  </TableCell>
                  <TableCell>{row.lineCount > 1 ? t('itemsMore', { first: row.firstItemName ?? '', n: row.lineCount - 1 }) : (row.firstItemName ?? '—')}</TableCell>
                  <TableCell>{row.deliveryMethodName ?? '—'}</TableCell>
                  <TableCell>{t('lineProgress', { packed: row.packedCount, quantity: row.itemCount })}</TableCell>
                  <TableCell>
                    {row.status === 'packed' ? t('statusPacked') : t('statusToPick')}
                    {row.payment !== 'paid' && (
                      <Chip
                        size="small"
                        data-testid="queue-payment"
                        color={row.payment === 'unpaid' ? 'error' : 'info'}
                        variant={row.payment === 'unpaid' ? 'filled' : 'outlined'}
                        label={t(`payment_${row.payment}`)}
                        sx={{ ml: 1, fontWeight: 700 }}
                      />
                    )}
                  </TableCell>
                  <TableCell align="right">
                    <Button variant="contained" size="small" color={row.overdue ? 'error' : 'primary'} onClick={() => navigate('packing', row.id)}>
                      {t('pack')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {rows.length > 10 && <Box sx={{ mt: 1 }}>{pager}</Box>}
    </Box>
  );
}

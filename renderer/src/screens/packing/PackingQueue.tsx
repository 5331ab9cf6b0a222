import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
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
import { api, ApiError } from '../../api';
import { navigate } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ScanField, type ScanFeedback } from '../../components/ScanField';
import { beepError } from '../../components/sound';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useShortDateTime } from '../orders/short-date-time';
import { useT } from '../../i18n/i18n';
import { packingMessages } from './packing.messages';
import { seedPackOrder } from './pack-order-seed';
import { prefetchPrintCapabilities } from './use-print';

/**
 * The queue's table, styled once for all its cells. One line a row, long texts cut with "…" (whole in
 * the cell's tooltip); overdue rows tinted red with a strong left edge, readable in light and dark mode.
 */
const QUEUE_TABLE: SxProps<Theme> = {
  width: '100%',
  tableLayout: 'fixed',
  borderCollapse: 'collapse',
  bgcolor: 'background.paper',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  fontSize: 13,
  '& th, & td': { px: 0.75, py: 0, height: 32, borderBottom: 1, borderColor: 'divider', textAlign: 'left', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& th': { fontWeight: 500, height: 32 },
  '& th:first-of-type, & td:first-of-type': { px: 0, textAlign: 'center' },
  '& input[type="checkbox"]': { width: 16, height: 16, m: 0, verticalAlign: 'middle', cursor: 'pointer' },
  '& tbody tr:hover': { bgcolor: 'action.hover' },
  '& tr.overdue': { bgcolor: (theme) => alpha(theme.palette.error.main, 0.1) },
  '& tr.overdue td:first-of-type': { borderLeft: 4, borderLeftColor: 'error.main' },
  '& tr.overdue td.when': { color: 'error.main', fontWeight: 700 },
  '& .buyer': { display: 'inline', m: 0, fontWeight: 600 },
  '& .number': { fontFamily: 'monospace', fontSize: 12, color: 'text.secondary', ml: 0.5 },
  '& .tag': { display: 'inline-block', px: 0.75, ml: 0.5, borderRadius: 3, fontSize: 11.5, lineHeight: '20px', fontWeight: 700, verticalAlign: 'middle' },
  '& .tag-error': { bgcolor: 'error.main', color: 'error.contrastText' },
  '& .tag-info': { border: 1, borderColor: 'info.main', color: 'info.main', lineHeight: '18px' },
  '& td.act': { textAlign: 'right' },
  '& .pack': (theme) => ({
    font: 'inherit',
    fontSize: 13,
    fontWeight: 600,
    lineHeight: '22px',
    px: 1.25,
    border: 0,
    borderRadius: 1,
    cursor: 'pointer',
    bgcolor: 'primary.main',
    color: 'primary.contrastText',
    '&:hover': { bgcolor: 'primary.dark' },
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.light}`, outlineOffset: 1 },
  }),
  '& .pack-overdue': { bgcolor: 'error.main', color: 'error.contrastText', '&:hover': { bgcolor: 'error.dark' } },
};

/** A one-line alert beside the pager. */
const DENSE_ALERT: SxProps<Theme> = { py: 0, '& .MuiAlert-icon, & .MuiAlert-message': { py: 0.5 } };

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
  const shortDateTime = useShortDateTime();
  const [filter, setFilter] = useState<PackingQueueFilter>('all');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [feedback, setFeedback] = useState<ScanFeedback | null>(null);
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [filter, search]);
  // A packed order opened from here shows print buttons: ask what this app can print before then.
  useEffect(prefetchPrintCapabilities, []);
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

  /** Opens the packing view of one order, read before the queue goes away: it shows at once, complete. */
  async function openOrder(id: number) {
    try {
      seedPackOrder(await api.call('packing.get', { orderId: id }));
    } catch {
      // The view reads it again and says what went wrong.
    }
    navigate('packing', id);
  }

  async function onFind(code: string) {
    setFeedback(null);
    const exact = rows.find((r) => namesOrder(r, code));
    if (exact) {
      await openOrder(exact.id);
      return;
    }
    // A slip's number (Allegro id, ZAP-<id>) is found by the core's index at once, without reading the
    // whole queue, and the order is read in the same call: one round trip before the packing view shows
    // (issue 16; it was orders.lookup, then packing.get). The view itself says when that order is not
    // waiting for packing.
    const order = await api.call('packing.get', { code }).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'not_found') return null;
      throw e;
    });
    if (order) {
      seedPackOrder(order);
      navigate('packing', order.id);
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
        actions={
          <Button variant="contained" startIcon={<ChecklistIcon />} disabled={chosen.length === 0} onClick={() => navigate('packing', 'pick', chosen.join(','))} title={t('pickListHint')}>
            {t('pickList', { n: chosen.length })}
          </Button>
        }
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 1, alignItems: { md: 'flex-start' } }}>
        <Box sx={{ flex: 1 }}>
          <ScanField onScan={onFind} digitsOnly={false} label={t('findLabel')} feedback={feedback} size="small" />
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
      {/* The counts and the pager share one line: every line above the table is a row less on a laptop. */}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, minHeight: 40 }}>
        {queue.data && queue.data.overdueCount > 0 && (
          <Alert severity="error" sx={DENSE_ALERT} data-testid="overdue-count">
            {t('overdueCount', { n: format.number(queue.data.overdueCount) })}
          </Alert>
        )}
        {queue.data && (queue.data.unpaidCount ?? 0) > 0 && (
          <Alert severity="warning" sx={DENSE_ALERT} data-testid="unpaid-count">
            {t('unpaidCount', { n: format.number(queue.data.unpaidCount) })}
          </Alert>
        )}
        <Box sx={{ flex: 1 }} />
        {pager}
      </Stack>
      {queue.loading && <LinearProgress sx={{ mb: 1 }} />}
      {queue.data && rows.length === 0 && !queue.loading && <Typography color="text.secondary">{t('queueEmpty')}</Typography>}
      {rows.length > 0 && (
        // A plain table styled once (QUEUE_TABLE), one line a row: MUI's TableCell/Checkbox/Button/Chip in
        // every cell of 50 rows made opening the queue and leaving it (a scan) cost hundreds of milliseconds
        // of rendering, and wrapped cells showed about 4 orders at 1366×768 (issue 16).
        <Box component="table" aria-label={t('title')} sx={QUEUE_TABLE}>
          <colgroup>
            <col style={{ width: 30 }} />
            <col style={{ width: 184 }} />
            <col style={{ width: '18%' }} />
            <col />
            <col style={{ width: '14%' }} />
            <col style={{ width: 84 }} />
            {/* Widths fit the longest words at 1366×768: "Do spakowania Za pobraniem" (205 px; 192 cut it), the "Otwórz" button (it was cut at 68 px). */}
            <col style={{ width: 214 }} />
            <col style={{ width: 84 }} />
          </colgroup>
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  checked={allChecked}
                  ref={(el) => {
                    if (el) el.indeterminate = someChecked && !allChecked;
                  }}
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
                  aria-label={t('pickListHint')}
                />
              </th>
              <th title={t('subtitle')}>{t('colDispatchBy')}</th>
              <th>{t('colBuyer')}</th>
              <th>{t('colItems')}</th>
              <th>{t('colDelivery')}</th>
              <th>{t('colProgress')}</th>
              <th>{t('colStatus')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const buyer = row.buyerName ?? row.buyerLogin ?? '—';
              const items = row.lineCount > 1 ? t('itemsMore', { first: row.firstItemName ?? '', n: row.lineCount - 1 }) : (row.firstItemName ?? '—');
              return (
                <tr key={row.id} data-testid="queue-row" data-overdue={row.overdue ? 'true' : 'false'} className={row.overdue ? 'overdue' : undefined}>
                  <td>
                    <input type="checkbox" checked={selected.has(row.id)} onChange={() => toggle(row.id)} aria-label={row.number} />
                  </td>
                  <td className="when">
                    {shortDateTime(row.dispatchBy)}
                    {/* Spaces between words and tags: a screen reader and a copy read "Do spakowania Za pobraniem". */}
                    {row.overdue && ' '}
                    {row.overdue && <span className="tag tag-error">{t('overdue')}</span>}
                  </td>
                  {/* The buyer is who the helper looks for; our number follows, cut short (whole in its tooltip, the order's panel copies it). */}
                  <td title={`${buyer} · ${row.number}`}>
                    <p className="buyer">{buyer}</p> <span className="number" data-testid="order-number">{row.number}</span>
                  </td>
                  <td title={items}>{items}</td>
                  <td title={row.deliveryMethodName ?? undefined}>{row.deliveryMethodName ?? '—'}</td>
                  <td>{t('lineProgress', { packed: row.packedCount, quantity: row.itemCount })}</td>
                  <td>
                    {row.status === 'packed' ? t('statusPacked') : t('statusToPick')}
                    {row.payment !== 'paid' && ' '}
                    {row.payment !== 'paid' && (
                      <span data-testid="queue-payment" className={row.payment === 'unpaid' ? 'tag tag-error' : 'tag tag-info'}>
                        {t(`payment_${row.payment}`)}
                      </span>
                    )}
                  </td>
                  <td className="act">
                    {/* A packed order has nothing left to pack: its button opens it (label, tracking number). */}
                    <button type="button" className={row.overdue ? 'pack pack-overdue' : 'pack'} onClick={() => navigate('packing', row.id)}>
                      {row.status === 'packed' ? t('openPacked') : t('pack')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Box>
      )}
      {rows.length > 10 && <Box sx={{ mt: 1 }}>{pager}</Box>}
    </Box>
  );
}

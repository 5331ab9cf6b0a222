import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FilterListIcon from '@mui/icons-material/FilterList';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OrderRow, OrderSortField, PaymentFilter } from '../../../../shared/contract/orders.contract';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain/order-status';
import { isOwnOrderCode } from '../../../../shared/domain/order-code';
import { api } from '../../api';
import { navigate, useRoute } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useScanGuard } from '../../components/use-scan-guard';
import { SearchField } from '../../components/SearchField';
import { answerFor, pagerFor } from '../../components/server-paging';
import { beepError } from '../../components/sound';
import { useDebouncedText } from '../../components/use-debounced-text';
import { useLiveQuery } from '../../components/use-live-query';
import { useSessionState } from '../../components/use-session-state';
import { useStableCallback } from '../../components/use-stable-grid';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { OrderDateRange } from './OrderDateRange';
import { OrderDetail } from './OrderDetail';
import { OrdersTable } from './OrdersTable';
import { ordersMessages } from './orders.messages';

export interface OrderFilters {
  search: string;
  status: OrderStatus[];
  from: string;
  to: string;
  carrier: string;
  deliveryMethod: string;
  payment: PaymentFilter | '';
  invoice: '' | 'yes' | 'no';
  overdue: boolean;
  sort: OrderSort;
  /** The sort in force before "Tylko spóźnione" switched to promise order; restored when it is turned off. */
  sortBeforeOverdue?: OrderSort | null;
  page: number;
  pageSize: number;
}

type OrderSort = { field: OrderSortField; dir: 'asc' | 'desc' };

/** Overdue orders are worked most-late-first: the promise order (also the fast, indexed one). */
const OVERDUE_SORT: OrderSort = { field: 'dispatchBy', dir: 'asc' };
const sameSort = (a: OrderSort, b: OrderSort) => a.field === b.field && a.dir === b.dir;

/**
 * "Tylko spóźnione" on or off, and the sort that goes with it: turned on over the default (newest first)
 * it sorts by the promise; turned off it gives back the sort from before, unless the person chose another
 * sort meanwhile (issue 13, point 12: the list stayed sorted by the promise).
 */
export function withOverdue(f: OrderFilters, overdue: boolean): Partial<OrderFilters> {
  if (overdue) return f.sort.field === 'boughtAt' ? { overdue, sort: OVERDUE_SORT, sortBeforeOverdue: f.sort } : { overdue, sortBeforeOverdue: null };
  const back = f.sortBeforeOverdue && sameSort(f.sort, OVERDUE_SORT) ? f.sortBeforeOverdue : f.sort;
  return { overdue, sort: back, sortBeforeOverdue: null };
}

/** Filters behind "Więcej filtrów": used less often than status, payment and lateness. */
function moreFiltersInUse(f: OrderFilters): number {
  return [f.from, f.to, f.carrier, f.deliveryMethod, f.invoice].filter(Boolean).length;
}

const NO_ROWS: OrderRow[] = [];

export const INITIAL_FILTERS: OrderFilters = {
  search: '',
  status: [],
  from: '',
  to: '',
  carrier: '',
  deliveryMethod: '',
  payment: '',
  invoice: '',
  overdue: false,
  sort: { field: 'boughtAt', dir: 'desc' },
  sortBeforeOverdue: null,
  page: 0,
  pageSize: 50,
};

/** What the screen's filters mean for `orders.list` (empty choices are left out). */
export function listInput(f: OrderFilters) {
  return {
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.carrier ? { carriers: [f.carrier] } : {}),
    ...(f.deliveryMethod ? { deliveryMethods: [f.deliveryMethod] } : {}),
    ...(f.payment ? { payment: f.payment } : {}),
    ...(f.invoice ? { invoice: f.invoice === 'yes' } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    sort: f.sort,
    offset: f.page * f.pageSize,
    limit: f.pageSize,
  };
}

/** Zamówienia: the list with filters and search, bulk "send to packing", and one order's detail. */
export default function OrdersScreen() {
  const t = useT(ordersMessages);
  const format = useFormat();
  const notify = useNotify();
  const route = useRoute();
  const [filters, setFilters] = useSessionState<OrderFilters>('orders.filters', INITIAL_FILTERS);
  const update = (patch: Partial<OrderFilters>) => setFilters((f) => ({ ...f, ...patch, page: 'page' in patch ? patch.page! : 0 }));
  const [typed, setTyped] = useDebouncedText(filters.search, (search) => update({ search }));
  const [notFound, setNotFound] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [sending, setSending] = useState(false);
  const [moreOpen, setMoreOpen] = useState<HTMLElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => searchRef.current?.focus(), []);
  // The search text is kept on coming back, and a scanner types after it (issue 17, point 5): a burst of
  // keys ended by Enter in the search box was a scan, so the box holds and searches for the code alone.
  useScanGuard(true, (code) => {
    setTyped(code);
    setNotFound(null);
    void onSearchEnter(code);
  }, { field: searchRef });

  const input = listInput(filters);
  const list = useLiveQuery(() => answerFor(filters.page, filters.pageSize, api.call('orders.list', input)), ['orders', 'all', 'imports', 'stock'], [JSON.stringify(input)]);
  // The carriers and delivery methods are a scan of every order on a big shop (0.5 s at 100k on a busy
  // machine, in the same process as the list): asked for only when "Więcej filtrów" opens, where they show.
  const facetsWanted = moreOpen !== null;
  const facets = useLiveQuery(() => (facetsWanted ? api.call('orders.facets', {}) : Promise.resolve(undefined)), ['orders', 'imports', 'all'], [facetsWanted]);
  /** The choices of a list, with the one in force kept even before the list has loaded. */
  const choices = (list: string[] | undefined, current: string) => [...new Set([...(current ? [current] : []), ...(list ?? [])])];

  async function onSearchEnter(scanned?: string) {
    const code = (scanned ?? typed).trim();
    if (!code) return;
    update({ search: code });
    // A scanned slip (our number or Allegro's) opens that order at once.
    if (isOwnOrderCode(code) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(code)) {
      const found = await api.call('orders.lookup', { code });
      if (found.id !== null) {
        setNotFound(null);
        navigate('orders', found.id);
      } else if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(code)) {
        beepError();
        setNotFound(t('notFound', { code }));
      }
    }
  }

  async function sendToPacking() {
    setSending(true);
    try {
      const result = await api.call('orders.setStatus', { ids: selected, status: 'to_pick' });
      // One message (the app shows one notification at a time): what moved, and what was skipped and why.
      const parts = [t('sentToPacking', { n: result.changed.length })];
      if (result.refused.length) {
        // Why, in words: an unpaid order is refused for being unpaid, not for being "Nowe" (issue 13 point 3).
        const reasons = [...new Set(result.refused.map((r) => (r.code === 'unpaid' ? t('refusedUnpaid') : r.from ? t(`status_${r.from}`) : t('refusedOther'))))].join(', ');
        parts.push(t('refusedSome', { n: result.refused.length, reasons }));
      }
      notify(parts.join('. '), result.refused.length ? 'warning' : 'success');
      setSelected([]);
    } catch (e) {
      notify(String((e as Error).message), 'error');
    } finally {
      setSending(false);
    }
  }

  // The table is a memo: what it gets keeps its identity while only the search text changes, so typing
  // does not redraw the page of rows (issue 16).
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const onPage = useStableCallback((page: number, pageSize: number) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 0, pageSize })));
  const onSort = useStableCallback((sort: OrderSort) => update({ sort, sortBeforeOverdue: null }));
  const onOpen = useStableCallback((id: number) => navigate('orders', id));

  const data = list.data;
  const openId = route.params[0];
  const activeFilters = JSON.stringify(listInput({ ...filters, page: 0, sort: INITIAL_FILTERS.sort })) !== JSON.stringify(listInput({ ...INITIAL_FILTERS, pageSize: filters.pageSize }));
  const moreInUse = moreFiltersInUse(filters);
  return (
    // One screen high at 1366×768: title, search and action on one line, the filters on the next, and
    // the table takes the rest (at least 15 rows), its pager always in view (issue 16).
    <Box sx={{ display: 'flex', flexDirection: 'column', height: { xs: 'auto', md: 'calc(100vh - 112px)' }, minHeight: 520 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 1.5 }}>
        <Box sx={{ flexShrink: 0, minWidth: 150 }}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 600, lineHeight: 1.2 }} title={t('subtitle')}>
            {t('title')}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" data-testid="orders-total" sx={{ whiteSpace: 'nowrap' }}>
            {data ? (data.totalExact ? t('totalExact', { n: format.number(data.total) }) : t('totalMore', { n: format.number(data.total) })) : '\u00a0'}
            {selected.length ? ` · ${t('selected', { n: format.number(selected.length) })}` : ''}
          </Typography>
        </Box>
        <SearchField
          inputRef={searchRef}
          value={typed}
          onChange={(text) => {
            setTyped(text);
            setNotFound(null);
          }}
          onEnter={onSearchEnter}
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          message={notFound}
          dense
          sx={{ flex: 1 }}
        />
        <Button variant="contained" startIcon={<LocalShippingIcon />} disabled={selected.length === 0 || sending} onClick={() => void sendToPacking()} sx={{ flexShrink: 0 }}>
          {selected.length ? `${t('sendToPacking')} (${format.number(selected.length)})` : t('sendToPacking')}
        </Button>
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label={t('filterStatus')}>
          {ORDER_STATUSES.map((status) => {
            const on = filters.status.includes(status);
            return (
              <Chip
                key={status}
                size="small"
                label={t(`status_${status}`)}
                color={on ? 'primary' : 'default'}
                variant={on ? 'filled' : 'outlined'}
                aria-pressed={on}
                onClick={() => update({ status: on ? filters.status.filter((s) => s !== status) : [...filters.status, status] })}
              />
            );
          })}
        </Stack>
        <TextField select size="small" label={t('filterPayment')} value={filters.payment} onChange={(e) => update({ payment: e.target.value as PaymentFilter | '' })} sx={{ width: 140 }} slotProps={{ select: { inputProps: { 'aria-label': t('filterPayment') } } }}>
          <MenuItem value="">{t('anyValue')}</MenuItem>
          <MenuItem value="paid">{t('payment_paid')}</MenuItem>
          <MenuItem value="unpaid">{t('payment_unpaid')}</MenuItem>
          <MenuItem value="cod">{t('payment_cod')}</MenuItem>
        </TextField>
        <FormControlLabel
          sx={{ mr: 0 }}
          control={<Switch size="small" checked={filters.overdue} onChange={(e) => update(withOverdue(filters, e.target.checked))} />}
          label={t('filterOverdue')}
        />
        <Button
          size="small"
          startIcon={<FilterListIcon />}
          variant={moreInUse ? 'outlined' : 'text'}
          aria-haspopup="dialog"
          aria-expanded={moreOpen !== null}
          onClick={(e) => setMoreOpen(e.currentTarget)}
        >
          {moreInUse ? t('moreFiltersCount', { n: moreInUse }) : t('moreFilters')}
        </Button>
        {activeFilters && (
          <Button
            size="small"
            onClick={() => {
              setTyped('');
              setFilters({ ...INITIAL_FILTERS, sort: withOverdue(filters, false).sort ?? filters.sort, pageSize: filters.pageSize });
            }}
          >
            {t('clearFilters')}
          </Button>
        )}
      </Stack>
      <Popover
        open={moreOpen !== null}
        anchorEl={moreOpen}
        onClose={() => setMoreOpen(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': t('moreFilters'), sx: { p: 2, width: 380 } } as object }}
      >
        <Stack spacing={2}>
          {/* dd.mm.rrrr whatever the system's date format; half-typed dates leave the filter as it was. */}
          <OrderDateRange from={filters.from} to={filters.to} onChange={update} />
          <TextField select size="small" label={t('filterCarrier')} value={filters.carrier} onChange={(e) => update({ carrier: e.target.value })}>
            <MenuItem value="">{t('anyValue')}</MenuItem>
            {choices(facets.data?.carriers, filters.carrier).map((c) => (
              <MenuItem key={c} value={c}>
                {c}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={t('filterDelivery')} value={filters.deliveryMethod} onChange={(e) => update({ deliveryMethod: e.target.value })}>
            <MenuItem value="">{t('anyValue')}</MenuItem>
            {choices(facets.data?.deliveryMethods, filters.deliveryMethod).map((m) => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={t('filterInvoice')} value={filters.invoice} onChange={(e) => update({ invoice: e.target.value as OrderFilters['invoice'] })}>
            <MenuItem value="">{t('anyValue')}</MenuItem>
            <MenuItem value="yes">{t('invoiceYes')}</MenuItem>
            <MenuItem value="no">{t('invoiceNo')}</MenuItem>
          </TextField>
          <Button sx={{ alignSelf: 'flex-end' }} onClick={() => setMoreOpen(null)}>
            {t('moreFiltersDone')}
          </Button>
        </Stack>
      </Popover>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <OrdersTable
        rows={data?.rows ?? NO_ROWS}
        {...pagerFor(data)}
        loading={list.loading}
        page={filters.page}
        pageSize={filters.pageSize}
        sort={filters.sort}
        selected={selectedSet}
        onSelect={setSelected}
        onPage={onPage}
        onSort={onSort}
        onOpen={onOpen}
      />
      {openId !== undefined && /^\d+$/.test(openId) && <OrderDetail key={openId} orderId={Number(openId)} onClose={() => navigate('orders')} />}
    </Box>
  );
}

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { useEffect, useRef, useState } from 'react';
import type { OrderSortField, PaymentFilter } from '../../../../shared/contract/orders.contract';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain/order-status';
import { isOwnOrderCode } from '../../../../shared/domain/order-code';
import { api } from '../../api';
import { navigate, useRoute } from '../../app/navigation';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/SearchField';
import { answerFor, pagerFor } from '../../components/server-paging';
import { beepError } from '../../components/sound';
import { useDebouncedText } from '../../components/use-debounced-text';
import { useLiveQuery } from '../../components/use-live-query';
import { useSessionState } from '../../components/use-session-state';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
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
  sort: { field: OrderSortField; dir: 'asc' | 'desc' };
  page: number;
  pageSize: number;
}

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
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => searchRef.current?.focus(), []);

  const input = listInput(filters);
  const list = useLiveQuery(() => answerFor(filters.page, filters.pageSize, api.call('orders.list', input)), ['orders', 'all', 'imports', 'stock'], [JSON.stringify(input)]);
  const facets = useLiveQuery(() => api.call('orders.facets', {}), ['orders', 'imports', 'all']);

  async function onSearchEnter() {
    const code = typed.trim();
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
        const reasons = [...new Set(result.refused.map((r) => (r.from ? t(`status_${r.from}`) : r.code)))].join(', ');
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

  const data = list.data;
  const openId = route.params[0];
  const activeFilters = JSON.stringify({ ...filters, page: 0, sort: null, pageSize: 0 }) !== JSON.stringify({ ...INITIAL_FILTERS, page: 0, sort: null, pageSize: 0 });
  return (
    <Box>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button variant="contained" startIcon={<LocalShippingIcon />} disabled={selected.length === 0 || sending} onClick={() => void sendToPacking()}>
            {selected.length ? `${t('sendToPacking')} (${selected.length})` : t('sendToPacking')}
          </Button>
        }
      />
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
        fullWidth
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} role="group" aria-label={t('filterStatus')}>
        {ORDER_STATUSES.map((status) => {
          const on = filters.status.includes(status);
          return (
            <Chip
              key={status}
              label={t(`status_${status}`)}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              aria-pressed={on}
              onClick={() => update({ status: on ? filters.status.filter((s) => s !== status) : [...filters.status, status] })}
            />
          );
        })}
      </Stack>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        {/* dd.mm.rrrr whatever the system's date format; half-typed dates leave the filter as it was. */}
        <DateField size="small" sx={{ width: 170 }} label={t('filterFrom')} value={filters.from} onChange={(day) => day !== null && update({ from: day })} />
        <DateField size="small" sx={{ width: 170 }} label={t('filterTo')} value={filters.to} onChange={(day) => day !== null && update({ to: day })} />
        <TextField select size="small" label={t('filterCarrier')} value={filters.carrier} onChange={(e) => update({ carrier: e.target.value })} sx={{ minWidth: 150 }}>
          <MenuItem value="">{t('anyValue')}</MenuItem>
          {(facets.data?.carriers ?? []).map((c) => (
            <MenuItem key={c} value={c}>
              {c}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('filterDelivery')} value={filters.deliveryMethod} onChange={(e) => update({ deliveryMethod: e.target.value })} sx={{ minWidth: 200 }}>
          <MenuItem value="">{t('anyValue')}</MenuItem>
          {(facets.data?.deliveryMethods ?? []).map((m) => (
            <MenuItem key={m} value={m}>
              {m}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('filterPayment')} value={filters.payment} onChange={(e) => update({ payment: e.target.value as PaymentFilter | '' })} sx={{ minWidth: 150 }} slotProps={{ select: { inputProps: { 'aria-label': t('filterPayment') } } }}>
          <MenuItem value="">{t('anyValue')}</MenuItem>
          <MenuItem value="paid">{t('payment_paid')}</MenuItem>
          <MenuItem value="unpaid">{t('payment_unpaid')}</MenuItem>
          <MenuItem value="cod">{t('payment_cod')}</MenuItem>
        </TextField>
        <TextField select size="small" label={t('filterInvoice')} value={filters.invoice} onChange={(e) => update({ invoice: e.target.value as OrderFilters['invoice'] })} sx={{ minWidth: 150 }}>
          <MenuItem value="">{t('anyValue')}</MenuItem>
          <MenuItem value="yes">{t('invoiceYes')}</MenuItem>
          <MenuItem value="no">{t('invoiceNo')}</MenuItem>
        </TextField>
        <FormControlLabel
          control={
            <Switch
              checked={filters.overdue}
              onChange={(e) =>
                // Overdue orders are worked most-late-first: the promise order (also the fast, indexed one).
                update(e.target.checked && filters.sort.field === 'boughtAt' ? { overdue: true, sort: { field: 'dispatchBy', dir: 'asc' } } : { overdue: e.target.checked })
              }
            />
          }
          label={t('filterOverdue')}
        />
        {activeFilters && (
          <Button
            onClick={() => {
              setTyped('');
              setFilters({ ...INITIAL_FILTERS, sort: filters.sort, pageSize: filters.pageSize });
            }}
          >
            {t('clearFilters')}
          </Button>
        )}
      </Stack>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="orders-total">
        {data ? (data.totalExact ? t('totalExact', { n: format.number(data.total) }) : t('totalMore', { n: format.number(data.total) })) : ''}
        {selected.length ? ` · ${t('selected', { n: selected.length })}` : ''}
      </Typography>
      <OrdersTable
        rows={data?.rows ?? []}
        {...pagerFor(data)}
        loading={list.loading}
        page={filters.page}
        pageSize={filters.pageSize}
        sort={filters.sort}
        selected={selected}
        onSelect={setSelected}
        onPage={(page, pageSize) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 0, pageSize }))}
        onSort={(sort) => update({ sort })}
        onOpen={(id) => navigate('orders', id)}
      />
      {openId !== undefined && /^\d+$/.test(openId) && <OrderDetail key={openId} orderId={Number(openId)} onClose={() => navigate('orders')} />}
    </Box>
  );
}

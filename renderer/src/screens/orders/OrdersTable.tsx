import type { Theme } from '@mui/material/styles';
import { memo, useMemo } from 'react';
import type { OrderRow, OrderSortField } from '../../../../shared/contract/orders.contract';
import { type PagedColumn, PagedTable } from '../../components/PagedTable';
import { useStableCallback } from '../../components/use-stable-grid';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { allegroStatusText } from './allegro-labels';
import { useShortDateTime } from './short-date-time';
import { ordersMessages } from './orders.messages';

type OrderSort = { field: OrderSortField; dir: 'asc' | 'desc' };

interface OrdersTableProps {
  rows: OrderRow[];
  rowCount: number;
  hasNextPage: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: OrderSort;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[]) => void;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: OrderSort) => void;
  onOpen: (id: number) => void;
}

const rowClass = (row: OrderRow) => (row.overdue ? 'order-overdue' : '');

/**
 * The order list: one page from the core (server paging and sorting), tick boxes for bulk actions.
 * A click on the sorted column turns its direction; on another column sorts it ascending.
 */
export const OrdersTable = memo(function OrdersTable(props: OrdersTableProps) {
  const t = useT(ordersMessages);
  const format = useFormat();
  const { lang } = useLanguage();
  const shortDateTime = useShortDateTime();
  // What a day's work needs first, left to right, within a 1366-pixel window: number, buyer, items,
  // amount, payment, shop status and the promise; the purchase time, delivery and Allegro's status follow
  // (issue 16). Dates leave out the year when it is this year.
  const columns = useMemo<PagedColumn<OrderRow>[]>(
    () => [
      { field: 'id', label: t('colId'), width: 72, sortable: true, render: (row) => row.id },
      {
        field: 'buyer',
        label: t('colBuyer'),
        minWidth: 150,
        sortable: true,
        // The login in the native tooltip (a MUI Tooltip per row costs render time on every page).
        render: (row) => <span title={[row.buyerName, row.buyerLogin && `(${row.buyerLogin})`].filter(Boolean).join(' ')}>{row.buyerName ?? row.buyerLogin ?? '—'}</span>,
      },
      {
        field: 'items',
        label: t('colItems'),
        minWidth: 170,
        render: (row) => (row.lineCount > 1 ? t('itemsMore', { name: row.firstItemName ?? '', n: row.lineCount - 1 }) : (row.firstItemName ?? '')),
      },
      { field: 'total', label: t('colTotal'), align: 'right', width: 100, sortable: true, render: (row) => format.money(row.totalToPayGrosze, row.currency) },
      {
        field: 'payment',
        label: t('colPayment'),
        width: 140,
        // Plain tags styled once by the table (below), not a MUI Chip/Tooltip per cell: those made a page
        // change cost hundreds of milliseconds of rendering (issue 16).
        render: (row) => (
          <>
            <span className={row.payment === 'unpaid' ? 'tag tag-warning' : 'tag'}>{t(`payment_${row.payment}`)}</span>
            {/* A space between tags: a screen reader and a copy read "Opłacone FV", not "OpłaconeFV". */}
            {row.invoiceRequired && ' '}
            {row.invoiceRequired && (
              <span className="tag tag-filled" title={t('invoiceChip')} aria-label={t('invoiceChip')}>
                {t('invoiceShort')}
              </span>
            )}
          </>
        ),
      },
      {
        field: 'status',
        label: t('colStatus'),
        width: 136,
        sortable: true,
        render: (row) => <span className={row.status === 'to_pick' ? 'tag tag-primary' : 'tag tag-filled'}>{t(`status_${row.status}`)}</span>,
      },
      {
        field: 'dispatchBy',
        label: t('colDispatchBy'),
        // "02.12, 23:59 Spóźnione" whole (185 px): at 178 the cell ended in "…" and hid the mark (issue 16).
        // A promise from an earlier year is longer ("08.03.2025, 23:59 Spóźnione", ~205 px in Polish and
        // English): the column fits it, and should a date still be longer, the date gives way ("…", whole
        // in its tooltip), never the mark — the one sign on the list that an order is late.
        width: 214,
        sortable: true,
        render: (row) =>
          row.overdue ? (
            <span className="late">
              <span className="late-date" title={shortDateTime(row.dispatchBy)}>
                {shortDateTime(row.dispatchBy)}
              </span>{' '}
              <span className="tag tag-error" title={t('overdueHint')} data-testid={`overdue-${row.id}`}>
                {t('overdue')}
              </span>
            </span>
          ) : (
            shortDateTime(row.dispatchBy)
          ),
      },
      { field: 'boughtAt', label: t('colBought'), width: 120, sortable: true, render: (row) => shortDateTime(row.boughtAt) },
      { field: 'delivery', label: t('colDelivery'), width: 180, render: (row) => row.deliveryMethodName ?? row.carrier ?? '' },
      { field: 'allegro', label: t('colAllegro'), width: 170, render: (row) => allegroStatusText(row.allegroStatus, row.fulfillmentStatus, lang) },
    ],
    [t, format, lang, shortDateTime],
  );
  const onSortClick = useStableCallback((field: string) => {
    const { sort } = props;
    props.onSort(field === sort.field ? { field: sort.field, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { field: field as OrderSortField, dir: 'asc' });
  });
  const sort = useMemo(() => ({ field: props.sort.field, dir: props.sort.dir }), [props.sort.field, props.sort.dir]);
  return (
    <PagedTable
      aria-label={t('title')}
      columns={columns}
      rows={props.rows}
      rowCount={props.rowCount}
      hasNextPage={props.hasNextPage}
      loading={props.loading}
      page={props.page}
      pageSize={props.pageSize}
      sort={sort}
      onSortClick={onSortClick}
      onPage={props.onPage}
      onOpen={props.onOpen}
      selected={props.selected}
      onSelect={props.onSelect}
      rowClass={rowClass}
      noRowsLabel={t('noRows')}
      sx={TAGS_SX}
    />
  );
});

const TAGS_SX = {
  '& .tag': { display: 'inline-block', px: 1, mr: 0.5, borderRadius: 3, fontSize: 12, lineHeight: '20px', border: 1, borderColor: 'divider', whiteSpace: 'nowrap' },
  '& .tag-warning': { color: 'warning.dark', borderColor: 'warning.main' },
  '& .tag-filled': { bgcolor: 'action.selected', borderColor: 'transparent' },
  '& .tag-primary': { bgcolor: 'primary.main', color: 'primary.contrastText', borderColor: 'primary.main' },
  '& .tag-error': { bgcolor: 'error.main', color: 'error.contrastText', borderColor: 'error.main', ml: 0.75 },
  // An overdue promise: the date shrinks (ends in "…") before the mark would.
  '& .late': { display: 'flex', alignItems: 'center', minWidth: 0 },
  '& .late-date': { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .late .tag': { flexShrink: 0, mr: 0 },
  // An overdue order is marked at the row's start too, where the eye runs down the list.
  '& tr.order-overdue td:first-of-type': { boxShadow: (theme: Theme) => `inset 3px 0 0 ${theme.palette.error.main}` },
} as const;

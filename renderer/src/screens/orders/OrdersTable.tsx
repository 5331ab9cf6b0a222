import Box from '@mui/material/Box';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridRowClassNameParams, type GridRowParams, type GridRowSelectionModel, type GridSortModel } from '@mui/x-data-grid';
import { useMemo } from 'react';
import type { OrderRow, OrderSortField } from '../../../../shared/contract/orders.contract';
import { useGridLocaleText } from '../../components/grid-locale';
import { GridCheckbox } from '../../components/GridCheckbox';
import { useDelayedFlag, useStableCallback } from '../../components/use-stable-grid';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { allegroStatusText } from './allegro-labels';
import { useShortDateTime } from './short-date-time';
import { ordersMessages } from './orders.messages';

interface OrdersTableProps {
  rows: OrderRow[];
  rowCount: number;
  hasNextPage: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: { field: OrderSortField; dir: 'asc' | 'desc' };
  selected: number[];
  onSelect: (ids: number[]) => void;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: { field: OrderSortField; dir: 'asc' | 'desc' }) => void;
  onOpen: (id: number) => void;
}

const GRID_SLOTS = { baseCheckbox: GridCheckbox } as const;

const SORTABLE: ReadonlySet<string> = new Set(['id', 'boughtAt', 'buyer', 'total', 'status', 'dispatchBy']);
const PAGE_SIZES = [25, 50, 100];
const ROW_BUFFER_PX = 60;
const NO_ROWS: OrderRow[] = [];
const rowClassName = (params: GridRowClassNameParams<OrderRow>) => (params.row.overdue ? 'order-overdue' : '');
/** The overlay waits this long for an answer: a quick page is drawn once, not three times (issue 16). */
const LOADING_DELAY_MS = 250;

/** The order list: one page from the core (server paging and sorting), checkboxes for bulk actions. */
export function OrdersTable(props: OrdersTableProps) {
  const t = useT(ordersMessages);
  const gridLocaleText = useGridLocaleText({ noRowsLabel: t('noRows') });
  const format = useFormat();
  const { lang } = useLanguage();
  const shortDateTime = useShortDateTime();
  // What a day's work needs first, left to right, within a 1366-pixel window: number, buyer, items,
  // amount, payment, shop status and the promise; the purchase time, delivery and Allegro's status follow
  // (issue 16). Dates leave out the year when it is this year.
  const columns = useMemo<GridColDef<OrderRow>[]>(
    () => [
      { field: 'id', headerName: t('colId'), width: 72 },
      {
        field: 'buyer',
        headerName: t('colBuyer'),
        flex: 1,
        minWidth: 150,
        valueGetter: (_v, row) => row.buyerName ?? row.buyerLogin ?? '',
        // The login in the native tooltip (a MUI Tooltip per row costs render time on every page).
        renderCell: ({ row }) => (
          <span title={[row.buyerName, row.buyerLogin && `(${row.buyerLogin})`].filter(Boolean).join(' ')} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {row.buyerName ?? row.buyerLogin ?? '—'}
          </span>
        ),
      },
      {
        field: 'items',
        headerName: t('colItems'),
        flex: 1.3,
        minWidth: 170,
        sortable: false,
        valueGetter: (_v, row) => (row.lineCount > 1 ? t('itemsMore', { name: row.firstItemName ?? '', n: row.lineCount - 1 }) : (row.firstItemName ?? '')),
      },
      { field: 'total', headerName: t('colTotal'), type: 'number', width: 100, valueGetter: (_v, row) => row.totalToPayGrosze, valueFormatter: (_v, row) => format.money(row.totalToPayGrosze, row.currency) },
      {
        field: 'payment',
        headerName: t('colPayment'),
        width: 140,
        sortable: false,
        // Plain tags styled once by the table (below), not a MUI Chip/Tooltip per cell: those made a page
        // change cost hundreds of milliseconds of rendering (issue 16).
        renderCell: ({ row }) => (
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
        headerName: t('colStatus'),
        width: 136,
        renderCell: ({ row }) => <span className={row.status === 'to_pick' ? 'tag tag-primary' : 'tag tag-filled'}>{t(`status_${row.status}`)}</span>,
      },
      {
        field: 'dispatchBy',
        headerName: t('colDispatchBy'),
        width: 178,
        renderCell: ({ row }) => (
          <>
            {shortDateTime(row.dispatchBy)}
            {row.overdue && ' '}
            {row.overdue && (
              <span className="tag tag-error" title={t('overdueHint')} data-testid={`overdue-${row.id}`}>
                {t('overdue')}
              </span>
            )}
          </>
        ),
      },
      { field: 'boughtAt', headerName: t('colBought'), width: 120, valueFormatter: (v: string) => shortDateTime(v) },
      { field: 'delivery', headerName: t('colDelivery'), width: 180, sortable: false, valueGetter: (_v, row) => row.deliveryMethodName ?? row.carrier ?? '' },
      { field: 'allegro', headerName: t('colAllegro'), width: 170, sortable: false, valueGetter: (_v, row) => allegroStatusText(row.allegroStatus, row.fulfillmentStatus, lang) },
    ],
    [t, format, lang, shortDateTime],
  );
  // The grid treats a new sortModel / paginationModel object as a change: a new sort model sends it back
  // to page 1 (MUI's navigate-to-start on sortModelChange). Built anew on every render, it did so right
  // after each "next page" — the list never left page 1 (issue 13, point 1). Same content, same object.
  const sortModel = useMemo<GridSortModel>(() => [{ field: props.sort.field, sort: props.sort.dir }], [props.sort.field, props.sort.dir]);
  const paginationModel = useMemo(() => ({ page: props.page, pageSize: props.pageSize }), [props.page, props.pageSize]);
  const paginationMeta = useMemo(() => ({ hasNextPage: props.hasNextPage }), [props.hasNextPage]);
  const selection = useMemo<GridRowSelectionModel>(() => ({ type: 'include', ids: new Set(props.selected) }), [props.selected]);
  // Every prop the grid gets is stable unless its content changed: the grid (a memo) then skips the
  // renders of the screen that do not concern it, e.g. each key typed in the search field (issue 16).
  const onSelectionChange = useStableCallback((model: GridRowSelectionModel) => props.onSelect([...model.ids].map(Number)));
  const onPaginationChange = useStableCallback((m: GridPaginationModel) => props.onPage(m.page, m.pageSize));
  const onSortChange = useStableCallback((model: GridSortModel) => {
    const first = model[0];
    if (first && SORTABLE.has(first.field)) props.onSort({ field: first.field as OrderSortField, dir: first.sort === 'asc' ? 'asc' : 'desc' });
    else props.onSort({ field: props.sort.field, dir: props.sort.dir === 'asc' ? 'desc' : 'asc' });
  });
  const onRowClick = useStableCallback((params: GridRowParams<OrderRow>) => props.onOpen(Number(params.id)));
  // An empty list shows the overlay at once ("no orders" must not flash before the first answer).
  const slowLoading = useDelayedFlag(props.loading, LOADING_DELAY_MS);
  const loading = props.loading && (props.rows.length === 0 || slowLoading);
  return (
    <Box
      sx={{
        flex: 1,
        minHeight: 320,
        '& .tag': { display: 'inline-block', px: 1, mr: 0.5, borderRadius: 3, fontSize: 12, lineHeight: '20px', border: 1, borderColor: 'divider', whiteSpace: 'nowrap' },
        '& .tag-warning': { color: 'warning.dark', borderColor: 'warning.main' },
        '& .tag-filled': { bgcolor: 'action.selected', borderColor: 'transparent' },
        '& .tag-primary': { bgcolor: 'primary.main', color: 'primary.contrastText', borderColor: 'primary.main' },
        '& .tag-error': { bgcolor: 'error.main', color: 'error.contrastText', borderColor: 'error.main', ml: 0.75 },
      }}
    >
      <DataGrid
        aria-label={t('title')}
        rows={props.rows.length ? props.rows : NO_ROWS}
        columns={columns}
        loading={loading}
        checkboxSelection
        keepNonExistentRowsSelected
        rowSelectionModel={selection}
        onRowSelectionModelChange={onSelectionChange}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        rowCount={props.rowCount}
        paginationMeta={paginationMeta}
        paginationModel={paginationModel}
        pageSizeOptions={PAGE_SIZES}
        onPaginationModelChange={onPaginationChange}
        sortModel={sortModel}
        onSortModelChange={onSortChange}
        disableColumnFilter
        disableRowSelectionOnClick
        onRowClick={onRowClick}
        getRowClassName={rowClassName}
        density="compact"
        rowHeight={30}
        columnHeaderHeight={34}
        // Rows drawn beyond the window: the default (150 px, more in practice) drew ~32 rows for ~18 seen,
        // and every page change redraws them all several times (issue 16).
        rowBufferPx={ROW_BUFFER_PX}
        localeText={gridLocaleText}
        // The browser's own tick box: MUI's Checkbox in every row was a large part of each page's drawing.
        slots={GRID_SLOTS}
        // happy-dom (component tests) has no layout, so virtualisation would render no rows there.
        disableVirtualization={import.meta.env.MODE === 'test'}
      />
    </Box>
  );
}

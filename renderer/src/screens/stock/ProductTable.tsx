import Box from '@mui/material/Box';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridRowParams, type GridSortModel } from '@mui/x-data-grid';
import { useMemo } from 'react';
import type { ProductRow, StockSortField } from '../../../../shared/contract/stock.contract';
import { useGridLocaleText } from '../../components/grid-locale';
import { useDelayedFlag, useStableCallback } from '../../components/use-stable-grid';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { stockMessages } from './stock.messages';
import { productClassColumn } from '../results/reorder/ProductClassColumn';

const PAGE_SIZES = [25, 50, 100];
const ROW_BUFFER_PX = 60;
const NO_ROWS: ProductRow[] = [];
/** The overlay waits this long for an answer: a quick page is drawn once, not three times (issue 16). */
const LOADING_DELAY_MS = 250;

interface ProductTableProps {
  rows: ProductRow[];
  /** Total rows, or -1 when not counted exactly (then `hasNextPage` drives the pager). */
  rowCount: number;
  hasNextPage: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: { field: StockSortField; dir: 'asc' | 'desc' } | null;
  showCosts: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** null = back to the default order (name, or relevance while searching). */
  onSort: (sort: { field: StockSortField; dir: 'asc' | 'desc' } | null) => void;
  onOpen: (id: number) => void;
}

/**
 * The product table. Paging and sorting happen in the core (server mode), so the grid only ever holds
 * one page however big the shop is; its rows are virtualised for large pages.
 */
export function ProductTable({ rows, rowCount, hasNextPage, loading, page, pageSize, sort, showCosts, onPage, onSort, onOpen }: ProductTableProps) {
  const t = useT(stockMessages);
  const gridLocaleText = useGridLocaleText({ noRowsLabel: t('noRows') });
  const format = useFormat();
  const columns = useMemo<GridColDef<ProductRow>[]>(() => {
    const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : format.money(v));
    // Name first (what a person reads), then the codes, the shelf and the three quantities, then the price:
    // all of them within a 1366-pixel window (issue 16); the reorder point and purchase price follow.
    const cols: GridColDef<ProductRow>[] = [
      {
        field: 'name',
        headerName: t('colName'),
        flex: 1,
        minWidth: 280,
        renderCell: ({ row }) => (
          <span title={row.name} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {row.name}
          </span>
        ),
      },
      { field: 'sku', headerName: t('colSku'), width: 100 },
      { field: 'ean', headerName: t('colEan'), width: 140, valueGetter: (_v, row) => row.ean ?? '' },
      { field: 'location', headerName: t('colLocation'), width: 76, valueGetter: (_v, row) => row.locationCode ?? '' },
      { field: 'onHand', headerName: t('colOnHand'), type: 'number', width: 86 },
      { field: 'reserved', headerName: t('colReserved'), type: 'number', width: 128 },
      {
        field: 'available',
        headerName: t('colAvailable'),
        type: 'number',
        width: 88,
        cellClassName: (params) => (params.row.available <= 0 ? 'stock-out' : params.row.available < params.row.reorderPoint ? 'stock-low' : ''),
      },
      { field: 'salePrice', headerName: t('colSalePrice'), type: 'number', width: 124, valueGetter: (_v, row) => row.salePriceGrosze, valueFormatter: (v: number | null) => money(v) },
      { field: 'reorderPoint', headerName: t('colReorderPoint'), type: 'number', width: 136 },
      productClassColumn<ProductRow>(),
    ];
    if (showCosts) {
      cols.push({ field: 'purchasePrice', headerName: t('colPurchasePrice'), type: 'number', width: 130, valueGetter: (_v, row) => row.purchasePriceGrosze, valueFormatter: (v: number | null) => money(v) });
    }
    return cols;
  }, [t, format, showCosts]);

  // A new sortModel object each render counts as a sort change for the grid, which then goes back to
  // page 1: "next page" asked for rows 51–100 and at once for 1–50 again (issue 13, point 1).
  const sortModel = useMemo<GridSortModel>(() => (sort ? [{ field: sort.field, sort: sort.dir }] : []), [sort?.field, sort?.dir]);
  const paginationModel = useMemo(() => ({ page, pageSize }), [page, pageSize]);
  const paginationMeta = useMemo(() => ({ hasNextPage }), [hasNextPage]);
  // Stable callbacks: the grid (a memo that redraws every cell when it renders) skips the screen's
  // renders that do not concern it, e.g. each key typed in the search field (issue 16).
  const onPaginationChange = useStableCallback((model: GridPaginationModel) => onPage(model.page, model.pageSize));
  const onSortChange = useStableCallback((model: GridSortModel) => {
    const first = model[0];
    // A third click clears the column sort: back to the default order.
    onSort(first ? { field: first.field as StockSortField, dir: first.sort === 'desc' ? 'desc' : 'asc' } : null);
  });
  const onRowClick = useStableCallback((params: GridRowParams<ProductRow>) => onOpen(Number(params.id)));
  // An empty list shows the overlay at once ("no products" must not flash before the first answer).
  const slowLoading = useDelayedFlag(loading, LOADING_DELAY_MS);
  const showLoading = loading && (rows.length === 0 || slowLoading);
  return (
    <Box
      sx={{
        flex: 1,
        minHeight: 320,
        '& .stock-out': { color: 'error.main', fontWeight: 600 },
        '& .stock-low': { color: 'warning.main', fontWeight: 600 },
      }}
    >
      <DataGrid
        aria-label={t('title')}
        rows={rows.length ? rows : NO_ROWS}
        columns={columns}
        loading={showLoading}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        rowCount={rowCount}
        paginationMeta={paginationMeta}
        paginationModel={paginationModel}
        pageSizeOptions={PAGE_SIZES}
        onPaginationModelChange={onPaginationChange}
        sortModel={sortModel}
        onSortModelChange={onSortChange}
        disableColumnFilter
        disableRowSelectionOnClick
        onRowClick={onRowClick}
        density="compact"
        rowHeight={30}
        columnHeaderHeight={34}
        // Rows drawn beyond the window: the default (150 px, more in practice) drew ~32 rows for ~18 seen,
        // and every page change redraws them all several times (issue 16).
        rowBufferPx={ROW_BUFFER_PX}
        localeText={gridLocaleText}
        // happy-dom (component tests) has no layout, so virtualisation would render no rows there.
        disableVirtualization={import.meta.env.MODE === 'test'}
      />
    </Box>
  );
}

import { memo, useMemo } from 'react';
import type { ProductRow, StockSortField } from '../../../../shared/contract/stock.contract';
import { type PagedColumn, PagedTable } from '../../components/PagedTable';
import { useStableCallback } from '../../components/use-stable-grid';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { stockMessages } from './stock.messages';
import { ProductClassCell, ProductClassHeader } from '../results/reorder/ProductClassColumn';

type StockSort = { field: StockSortField; dir: 'asc' | 'desc' };

interface ProductTableProps {
  rows: ProductRow[];
  /** Total rows, or -1 when not counted exactly (then `hasNextPage` drives the pager). */
  rowCount: number;
  hasNextPage: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: StockSort | null;
  showCosts: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** null = back to the default order (name, or relevance while searching). */
  onSort: (sort: StockSort | null) => void;
  onOpen: (id: number) => void;
}

/** The "Klasa" (ABC/XYZ) column: cell and heading come from Planowanie (one batched call per page). */
const CLASS_COLUMN: PagedColumn<ProductRow> = {
  field: 'productClass',
  label: 'ABC',
  header: <ProductClassHeader />,
  width: 72,
  render: (row) => <ProductClassCell productId={row.id} />,
};

const availableClass = (row: ProductRow) => (row.available <= 0 ? 'stock-out' : row.available < row.reorderPoint ? 'stock-low' : '');

/**
 * The product table: one page from the core (server paging and sorting). A click on a heading sorts
 * by it ascending, again descending, a third time back to the default order.
 */
export const ProductTable = memo(function ProductTable({ rows, rowCount, hasNextPage, loading, page, pageSize, sort, showCosts, onPage, onSort, onOpen }: ProductTableProps) {
  const t = useT(stockMessages);
  const format = useFormat();
  const columns = useMemo<PagedColumn<ProductRow>[]>(() => {
    const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : format.money(v));
    // Name first (what a person reads), then the codes, the shelf and the three quantities, then the price:
    // all of them within a 1366-pixel window (issue 16); the reorder point and purchase price follow.
    const cols: PagedColumn<ProductRow>[] = [
      { field: 'name', label: t('colName'), minWidth: 280, sortable: true, render: (row) => <span title={row.name}>{row.name}</span> },
      { field: 'sku', label: t('colSku'), width: 100, sortable: true, render: (row) => row.sku },
      { field: 'ean', label: t('colEan'), width: 128, sortable: true, render: (row) => row.ean ?? '' },
      { field: 'location', label: t('colLocation'), width: 92, sortable: true, render: (row) => row.locationCode ?? '' },
      { field: 'onHand', label: t('colOnHand'), align: 'right', width: 86, sortable: true, render: (row) => row.onHand },
      { field: 'reserved', label: t('colReserved'), align: 'right', width: 124, sortable: true, render: (row) => row.reserved },
      { field: 'available', label: t('colAvailable'), align: 'right', width: 88, sortable: true, render: (row) => row.available, cellClass: availableClass },
      { field: 'salePrice', label: t('colSalePrice'), align: 'right', width: 124, sortable: true, render: (row) => money(row.salePriceGrosze) },
      { field: 'reorderPoint', label: t('colReorderPoint'), align: 'right', width: 136, sortable: true, render: (row) => row.reorderPoint },
      CLASS_COLUMN,
    ];
    if (showCosts) {
      cols.push({ field: 'purchasePrice', label: t('colPurchasePrice'), align: 'right', width: 130, sortable: true, render: (row) => money(row.purchasePriceGrosze) });
    }
    return cols;
  }, [t, format, showCosts]);

  // asc → desc → the default order, like the grid's headings did.
  const onSortClick = useStableCallback((field: string) => {
    if (sort?.field !== field) onSort({ field: field as StockSortField, dir: 'asc' });
    else onSort(sort.dir === 'asc' ? { field: sort.field, dir: 'desc' } : null);
  });
  const tableSort = useMemo(() => (sort ? { field: sort.field, dir: sort.dir } : null), [sort?.field, sort?.dir]);
  return (
    <PagedTable
      aria-label={t('title')}
      columns={columns}
      rows={rows}
      rowCount={rowCount}
      hasNextPage={hasNextPage}
      loading={loading}
      page={page}
      pageSize={pageSize}
      sort={tableSort}
      onSortClick={onSortClick}
      onPage={onPage}
      onOpen={onOpen}
      noRowsLabel={t('noRows')}
      sx={STOCK_SX}
    />
  );
});

const STOCK_SX = {
  '& .stock-out': { color: 'error.main', fontWeight: 600 },
  '& .stock-low': { color: 'warning.main', fontWeight: 600 },
} as const;

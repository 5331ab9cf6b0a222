/** One page of a list the core pages itself, and counts only up to a cap (orders.list, stock.list). */
interface CountedPage {
  rows: readonly unknown[];
  total: number;
  /** False when the core stopped counting: `total` is then only "at least". */
  totalExact: boolean;
}

/**
 * What a server-paged DataGrid needs to draw its pager: the row count, or -1 when the total is not
 * exact (MUI's "unknown"), in which case `hasNextPage` decides whether "next" is enabled.
 */
export function pagerFor(data: CountedPage | undefined, page: number, pageSize: number): { rowCount: number; hasNextPage: boolean } {
  if (!data) return { rowCount: 0, hasNextPage: false };
  return {
    rowCount: data.totalExact ? data.total : -1,
    hasNextPage: data.rows.length === pageSize && (!data.totalExact || (page + 1) * pageSize < data.total),
  };
}

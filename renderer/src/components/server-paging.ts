/** One page of a list the core pages itself, and counts only up to a cap (orders.list, stock.list). */
interface CountedPage {
  rows: readonly unknown[];
  total: number;
  /** False when the core stopped counting: `total` is then only "at least". */
  totalExact: boolean;
}

/** A page together with the page it answers: the screen may already ask for another one. */
export type AnsweredPage<T extends CountedPage> = T & { page: number; pageSize: number };

/** Tags the core's answer with the page it was asked for (see pagerFor). */
export async function answerFor<T extends CountedPage>(page: number, pageSize: number, answer: Promise<T>): Promise<AnsweredPage<T>> {
  return { ...(await answer), page, pageSize };
}

/**
 * What a server-paged table (PagedTable) needs to draw its pager: the row count, or -1 when the total
 * is not exact (MUI's "unknown"), in which case `hasNextPage` decides whether "next" is enabled.
 *
 * Worked out from the page the answer is FOR, not the page on screen: while page 2 or 100 rows a page
 * is loading, the last answer still holds page 1's 50 rows. Judged against the new page size those
 * looked like the last page, and the DataGrid of the time fixed its row count at "1–50 of 50" with both arrows
 * grey for good (it only counts again when the rowCount prop changes; issue 13, point 1). Before the
 * first answer the count is unknown and "next" open, so a page kept from an earlier visit is not
 * clamped back to the first one.
 */
export function pagerFor(data: AnsweredPage<CountedPage> | undefined): { rowCount: number; hasNextPage: boolean } {
  if (!data) return { rowCount: -1, hasNextPage: true };
  const full = data.rows.length >= data.pageSize;
  return {
    rowCount: data.totalExact ? data.total : -1,
    hasNextPage: full && (!data.totalExact || (data.page + 1) * data.pageSize < data.total),
  };
}

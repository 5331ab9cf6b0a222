import type { Locator, Page } from 'playwright-core';

/**
 * A server-paged table (PagedTable: Zamówienia, Magazyn) and its pager: "1–50 z 1 234", rows per page,
 * the arrows. `scope` is the table's container (e.g. `main`), so a dialog's table is never mistaken for it.
 */
export class GridPager {
  constructor(
    private readonly page: Page,
    private readonly scope = 'main',
  ) {}

  // Locators
  get grid() {
    return this.page.locator(`${this.scope} [data-paged-table]`).first();
  }
  get rows() {
    return this.grid.locator('tbody tr[data-id]');
  }
  /** The part of the table that scrolls under its sticky heading. */
  get scroller() {
    return this.grid.locator('.paged-scroll');
  }
  /** A column's heading by its field (aria-sort tells the order). */
  header(field: string) {
    return this.grid.locator(`thead th[data-field="${field}"]`);
  }
  get displayed() {
    return this.grid.locator('.MuiTablePagination-displayedRows');
  }
  get nextButton(): Locator {
    return this.grid.locator('.MuiTablePagination-actions button').last();
  }
  get previousButton(): Locator {
    return this.grid.locator('.MuiTablePagination-actions button').first();
  }
  get pageSizeSelect() {
    return this.grid.locator('.MuiTablePagination-root').getByRole('combobox');
  }

  // Actions
  /** "51–100 z 1 234" as written under the table. */
  async text(): Promise<string> {
    return ((await this.displayed.textContent()) ?? '').trim();
  }

  /** The ids (data-id) of the rows drawn now, top first. */
  async rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
  }

  /** Waits until the pager says `pattern` and the grid is not loading, then a little longer: a second request must not move it back. */
  async waitForText(pattern: RegExp, timeout = 10_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const text = await this.text().catch(() => '');
      const loading = await this.grid.locator('[role="progressbar"]').count();
      if (pattern.test(text) && loading === 0) return text;
      if (Date.now() > deadline) throw new Error(`The pager says "${text}"${loading ? ' (still loading)' : ''}, expected ${pattern}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Waits until the first row drawn differs from `before` (the page really changed). */
  async waitForRowsOtherThan(before: string[], timeout = 10_000): Promise<string[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const ids = await this.rowIds();
      if (ids.length > 0 && ids[0] !== before[0]) return ids;
      if (Date.now() > deadline) throw new Error(`The rows did not change (first row ${before[0]})`);
      await this.page.waitForTimeout(100);
    }
  }

  async next(): Promise<void> {
    await this.nextButton.click();
  }

  async previous(): Promise<void> {
    await this.previousButton.click();
  }

  async choosePageSize(size: number): Promise<void> {
    await this.pageSizeSelect.click();
    await this.page.getByRole('option', { name: String(size), exact: true }).click();
  }
}

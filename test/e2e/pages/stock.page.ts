import type { Page } from 'playwright-core';

/** Magazyn: the products table, search (a scanned EAN + Enter opens the product). */
export class StockPage {
  constructor(private readonly page: Page) {}

  // Locators
  get searchField() {
    return this.page.locator('main input[data-scan-field="true"]');
  }
  get rows() {
    return this.page.locator('main [data-paged-table] tbody tr[data-id]');
  }
  row(sku: string) {
    return this.rows.filter({ has: this.page.locator(`[data-field="sku"]`, { hasText: sku }) });
  }
  cell(sku: string, field: 'onHand' | 'reserved' | 'available' | 'location' | 'name' | 'ean') {
    return this.row(sku).locator(`[data-field="${field}"]`);
  }
  get productDrawer() {
    return this.page.locator('.MuiDrawer-modal .MuiDrawer-paper');
  }

  // Actions
  /** Types a search (name, SKU) and waits for the table to show the product. */
  async search(text: string, expectSku?: string): Promise<void> {
    await this.searchField.fill(text);
    await this.searchField.press('Enter');
    if (expectSku) await this.row(expectSku).waitFor();
  }

  async number(sku: string, field: 'onHand' | 'reserved' | 'available'): Promise<number> {
    return Number(((await this.cell(sku, field).textContent()) ?? '').replace(/[^\d-]/g, ''));
  }

  /** Waits until a product's number in the table is as expected (the table reloads after changes). */
  async waitForNumber(sku: string, field: 'onHand' | 'reserved' | 'available', expected: number, timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.number(sku, field).catch(() => NaN);
      if (value === expected) return;
      if (Date.now() > deadline) throw new Error(`${sku} ${field} is ${value}, expected ${expected}`);
      await this.page.waitForTimeout(200);
    }
  }
}

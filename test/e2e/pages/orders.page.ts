import type { Page } from 'playwright-core';

/** Zamówienia: the orders table, bulk "send to packing", order detail. */
export class OrdersPage {
  constructor(private readonly page: Page) {}

  // Locators
  get searchField() {
    return this.page.locator('main input[data-scan-field="true"]');
  }
  get rows() {
    return this.page.locator('main [data-paged-table] tbody tr[data-id]');
  }
  /** A row by the order number shown in the first column. */
  row(number: number) {
    return this.page.locator(`main [data-paged-table] tbody tr[data-id="${number}"]`);
  }
  get sendToPackingButton() {
    return this.page.locator('main').getByRole('button', { name: /^Wyślij do pakowania/ });
  }
  get total() {
    return this.page.getByTestId('orders-total');
  }

  // Actions
  async waitForRows(): Promise<void> {
    await this.rows.first().waitFor();
  }

  async status(number: number): Promise<string> {
    await this.reveal(number);
    return ((await this.row(number).locator('[data-field="status"]').textContent()) ?? '').trim();
  }

  /** The whole page of rows is drawn (the core pages, nothing is virtualised): scroll the row into view. */
  async reveal(number: number): Promise<void> {
    await this.row(number).scrollIntoViewIfNeeded();
  }

  async select(numbers: number[]): Promise<void> {
    for (const n of numbers) {
      await this.reveal(n);
      await this.row(n).locator('input[type="checkbox"]').check();
    }
  }

  async sendToPacking(): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/orders.setStatus'));
    await this.sendToPackingButton.click();
    await answered;
  }
}

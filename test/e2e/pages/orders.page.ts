import type { Page } from 'playwright-core';

/** Zamówienia: the orders table, bulk "send to packing", order detail. */
export class OrdersPage {
  constructor(private readonly page: Page) {}

  // Locators
  get searchField() {
    return this.page.locator('main input[data-scan-field="true"]');
  }
  get rows() {
    return this.page.locator('main .MuiDataGrid-row');
  }
  /** A row by the order number shown in the first column. */
  row(number: number) {
    return this.page.locator(`main .MuiDataGrid-row[data-id="${number}"]`);
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

  /** The table renders only the rows in view (virtualised): scroll until the row exists. */
  async reveal(number: number): Promise<void> {
    const scroller = this.page.locator('main .MuiDataGrid-virtualScroller');
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    for (let i = 0; i < 100 && (await this.row(number).count()) === 0; i++) {
      await scroller.evaluate((el) => el.scrollBy(0, 150));
      await this.page.waitForTimeout(30);
    }
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

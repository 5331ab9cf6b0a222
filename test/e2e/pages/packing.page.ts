import type { Page } from 'playwright-core';

/** Pakowanie: the queue, a batch's pick list, packing one order by scanning, shipping. */
export class PackingPage {
  constructor(private readonly page: Page) {}

  // Locators
  get queueRows() {
    return this.page.getByTestId('queue-row');
  }
  queueRow(orderNumber: string) {
    return this.queueRows.filter({ hasText: orderNumber });
  }
  get pickListButton() {
    return this.page.locator('main').getByRole('button', { name: /^Lista kompletacyjna/ });
  }
  get pickRows() {
    return this.page.getByTestId('pick-row');
  }
  get scanField() {
    return this.page.locator('main input[data-scan-field="true"]');
  }
  get scanResult() {
    return this.page.getByTestId('scan-result');
  }
  get packLines() {
    return this.page.getByTestId('pack-line');
  }
  get completeButton() {
    return this.page.locator('main').getByRole('button', { name: 'Zakończ pakowanie', exact: true });
  }
  get trackingField() {
    return this.page.locator('main input[data-tracking-field="true"]');
  }
  get shipButton() {
    return this.page.locator('main').getByRole('button', { name: /^Wyślij/ });
  }
  get backToQueue() {
    return this.page.locator('main').getByRole('button', { name: /^Wróć do kolejki/ }).first();
  }

  // Actions
  async selectForPickList(orderNumbers: string[]): Promise<void> {
    for (const number of orderNumbers) await this.queueRow(number).getByRole('checkbox').check();
  }

  async openPickList(): Promise<void> {
    await this.pickListButton.click();
    await this.pickRows.first().waitFor();
  }

  /** The pick list as read off the screen: shelf, product text, quantity to pick, per row. */
  async pickList(): Promise<Array<{ shelf: string; product: string; quantity: number }>> {
    return this.pickRows.evaluateAll((rows) =>
      rows.map((row) => {
        const cells = Array.from(row.querySelectorAll('td')).map((c) => (c as { textContent: string | null }).textContent ?? '');
        return { shelf: cells[0] ?? '', product: cells[1] ?? '', quantity: Number(cells[2]) };
      }),
    );
  }

  async openOrder(orderNumber: string): Promise<void> {
    await this.queueRow(orderNumber).getByRole('button').last().click();
    await this.scanField.waitFor();
  }

  /** Types a code into the scan field as a USB scanner would (characters, then Enter); returns the result banner. */
  async scan(code: string): Promise<{ kind: string; text: string }> {
    await this.scanField.click();
    await this.scanField.pressSequentially(code, { delay: 5 });
    // The answer of the real core decides; wait for it, then for the banner it produces.
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/packing.scan'));
    await this.scanField.press('Enter');
    await answered;
    await this.scanResult.waitFor();
    await this.page.waitForTimeout(50);
    return { kind: (await this.scanResult.getAttribute('data-kind')) ?? '', text: (await this.scanResult.textContent()) ?? '' };
  }

  async complete(): Promise<void> {
    await this.completeButton.click();
    await this.trackingField.waitFor();
  }

  async ship(tracking: string): Promise<void> {
    await this.trackingField.fill(tracking);
    await this.shipButton.click();
    await this.queueRows.first().or(this.page.locator('main').getByText('Nie ma nic do spakowania')).waitFor();
  }
}

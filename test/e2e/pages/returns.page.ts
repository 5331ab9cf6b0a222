import type { Page } from 'playwright-core';

/** Zwroty i reklamacje: find the order (scan the slip or type its number), register a return. */
export class ReturnsPage {
  constructor(private readonly page: Page) {}

  // Locators
  get findField() {
    return this.page.locator('main input[data-scan-field="true"]');
  }
  get returnLines() {
    return this.page.getByTestId('return-line');
  }
  returnLine(productText: string) {
    return this.returnLines.filter({ hasText: productText });
  }
  get saveButton() {
    return this.page.locator('main').getByRole('button', { name: 'Zapisz zwrot' });
  }
  get returnRows() {
    return this.page.getByTestId('return-row');
  }

  // Actions
  /** Scans (or types) the order number into the finder; the return form for that order opens. */
  async findOrder(code: string): Promise<void> {
    await this.findField.fill(code);
    await this.findField.press('Enter');
    await this.returnLines.first().waitFor();
  }

  private async choose(scope: ReturnType<ReturnsPage['returnLine']>, label: string, option: string): Promise<void> {
    await scope.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Fills one line of the return: how many, why, condition and what happens to the goods. */
  async returnUnits(productText: string, quantity: number, details: { reason: string; condition: string; decision: string }): Promise<void> {
    const line = this.returnLine(productText);
    await line.locator('input[type="number"]').fill(String(quantity));
    await this.choose(line, 'Powód', details.reason);
    await this.choose(line, 'Stan towaru', details.condition);
    await this.choose(line, 'Co dalej', details.decision);
  }

  async save(): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/returns.register'));
    await this.saveButton.click();
    const response = await answered;
    const body = (await response.json()) as { ok: boolean; error?: { code: string } };
    if (!body.ok) throw new Error(`returns.register refused: ${body.error?.code}`);
    await this.page.waitForFunction(() => /^#\/returns\/\d+$/.test((globalThis as any).location.hash));
  }
}

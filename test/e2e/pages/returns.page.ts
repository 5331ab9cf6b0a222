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
  get status() {
    return this.page.getByTestId('return-status');
  }
  get refundFact() {
    return this.page.getByTestId('refund-fact');
  }
  get refundEntries() {
    return this.page.getByTestId('refund-entry');
  }
  get refundDialog() {
    return this.page.getByRole('dialog', { name: 'Zapisz zwrot pieniędzy' });
  }
  get refundAmount() {
    return this.refundDialog.getByRole('textbox', { name: 'Kwota zwrotu' });
  }
  /** The message under the amount when it cannot be saved. */
  get refundProblem() {
    return this.refundDialog.getByRole('alert');
  }
  get refundSave() {
    return this.refundDialog.getByRole('button', { name: 'Zapisz zwrot pieniędzy' });
  }
  get voidRefundButton() {
    return this.page.locator('main').getByRole('button', { name: 'Unieważnij zwrot pieniędzy' });
  }
  get cancelReturnButton() {
    return this.page.locator('main').getByRole('button', { name: 'Anuluj zwrot (wpisany pomyłkowo)' });
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
    await line.getByRole('textbox', { name: /^Zwracana ilość/ }).fill(String(quantity));
    await this.choose(line, 'Powód', details.reason);
    await this.choose(line, 'Stan towaru', details.condition);
    await this.choose(line, 'Co dalej', details.decision);
  }

  /** Opens one return by its address (as a click on its row does). */
  async openReturn(id: number): Promise<void> {
    await this.page.evaluate((hash) => ((globalThis as any).location.hash = hash), `#/returns/${id}`);
    // The page title names the buyer once the return has loaded ("Zwrot · Jan Kowalski").
    await this.page.locator('main h1', { hasText: 'Zwrot ·' }).waitFor();
  }

  async openRefundDialog(): Promise<void> {
    await this.page.locator('main').getByRole('button', { name: 'Zapisz zwrot pieniędzy' }).click();
    await this.refundAmount.waitFor();
  }

  /** Saves the refund dialog and waits for the core's answer (fails on a refusal). */
  async saveRefund(): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/returns.markRefunded'));
    await this.refundSave.click();
    const body = (await (await answered).json()) as { ok: boolean; error?: { code: string } };
    if (!body.ok) throw new Error(`returns.markRefunded refused: ${body.error?.code}`);
    await this.refundDialog.waitFor({ state: 'detached' });
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

import type { Page } from 'playwright-core';

/** Wyniki (issue 17): the period bar, the fulfilment and handling-time tabs, any chart's table and export. */
export class ResultsPage {
  constructor(private readonly page: Page) {}

  // Locators
  tab(id: 'fulfilment' | 'handling-time') {
    return this.page.locator(`[role="tab"][data-tab="${id}"]`);
  }
  get period() {
    return this.page.getByTestId('results-period');
  }
  get periodRange() {
    return this.page.getByTestId('results-period-range');
  }
  get fulfilment() {
    return this.page.getByTestId('results-fulfilment');
  }
  kpi(id: string) {
    return this.page.locator(`[data-kpi="${id}"]`);
  }
  section(id: string) {
    return this.page.locator(`[data-section="${id}"]`);
  }
  get handlingTime() {
    return this.page.getByTestId('results-handling-time');
  }

  // Actions
  async choosePeriod(kind: 'Tydzień' | 'Miesiąc' | 'Własny okres'): Promise<void> {
    await this.period.getByRole('button', { name: kind, exact: true }).click();
  }
  async previousPeriod(): Promise<void> {
    await this.period.getByRole('button', { name: 'Poprzedni okres' }).click();
  }
  /** Waits until the fulfilment tab shows the answer for the period on screen (no call in flight). */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="results-fulfilment"][aria-busy="false"]').waitFor();
  }
  async showTable(section: string): Promise<void> {
    await this.section(section).getByRole('button', { name: 'Tabela', exact: true }).click();
  }
}

import type { Page } from 'playwright-core';

/** Wyniki's planning tabs (issue 17): orders at risk, campaigns, purchase orders; and the at-risk warning line. */
export class PlanningPage {
  constructor(private readonly page: Page) {}

  // Locators
  tab(id: 'at-risk' | 'campaigns' | 'reorder') {
    return this.page.locator(`[role="tab"][data-tab="${id}"]`);
  }
  get badge() {
    return this.page.getByTestId('at-risk-badge');
  }
  get atRisk() {
    return this.page.getByTestId('at-risk');
  }
  atRiskRows() {
    return this.atRisk.locator('tr[data-order-id]');
  }
  filter(id: string) {
    return this.atRisk.locator(`[data-filter="${id}"]`);
  }
  get campaigns() {
    return this.page.getByTestId('campaigns');
  }
  campaign(name: string) {
    return this.campaigns.locator(`[data-campaign="${name}"]`);
  }
  get campaignForm() {
    return this.page.getByTestId('campaign-form');
  }
  get reorder() {
    return this.page.getByTestId('reorder');
  }
  supplierGroup(name: string) {
    return this.reorder.locator(`[data-supplier="${name}"]`);
  }
  purchaseOrder(number: string) {
    return this.page.getByTestId('purchase-orders').locator(`tr[data-po="${number}"]`);
  }
  get receivePanel() {
    return this.page.getByTestId('receive-panel');
  }

  // Actions
  async open(tab: 'at-risk' | 'campaigns' | 'reorder'): Promise<void> {
    await this.page.locator('nav [data-screen="results"]').click();
    await this.tab(tab).click();
    await this.page.waitForFunction((id) => (globalThis as unknown as { location: { hash: string } }).location.hash === `#/results/${id}`, tab);
  }
}

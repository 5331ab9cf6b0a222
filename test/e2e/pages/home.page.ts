import type { Page } from 'playwright-core';

/** Pulpit: the live counts and, for an empty shop, the demo-shop offer. */
export class HomePage {
  constructor(private readonly page: Page) {}

  // Locators
  statValue(stat: string) {
    return this.page.locator(`[data-stat-value="${stat}"]`);
  }
  get emptyShopCard() {
    return this.page.getByTestId('empty-shop');
  }
  get loadDemoButton() {
    return this.emptyShopCard.getByRole('button').first();
  }
  get confirmDialog() {
    return this.page.getByRole('dialog');
  }

  // Actions
  /** A count as a number ("1 234" → 1234). */
  async stat(stat: string): Promise<number> {
    const text = (await this.statValue(stat).textContent()) ?? '';
    return Number(text.replace(/[^\d-]/g, ''));
  }

  /** Waits until the count shows `expected` (counts refresh by themselves after data.changed). */
  async waitForStat(stat: string, predicate: (n: number) => boolean, timeout = 30_000): Promise<number> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.stat(stat).catch(() => NaN);
      if (predicate(value)) return value;
      if (Date.now() > deadline) throw new Error(`Stat ${stat} is ${value}, still not as expected after ${timeout} ms`);
      await this.page.waitForTimeout(200);
    }
  }

  async loadDemoShop(): Promise<void> {
    await this.loadDemoButton.click();
    await this.confirmDialog.getByRole('button').last().click();
    // Either the empty-shop card goes away (loaded) or it shows why not: fail fast with that message.
    const failure = this.emptyShopCard.getByRole('alert');
    await Promise.race([this.emptyShopCard.waitFor({ state: 'detached', timeout: 90_000 }), failure.waitFor({ timeout: 90_000 })]);
    if (await failure.count()) throw new Error(`Loading the demo shop failed: ${await failure.textContent()}`);
  }
}

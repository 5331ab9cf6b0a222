import type { Page } from 'playwright-core';

/** Kopie zapasowe: the list of backups, "back up now", restore, a pending restore and the shop's health. */
export class BackupsPage {
  constructor(private readonly page: Page) {}

  // Locators
  get navLink() {
    return this.page.locator('nav [data-screen="backups"]');
  }
  get table() {
    return this.page.getByRole('table', { name: 'Kopie zapasowe' });
  }
  get rows() {
    return this.table.locator('tbody tr');
  }
  row(name: string) {
    return this.page.locator(`tr[data-backup="${name}"]`);
  }
  get createButton() {
    return this.page.locator('[data-testid="backup-create"]');
  }
  get dialog() {
    return this.page.getByRole('dialog');
  }
  get pendingAlert() {
    return this.page.locator('[data-testid="pending-restore"]');
  }
  get damagedAlert() {
    return this.page.locator('[data-testid="shop-damaged"]');
  }
  get health() {
    return this.page.locator('[data-testid="shop-health"]');
  }

  // Actions
  async open(): Promise<void> {
    await this.navLink.click();
    await this.page.getByRole('heading', { level: 1, name: 'Kopie zapasowe' }).waitFor();
  }

  async createNow(): Promise<void> {
    const count = await this.rows.count();
    await this.createButton.click();
    await this.page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length > n, count);
  }

  /** Clicks "Przywróć" on a row and confirms in the dialog. */
  async restore(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: 'Przywróć' }).click();
    await this.dialog.getByRole('button', { name: 'Przywróć kopię' }).click();
  }

  async cancelPending(): Promise<void> {
    await this.pendingAlert.getByRole('button', { name: 'Anuluj przywracanie' }).click();
    await this.pendingAlert.waitFor({ state: 'detached' });
  }
}

declare const document: { querySelectorAll(selector: string): { length: number } };

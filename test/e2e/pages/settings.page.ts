import type { Page } from 'playwright-core';

/** Ustawienia: shop details and the profiles' PINs. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  // Locators
  field(name: string) {
    return this.page.locator(`main [name="${name}"]`);
  }
  get saveButton() {
    return this.page.locator('main form button[type="submit"]');
  }
  pinRow(role: 'owner' | 'helper') {
    return this.page.locator(`[data-pin-row="${role}"]`);
  }
  get dialog() {
    return this.page.getByRole('dialog');
  }
  get notice() {
    return this.page.locator('.MuiSnackbar-root');
  }

  // Actions
  async setPin(role: 'owner' | 'helper', pin: string): Promise<void> {
    await this.pinRow(role).getByRole('button').first().click();
    const inputs = this.dialog.locator('input[type="password"]');
    await inputs.nth(0).fill(pin);
    await inputs.nth(1).fill(pin);
    await this.dialog.locator('button[type="submit"]').click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async pinIsSet(role: 'owner' | 'helper'): Promise<boolean> {
    return (await this.pinRow(role).locator('.MuiChip-colorSuccess').count()) > 0;
  }

  async saveField(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
    await this.saveButton.click();
    await this.notice.waitFor();
  }
}

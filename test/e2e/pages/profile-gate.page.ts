import type { Page } from 'playwright-core';

/** "Kto teraz pracuje?" — the profile choice at start. */
export class ProfileGatePage {
  constructor(private readonly page: Page) {}

  // Locators
  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
  profileCard(role: 'owner' | 'helper') {
    return this.page.locator(`[data-profile="${role}"]`);
  }
  get pinDialog() {
    return this.page.getByRole('dialog');
  }
  get pinInput() {
    return this.pinDialog.getByLabel('PIN', { exact: true });
  }
  get pinSubmit() {
    return this.pinDialog.locator('button[type="submit"]');
  }
  get pinError() {
    return this.pinDialog.getByRole('alert');
  }

  // Actions
  async waitUntilShown(): Promise<void> {
    await this.profileCard('owner').waitFor();
  }

  async choose(role: 'owner' | 'helper', pin?: string): Promise<void> {
    await this.profileCard(role).click();
    if (pin !== undefined) await this.enterPin(pin);
  }

  async enterPin(pin: string): Promise<void> {
    await this.pinInput.fill(pin);
    await this.pinSubmit.click();
  }
}

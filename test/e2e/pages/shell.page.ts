import type { Page } from 'playwright-core';

// Code inside page.evaluate / waitForFunction runs in the browser; the Node type-check has no DOM types.
declare const window: any;
declare const document: any;

export type ScreenId = 'home' | 'stock' | 'orders' | 'packing' | 'returns' | 'import' | 'results' | 'reports' | 'settings' | 'backups';

/** The frame around every screen: navigation, language switch, profile switch. */
export class ShellPage {
  constructor(private readonly page: Page) {}

  // Locators
  get navigation() {
    return this.page.getByRole('navigation');
  }
  navLink(screen: ScreenId) {
    return this.navigation.locator(`[data-screen="${screen}"]`);
  }
  get navLinks() {
    return this.navigation.locator('[data-screen]');
  }
  get screenTitle() {
    return this.page.locator('main h1');
  }
  languageButton(lang: 'pl' | 'en') {
    return this.page.locator(`header button[value="${lang}"]`);
  }
  get profileButton() {
    return this.page.locator('header [data-current-role]');
  }

  // Actions
  async waitUntilShown(): Promise<void> {
    await this.navigation.waitFor();
  }

  async goTo(screen: ScreenId): Promise<void> {
    await this.navLink(screen).click();
    await this.page.waitForFunction((id) => window.location.hash.startsWith(`#/${id}`), screen);
    await this.screenTitle.first().waitFor();
  }

  /** The ids of the screens in the navigation, in order. */
  async visibleScreens(): Promise<string[]> {
    return this.navLinks.evaluateAll((links) => links.map((l) => l.getAttribute('data-screen') ?? ''));
  }

  async switchLanguage(lang: 'pl' | 'en'): Promise<void> {
    await this.languageButton(lang).click();
    await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  async currentRole(): Promise<string | null> {
    return this.profileButton.getAttribute('data-current-role');
  }

  async switchProfile(): Promise<void> {
    await this.profileButton.click();
  }
}

import { expect, it } from 'vitest';
import { GridPager } from './pages/grid-pager';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { type ScreenId, ShellPage } from './pages/shell.page';
import { describeE2E, type E2EApp } from './support/e2e-app';

/**
 * The person's walk of issue 13 ("Done when"), on the demo shop at 1366×768: page Zamówienia and Magazyn
 * forward and back, open each one's detail panel and close it by its ✕, and end with no uncaught error in
 * the page's console. Each step is its own `it` on the same page, so further steps (packing: a wrong code
 * scanned into every dialog) can be added below without repeating the start.
 */

/** Pages a list forward twice and back twice; the rows must change each time and come back the same. */
async function pageForwardAndBack(app: E2EApp, screen: ScreenId): Promise<void> {
  await new ShellPage(app.page).goTo(screen);
  const pager = new GridPager(app.page);
  await pager.waitForText(/^1–50 /);
  const first = await pager.rowIds();
  await pager.next();
  const second = await pager.waitForRowsOtherThan(first);
  await pager.waitForText(/^51–100 /);
  await pager.next();
  const third = await pager.waitForRowsOtherThan(second);
  await pager.waitForText(/^101–150 /);
  await pager.previous();
  await pager.waitForRowsOtherThan(third);
  await pager.waitForText(/^51–100 /);
  expect(await pager.rowIds()).toEqual(second);
  await pager.previous();
  await pager.waitForRowsOtherThan(second);
  await pager.waitForText(/^1–50 /);
  expect(await pager.rowIds()).toEqual(first);
}

/** Opens the detail panel of the list's `nth` row and closes it by its ✕ (clicked where it is drawn). */
async function openAndCloseDetail(app: E2EApp, screen: ScreenId, nth: number): Promise<void> {
  await new ShellPage(app.page).goTo(screen);
  const pager = new GridPager(app.page);
  await pager.rows.nth(nth).click();
  const panel = app.page.locator('.MuiDrawer-modal .MuiDrawer-paper');
  await panel.locator('h2').first().waitFor();
  const close = panel.getByRole('button', { name: 'Zamknij', exact: true }).first();
  const box = (await close.boundingBox())!;
  await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await panel.waitFor({ state: 'detached' });
  expect(await new ShellPage(app.page).currentRole()).toBe('owner');
}

describeE2E(
  "a person's walk through the demo shop",
  (app) => {
    it('the owner loads the demo shop', async () => {
      await new ProfileGatePage(app.page).choose('owner');
      const home = new HomePage(app.page);
      await home.loadDemoShop();
      await home.waitForStat('orders', (n) => n > 1000);
    });

    it('pages Zamówienia forward and back', async () => {
      await pageForwardAndBack(app, 'orders');
    });

    it('opens orders and closes each by its ✕', async () => {
      for (const nth of [0, 3]) await openAndCloseDetail(app, 'orders', nth);
    });

    it('pages Magazyn forward and back', async () => {
      await pageForwardAndBack(app, 'stock');
    });

    it('opens products and closes each by its ✕', async () => {
      for (const nth of [0, 3]) await openAndCloseDetail(app, 'stock', nth);
    });

    // (Packing steps of the walk go here: same page, same shop.)

    it('ends with no uncaught error in the page console', () => {
      // describeE2E also fails each step on a console error; this is the walk's own last word on it.
      const errors = app.console.filter((e) => e.type === 'pageerror' || e.type === 'error');
      expect(errors).toEqual([]);
    });
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

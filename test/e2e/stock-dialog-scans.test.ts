import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { StockPage } from './pages/stock.page';
import { describeE2E } from './support/e2e-app';
import { scannerTypes } from './support/scanner';

/**
 * The auditor's walk, on the demo shop with a scanner's real key timing at 1366×768: Korekta stanu and
 * Przenieś keep what was typed when a scan lands in a field, say what was scanned and save nothing;
 * Wycena magazynu refuses a day after today; Zamówienia says a reversed "Kupione od / do".
 * Screenshots /tmp/h5-*.png.
 */
describeE2E(
  'scans in the one-product stock dialogs, a future valuation day, a reversed order range',
  (app) => {
    const ledger = () => app.harness.core.sqlite.prepare('SELECT count(*) FROM stock_ledger').pluck().get() as number;

    it('the owner loads the demo shop', async () => {
      await new ProfileGatePage(app.page).choose('owner');
      const home = new HomePage(app.page);
      await home.loadDemoShop();
      await home.waitForStat('orders', (n) => n > 1000);
    });

    it('Korekta stanu and Przenieś: the scan is taken out of the field, said, and nothing is saved', async () => {
      const { page } = app;
      const product = app.harness.core.sqlite.prepare("SELECT sku, ean FROM products WHERE ean IS NOT NULL AND archived = 0 ORDER BY id LIMIT 1").get() as { sku: string; ean: string };
      const shelf = app.harness.core.sqlite.prepare('SELECT code FROM locations ORDER BY id DESC LIMIT 1').pluck().get() as string;
      const before = ledger();
      await new ShellPage(page).goTo('stock');
      const stock = new StockPage(page);
      await stock.search(product.sku, product.sku);
      await stock.row(product.sku).click();
      await stock.productDrawer.getByRole('button', { name: 'Korekta stanu' }).click();
      const adjust = page.getByRole('dialog', { name: /Korekta stanu/ });
      await adjust.getByLabel('Zmiana (np. -2 albo 3)').fill('-2');
      await adjust.getByLabel('Zmiana (np. -2 albo 3)').focus();
      await scannerTypes(page, product.ean);
      await expect.poll(() => adjust.textContent()).toContain(`Zeskanowano kod tego produktu (${product.sku})`);
      expect(await adjust.getByLabel('Zmiana (np. -2 albo 3)').inputValue()).toBe('-2');
      await page.screenshot({ path: '/tmp/h5-adjust-scan.png' });
      await adjust.locator('.MuiDialogActions-root').getByRole('button', { name: 'Zamknij' }).click();

      await stock.productDrawer.getByRole('button', { name: 'Przenieś' }).click();
      const move = page.getByRole('dialog', { name: /Przenieś/ });
      await move.getByLabel('Ilość').fill('1');
      await move.getByLabel('Ilość').focus();
      await scannerTypes(page, shelf);
      await expect.poll(() => move.textContent()).toContain(`Zeskanowano półkę ${shelf} — wybrana jako „Na półkę”.`);
      expect(await move.getByLabel('Ilość').inputValue()).toBe('1');
      await page.screenshot({ path: '/tmp/h5-move-scan.png' });
      await move.locator('.MuiDialogActions-root').getByRole('button', { name: 'Zamknij' }).click();
      expect(ledger()).toBe(before);
    });

    it('Wycena magazynu: 01.01.2099 is refused in words', async () => {
      const { page } = app;
      await page.keyboard.press('Escape');
      await new ShellPage(page).goTo('reports');
      const card = page.getByRole('region', { name: 'Wycena magazynu' });
      await card.getByTestId('valuation-totals').waitFor();
      await card.getByLabel('Stan na dzień').fill('01.01.2099');
      await card.getByTestId('valuation-future').waitFor();
      expect(await card.getByTestId('valuation-totals').count()).toBe(0);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/h5-valuation-future.png' });
    });

    it('Zamówienia: 01.12.2026 – 30.11.2026 is called reversed under the fields', async () => {
      const { page } = app;
      await new ShellPage(page).goTo('orders');
      await page.getByRole('button', { name: 'Więcej filtrów' }).click();
      await page.getByLabel('Kupione od').fill('01.12.2026');
      await page.getByLabel('Kupione do').fill('30.11.2026');
      await page.getByTestId('date-range-reversed').waitFor();
      await page.screenshot({ path: '/tmp/h5-orders-reversed.png' });
    });
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

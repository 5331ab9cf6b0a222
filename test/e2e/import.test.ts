import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { ImportPage } from './pages/import.page';
import { OrdersPage } from './pages/orders.page';
import { StockPage } from './pages/stock.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';
import { allegroFixture, dbCounts } from './support/fixtures';

describeE2E('import screen', (app) => {
  const importPage = () => new ImportPage(app.page);

  it("imports the owner's stock sheet: proposed mapping, warnings with row and column, products in the database", async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const shell = new ShellPage(app.page);
    await shell.goTo('import');
    const page = importPage();
    await page.chooseFiles([allegroFixture('stan-magazynu.xlsx')]);
    expect(await page.waitForPreview('stan-magazynu.xlsx')).toBe('needs_mapping');

    // The mapping the core proposed from the Polish headers, shown for the owner to check.
    const editor = page.mappingEditor('stan-magazynu.xlsx');
    expect(await editor.locator('tr[data-column="B"]').textContent()).toContain('Kod (SKU)');
    expect(await editor.locator('tr[data-column="B"] [role="combobox"]').textContent()).toBe('SKU (kod produktu)');

    // Problems name the row, the column and the value, in Polish.
    // (The first note is the sheet's own date from its title, issue 15.6; the SKU warning follows.)
    const warning = page.problems('stan-magazynu.xlsx').locator('tr[data-severity="warning"]').filter({ hasText: 'nie ma kodu SKU' }).first();
    const text = await warning.textContent();
    expect(text).toContain('14');
    expect(text).toContain('Kod (SKU)');
    expect(text).toContain('nie ma kodu SKU');
    expect(await page.count('stan-magazynu.xlsx', 'countInserted')).toBe(12);

    expect(await page.commit('stan-magazynu.xlsx')).toBe('committed');
    expect(dbCounts(app.harness.core.sqlite).products).toBe(12);
    await shell.goTo('home');
    await new HomePage(app.page).waitForStat('products', (n) => n === 12);
  });

  it('imports offers and orders chosen together; orders reserve stock; the same file again changes nothing', async () => {
    const shell = new ShellPage(app.page);
    await shell.goTo('import');
    const page = importPage();
    await page.chooseFiles([allegroFixture('offers-szablon.xlsx'), allegroFixture('checkout-forms.page-1.json')]);
    expect(await page.waitForPreview('offers-szablon.xlsx')).toBe('ready');
    expect(await page.waitForPreview('checkout-forms.page-1.json')).toBe('ready');
    expect(await page.count('checkout-forms.page-1.json', 'countInserted')).toBe(20);
    expect(await page.commit('offers-szablon.xlsx')).toBe('committed');
    expect(await page.commit('checkout-forms.page-1.json')).toBe('committed');
    const after = dbCounts(app.harness.core.sqlite);
    expect(after.orders).toBe(20);
    expect(after.reserved).toBeGreaterThan(0);

    // What was imported is on the everyday screens.
    await shell.goTo('orders');
    const orders = new OrdersPage(app.page);
    await orders.waitForRows();
    await app.page.waitForFunction(() => /\b20\b/.test((globalThis as any).document.querySelector('[data-testid="orders-total"]')?.textContent ?? ''));
    await shell.goTo('stock');
    const stock = new StockPage(app.page);
    await stock.search('SW-LAW-200', 'SW-LAW-200');
    expect(await stock.number('SW-LAW-200', 'onHand')).toBe(48);
    const reserved = app.harness.core.sqlite.prepare("SELECT reserved FROM products WHERE sku = 'SW-LAW-200'").pluck().get() as number;
    expect(reserved).toBeGreaterThan(0);
    expect(await stock.number('SW-LAW-200', 'reserved')).toBe(reserved);
    await shell.goTo('import');

    // The same bytes again: recognised, and the preview promises no change.
    await app.reopen();
    await new ShellPage(app.page).goTo('import');
    await importPage().chooseFiles([allegroFixture('checkout-forms.page-1.json')]);
    await importPage().waitForPreview('checkout-forms.page-1.json');
    const item = importPage().item('checkout-forms.page-1.json');
    expect(await item.getByRole('alert').filter({ hasText: 'był już zaimportowany' }).count()).toBe(1);
    expect(await importPage().count('checkout-forms.page-1.json', 'countInserted')).toBe(0);
    expect(await importPage().count('checkout-forms.page-1.json', 'countUpdated')).toBe(0);
    expect(await importPage().count('checkout-forms.page-1.json', 'countUnchanged')).toBe(20);
    await item.getByRole('button', { name: 'Odrzuć podgląd' }).click();
    expect(dbCounts(app.harness.core.sqlite)).toEqual(after);
  });

  it('a damaged file is rejected as a whole, naming the row and the column, and nothing changes', async () => {
    const before = dbCounts(app.harness.core.sqlite);
    const page = importPage();
    await page.chooseFiles([allegroFixture('hostile/orders-export.truncated.csv')]);
    expect(await page.waitForPreview('orders-export.truncated.csv')).toBe('rejected');
    const item = page.item('orders-export.truncated.csv');
    expect(await item.getByText('Tego pliku nie da się zaimportować. Nic nie zostało zmienione.').count()).toBe(1);
    const error = await page.problems('orders-export.truncated.csv').locator('tr[data-severity="error"]').first().textContent();
    expect(error).toContain('25');
    expect(error).toContain('Name');
    expect(await page.commitButton('orders-export.truncated.csv').count()).toBe(0);
    expect(dbCounts(app.harness.core.sqlite)).toEqual(before);
  });

  it('undo: refused with the reason when later data depends on the import, allowed for the orders file', async () => {
    const page = importPage();
    // The stock sheet's products are used by the offers imported later: the owner is told why it cannot be undone.
    expect(await page.startUndo('stan-magazynu.xlsx')).toBe('refused');
    expect(await page.undoRefused.textContent()).toContain('SW-LAW-200');
    await page.dialog.getByRole('button', { name: 'Zamknij' }).click();
    await page.dialog.waitFor({ state: 'detached' });

    expect(await page.startUndo('checkout-forms.page-1.json')).toBe('confirm');
    await page.confirmDialog();
    await page.historyRow('checkout-forms.page-1.json').and(app.page.locator('[data-status="undone"]')).waitFor();
    const after = dbCounts(app.harness.core.sqlite);
    expect(after.orders).toBe(0);
    expect(after.reserved).toBe(0);
    expect(after.products).toBe(13);
  });
});

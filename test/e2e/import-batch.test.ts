import { expect, it } from 'vitest';
import { ImportPage } from './pages/import.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';
import { allegroFixture, dbCounts } from './support/fixtures';

/**
 * Issue 15 point 7, walked as the owner does: four Allegro files chosen together, in no particular order.
 * Before, each was previewed against the shop as it was — the returns and shipments "of orders not in
 * Zaplecze" under "Gotowy do importu" — and nothing was refreshed after the orders landed.
 */
const FILES = ['customer-returns.json', 'checkout-forms.shipments.json', 'checkout-forms.page-1.json', 'offers-szablon.xlsx'];

describeE2E('files chosen together', (app) => {
  it('are shown in the order to import them, each previewed as if the ones above were imported', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    await new ShellPage(app.page).goTo('import');
    const page = new ImportPage(app.page);
    await page.chooseFiles(FILES.map((f) => allegroFixture(f)));
    for (const f of FILES) await page.waitForPreview(f);

    await app.page.getByTestId('import-batch-note').waitFor();
    // Offers, then orders, then what refers to orders.
    await expect
      .poll(async () => app.page.locator('[data-testid="import-item"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-file'))))
      .toEqual(['offers-szablon.xlsx', 'checkout-forms.page-1.json', 'customer-returns.json', 'checkout-forms.shipments.json']);
    // The shipments find the orders of the file above them: 7 new, none refused.
    await expect.poll(async () => page.count('checkout-forms.shipments.json', 'countInserted')).toBe(7);
    expect(await page.count('checkout-forms.shipments.json', 'countRejected')).toBe(0);
    expect(await page.count('customer-returns.json', 'countInserted')).toBe(5);
    // Importing out of order is not offered: the later files wait for the earlier ones.
    const wait = page.item('checkout-forms.shipments.json').getByTestId('import-batch-wait');
    expect(await wait.textContent()).toContain('checkout-forms.page-1.json');
    expect(await page.commitButton('checkout-forms.shipments.json').isDisabled()).toBe(true);
    await app.page.screenshot({ path: '/tmp/b-batch.png' });

    for (const f of ['offers-szablon.xlsx', 'checkout-forms.page-1.json', 'customer-returns.json', 'checkout-forms.shipments.json']) {
      await expect.poll(async () => page.commitButton(f).isEnabled(), { timeout: 30_000 }).toBe(true);
      expect(await page.commit(f), f).toBe('committed');
    }
    const counts = dbCounts(app.harness.core.sqlite);
    expect(counts.orders).toBe(20);
    expect(app.harness.core.sqlite.prepare('SELECT count(*) FROM shipments').pluck().get()).toBe(7);
    expect(app.harness.core.sqlite.prepare('SELECT count(*) FROM returns').pluck().get()).toBe(5);
  });
});

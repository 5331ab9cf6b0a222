import { expect, it } from 'vitest';
import { addOrder, addProduct } from '../integration/packing/support/shop-fixture';
import { GridPager } from './pages/grid-pager';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * Issue 13 point 1 on a small shop, as the issue found it: 40 orders (and 40 products) at 25 rows a page.
 * "Next page" must show "26–40 z 40" with the other fifteen rows and stay there (the bug asked for the
 * next page and at once for page one again), the arrow forward goes grey on the last page, and "previous"
 * brings the first 25 rows back. The demo shop's walk (orders-stock-lists) covers 50 and 100 a page.
 */
describeE2E(
  'a 40-order shop at 25 rows a page',
  (app) => {
    it('makes a shop of 40 orders and 40 products', async () => {
      const core = app.harness.core;
      const products: number[] = [];
      for (let i = 1; i <= 40; i++) {
        products.push(await addProduct(core, { sku: `TOW-${String(i).padStart(2, '0')}`, name: `Towar ${i}`, ean: null, onHand: 10 }));
      }
      for (let i = 0; i < 40; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        await addOrder(core, { status: 'new', boughtAt: `2026-11-${day}T${String(8 + (i % 10)).padStart(2, '0')}:00:00.000Z`, lines: [{ productId: products[i]!, quantity: 1 }] });
      }
      await new ProfileGatePage(app.page).choose('owner');
    });

    for (const screen of ['orders', 'stock'] as const) {
      it(`${screen}: 25 a page, next shows 26–40 z 40 and stays, previous brings 1–25 back`, async () => {
        await new ShellPage(app.page).goTo(screen);
        const pager = new GridPager(app.page);
        await pager.rows.first().waitFor();
        await pager.choosePageSize(25);
        await pager.waitForText(/^1–25 z 40$/);
        const first = await pager.rowIds();
        expect(new Set(first).size).toBe(25);
        expect(await pager.nextButton.isEnabled()).toBe(true);

        await pager.next();
        const second = await pager.waitForRowsOtherThan(first);
        // The bug's second request (for page one) would land within this time: the page must stay.
        await app.page.waitForTimeout(700);
        expect(await pager.text()).toBe('26–40 z 40');
        expect(await pager.rowIds()).toEqual(second);
        expect(second).toHaveLength(15);
        expect(second.some((id) => first.includes(id))).toBe(false);
        expect(await pager.nextButton.isDisabled()).toBe(true);

        await pager.previous();
        await pager.waitForRowsOtherThan(second);
        await app.page.waitForTimeout(500);
        expect(await pager.text()).toBe('1–25 z 40');
        expect(await pager.rowIds()).toEqual(first);
        expect(await pager.previousButton.isDisabled()).toBe(true);
        await app.page.screenshot({ path: `test-results/e2e/small-shop-${screen}-1366x768.png` });
      });
    }
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { GridPager } from './pages/grid-pager';
import { HomePage } from './pages/home.page';
import { PackingPage } from './pages/packing.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { type ScreenId, ShellPage } from './pages/shell.page';
import { describeE2E, type E2EApp } from './support/e2e-app';
import { scannerTypes } from './support/scanner';

/**
 * The person's walk of issue 13 ("Done when"), on the demo shop at 1366×768: page Zamówienia and Magazyn
 * forward and back, open each one's detail panel and close it by its ✕, and end with no uncaught error in
 * the page's console. Each step is its own `it` on the same page. Then Pakowanie, as a person at the
 * packing table does with a USB scanner: a wrong code into the queue's search, a product the order does
 * not contain, one unit too many, a scan into "Zakończ mimo braków…" (into its reason and onto its
 * focused button), the habitual scan of a product into the tracking number, and at last the courier's
 * label, which ships the order.
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

    // Pakowanie. The demo shop is made relative to now, so the order is chosen by what it is, not by its id:
    // waiting for packing, paid online (not cash on delivery, so no unpaid step), sent by InPost (its
    // numbers have one certain format), two different products with EANs and enough on hand, nothing
    // scanned yet. Which one it is, and what else is in the shop, depends on the hour the demo was made.
    const sql = () => app.harness.core.sqlite;
    interface Line {
      productId: number;
      ean: string;
      quantity: number;
    }
    let order: { id: number; lines: Line[] };
    let otherEan: string;
    const status = () => sql().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(order.id) as string;
    const onHand = (id: number) => sql().prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(id) as number;
    let onHandBefore: number[];

    /** A scanner's keys (ms apart, then Enter) into `target`, then a moment for the page to answer. */
    async function scanInto(target: Locator, code: string) {
      await target.focus();
      await scannerTypes(app.page, code);
      await app.page.waitForTimeout(400);
    }

    /** A scan at the packing table: the keys into the scan field, the core's answer, the banner it gives. */
    async function scanToPack(code: string): Promise<{ kind: string; text: string }> {
      const packing = new PackingPage(app.page);
      const answered = app.page.waitForResponse((r) => r.url().endsWith('/api/packing.scan'));
      await packing.scanField.focus();
      await scannerTypes(app.page, code);
      await answered;
      await packing.scanResult.waitFor();
      await app.page.waitForTimeout(100);
      return { kind: (await packing.scanResult.getAttribute('data-kind')) ?? '', text: (await packing.scanResult.textContent()) ?? '' };
    }

    it('Pakowanie: a wrong code in the queue search opens nothing and says so; the packing slip opens its order', async () => {
      const candidates = sql()
        .prepare(
          `SELECT o.id FROM orders o
            WHERE o.status = 'to_pick' AND o.paid_at IS NOT NULL AND COALESCE(o.payment_type, '') <> 'CASH_ON_DELIVERY' AND o.carrier = 'inpost'
              AND (SELECT count(DISTINCT l.product_id) FROM order_lines l WHERE l.order_id = o.id) >= 2
              AND NOT EXISTS (SELECT 1 FROM order_lines l LEFT JOIN products p ON p.id = l.product_id
                               WHERE l.order_id = o.id AND (p.id IS NULL OR p.ean IS NULL OR l.packed_quantity > 0 OR p.on_hand < l.quantity))
            ORDER BY o.dispatch_by, o.id`,
        )
        .pluck()
        .all() as number[];
      expect(candidates.length).toBeGreaterThan(0);
      const id = candidates[0]!;
      // Lines of the same product are one thing to scan: sum them.
      const lines = sql()
        .prepare('SELECT l.product_id AS productId, p.ean, SUM(l.quantity) AS quantity FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? GROUP BY l.product_id ORDER BY min(l.id)')
        .all(id) as Line[];
      order = { id, lines };
      onHandBefore = lines.map((l) => onHand(l.productId));
      // A product of the shop this order does not contain.
      otherEan = sql()
        .prepare(`SELECT ean FROM products WHERE ean IS NOT NULL AND archived = 0 AND id NOT IN (SELECT product_id FROM order_lines WHERE order_id = ? AND product_id IS NOT NULL) ORDER BY id LIMIT 1`)
        .pluck()
        .get(id) as string;

      await new ShellPage(app.page).goTo('packing');
      const packing = new PackingPage(app.page);
      await packing.queueRows.first().waitFor();
      const find = app.page.locator('main input[data-scan-field="true"]').first();
      await scanInto(find, 'ZAP-999999999');
      await app.page.locator('main').getByText('Nie ma takiego zamówienia w kolejce do pakowania: „ZAP-999999999”').waitFor();
      expect(await app.page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toBe('#/packing');

      await scanInto(find, `ZAP-${id}`);
      await packing.scanField.waitFor();
      expect(await app.page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toBe(`#/packing/${id}`);
      expect(await packing.packLines.count()).toBeGreaterThanOrEqual(2);
    });

    it('packing: a product the order lacks and an unknown code are refused; one unit too many is refused', async () => {
      const packing = new PackingPage(app.page);
      const wrong = await scanToPack(otherEan);
      expect(wrong.kind).toBe('error');
      expect(wrong.text).toContain('To nie ten towar!');
      const unknown = await scanToPack('2999999999999');
      expect(unknown.kind).toBe('error');
      expect(unknown.text).toContain('2999999999999');

      const [first] = order.lines;
      for (let i = 1; i <= first!.quantity; i++) {
        const ok = await scanToPack(first!.ean);
        expect(ok.kind, `unit ${i} of ${first!.quantity}`).toBe('ok');
      }
      const tooMany = await scanToPack(first!.ean);
      expect(tooMany.kind).toBe('error');
      expect(tooMany.text).toContain('Za dużo!');
      const packed = sql().prepare('SELECT product_id, SUM(packed_quantity) AS n FROM order_lines WHERE order_id = ? GROUP BY product_id').all(order.id) as Array<{ product_id: number; n: number }>;
      expect(packed.find((p) => p.product_id === first!.productId)?.n).toBe(first!.quantity);
      expect(packed.filter((p) => p.product_id !== first!.productId).every((p) => p.n === 0)).toBe(true);
      expect(await packing.completeButton.isDisabled()).toBe(true);
      expect(status()).toBe('to_pick');
    });

    it('"Zakończ mimo braków…": a scan into its reason or onto its button neither confirms it nor becomes the reason', async () => {
      const packing = new PackingPage(app.page);
      const second = order.lines[1]!;
      await app.page.locator('main').getByRole('button', { name: 'Zakończ mimo braków…' }).click();
      const dialog = app.page.getByRole('dialog');
      const reason = dialog.getByRole('textbox');
      await reason.waitFor();
      await scanInto(reason, second.ean);
      expect(await dialog.isVisible()).toBe(true);
      expect(await reason.inputValue()).toBe('');
      expect(await dialog.getByRole('alert').textContent()).toContain('nie czeka na skan');
      expect(status()).toBe('to_pick');

      await reason.fill('etykieta starta, policzone ręcznie');
      const confirm = dialog.getByRole('button', { name: 'Zakończ pakowanie' });
      await scanInto(confirm, second.ean);
      expect(await dialog.isVisible()).toBe(true);
      expect(await reason.inputValue()).toBe('etykieta starta, policzone ręcznie');
      expect(status()).toBe('to_pick');

      await confirm.click();
      await packing.trackingField.waitFor();
      expect(status()).toBe('packed');
      const forced = await packing.packLines.evaluateAll((rows) => rows.filter((r) => r.getAttribute('data-forced') === 'true').length);
      // The second product was never scanned: its line shows forced (orange), not scanned green.
      expect(forced).toBeGreaterThan(0);
      expect(await packing.packLines.filter({ hasText: order.lines[1]!.ean }).first().getAttribute('data-forced')).toBe('true');
    });

    it('the tracking step refuses the habitual scan of a product and another product of the shop; the courier label ships it', async () => {
      const packing = new PackingPage(app.page);
      const help = app.page.getByTestId('tracking-help');
      for (const code of [order.lines[1]!.ean, otherEan]) {
        await scanInto(packing.trackingField, code);
        await help.filter({ hasText: 'to kod produktu' }).waitFor();
        expect(await help.textContent()).toContain(code);
        expect(status()).toBe('packed');
      }
      // A number too short for InPost is refused too, and says what InPost's look like.
      await scanInto(packing.trackingField, '12345678');
      await help.filter({ hasText: '24 cyfry' }).waitFor();
      expect(status()).toBe('packed');
      expect(order.lines.map((l) => onHand(l.productId))).toEqual(onHandBefore);

      const label = `6${String(order.id).padStart(23, '0')}`.slice(0, 24);
      await scanInto(packing.trackingField, label);
      await packing.queueRows.first().or(app.page.locator('main').getByText('Nie ma nic do spakowania')).waitFor();
      expect(status()).toBe('shipped');
      expect(sql().prepare('SELECT tracking_number FROM shipments WHERE order_id = ? AND cancelled_at IS NULL').pluck().all(order.id)).toEqual([label]);
      expect(order.lines.map((l) => onHand(l.productId))).toEqual(order.lines.map((l, i) => onHandBefore[i]! - l.quantity));
    });

    it('ends with no uncaught error in the page console', () => {
      // describeE2E also fails each step on a console error; this is the walk's own last word on it.
      const errors = app.console.filter((e) => e.type === 'pageerror' || e.type === 'error');
      expect(errors).toEqual([]);
    });
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

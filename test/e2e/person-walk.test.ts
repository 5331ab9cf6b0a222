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
 * focused button), the habitual scan of a product or of the slip into the tracking number, and at last
 * the courier's label, which ships the order.
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
    // waiting for packing, not unpaid (paid, or cash on delivery), every line a product with an EAN and
    // enough on hand, nothing scanned yet; InPost first when there is one. Which order that is, how many
    // lines and units it has and its carrier depend on the hour the demo was made (sampled over two days:
    // 4 to 28 such orders), so the steps below work for any of them.
    const sql = () => app.harness.core.sqlite;
    interface Line {
      productId: number;
      name: string;
      ean: string;
      quantity: number;
    }
    let order: { id: number; carrier: string | null; lines: Line[] };
    let otherEan: string;
    let onHandBefore: number[];
    const status = () => sql().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(order.id) as string;
    const onHand = (id: number) => sql().prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(id) as number;
    const hash = () => app.page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash);

    /** A courier label's number in the carrier's own format (tracking-number.ts), unique to the order. */
    function courierLabel(carrier: string | null, id: number): string {
      const digits = (n: number) => String(id).padStart(n, '0').slice(-n);
      switch (carrier) {
        case 'dpd':
          return `1000${digits(9)}U`;
        case 'dhl':
          return `9${digits(10)}`;
        case 'poczta':
          return `00${digits(18)}`;
        case 'orlen':
          return `PL${digits(12)}`;
        default:
          return `6${digits(23)}`;
      }
    }

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
      const chosen = sql()
        .prepare(
          `SELECT o.id, o.carrier FROM orders o
            WHERE o.status = 'to_pick' AND (o.paid_at IS NOT NULL OR o.payment_type = 'CASH_ON_DELIVERY')
              AND NOT EXISTS (SELECT 1 FROM order_lines l LEFT JOIN products p ON p.id = l.product_id
                               WHERE l.order_id = o.id AND (p.id IS NULL OR p.ean IS NULL OR l.packed_quantity > 0 OR p.on_hand < l.quantity))
            ORDER BY o.carrier = 'inpost' DESC, o.dispatch_by, o.id LIMIT 1`,
        )
        .get() as { id: number; carrier: string | null } | undefined;
      expect(chosen, 'an order waiting for packing, not unpaid, every product with an EAN and stock').toBeDefined();
      // Lines of the same product are one thing to scan: sum them.
      const lines = sql()
        .prepare('SELECT l.product_id AS productId, p.name, p.ean, SUM(l.quantity) AS quantity FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? GROUP BY l.product_id ORDER BY min(l.id)')
        .all(chosen!.id) as Line[];
      order = { ...chosen!, lines };
      onHandBefore = lines.map((l) => onHand(l.productId));
      // A product of the shop this order does not contain.
      otherEan = sql()
        .prepare('SELECT ean FROM products WHERE ean IS NOT NULL AND archived = 0 AND id NOT IN (SELECT product_id FROM order_lines WHERE order_id = ? AND product_id IS NOT NULL) ORDER BY id LIMIT 1')
        .pluck()
        .get(order.id) as string;

      await new ShellPage(app.page).goTo('packing');
      const packing = new PackingPage(app.page);
      await packing.queueRows.first().waitFor();
      const find = app.page.locator('main input[data-scan-field="true"]').first();
      await scanInto(find, 'ZAP-999999999');
      await app.page.locator('main').getByText('Nie ma takiego zamówienia w kolejce do pakowania: „ZAP-999999999”').waitFor();
      expect(await hash()).toBe('#/packing');

      // The slip's barcode carries ZAP-<id>.
      await scanInto(find, `ZAP-${order.id}`);
      await packing.scanField.waitFor();
      expect(await hash()).toBe(`#/packing/${order.id}`);
      expect(await packing.packLines.count()).toBeGreaterThanOrEqual(1);
    });

    it('packing: a product the order lacks and an unknown code are refused; one unit too many is refused', async () => {
      const packing = new PackingPage(app.page);
      const wrong = await scanToPack(otherEan);
      expect(wrong.kind).toBe('error');
      expect(wrong.text).toContain('To nie ten towar!');
      const unknown = await scanToPack('2999999999999');
      expect(unknown.kind).toBe('error');
      expect(unknown.text).toContain('2999999999999');

      for (const line of order.lines) {
        for (let i = 1; i <= line.quantity; i++) expect((await scanToPack(line.ean)).kind, `${line.name}, unit ${i} of ${line.quantity}`).toBe('ok');
      }
      expect(await packing.completeButton.isEnabled()).toBe(true);
      const tooMany = await scanToPack(order.lines[0]!.ean);
      expect(tooMany.kind).toBe('error');
      expect(tooMany.text).toContain('Za dużo!');
      const packed = sql().prepare('SELECT product_id AS productId, SUM(packed_quantity) AS n FROM order_lines WHERE order_id = ? GROUP BY product_id').all(order.id) as Array<{ productId: number; n: number }>;
      expect(packed.map((p) => p.n).sort()).toEqual(order.lines.map((l) => l.quantity).sort());
      expect(status()).toBe('to_pick');
    });

    it('a unit taken out again; "Zakończ mimo braków…": a scan into its reason or onto its button neither confirms it nor becomes the reason', async () => {
      const packing = new PackingPage(app.page);
      const first = order.lines[0]!;
      // The person takes one unit back out of the box (damaged, say): the order is short by one again.
      const unpacked = app.page.waitForResponse((r) => r.url().endsWith('/api/packing.unpackLine'));
      await packing.packLines.first().getByRole('button', { name: /^Wyjmij jedną sztukę/ }).click();
      await unpacked;
      await app.page.locator('main').getByRole('button', { name: 'Zakończ mimo braków…' }).click();
      const dialog = app.page.getByRole('dialog');
      const reason = dialog.getByRole('textbox');
      await reason.waitFor();
      await scanInto(reason, first.ean);
      expect(await dialog.isVisible()).toBe(true);
      expect(await reason.inputValue()).toBe('');
      expect(await dialog.getByRole('alert').textContent()).toContain('nie czeka na skan');
      expect(status()).toBe('to_pick');

      await reason.fill('sztuka porysowana, klient zgodził się telefonicznie');
      const confirm = dialog.getByRole('button', { name: 'Zakończ pakowanie' });
      await scanInto(confirm, first.ean);
      expect(await dialog.isVisible()).toBe(true);
      expect(await reason.inputValue()).toBe('sztuka porysowana, klient zgodził się telefonicznie');
      expect(status()).toBe('to_pick');

      await confirm.click();
      await packing.trackingField.waitFor();
      expect(status()).toBe('packed');
      // The unit taken out and never scanned again shows forced (orange "wymuszono 1"), not scanned green.
      const forced = app.page.locator('main [data-testid="pack-line"][data-forced="true"]');
      expect(await forced.count()).toBe(1);
      expect(await forced.first().textContent()).toContain('wymuszono 1');
    });

    it('the tracking step refuses a product of the order, another product and the slip\'s own number; the courier label ships it', async () => {
      const packing = new PackingPage(app.page);
      const help = app.page.getByTestId('tracking-help');
      for (const code of [order.lines[0]!.ean, otherEan]) {
        await scanInto(packing.trackingField, code);
        await help.filter({ hasText: 'to kod produktu' }).waitFor();
        expect(await help.textContent()).toContain(code);
        expect(status()).toBe('packed');
      }
      await scanInto(packing.trackingField, `ZAP-${order.id}`);
      await help.filter({ hasText: 'to numer zamówienia' }).waitFor();
      expect(status()).toBe('packed');
      expect(order.lines.map((l) => onHand(l.productId))).toEqual(onHandBefore);

      const label = courierLabel(order.carrier, order.id);
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

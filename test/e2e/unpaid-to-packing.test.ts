import { expect, it } from 'vitest';
import { addOrder, addProduct } from '../integration/packing/support/shop-fixture';
import { OrdersPage } from './pages/orders.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';
import { scannerTypes } from './support/scanner';

/**
 * Issue 13 point 3, the Zamówienia half, at 1366×768: the owner ticks three new orders — paid online,
 * cash on delivery and unpaid — and sends them to packing. The unpaid one is refused and the message says
 * why in words (not only its status); the other two go. The owner then sends the unpaid one from its
 * panel with a reason (a scan into that reason is ignored), and the reason is in the order's history.
 * Orders are made here, not taken from the demo shop: the demo's unpaid orders depend on the hour.
 */

const EAN = '5901234123457';

describeE2E(
  'Zamówienia: an unpaid order is refused at "send to packing" until the owner gives a reason',
  (app) => {
    const sql = () => app.harness.core.sqlite;
    const status = (id: number) => sql().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id) as string;
    let paid: number;
    let cod: number;
    let unpaid: number;

    it('ticked with a paid and a cash-on-delivery order, the unpaid one stays and the message says it is unpaid', async () => {
      const core = app.harness.core;
      const mug = await addProduct(core, { sku: 'KUB-01', name: 'Kubek Łąka', ean: EAN, onHand: 20 });
      paid = (await addOrder(core, { status: 'new', buyerLogin: 'placacy', lines: [{ productId: mug, quantity: 1 }] })).id;
      cod = (await addOrder(core, { status: 'new', buyerLogin: 'za_pobraniem', payment: 'cod', lines: [{ productId: mug, quantity: 1 }] })).id;
      unpaid = (await addOrder(core, { status: 'new', buyerLogin: 'nieplacacy', payment: 'unpaid', lines: [{ productId: mug, quantity: 2 }] })).id;

      await new ProfileGatePage(app.page).choose('owner');
      await new ShellPage(app.page).goTo('orders');
      const orders = new OrdersPage(app.page);
      await orders.waitForRows();
      expect(await orders.row(unpaid).locator('[data-field="payment"]').textContent()).toContain('Nieopłacone');
      await orders.select([paid, cod, unpaid]);
      await orders.sendToPacking();

      const message = app.page.locator('.MuiSnackbar-root .MuiAlert-message');
      await message.waitFor();
      const text = (await message.textContent()) ?? '';
      expect(text).toContain('Do pakowania: 2');
      expect(text).toMatch(/nieopłacon/i);
      expect(text).not.toMatch(/unpaid/i);
      await app.page.screenshot({ path: 'test-results/e2e/unpaid-refused-1366x768.png' });
      expect(status(paid)).toBe('to_pick');
      expect(status(cod)).toBe('to_pick');
      expect(status(unpaid)).toBe('new');
    });

    it('the owner sends it from its panel with a reason; a scan into the reason is ignored; the reason is in its history', async () => {
      const orders = new OrdersPage(app.page);
      await orders.reveal(unpaid);
      await orders.row(unpaid).locator('[data-field="buyer"]').click();
      const corrections = app.page.getByTestId('order-corrections');
      await corrections.getByRole('button', { name: 'Wyślij do pakowania mimo braku wpłaty…' }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Wysłać nieopłacone zamówienie do pakowania?' });
      const reason = dialog.getByRole('textbox', { name: 'Powód' });
      await reason.waitFor();
      const confirm = dialog.getByRole('button', { name: 'Zapisz poprawkę' });
      expect(await confirm.isDisabled()).toBe(true);

      await reason.focus();
      await scannerTypes(app.page, EAN);
      await app.page.waitForTimeout(400);
      expect(await reason.inputValue()).toBe('');
      await dialog.getByRole('alert').filter({ hasText: EAN }).waitFor();
      expect(await confirm.isDisabled()).toBe(true);
      expect(status(unpaid)).toBe('new');

      await reason.fill('stały klient, przelew potwierdzony telefonicznie');
      await confirm.click();
      await dialog.waitFor({ state: 'hidden' });
      expect(status(unpaid)).toBe('to_pick');

      const history = app.page.getByTestId('timeline');
      const entry = history.locator('li').filter({ hasText: 'stały klient, przelew potwierdzony telefonicznie' });
      await entry.waitFor();
      const line = (await entry.textContent()) ?? '';
      expect(line).toContain('właściciel');
      // In words, not the core's `unpaid:` marker.
      expect(line).toContain('mimo braku zapłaty: stały klient');
      expect(line).not.toMatch(/unpaid/i);
      await app.page.screenshot({ path: 'test-results/e2e/unpaid-history-1366x768.png' });
      const audit = sql()
        .prepare("SELECT actor, details_json AS details FROM audit_log WHERE entity = 'order' AND entity_id = ? AND action = 'order.status' ORDER BY id DESC LIMIT 1")
        .get(String(unpaid)) as { actor: string; details: string };
      expect(audit.actor).toBe('owner');
      expect(JSON.parse(audit.details)).toMatchObject({ to: 'to_pick', reason: expect.stringContaining('stały klient, przelew potwierdzony telefonicznie') });
    });
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

import { expect, it } from 'vitest';
import { DEMO_DEFAULTS, loadDemoShop } from '../../electron/core/demo/demo-shop';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ReturnsPage } from './pages/returns.page';
import { scannerTypes } from './support/scanner';
import { describeE2E } from './support/e2e-app';

/**
 * The auditor's walk through the demo shop at 1366×768, in Chromium (walker defects 1, 2, 4, 5, 7):
 * an EAN scanned into a new complaint's product field picks the product; a barcode scanned into the
 * refund's void dialog is not its reason; "1,0" in a return's quantity is refused, not read as 10; a
 * return cancelled as entered by mistake leaves Pulpit's counts as they were; Pulpit's order value
 * leaves cancelled orders out. Screenshots go to ZAPLECZE_SHOTS_DIR (default /tmp/walkerfix).
 */
const SHOTS = process.env.ZAPLECZE_SHOTS_DIR ?? '/tmp/walkerfix';

describeE2E(
  'returns and Pulpit: the walker defects',
  (app) => {
    const sql = () => app.harness.core.sqlite;
    const go = (hash: string) => app.page.evaluate((h) => ((globalThis as any).location.hash = h), hash);
    const stat = (key: string) => app.page.locator(`[data-stat-value="${key}"]`).textContent();

    it('an EAN scanned into "Którego towaru dotyczy" picks its product, and the complaint keeps it', async () => {
      await loadDemoShop(app.harness.core, DEMO_DEFAULTS);
      await app.reopen();
      await new ProfileGatePage(app.page).choose('owner');
      const product = sql().prepare('SELECT id, name, sku, ean FROM products WHERE ean IS NOT NULL ORDER BY id LIMIT 1 OFFSET 55').get() as { id: number; name: string; sku: string; ean: string };
      await go('#/returns');
      await app.page.getByRole('tab', { name: 'Reklamacje' }).click();
      await app.page.getByRole('button', { name: 'Nowa reklamacja' }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Nowa reklamacja' });
      const picker = dialog.getByRole('combobox', { name: 'Którego towaru dotyczy' });
      await picker.click();
      await scannerTypes(app.page, product.ean);
      await expect.poll(() => picker.inputValue()).toBe(`${product.name} (${product.sku})`);
      await app.page.keyboard.press('Tab');
      expect(await picker.inputValue()).toBe(`${product.name} (${product.sku})`);
      await dialog.getByLabel('Co jest nie tak (opis kupującego)').fill('Pęknięte wiadro');
      await app.page.screenshot({ path: `${SHOTS}/complaint-scanned-product.png` });
      await dialog.getByRole('button', { name: 'Zapisz reklamację' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(sql().prepare('SELECT product_id FROM complaints ORDER BY id DESC LIMIT 1').pluck().get()).toBe(product.id);
    });

    it('text that picked nothing stays when the field is left, is said, and the complaint is not saved without its product', async () => {
      await app.page.getByRole('button', { name: 'Nowa reklamacja' }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Nowa reklamacja' });
      const picker = dialog.getByRole('combobox', { name: 'Którego towaru dotyczy' });
      await picker.click();
      await app.page.keyboard.type('wiadr');
      await app.page.keyboard.press('Tab');
      expect(await picker.inputValue()).toBe('wiadr');
      await dialog.getByText('Nie wybrano towaru — wybierz go z listy (albo Enter po kodzie) lub wyczyść pole').waitFor();
      await dialog.getByLabel('Co jest nie tak (opis kupującego)').fill('Pęknięte wiadro');
      expect(await dialog.getByRole('button', { name: 'Zapisz reklamację' }).isDisabled()).toBe(true);
      await app.page.screenshot({ path: `${SHOTS}/complaint-unpicked.png` });
      await dialog.getByRole('button', { name: 'Anuluj' }).click();
    });

    it('"1,0" and "1,5" in a return\'s quantity are refused with a message, never 10 or 15', async () => {
      const order = sql()
        .prepare(
          `SELECT o.id, ol.name FROM orders o JOIN order_lines ol ON ol.order_id = o.id
           WHERE o.status = 'shipped' AND ol.quantity >= 2 AND ol.product_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.id) ORDER BY o.id LIMIT 1`,
        )
        .get() as { id: number; name: string };
      await go('#/returns');
      const returns = new ReturnsPage(app.page);
      await returns.findOrder(String(order.id));
      const qty = returns.returnLine(order.name).first().getByRole('textbox', { name: /^Zwracana ilość/ });
      for (const typed of ['1,0', '1,5']) {
        await qty.fill('');
        await qty.click();
        await app.page.keyboard.type(typed);
        expect(await qty.inputValue()).toBe(typed);
        await returns.returnLine(order.name).first().getByText('Podaj liczbę całych sztuk, np. 1').waitFor();
      }
      await app.page.screenshot({ path: `${SHOTS}/return-quantity-comma.png` });
      await returns.saveButton.click();
      expect(sql().prepare('SELECT count(*) FROM returns WHERE order_id = ?').pluck().get(order.id)).toBe(0);
      await qty.fill('');
    });

    it('a barcode scanned into "Unieważnij zwrot pieniędzy" is not saved as the reason', async () => {
      const refunded = sql().prepare("SELECT id FROM returns WHERE refunded_at IS NOT NULL AND status <> 'rejected' ORDER BY id LIMIT 1").pluck().get() as number;
      const returns = new ReturnsPage(app.page);
      await returns.openReturn(refunded);
      await returns.voidRefundButton.click();
      const dialog = app.page.getByRole('dialog', { name: 'Unieważnić zapisany zwrot pieniędzy?' });
      const reason = dialog.getByRole('textbox', { name: 'Powód unieważnienia' });
      await reason.click();
      await scannerTypes(app.page, '5901187000133');
      await dialog.getByText('To okno nie czeka na skan — wpisz powód ręcznie. Zeskanowany kod „5901187000133” pominięto.').waitFor();
      expect(await reason.inputValue()).toBe('');
      expect(await dialog.getByRole('button', { name: 'Unieważnij' }).isDisabled()).toBe(true);
      await app.page.screenshot({ path: `${SHOTS}/void-refund-scan.png` });
      await dialog.getByRole('button', { name: 'Wróć' }).click();
      expect(sql().prepare('SELECT refunded_at IS NOT NULL FROM returns WHERE id = ?').pluck().get(refunded)).toBe(1);
      expect(sql().prepare("SELECT count(*) FROM return_refunds WHERE void_reason = '5901187000133'").pluck().get()).toBe(0);
    });

    it('a return cancelled as entered by mistake leaves Pulpit as it was; the order value leaves cancelled orders out', async () => {
      await go('#/');
      await app.page.locator('[data-stat-value="returns"]').waitFor();
      const before = [await stat('returns'), await stat('returnedUnits')];
      const order = sql()
        .prepare(
          `SELECT o.id, ol.id AS lineId FROM orders o JOIN order_lines ol ON ol.order_id = o.id
           WHERE o.status = 'shipped' AND ol.product_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.id) ORDER BY o.id DESC LIMIT 1`,
        )
        .get() as { id: number; lineId: number };
      const { call } = await import('../../electron/core/dispatch');
      const ret = await call(app.harness.core, 'returns.register', { orderId: order.id, lines: [{ orderLineId: order.lineId, quantity: 1, reasonCode: 'SHOP_WITHDRAWAL', condition: 'resellable', decision: 'restock' }] }, { role: 'owner' });
      const returns = new ReturnsPage(app.page);
      await returns.openReturn(ret.return.id);
      await returns.cancelReturnButton.click();
      const dialog = app.page.getByRole('dialog', { name: 'Anulować zwrot wpisany pomyłkowo?' });
      await dialog.getByText('Np. „wpisany do złego zamówienia”, „wpisany dwa razy” — co najmniej 3 znaki').waitFor();
      await app.page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
      await app.page.screenshot({ path: `${SHOTS}/cancel-return-hint.png` });
      await dialog.getByRole('textbox', { name: 'Powód anulowania' }).fill('wpisany do złego zamówienia');
      await dialog.getByRole('button', { name: 'Anuluj zwrot' }).click();
      await dialog.waitFor({ state: 'detached' });
      await go('#/');
      await expect.poll(async () => [await stat('returns'), await stat('returnedUnits')]).toEqual(before);
      const sold = sql().prepare("SELECT SUM(total_to_pay_grosze) FROM orders WHERE status <> 'cancelled'").pluck().get() as number;
      const tile = (await stat('totalToPay'))!.replace(/\s/g, ' ');
      expect(tile).toBe(`${(Math.floor(sold / 100)).toLocaleString('pl-PL').replace(/\s/g, ' ')},${String(sold % 100).padStart(2, '0')} zł`);
      expect(await app.page.locator('[data-stat-note="totalToPay"]').textContent()).toBe('bez anulowanych zamówień');
      await app.page.screenshot({ path: `${SHOTS}/pulpit.png` });
    });
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

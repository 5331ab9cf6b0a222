import { expect, it } from 'vitest';
import { ImportPage } from './pages/import.page';
import { OrdersPage } from './pages/orders.page';
import { PackingPage } from './pages/packing.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ReturnsPage } from './pages/returns.page';
import { ShellPage } from './pages/shell.page';
import { StockPage } from './pages/stock.page';
import { describeE2E } from './support/e2e-app';
import { allegroFixture } from './support/fixtures';

/**
 * A day in the shop, through the screens, on the real sample exports:
 * import → stock visible → orders to packing → pick list → pack by scanning EANs (a wrong one refused)
 * → shipped → on hand down by exactly the packed units → return registered → restocked.
 * The owner imports and plans; the helper packs and registers the return.
 */

// Order 82e163c5… of checkout-forms.page-1.json: 1 × KOC-WEL-150 and 2 × KUB-LAK-350 (both with EANs on the stock sheet).
const ORDER = '82e163c5-1e42-11f1-9776-5f57a991a695';
// A second open order for the batch: 3 lines (MIOD-RZE-500, MIOD-GRY-1200, KUB-LAK-350).
const SECOND = 'b4fc3f98-167c-11f1-a45d-4483407d442b';
const EAN = { koc: '5901234123709', kubek: '5901234123600', swiecaNotInOrder: '5901234123457' };

describeE2E('a day in the shop', (app) => {
  const sql = () => app.harness.core.sqlite;
  const onHand = (sku: string) => sql().prepare('SELECT on_hand FROM products WHERE sku = ?').pluck().get(sku) as number;
  const orderStatus = (allegroId: string) => sql().prepare('SELECT status FROM orders WHERE allegro_order_id = ?').pluck().get(allegroId) as string;
  const orderId = (allegroId: string) => sql().prepare('SELECT id FROM orders WHERE allegro_order_id = ?').pluck().get(allegroId) as number;
  let before: { koc: number; kubek: number };

  it('the owner imports the stock sheet, the offers and the orders', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const shell = new ShellPage(app.page);
    await shell.goTo('import');
    const page = new ImportPage(app.page);
    for (const file of ['stan-magazynu.xlsx', 'offers-szablon.xlsx', 'checkout-forms.page-1.json']) {
      await page.chooseFiles([allegroFixture(file)]);
      await page.waitForPreview(file);
      expect(await page.commit(file)).toBe('committed');
    }
    before = { koc: onHand('KOC-WEL-150'), kubek: onHand('KUB-LAK-350') };
    expect(before).toEqual({ koc: 4, kubek: 17 });
    expect(orderStatus(ORDER)).toBe('new');
  });

  it('the imported goods are in Stock, with what open orders reserve', async () => {
    await new ShellPage(app.page).goTo('stock');
    const stock = new StockPage(app.page);
    await stock.search('KUB-LAK-350', 'KUB-LAK-350');
    expect(await stock.number('KUB-LAK-350', 'onHand')).toBe(17);
    const reserved = sql().prepare("SELECT reserved FROM products WHERE sku = 'KUB-LAK-350'").pluck().get() as number;
    expect(reserved).toBeGreaterThanOrEqual(3); // at least our two orders' 2 + 1 units
    expect(await stock.number('KUB-LAK-350', 'reserved')).toBe(reserved);
  });

  it('the owner sends two orders to packing from the Orders screen', async () => {
    await new ShellPage(app.page).goTo('orders');
    const orders = new OrdersPage(app.page);
    await orders.waitForRows();
    await orders.select([orderId(ORDER), orderId(SECOND)]);
    await orders.sendToPacking();
    expect(orderStatus(ORDER)).toBe('to_pick');
    expect(orderStatus(SECOND)).toBe('to_pick');
    await app.page.waitForFunction((id) => (globalThis as any).document.querySelector(`main tr[data-id="${id}"] [data-field="status"]`)?.textContent.includes('pakowania'), orderId(ORDER));
  });

  it('the helper takes over: the pick list gathers both orders by shelf', async () => {
    const shell = new ShellPage(app.page);
    await shell.switchProfile();
    await new ProfileGatePage(app.page).choose('helper');
    await shell.goTo('packing');
    const packing = new PackingPage(app.page);
    await packing.queueRow(ORDER).waitFor();
    await packing.selectForPickList([ORDER, SECOND]);
    await packing.openPickList();
    const rows = await packing.pickList();
    // KUB-LAK-350 is in both orders: one row, 2 + 1 units; four products in all, sorted by shelf.
    expect(rows.find((r) => r.product.includes('KUB-LAK-350'))?.quantity).toBe(3);
    expect(rows.find((r) => r.product.includes('KOC-WEL-150'))?.quantity).toBe(1);
    expect(rows).toHaveLength(4);
    const shelves = rows.map((r) => r.shelf);
    expect(shelves).toEqual([...shelves].sort());
    await packing.backToQueue.click();
  });

  it('packing by scanning: the right EANs tick off, a wrong one and one too many are refused, then shipped', async () => {
    const packing = new PackingPage(app.page);
    await packing.openOrder(ORDER);

    expect((await packing.scan(EAN.koc)).kind).toBe('ok');
    const wrong = await packing.scan(EAN.swiecaNotInOrder);
    expect(wrong.kind).toBe('error');
    expect(wrong.text).toContain('To nie ten towar');
    expect(await packing.completeButton.isDisabled()).toBe(true);
    expect((await packing.scan(EAN.kubek)).kind).toBe('ok');
    expect((await packing.scan(EAN.kubek)).kind).toBe('ok');
    expect((await packing.scan(EAN.kubek)).kind).toBe('error');
    expect(await packing.packLines.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-verified')))).toEqual(['true', 'true']);
    // Refused scans changed nothing: exactly what was packed is recorded.
    expect(sql().prepare('SELECT SUM(packed_quantity) FROM order_lines WHERE order_id = ?').pluck().get(orderId(ORDER))).toBe(3);

    await packing.complete();
    expect(orderStatus(ORDER)).toBe('packed');
    // Packing alone does not touch stock; shipping turns the reservation into a sale.
    expect(onHand('KOC-WEL-150')).toBe(before.koc);
    // "Allegro Kurier DPD": a DPD waybill (13 digits and a letter); an InPost-shaped number would be questioned.
    await packing.ship('1000123456789U');
    expect(orderStatus(ORDER)).toBe('shipped');
  });

  it('on hand went down by exactly the packed quantities, in the ledger and on the Stock screen', async () => {
    expect(onHand('KOC-WEL-150')).toBe(before.koc - 1);
    expect(onHand('KUB-LAK-350')).toBe(before.kubek - 2);
    const sales = sql()
      .prepare("SELECT p.sku, SUM(l.quantity) q FROM stock_ledger l JOIN products p ON p.id = l.product_id WHERE l.kind = 'sale' AND l.order_id = ? GROUP BY p.sku ORDER BY p.sku")
      .all(orderId(ORDER));
    expect(sales).toEqual([
      { sku: 'KOC-WEL-150', q: -1 },
      { sku: 'KUB-LAK-350', q: -2 },
    ]);
    await new ShellPage(app.page).goTo('stock');
    const stock = new StockPage(app.page);
    await stock.search('KOC-WEL-150', 'KOC-WEL-150');
    await stock.waitForNumber('KOC-WEL-150', 'onHand', before.koc - 1);
  });

  it('a return of one mug is registered from the order number and goes back on the shelf', async () => {
    await new ShellPage(app.page).goTo('returns');
    const returns = new ReturnsPage(app.page);
    await returns.findOrder(ORDER);
    await returns.returnUnits('KUB-LAK-350', 1, { reason: 'Nie podoba się', condition: 'Pełnowartościowy', decision: 'Z powrotem na stan' });
    await returns.save();
    expect(onHand('KUB-LAK-350')).toBe(before.kubek - 2 + 1);
    const restock = sql()
      .prepare("SELECT l.quantity, l.actor FROM stock_ledger l JOIN products p ON p.id = l.product_id WHERE l.kind = 'return' AND p.sku = 'KUB-LAK-350'")
      .all();
    expect(restock).toEqual([{ quantity: 1, actor: 'helper' }]);

    await new ShellPage(app.page).goTo('stock');
    const stock = new StockPage(app.page);
    await stock.search('KUB-LAK-350', 'KUB-LAK-350');
    await stock.waitForNumber('KUB-LAK-350', 'onHand', before.kubek - 1);
  });
});

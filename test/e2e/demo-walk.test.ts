import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { OrdersPage } from './pages/orders.page';
import { PackingPage } from './pages/packing.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ReturnsPage } from './pages/returns.page';
import { ShellPage } from './pages/shell.page';
import { StockPage } from './pages/stock.page';
import { describeE2E } from './support/e2e-app';

/**
 * The same day in the shop as walk.test.ts, on the demo shop instead of imported files: load the demo
 * from the empty state → an order to packing → pack it by scanning (a wrong item refused) → shipped →
 * on hand down by exactly the packed units → a return back on the shelf. The demo depends on today's
 * date, so the order is chosen by what it is (a new order on the first page, every line a product with an
 * EAN and enough on hand), not by its id.
 */
interface Line {
  sku: string;
  ean: string;
  quantity: number;
}

describeE2E('a day in the demo shop', (app) => {
  const sql = () => app.harness.core.sqlite;
  const onHand = (sku: string) => sql().prepare('SELECT on_hand FROM products WHERE sku = ?').pluck().get(sku) as number;
  const status = (id: number) => sql().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id) as string;
  let order: { id: number; number: string; lines: Line[] };
  let before: Record<string, number>;

  it('the owner loads the demo shop from the empty state', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const home = new HomePage(app.page);
    await home.loadDemoShop();
    expect(await home.waitForStat('orders', (n) => n > 1000)).toBeGreaterThan(1000);

    const candidates = sql()
      .prepare(
        `SELECT o.id, COALESCE(o.allegro_order_id, 'ZAP-' || o.id) AS number FROM orders o
         WHERE o.status = 'new'
           -- Paid (or cash on delivery): an unpaid order is refused at "Do pakowania" (issue 13, point 3).
           AND (o.paid_at IS NOT NULL OR o.payment_type = 'CASH_ON_DELIVERY')
           AND o.id IN (SELECT id FROM orders ORDER BY bought_at DESC LIMIT 50)
           AND NOT EXISTS (
             SELECT 1 FROM order_lines l LEFT JOIN products p ON p.id = l.product_id
             WHERE l.order_id = o.id AND (p.id IS NULL OR p.ean IS NULL OR p.on_hand < l.quantity))
         ORDER BY o.bought_at DESC`,
      )
      .all() as Array<{ id: number; number: string }>;
    expect(candidates.length).toBeGreaterThan(0);
    const chosen = candidates[0]!;
    const lines = sql()
      .prepare('SELECT p.sku, p.ean, l.quantity FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.id')
      .all(chosen.id) as Line[];
    order = { ...chosen, lines };
    before = Object.fromEntries(lines.map((l) => [l.sku, onHand(l.sku)]));
  });

  it('the order goes to packing from the Orders screen', async () => {
    await new ShellPage(app.page).goTo('orders');
    const orders = new OrdersPage(app.page);
    await orders.waitForRows();
    await orders.select([order.id]);
    await orders.sendToPacking();
    expect(status(order.id)).toBe('to_pick');
  });

  it('the helper packs it by scanning EANs: a wrong item is refused, then it is shipped', async () => {
    const shell = new ShellPage(app.page);
    await shell.switchProfile();
    await new ProfileGatePage(app.page).choose('helper');
    await shell.goTo('packing');
    const packing = new PackingPage(app.page);
    await packing.queueRow(order.number).waitFor();
    await packing.openOrder(order.number);

    const skus = order.lines.map((l) => l.sku);
    const stranger = sql()
      .prepare(`SELECT ean FROM products WHERE ean IS NOT NULL AND sku NOT IN (${skus.map(() => '?').join(',')}) LIMIT 1`)
      .pluck()
      .get(...skus) as string;
    const wrong = await packing.scan(stranger);
    expect(wrong.kind).toBe('error');
    expect(await packing.completeButton.isDisabled()).toBe(true);

    for (const line of order.lines) {
      for (let unit = 0; unit < line.quantity; unit++) expect((await packing.scan(line.ean)).kind).toBe('ok');
    }
    await packing.complete();
    expect(status(order.id)).toBe('packed');
    // A number of the carrier's own shape: the shipping form refuses or questions one that is not (issue 13, point 5).
    const carrier = sql().prepare('SELECT carrier FROM orders WHERE id = ?').pluck().get(order.id) as string | null;
    const tracking: Record<string, string> = { dpd: '1000123456789U', dhl: '12345678901', poczta: '00659007734210532160', orlen: '1234567890123' };
    await packing.ship(tracking[carrier ?? ''] ?? '620999888777666555444333');
    expect(status(order.id)).toBe('shipped');
  });

  it('on hand went down by exactly the packed quantities, also on the Stock screen', async () => {
    const packed = new Map<string, number>();
    for (const line of order.lines) packed.set(line.sku, (packed.get(line.sku) ?? 0) + line.quantity);
    for (const [sku, quantity] of packed) expect(onHand(sku), sku).toBe(before[sku]! - quantity);
    const first = order.lines[0]!;
    await new ShellPage(app.page).goTo('stock');
    const stock = new StockPage(app.page);
    await stock.search(first.sku, first.sku);
    await stock.waitForNumber(first.sku, 'onHand', before[first.sku]! - packed.get(first.sku)!);
  });

  it('a return of one unit is registered from the order number and goes back on the shelf', async () => {
    const first = order.lines[0]!;
    const afterShipping = onHand(first.sku);
    await new ShellPage(app.page).goTo('returns');
    const returns = new ReturnsPage(app.page);
    await returns.findOrder(order.number);
    await returns.returnUnits(first.sku, 1, { reason: 'Nie podoba się', condition: 'Pełnowartościowy', decision: 'Z powrotem na stan' });
    await returns.save();
    expect(onHand(first.sku)).toBe(afterShipping + 1);
  });
});

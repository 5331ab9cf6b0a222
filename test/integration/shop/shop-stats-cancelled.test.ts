import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { addLocation, addOrder, addProduct } from '../packing/support/shop-fixture';

/**
 * The dashboard (Pulpit) and `stats --json` after corrections (walker defects 5 and 7): a return the
 * owner cancelled as entered by mistake is not a return (Wyniki skips it too), and the value of the
 * orders a shop owner reads as sales leaves cancelled orders out. Real SQLite file, through dispatch.
 */
const NOW = new Date('2026-11-22T10:00:00.000Z');
const helper = { role: 'helper' as const };
const owner = { role: 'owner' as const };
let t: TempCore;

beforeAll(async () => {
  t = await tempCore({ now: () => NOW });
});
afterAll(() => t.dispose());

describe('shop.stats after corrections', () => {
  it('a return cancelled as entered by mistake counts neither as a return nor as returned units', async () => {
    const shelf = await addLocation(t.core, 'R-01');
    const mug = await addProduct(t.core, { sku: 'KUB', name: 'Kubek', onHand: 5, locationId: shelf });
    const order = await addOrder(t.core, { status: 'shipped', allegroOrderId: null, lines: [{ productId: mug, quantity: 3, unitPriceGrosze: 3999 }] });
    const register = (quantity: number) =>
      call(t.core, 'returns.register', { orderId: order.id, lines: [{ orderLineId: order.lineIds[0]!, quantity, reasonCode: 'SHOP_WITHDRAWAL', condition: 'resellable', decision: 'restock' }] }, helper);
    const before = await call(t.core, 'shop.stats', {});
    const kept = await register(1);
    const mistake = await register(2);
    const both = await call(t.core, 'shop.stats', {});
    expect([both.returns, both.returnedUnits]).toEqual([before.returns + 2, before.returnedUnits + 3]);
    await call(t.core, 'returns.cancel', { id: mistake.return.id, reason: 'wpisany do złego zamówienia' }, owner);
    const after = await call(t.core, 'shop.stats', {});
    expect([after.returns, after.returnedUnits]).toEqual([before.returns + 1, before.returnedUnits + 1]);
    expect(kept.return.id).toBeGreaterThan(0);
  });

  it('keeps totalToPayGrosze with cancelled orders (documented) and adds the value without them', async () => {
    await addOrder(t.core, { status: 'new', allegroOrderId: null, lines: [] });
    const cancelled = await addOrder(t.core, { status: 'cancelled', allegroOrderId: null, lines: [] });
    t.core.sqlite.prepare('UPDATE orders SET total_to_pay_grosze = 12345 WHERE id = ?').run(cancelled.id);
    // One currency: the cancelled amount comes from the index alone.
    const plnOnly = await call(t.core, 'shop.stats', {});
    expect(plnOnly.totalToPayNotCancelledGrosze).toEqual({ PLN: (plnOnly.totalToPayGrosze.PLN ?? 0) - 12345 });
    const euro = await addOrder(t.core, { status: 'cancelled', allegroOrderId: null, lines: [] });
    t.core.sqlite.prepare("UPDATE orders SET total_to_pay_grosze = 700, currency = 'EUR' WHERE id = ?").run(euro.id);
    const stats = await call(t.core, 'shop.stats', {});
    const all = t.core.sqlite.prepare('SELECT SUM(total_to_pay_grosze) FROM orders').pluck().get() as number;
    const open = t.core.sqlite.prepare("SELECT SUM(total_to_pay_grosze) FROM orders WHERE status <> 'cancelled'").pluck().get() as number;
    expect(stats.totalToPayGrosze).toEqual({ EUR: 700, PLN: all - 700 });
    // A currency only cancelled orders were in has no sales: it is left out, not shown as 0.
    expect(stats.totalToPayNotCancelledGrosze).toEqual({ PLN: open });
    expect(open).toBe(all - 700 - 12345);
  });
});

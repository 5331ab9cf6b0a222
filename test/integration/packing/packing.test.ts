import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/create-core';
import { call, dispatch } from '../../../electron/core/dispatch';
import { silentLogger } from '../../../electron/core/log';
import { tempCore, type TempCore } from '../../support/temp-core';
import { addLocation, addOrder, addProduct, auditActions, ledgerSum, product } from './support/shop-fixture';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const owner = { role: 'owner' as const };
const helper = { role: 'helper' as const };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function shop(): Promise<TempCore> {
  const t = await tempCore({ now: () => NOW });
  cleanups.push(t.dispose);
  return t;
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details?: unknown };
  }
  throw new Error('expected the call to fail');
}

describe('packing: scanning', () => {
  it('ticks the right item, refuses a wrong one, one too many and an unknown code — each with what is expected', async () => {
    const { core } = await shop();
    const mug = await addProduct(core, { sku: 'KUB-01', name: 'Kubek Łąka', ean: '5901234123457', onHand: 5 });
    const honey = await addProduct(core, { sku: 'MIOD-12', name: 'Miód gryczany', ean: '5906660000018', onHand: 5 });
    const candle = await addProduct(core, { sku: 'SW-01', name: 'Świeca sojowa', ean: '5900000000017', onHand: 5 });
    const order = await addOrder(core, { lines: [{ productId: mug, quantity: 2 }, { productId: honey, quantity: 1 }] });

    const ok = await call(core, 'packing.scan', { orderId: order.id, code: '5901234123457' }, helper);
    expect(ok).toMatchObject({ ok: true, line: { id: order.lineIds[0], packedQuantity: 1, verified: false }, allVerified: false });

    const wrong = await call(core, 'packing.scan', { orderId: order.id, code: '5900000000017' }, helper);
    expect(wrong).toMatchObject({ ok: false, refusal: 'wrong_item', scanned: { productId: candle, sku: 'SW-01', name: 'Świeca sojowa' } });
    if (wrong.ok) throw new Error('unreachable');
    expect(wrong.expected.map((e) => [e.lineId, e.remaining])).toEqual([
      [order.lineIds[0], 1],
      [order.lineIds[1], 1],
    ]);

    const unknown = await call(core, 'packing.scan', { orderId: order.id, code: '1234' }, helper);
    expect(unknown).toMatchObject({ ok: false, refusal: 'unknown_code', scanned: null, code: '1234' });

    // SKU typed by hand, any case, counts like the barcode.
    expect(await call(core, 'packing.scan', { orderId: order.id, code: 'kub-01' }, helper)).toMatchObject({ ok: true, line: { packedQuantity: 2, verified: true } });
    const tooMany = await call(core, 'packing.scan', { orderId: order.id, code: '5901234123457' }, helper);
    expect(tooMany).toMatchObject({ ok: false, refusal: 'too_many', scanned: { productId: mug } });

    const last = await call(core, 'packing.scan', { orderId: order.id, code: '5906660000018' }, helper);
    expect(last).toMatchObject({ ok: true, allVerified: true });

    // Refusals changed nothing; every scan is in the log with who scanned.
    const lines = core.sqlite.prepare('SELECT packed_quantity AS p FROM order_lines WHERE order_id = ? ORDER BY id').pluck().all(order.id);
    expect(lines).toEqual([2, 1]);
    const log = core.sqlite.prepare('SELECT outcome, actor FROM packing_scans WHERE order_id = ? ORDER BY id').all(order.id);
    expect(log).toEqual([
      { outcome: 'ok', actor: 'helper' },
      { outcome: 'wrong_item', actor: 'helper' },
      { outcome: 'unknown_code', actor: 'helper' },
      { outcome: 'ok', actor: 'helper' },
      { outcome: 'too_many', actor: 'helper' },
      { outcome: 'ok', actor: 'helper' },
    ]);
  });

  it('accepts the 12-digit UPC-A form of an EAN-13 that starts with 0', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'UPC-1', ean: '0012345678905', onHand: 1 });
    const order = await addOrder(core, { lines: [{ productId: p, quantity: 1 }] });
    expect(await call(core, 'packing.scan', { orderId: order.id, code: '012345678905' }, helper)).toMatchObject({ ok: true });
  });

  it('refuses scans for an order that is not waiting for packing', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'A', ean: '5901234123457', onHand: 1 });
    const order = await addOrder(core, { status: 'new', lines: [{ productId: p, quantity: 1 }] });
    expect(await call(core, 'packing.scan', { orderId: order.id, code: '5901234123457' }, helper)).toMatchObject({ ok: false, refusal: 'not_packable' });
  });

  it('takes units back out of the box; a packed order goes back to packing', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'A', ean: '5901234123457', onHand: 3 });
    const order = await addOrder(core, { lines: [{ productId: p, quantity: 2 }] });
    await call(core, 'packing.scan', { orderId: order.id, code: '5901234123457' }, helper);
    await call(core, 'packing.scan', { orderId: order.id, code: '5901234123457' }, helper);
    await call(core, 'packing.complete', { orderId: order.id }, helper);
    const view = await call(core, 'packing.unpackLine', { orderId: order.id, lineId: order.lineIds[0], packedQuantity: 1 }, helper);
    expect(view).toMatchObject({ status: 'to_pick', allVerified: false, lines: [{ packedQuantity: 1, verified: false }] });
    expect(await failure(call(core, 'packing.unpackLine', { orderId: order.id, lineId: order.lineIds[0], packedQuantity: 2 }, helper))).toMatchObject({ code: 'invalid_input' });
  });
});

describe('packing: completing', () => {
  it('cannot complete (or ship) until every line is verified', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'A', ean: '5901234123457', onHand: 3 });
    const order = await addOrder(core, { lines: [{ productId: p, quantity: 2 }] });
    await call(core, 'packing.scan', { orderId: order.id, code: '5901234123457' }, helper);
    const refused = await failure(call(core, 'packing.complete', { orderId: order.id }, helper));
    expect(refused).toMatchObject({ code: 'conflict', details: { reason: 'not_verified', missing: [{ lineId: order.lineIds[0], remaining: 1 }] } });
    expect(await failure(call(core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: '1' }, helper))).toMatchObject({ code: 'conflict' });
    expect((await call(core, 'packing.get', { orderId: order.id }, helper)).status).toBe('to_pick');

    await call(core, 'packing.scan', { orderId: order.id, code: '5901234123457' }, helper);
    const done = await call(core, 'packing.complete', { orderId: order.id }, helper);
    expect(done).toMatchObject({ status: 'packed', allVerified: true });
    expect(auditActions(core, order.id)).toEqual([{ action: 'packing.complete', actor: 'helper', details: null }]);
  });

  it('lets the owner force completion, recorded with the reason; the helper is refused and nothing changes', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'A', ean: '5901234123457', onHand: 3 });
    const order = await addOrder(core, { lines: [{ productId: p, quantity: 2 }, { productId: null, quantity: 1, name: 'Gratis — naklejka' }] });
    await call(core, 'packing.scan', { orderId: order.id, code: '5901234123457' }, helper);

    const byHelper = await dispatch(core, 'packing.forceComplete', { orderId: order.id, reason: 'etykieta zniszczona' }, helper);
    expect(byHelper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call(core, 'packing.get', { orderId: order.id }, helper)).status).toBe('to_pick');
    expect(auditActions(core, order.id)).toEqual([]);

    const forced = await call(core, 'packing.forceComplete', { orderId: order.id, reason: 'etykieta zniszczona' }, owner);
    expect(forced).toMatchObject({ status: 'packed', allVerified: true });
    const audit = auditActions(core, order.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'packing.force',
      actor: 'owner',
      details: {
        reason: 'etykieta zniszczona',
        forced: [
          { lineId: order.lineIds[0], scanned: 1, quantity: 2 },
          { lineId: order.lineIds[1], scanned: 0, quantity: 1, productId: null },
        ],
      },
    });
  });
});

describe('packing: shipping', () => {
  it('books exactly the packed quantities as sales, releases the reservations and records the shipment', async () => {
    const { core } = await shop();
    const shelf = await addLocation(core, 'A-01');
    const mug = await addProduct(core, { sku: 'KUB', ean: '5901234123457', onHand: 10, locationId: shelf, purchasePriceGrosze: 1200 });
    const honey = await addProduct(core, { sku: 'MIOD', ean: '5906660000018', onHand: 4 });
    const order = await addOrder(core, { allegroOrderId: 'a1b2c3d4-0000-4000-8000-000000000001', lines: [{ productId: mug, quantity: 3 }, { productId: honey, quantity: 1 }] });
    const other = await addOrder(core, { lines: [{ productId: mug, quantity: 2 }] });
    expect(product(core, mug)).toEqual({ onHand: 10, reserved: 5 });

    for (const code of ['5901234123457', '5901234123457', '5901234123457', '5906660000018']) {
      expect(await call(core, 'packing.scan', { orderId: order.id, code }, helper)).toMatchObject({ ok: true });
    }
    const shipped = await call(core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: '632506394047755996754576' }, helper);
    expect(shipped).toMatchObject({ orderId: order.id, status: 'shipped', released: 2, sales: [{ productId: mug, quantity: 3 }, { productId: honey, quantity: 1 }] });

    expect(product(core, mug)).toEqual({ onHand: 7, reserved: 2 }); // the other order still holds its 2
    expect(product(core, honey)).toEqual({ onHand: 3, reserved: 0 });
    expect(ledgerSum(core, mug)).toBe(7);
    const sales = core.sqlite.prepare("SELECT product_id AS productId, quantity, location_id AS locationId, document, order_id AS orderId, actor, unit_cost_grosze AS cost FROM stock_ledger WHERE kind = 'sale' ORDER BY id").all();
    expect(sales).toEqual([
      { productId: mug, quantity: -3, locationId: shelf, document: 'a1b2c3d4-0000-4000-8000-000000000001', orderId: order.id, actor: 'helper', cost: 1200 },
      { productId: honey, quantity: -1, locationId: null, document: 'a1b2c3d4-0000-4000-8000-000000000001', orderId: order.id, actor: 'helper', cost: null },
    ]);
    const view = await call(core, 'packing.get', { orderId: order.id }, helper);
    expect(view).toMatchObject({ status: 'shipped', packable: false, shipments: [{ carrier: 'inpost', trackingNumber: '632506394047755996754576' }] });
    expect(auditActions(core, order.id).map((a) => a.action)).toEqual(['packing.ship']);
    expect(other.id).toBeGreaterThan(0);

    // Shipping twice is refused and writes nothing more.
    expect(await failure(call(core, 'packing.ship', { orderId: order.id, carrier: 'inpost' }, helper))).toMatchObject({ code: 'conflict', details: { reason: 'already_shipped' } });
    expect(product(core, mug).onHand).toBe(7);
  });

  it('uses ZAP-<id> as the ledger document for an order without an Allegro id, and ships a forced order in full', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'A', ean: '5901234123457', onHand: 5 });
    const order = await addOrder(core, { allegroOrderId: null, lines: [{ productId: p, quantity: 2 }] });
    await call(core, 'packing.forceComplete', { orderId: order.id, reason: 'skaner nie działa' }, owner);
    await call(core, 'packing.ship', { orderId: order.id, carrier: 'personal' }, owner);
    expect(core.sqlite.prepare("SELECT document, quantity FROM stock_ledger WHERE kind = 'sale'").get()).toEqual({ document: `ZAP-${order.id}`, quantity: -2 });
    expect(product(core, p)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('two people shipping the last unit (one core): one succeeds, the other gets insufficient_stock and nothing is written', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'LAST', name: 'Ostatni kubek', ean: '5901234123457', onHand: 1 });
    const a = await addOrder(core, { lines: [{ productId: p, quantity: 1 }] });
    const b = await addOrder(core, { lines: [{ productId: p, quantity: 1 }] });
    await call(core, 'packing.scan', { orderId: a.id, code: '5901234123457' }, helper);
    await call(core, 'packing.scan', { orderId: b.id, code: '5901234123457' }, owner);

    const results = await Promise.all([
      dispatch(core, 'packing.ship', { orderId: a.id, carrier: 'inpost', trackingNumber: '600000000000000000000001' }, helper),
      dispatch(core, 'packing.ship', { orderId: b.id, carrier: 'inpost', trackingNumber: '600000000000000000000002' }, owner),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, error: { code: 'insufficient_stock', details: { shortages: [{ productId: p, sku: 'LAST', name: 'Ostatni kubek', onHand: 0, needed: 1 }] } } });
    expect(product(core, p)).toEqual({ onHand: 0, reserved: 1 });
    const loserId = results[0]!.ok ? b.id : a.id;
    expect(core.sqlite.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(loserId)).toBe('to_pick');
    expect(core.sqlite.prepare('SELECT count(*) FROM shipments WHERE order_id = ?').pluck().get(loserId)).toBe(0);
    expect(core.sqlite.prepare('SELECT count(*) FROM stock_ledger WHERE order_id = ?').pluck().get(loserId)).toBe(0);
    expect(core.sqlite.prepare('SELECT count(*) FROM reservations r JOIN order_lines l ON l.id = r.order_line_id WHERE l.order_id = ?').pluck().get(loserId)).toBe(1);
    expect(auditActions(core, loserId)).toEqual([]);
  });

  it('two apps on the same database file: the second to ship the last unit is refused with nothing written', async () => {
    const t = await shop();
    const p = await addProduct(t.core, { sku: 'LAST', ean: '5901234123457', onHand: 1 });
    const a = await addOrder(t.core, { lines: [{ productId: p, quantity: 1 }] });
    const b = await addOrder(t.core, { lines: [{ productId: p, quantity: 1 }] });
    const second = await createCore({ dbFile: t.dbFile, logger: silentLogger, now: () => NOW, validateOutput: true });
    cleanups.push(() => second.close());
    // Both packers scanned while the unit was still on hand.
    await call(t.core, 'packing.scan', { orderId: a.id, code: '5901234123457' }, helper);
    await call(second, 'packing.scan', { orderId: b.id, code: '5901234123457' }, owner);

    await call(t.core, 'packing.ship', { orderId: a.id, carrier: 'inpost', trackingNumber: '600000000000000000000001' }, helper);
    const refused = await dispatch(second, 'packing.ship', { orderId: b.id, carrier: 'inpost', trackingNumber: '600000000000000000000002' }, owner);
    expect(refused).toMatchObject({ ok: false, error: { code: 'insufficient_stock' } });
    expect(product(second, p)).toEqual({ onHand: 0, reserved: 1 });
    expect(second.sqlite.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(b.id)).toBe('to_pick');
    expect(second.sqlite.prepare('SELECT count(*) FROM shipments WHERE order_id = ?').pluck().get(b.id)).toBe(0);
  });

  it('lets stock go below zero only for a product that allows backorders', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'BO', ean: '5901234123457', onHand: 0, allowBackorder: true });
    const order = await addOrder(core, { lines: [{ productId: p, quantity: 2 }] });
    await call(core, 'packing.forceComplete', { orderId: order.id, reason: 'na zamówienie' }, owner);
    await call(core, 'packing.ship', { orderId: order.id, carrier: 'dpd', trackingNumber: '1000123456789U' }, owner);
    expect(product(core, p)).toEqual({ onHand: -2, reserved: 0 });
  });
});

describe('packing: queue and pick list', () => {
  it('lists orders to pick and packed ones, oldest promise first, overdue flagged; computes a missing promise', async () => {
    const { core } = await shop();
    const p = await addProduct(core, { sku: 'A', onHand: 50 });
    const later = await addOrder(core, { dispatchBy: '2026-11-25T22:59:59.000Z', lines: [{ productId: p, quantity: 1 }] });
    const overdue = await addOrder(core, { dispatchBy: '2026-11-21T22:59:59.000Z', lines: [{ productId: p, quantity: 2 }] });
    const packed = await addOrder(core, { status: 'packed', dispatchBy: '2026-11-24T22:59:59.000Z', lines: [{ productId: p, quantity: 1, packed: 1 }] });
    // No stored promise: bought Friday 20 Nov, handling time 1 working day → Monday 23 Nov, end of day Warsaw.
    const computed = await addOrder(core, { dispatchBy: null, lines: [{ productId: p, quantity: 1 }] });
    await addOrder(core, { status: 'new', lines: [{ productId: p, quantity: 1 }] });
    await addOrder(core, { status: 'shipped', lines: [{ productId: p, quantity: 1 }] });

    const queue = await call(core, 'packing.queue', {}, helper);
    expect(queue.rows.map((r) => r.id)).toEqual([overdue.id, computed.id, packed.id, later.id]);
    expect(queue.rows.find((r) => r.id === computed.id)!.dispatchBy).toBe('2026-11-23T22:59:59.000Z');
    expect(queue.rows.map((r) => r.overdue)).toEqual([true, false, false, false]);
    expect(queue).toMatchObject({ total: 4, overdueCount: 1 });
    expect(queue.rows[0]).toMatchObject({ number: `ZAP-${overdue.id}`, itemCount: 2, packedCount: 0, lineCount: 1, status: 'to_pick' });

    expect((await call(core, 'packing.queue', { filter: 'packed' }, helper)).rows.map((r) => r.id)).toEqual([packed.id]);
    expect((await call(core, 'packing.queue', { search: `zap-${later.id}` }, helper)).rows.map((r) => r.id)).toEqual([later.id]);
  });

  it('builds the pick list: units per product, sorted by shelf (A-2 before A-10), with the quantity per order', async () => {
    const { core } = await shop();
    const a10 = await addLocation(core, 'A-10');
    const a2 = await addLocation(core, 'A-2');
    const b1 = await addLocation(core, 'B-1');
    const mug = await addProduct(core, { sku: 'KUB', name: 'Kubek', ean: '5901234123457', onHand: 10, locationId: a10 });
    const honey = await addProduct(core, { sku: 'MIOD', name: 'Miód', onHand: 1, locationId: a2 });
    const candle = await addProduct(core, { sku: 'SW', name: 'Świeca', onHand: 3, locationId: b1 });
    const noShelf = await addProduct(core, { sku: 'X', name: 'Bez półki', onHand: 3 });
    const o1 = await addOrder(core, { allegroOrderId: 'ALG-1', lines: [{ productId: mug, quantity: 2 }, { productId: honey, quantity: 1 }] });
    const o2 = await addOrder(core, { lines: [{ productId: mug, quantity: 1, packed: 1 }, { productId: candle, quantity: 3 }, { productId: noShelf, quantity: 1 }] });
    const o3 = await addOrder(core, { lines: [{ productId: mug, quantity: 4 }, { productId: null, quantity: 1, name: 'Zestaw bez powiązania' }] });

    const list = await call(core, 'packing.pickList', { orderIds: [o1.id, o2.id, o3.id] }, helper);
    expect(list.items.map((i) => [i.locationCode, i.sku, i.quantity])).toEqual([
      ['A-2', 'MIOD', 1],
      ['A-10', 'KUB', 6], // 2 + 4; o2's one mug is already packed
      ['B-1', 'SW', 3],
      [null, 'X', 1], // no shelf: last, by name ("Bez półki" before "Zestaw…")
      [null, 'OFF-1', 1],
    ]);
    expect(list.items[1]!.orders).toEqual([
      { orderId: o1.id, number: 'ALG-1', quantity: 2 },
      { orderId: o3.id, number: `ZAP-${o3.id}`, quantity: 4 },
    ]);
    expect(list.items[1]!.onHand).toBe(10);
    expect(list.items[4]).toMatchObject({ productId: null, name: 'Zestaw bez powiązania', onHand: null });
    expect(list.totalUnits).toBe(12);
    expect(list.orders.map((o) => o.number)).toEqual(['ALG-1', `ZAP-${o2.id}`, `ZAP-${o3.id}`]);

    expect(await failure(call(core, 'packing.pickList', { orderIds: [o1.id, 999] }, helper))).toMatchObject({ code: 'not_found', details: { orderIds: [999] } });
  });
});

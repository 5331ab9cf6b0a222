import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { addOrder, addProduct, auditActions, ledgerSum, product } from './support/shop-fixture';

/*
 * Issue 13: a product's EAN must never become a tracking number (point 5), unpaid orders do not leave
 * unnoticed (point 3), and shipping mistakes can be mended afterwards by the owner with a reason:
 * correct the tracking number, undo a shipment (reversal in the ledger), reopen an order.
 */

const NOW = new Date('2026-11-22T10:00:00.000Z');
const owner = { role: 'owner' as const };
const helper = { role: 'helper' as const };
const INPOST = '632506394047755996754576';
const EAN = '5901234123457';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function shop(): Promise<TempCore> {
  const t = await tempCore({ now: () => NOW });
  cleanups.push(t.dispose);
  return t;
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected the call to fail');
}

async function packedOrder(t: TempCore, opts: { payment?: 'paid' | 'unpaid' | 'cod'; allegroOrderId?: string } = {}) {
  const mug = await addProduct(t.core, { sku: 'KUB-01', name: 'Kubek Łąka', ean: EAN, onHand: 5 });
  const order = await addOrder(t.core, { ...opts, lines: [{ productId: mug, quantity: 2 }] });
  await call(t.core, 'packing.scan', { orderId: order.id, code: EAN }, helper);
  await call(t.core, 'packing.scan', { orderId: order.id, code: EAN }, helper);
  await call(t.core, 'packing.complete', { orderId: order.id }, helper);
  return { mug, order };
}

function shipments(t: TempCore, orderId: number) {
  return t.core.sqlite.prepare('SELECT tracking_number AS tracking, cancelled_at AS cancelledAt, cancel_reason AS reason FROM shipments WHERE order_id = ? ORDER BY id').all(orderId);
}

describe('tracking number: never a product code or an order number', () => {
  it('refuses an EAN, a SKU, our order code and an Allegro order id — nothing is shipped, no stock moves', async () => {
    const t = await shop();
    const { mug, order } = await packedOrder(t, { allegroOrderId: 'a1b2c3d4-0000-4000-8000-000000000001' });
    for (const [code, reason] of [
      [EAN, 'tracking_is_product'],
      ['kub-01', 'tracking_is_product'],
      [`ZAP-${order.id}`, 'tracking_is_order'],
      ['a1b2c3d4-0000-4000-8000-000000000001', 'tracking_is_order'],
    ] as const) {
      // Even for "other" carriers (no known format) and even when the person confirmed an unusual number.
      const refused = await failure(call(t.core, 'packing.ship', { orderId: order.id, carrier: 'other', trackingNumber: code, confirmUnusualTracking: true }, helper));
      expect(refused, code).toMatchObject({ code: 'invalid_input', details: { reason, trackingNumber: code } });
    }
    const byProduct = await failure(call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: EAN }, helper));
    expect(byProduct.details).toMatchObject({ product: { sku: 'KUB-01', name: 'Kubek Łąka' } });
    expect((await call(t.core, 'packing.get', { orderId: order.id }, helper)).status).toBe('packed');
    expect(product(t.core, mug)).toEqual({ onHand: 5, reserved: 2 });
    expect(shipments(t, order.id)).toEqual([]);
  });

  it('refuses an InPost number that is not 24 digits; warns about an unusual DPD number until confirmed', async () => {
    const t = await shop();
    const { order } = await packedOrder(t);
    expect(await failure(call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: '12345678', confirmUnusualTracking: true }, helper))).toMatchObject({
      code: 'invalid_input',
      details: { reason: 'tracking_format', carrier: 'inpost' },
    });
    expect(await failure(call(t.core, 'packing.ship', { orderId: order.id, carrier: 'dpd', trackingNumber: 'ABC' }, helper))).toMatchObject({
      code: 'invalid_input',
      details: { reason: 'tracking_unusual', carrier: 'dpd' },
    });
    const shipped = await call(t.core, 'packing.ship', { orderId: order.id, carrier: 'dpd', trackingNumber: 'ABC', confirmUnusualTracking: true }, helper);
    expect(shipped.status).toBe('shipped');
  });

  it('takes a number typed in the groups the label prints it in as the same number, and still refuses a grouped EAN', async () => {
    const t = await shop();
    const { order } = await packedOrder(t);
    const grouped = await failure(call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: '590 1234 123457' }, helper));
    expect(grouped).toMatchObject({ code: 'invalid_input', details: { reason: 'tracking_is_product', trackingNumber: EAN } });
    const typed = INPOST.replace(/(\d{4})(?=\d)/g, '$1 ').replace(/ (\d{4})$/, '\u00a0$1');
    expect(typed).toMatch(/ /);
    expect((await call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: ` ${typed} ` }, helper)).status).toBe('shipped');
    expect(shipments(t, order.id)).toEqual([{ tracking: INPOST, cancelledAt: null, reason: null }]);
    const [shipment] = t.core.sqlite.prepare('SELECT id FROM shipments WHERE order_id = ?').pluck().all(order.id) as number[];
    const other = '6325 0639 4047 7559 9675 4577';
    await call(t.core, 'packing.correctTracking', { orderId: order.id, shipmentId: shipment!, trackingNumber: other, reason: 'etykieta wydrukowana ponownie' }, owner);
    expect(shipments(t, order.id)).toEqual([{ tracking: other.replace(/ /g, ''), cancelledAt: null, reason: null }]);
    expect(await failure(call(t.core, 'packing.correctTracking', { orderId: order.id, shipmentId: shipment!, trackingNumber: '   ', reason: 'etykieta wydrukowana ponownie' }, owner))).toMatchObject({ code: 'invalid_input' });
  });

  it('accepts a real InPost number', async () => {
    const t = await shop();
    const { order } = await packedOrder(t);
    expect((await call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: INPOST }, helper)).status).toBe('shipped');
  });
});

describe('unpaid orders', () => {
  it('are refused at shipping unless the owner gives a reason; cash on delivery ships as usual', async () => {
    const t = await shop();
    const { mug, order } = await packedOrder(t, { payment: 'unpaid' });
    expect((await call(t.core, 'packing.get', { orderId: order.id }, helper)).payment).toBe('unpaid');
    expect((await call(t.core, 'packing.queue', {}, helper)).rows[0]).toMatchObject({ id: order.id, payment: 'unpaid' });
    expect(await failure(call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: INPOST }, helper))).toMatchObject({ code: 'conflict', details: { reason: 'unpaid' } });
    expect(await failure(call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: INPOST, unpaidReason: 'przelew w drodze' }, helper))).toMatchObject({
      code: 'forbidden',
    });
    expect(product(t.core, mug).onHand).toBe(5);
    await call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: INPOST, unpaidReason: 'przelew w drodze' }, owner);
    const ship = auditActions(t.core, order.id).find((a) => a.action === 'packing.ship');
    expect(ship).toMatchObject({ actor: 'owner', details: { unpaidOverride: 'przelew w drodze' } });

    const cod = await addOrder(t.core, { payment: 'cod', lines: [{ productId: mug, quantity: 1, packed: 1 }], status: 'packed' });
    expect((await call(t.core, 'packing.ship', { orderId: cod.id, carrier: 'inpost', trackingNumber: '600000000000000000000009' }, helper)).status).toBe('shipped');
  });

  it('are refused when sent to packing, unless the owner overrides with a reason', async () => {
    const t = await shop();
    const mug = await addProduct(t.core, { sku: 'KUB-01', ean: EAN, onHand: 5 });
    const unpaid = await addOrder(t.core, { status: 'new', payment: 'unpaid', lines: [{ productId: mug, quantity: 1 }] });
    const paid = await addOrder(t.core, { status: 'new', lines: [{ productId: mug, quantity: 1 }] });
    const cod = await addOrder(t.core, { status: 'new', payment: 'cod', lines: [{ productId: mug, quantity: 1 }] });
    const result = await call(t.core, 'orders.setStatus', { ids: [unpaid.id, paid.id, cod.id], status: 'to_pick' }, owner);
    expect(result.changed.sort()).toEqual([paid.id, cod.id].sort());
    expect(result.refused).toEqual([expect.objectContaining({ id: unpaid.id, code: 'unpaid' })]);
    // A helper cannot override; the owner without a reason cannot either.
    expect((await call(t.core, 'orders.setStatus', { ids: [unpaid.id], status: 'to_pick', allowUnpaid: true, reason: 'zna klienta' }, helper)).refused).toHaveLength(1);
    expect((await call(t.core, 'orders.setStatus', { ids: [unpaid.id], status: 'to_pick', allowUnpaid: true }, owner)).refused).toHaveLength(1);
    expect((await call(t.core, 'orders.setStatus', { ids: [unpaid.id], status: 'to_pick', allowUnpaid: true, reason: 'stały klient' }, owner)).changed).toEqual([unpaid.id]);
    expect(auditActions(t.core, unpaid.id).at(-1)).toMatchObject({ action: 'order.status', actor: 'owner', details: { to: 'to_pick', reason: 'unpaid: stały klient' } });
  });
});

describe('corrections after the fact', () => {
  it('the owner corrects a tracking number; the old one stays in the audit; a product code is refused there too', async () => {
    const t = await shop();
    const { order } = await packedOrder(t);
    await call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: INPOST }, helper);
    const shipmentId = (await call(t.core, 'packing.get', { orderId: order.id }, helper)).shipments[0]!.id;
    const input = { orderId: order.id, shipmentId, trackingNumber: '600000000000000000000042', reason: 'pomyłka w numerze' };
    expect(await failure(call(t.core, 'packing.correctTracking', input, helper))).toMatchObject({ code: 'forbidden' });
    expect(await failure(call(t.core, 'packing.correctTracking', { ...input, trackingNumber: EAN }, owner))).toMatchObject({ details: { reason: 'tracking_is_product' } });
    const view = await call(t.core, 'packing.correctTracking', input, owner);
    expect(view.shipments).toEqual([expect.objectContaining({ id: shipmentId, trackingNumber: '600000000000000000000042' })]);
    expect(auditActions(t.core, order.id).at(-1)).toMatchObject({ action: 'shipment.correctTracking', actor: 'owner', details: { from: INPOST, to: '600000000000000000000042', reason: 'pomyłka w numerze' } });
  });

  it('undoing a shipment puts the units back by a reversal entry, reserves them again and keeps the history', async () => {
    const t = await shop();
    const { mug, order } = await packedOrder(t);
    await call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: INPOST }, helper);
    expect(product(t.core, mug)).toEqual({ onHand: 3, reserved: 0 });
    expect(await failure(call(t.core, 'packing.undoShipment', { orderId: order.id, reason: 'paczka nie wyszła' }, helper))).toMatchObject({ code: 'forbidden' });

    const view = await call(t.core, 'packing.undoShipment', { orderId: order.id, reason: 'paczka nie wyszła' }, owner);
    expect(view).toMatchObject({ status: 'packed', shipments: [] });
    expect(product(t.core, mug)).toEqual({ onHand: 5, reserved: 2 });
    expect(ledgerSum(t.core, mug)).toBe(5);
    // History is not edited: the sale stays, the reversal is a new entry.
    const ledger = t.core.sqlite.prepare("SELECT kind, quantity, reason FROM stock_ledger WHERE order_id = ? ORDER BY id").all(order.id);
    expect(ledger).toEqual([
      // Stored as codes; the stock history says them in the reader's language (shared/domain/ledger-reasons.ts).
      { kind: 'sale', quantity: -2, reason: 'sale.shipped' },
      { kind: 'sale', quantity: 2, reason: 'shipment.undo ["paczka nie wyszła"]' },
    ]);
    expect(shipments(t, order.id)).toEqual([{ tracking: INPOST, cancelledAt: NOW.toISOString(), reason: 'paczka nie wyszła' }]);
    expect(auditActions(t.core, order.id).at(-1)).toMatchObject({ action: 'shipment.undo', actor: 'owner', details: { reason: 'paczka nie wyszła', restored: [{ productId: mug, quantity: 2 }] } });

    // Undoing twice is refused; shipping again books the sale once more.
    expect(await failure(call(t.core, 'packing.undoShipment', { orderId: order.id, reason: 'jeszcze raz' }, owner))).toMatchObject({ code: 'conflict', details: { reason: 'not_shipped' } });
    await call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: '600000000000000000000042' }, helper);
    expect(product(t.core, mug)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('reopening a shipped order undoes the shipment, clears the scans and puts it back to packing', async () => {
    const t = await shop();
    const { mug, order } = await packedOrder(t);
    await call(t.core, 'packing.ship', { orderId: order.id, carrier: 'inpost', trackingNumber: INPOST }, helper);
    expect(await failure(call(t.core, 'packing.reopenOrder', { orderId: order.id, reason: 'zły towar w paczce' }, helper))).toMatchObject({ code: 'forbidden' });
    const view = await call(t.core, 'packing.reopenOrder', { orderId: order.id, reason: 'zły towar w paczce' }, owner);
    expect(view).toMatchObject({ status: 'to_pick', allVerified: false, shipments: [], lines: [{ packedQuantity: 0, forcedQuantity: 0 }] });
    expect(product(t.core, mug)).toEqual({ onHand: 5, reserved: 2 });
    expect(auditActions(t.core, order.id).slice(-2).map((a) => a.action)).toEqual(['shipment.undo', 'order.reopen']);
    // Delivered or new orders are not reopened this way.
    const fresh = await addOrder(t.core, { status: 'new', lines: [{ productId: mug, quantity: 1 }] });
    expect(await failure(call(t.core, 'packing.reopenOrder', { orderId: fresh.id, reason: 'test test' }, owner))).toMatchObject({ code: 'conflict', details: { reason: 'not_reopenable' } });
  });

  it('a packed order reopened by the owner is packed again from the start', async () => {
    const t = await shop();
    const { mug, order } = await packedOrder(t);
    const view = await call(t.core, 'packing.reopenOrder', { orderId: order.id, reason: 'sprawdzić jeszcze raz' }, owner);
    expect(view).toMatchObject({ status: 'to_pick', lines: [{ packedQuantity: 0 }] });
    expect(product(t.core, mug)).toEqual({ onHand: 5, reserved: 2 });
  });
});

describe('forced lines', () => {
  it('remember how many units the owner forced, so the screen can show them apart from scanned ones', async () => {
    const t = await shop();
    const mug = await addProduct(t.core, { sku: 'KUB-01', ean: EAN, onHand: 5 });
    const order = await addOrder(t.core, { lines: [{ productId: mug, quantity: 3 }] });
    await call(t.core, 'packing.scan', { orderId: order.id, code: EAN }, helper);
    const forced = await call(t.core, 'packing.forceComplete', { orderId: order.id, reason: 'etykieta zniszczona' }, owner);
    expect(forced.lines[0]).toMatchObject({ packedQuantity: 3, forcedQuantity: 2, verified: true });
    const out = await call(t.core, 'packing.unpackLine', { orderId: order.id, lineId: order.lineIds[0]!, packedQuantity: 2 }, helper);
    expect(out.lines[0]).toMatchObject({ packedQuantity: 2, forcedQuantity: 1 });
  });
});

describe('packing queue paging', () => {
  it('pages through every waiting order and says how many there are', async () => {
    const t = await shop();
    const mug = await addProduct(t.core, { sku: 'KUB-01', ean: EAN, onHand: 5 });
    for (let i = 0; i < 7; i++) await addOrder(t.core, { lines: [{ productId: mug, quantity: 1 }], boughtAt: `2026-11-20T08:0${i}:00.000Z`, payment: i === 3 ? 'unpaid' : 'paid' });
    const first = await call(t.core, 'packing.queue', { limit: 3 }, helper);
    const third = await call(t.core, 'packing.queue', { limit: 3, offset: 6 }, helper);
    expect(first).toMatchObject({ total: 7, unpaidCount: 1 });
    expect(first.rows).toHaveLength(3);
    expect(third.rows).toHaveLength(1);
    const all = await call(t.core, 'packing.queue', { limit: 100 }, helper);
    expect([...first.rows, ...(await call(t.core, 'packing.queue', { limit: 3, offset: 3 }, helper)).rows, ...third.rows].map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { reserveOrder } from '../../../electron/core/stock/reservations.repository';
import { tempCore, type TempCore } from '../../support/temp-core';
import { insertOrder, insertProduct, receive } from './order-fixtures';

let t: TempCore;
let clock = Date.parse('2026-06-10T08:00:00.000Z');
let mug: number;
let plate: number;

beforeEach(async () => {
  t = await tempCore({ now: () => new Date((clock += 1000)) });
  const shelf = (await call(t.core, 'stock.saveLocation', { code: 'A-01' })).id;
  mug = insertProduct(t.core, { sku: 'KUB-1', name: 'Kubek', ean: '5901234123457', locationId: shelf });
  plate = insertProduct(t.core, { sku: 'TAL-1', name: 'Talerz' });
  receive(t.core, mug, 10);
  receive(t.core, plate, 1);
});
afterEach(async () => t.dispose());

const reserved = (id: number) => t.core.sqlite.prepare('SELECT reserved FROM products WHERE id = ?').pluck().get(id) as number;
const statusOf = (id: number) => t.core.sqlite.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id) as string;

async function openOrder(status = 'new', quantity = 2): Promise<number> {
  const id = insertOrder(t.core, {
    status,
    boughtAt: '2026-06-09T10:00:00.000Z',
    lines: [
      { productId: mug, quantity, name: 'Kubek 300 ml' },
      { productId: null, externalId: 'NIEZNANY', name: 'Coś spoza magazynu' },
    ],
  });
  await reserveOrder(t.core.db, id, new Date());
  return id;
}

describe('shop status flow', () => {
  it('sends a selection to packing: allowed ones move, the others are refused with a reason', async () => {
    const a = await openOrder('new');
    const b = await openOrder('on_hold');
    const c = await openOrder('shipped');
    const result = await call(t.core, 'orders.setStatus', { ids: [a, b, c, 999_999], status: 'to_pick' }, { role: 'helper' });
    expect(result.changed).toEqual([a, b]);
    expect(result.refused).toEqual([
      expect.objectContaining({ id: c, code: 'conflict', from: 'shipped' }),
      expect.objectContaining({ id: 999_999, code: 'not_found' }),
    ]);
    expect([statusOf(a), statusOf(b), statusOf(c)]).toEqual(['to_pick', 'to_pick', 'shipped']);
  });

  it('leaves packing and shipping to the packing screen', async () => {
    const a = await openOrder('to_pick');
    const p = await openOrder('packed');
    expect((await call(t.core, 'orders.setStatus', { ids: [a], status: 'packed' })).refused[0]).toMatchObject({ code: 'conflict', message: expect.stringContaining('packing screen') });
    expect((await call(t.core, 'orders.setStatus', { ids: [p], status: 'shipped' })).refused[0]).toMatchObject({ code: 'conflict' });
    expect((await call(t.core, 'orders.setStatus', { ids: [p], status: 'to_pick' })).changed).toEqual([p]);
  });

  it('cancelling releases the reservations (owner only) and is final', async () => {
    const a = await openOrder('to_pick', 3);
    expect(reserved(mug)).toBe(3);
    expect((await call(t.core, 'orders.setStatus', { ids: [a], status: 'cancelled' }, { role: 'helper' })).refused[0]).toMatchObject({ code: 'forbidden' });
    expect(reserved(mug)).toBe(3);
    const result = await call(t.core, 'orders.setStatus', { ids: [a], status: 'cancelled', reason: 'Kupujący zrezygnował' });
    expect(result.changed).toEqual([a]);
    expect(reserved(mug)).toBe(0);
    expect(t.core.sqlite.prepare('SELECT count(*) FROM reservations').pluck().get()).toBe(0);
    expect((await call(t.core, 'orders.setStatus', { ids: [a], status: 'new' })).refused[0]).toMatchObject({ code: 'conflict' });
  });

  it('re-entering an open status reserves lines matched in the meantime', async () => {
    const a = await openOrder('on_hold', 1);
    t.core.sqlite.prepare(`UPDATE order_lines SET product_id = ? WHERE order_id = ? AND product_id IS NULL`).run(plate, a);
    expect(reserved(plate)).toBe(0);
    await call(t.core, 'orders.setStatus', { ids: [a], status: 'to_pick' });
    expect(reserved(plate)).toBe(1);
  });

  it('writes the audit with who did it, and the detail shows the timeline and what may come next', async () => {
    const a = await openOrder('new');
    await call(t.core, 'orders.setStatus', { ids: [a], status: 'on_hold', reason: 'Czekamy na dopłatę' }, { role: 'helper' });
    await call(t.core, 'orders.setStatus', { ids: [a], status: 'to_pick' });
    await call(t.core, 'orders.updateNote', { id: a, sellerNote: 'Zapakować na prezent' }, { role: 'helper' });
    const audit = t.core.sqlite.prepare(`SELECT actor, action, details_json AS d FROM audit_log WHERE entity = 'order' AND entity_id = ? ORDER BY id`).all(String(a)) as Array<{ actor: string; action: string; d: string }>;
    expect(audit.map((e) => [e.actor, e.action, JSON.parse(e.d)])).toEqual([
      ['helper', 'order.status', { from: 'new', to: 'on_hold', reason: 'Czekamy na dopłatę' }],
      ['owner', 'order.status', { from: 'on_hold', to: 'to_pick' }],
      ['helper', 'order.note', { from: null, to: 'Zapakować na prezent' }],
    ]);
    const detail = await call(t.core, 'orders.get', { id: a }, { role: 'helper' });
    expect(detail.order).toMatchObject({ status: 'to_pick', sellerNote: 'Zapakować na prezent' });
    expect(detail.timeline.map((e) => e.action)).toEqual(['order.create', 'order.status', 'order.status', 'order.note']);
    expect(detail.allowedNext).toEqual(['new', 'on_hold']); // helper: no cancel; packed is the packing screen's
    expect((await call(t.core, 'orders.get', { id: a })).allowedNext).toEqual(['new', 'on_hold', 'cancelled']);
  });
});

describe('order detail', () => {
  it('shows lines with their product match and stock, delivery to a pickup point, invoice data and the buyer message', async () => {
    const id = insertOrder(t.core, {
      allegroOrderId: '29cf7b50-9a61-11ef-8b3a-0242ac120002',
      buyerLogin: 'anna_nowak',
      buyerName: 'Anna Nowak',
      boughtAt: '2026-06-09T10:00:00.000Z',
      pickupPointId: 'KRA01M',
      pickupPointName: 'Paczkomat KRA01M',
      invoiceRequired: true,
      invoiceCompanyName: 'Nowak Sp. z o.o.',
      invoiceTaxId: '5260250274',
      buyerMessage: 'Proszę o szybką wysyłkę',
      carrier: 'inpost',
      deliveryMethodName: 'Allegro Paczkomaty InPost',
      lines: [
        { productId: mug, quantity: 2, name: 'Kubek 300 ml' },
        { productId: null, externalId: 'NIEZNANY', name: 'Coś spoza magazynu' },
      ],
    });
    await reserveOrder(t.core.db, id, new Date());
    const detail = await call(t.core, 'orders.get', { id });
    expect(detail.lines).toEqual([
      expect.objectContaining({ name: 'Kubek 300 ml', quantity: 2, reservedQuantity: 2, product: expect.objectContaining({ sku: 'KUB-1', onHand: 10, reserved: 2, available: 8, locationCode: 'A-01' }) }),
      expect.objectContaining({ name: 'Coś spoza magazynu', externalId: 'NIEZNANY', reservedQuantity: 0, product: null }),
    ]);
    expect(detail.delivery).toMatchObject({ carrier: 'inpost', pickupPoint: { id: 'KRA01M', name: 'Paczkomat KRA01M' }, address: null });
    expect(detail.invoice).toMatchObject({ companyName: 'Nowak Sp. z o.o.', taxId: '5260250274' });
    expect(detail.order).toMatchObject({ buyerMessage: 'Proszę o szybką wysyłkę', dispatchByComputed: true, allegroOrderId: '29cf7b50-9a61-11ef-8b3a-0242ac120002' });
    expect(await call(t.core, 'orders.lookup', { code: '29CF7B50-9A61-11EF-8B3A-0242AC120002' })).toEqual({ id });
    expect(await call(t.core, 'orders.lookup', { code: String(id) })).toEqual({ id });
    // As printed and barcoded on a packing slip.
    expect(await call(t.core, 'orders.lookup', { code: `ZAP-${id}` })).toEqual({ id });
    expect(await call(t.core, 'orders.lookup', { code: `zap-${id}` })).toEqual({ id });
    expect(await call(t.core, 'orders.lookup', { code: 'ZAP-999999' })).toEqual({ id: null });
    expect(await call(t.core, 'orders.lookup', { code: 'nope' })).toEqual({ id: null });
  });
});

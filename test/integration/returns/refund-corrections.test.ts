import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { addLocation, addOrder, addProduct, product } from '../packing/support/shop-fixture';

/**
 * Refunds checked against what the order is worth, voided and entered again; a return registered by
 * mistake cancelled with reversal entries; refund deadlines that count only what the shop really owes.
 * Real SQLite file, through dispatch (the contract's validation included).
 */
const NOW = new Date('2026-11-22T10:00:00.000Z');
const helper = { role: 'helper' as const };
const owner = { role: 'owner' as const };

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

/** A shipped order worth 98,47 zł: 2 mugs at 39,99 and 18,49 zł delivery. */
async function shippedOrder(t: TempCore) {
  const shelf = await addLocation(t.core, 'R-01');
  const mug = await addProduct(t.core, { sku: 'KUB', name: 'Kubek', onHand: 5, locationId: shelf });
  const order = await addOrder(t.core, { status: 'shipped', allegroOrderId: null, lines: [{ productId: mug, quantity: 2, unitPriceGrosze: 3999 }] });
  t.core.sqlite.prepare('UPDATE orders SET total_to_pay_grosze = 9847, delivery_cost_grosze = 1849 WHERE id = ?').run(order.id);
  return { shelf, mug, order };
}

async function returnOne(t: TempCore, orderId: number, orderLineId: number, quantity = 1) {
  return call(t.core, 'returns.register', { orderId, lines: [{ orderLineId, quantity, reasonCode: 'SHOP_WITHDRAWAL', condition: 'resellable', decision: 'restock' }] }, helper);
}

describe('refund amount', () => {
  it('refuses 0 zł and more than the order is worth minus earlier refunds; suggests the returned items', async () => {
    const t = await shop();
    const { order } = await shippedOrder(t);
    const first = await returnOne(t, order.id, order.lineIds[0]!);
    expect(first.refundLimit).toEqual({ orderTotalGrosze: 9847, refundedElsewhereGrosze: 0, maxGrosze: 9847, suggestedGrosze: 3999 });

    expect(await failure(call(t.core, 'returns.markRefunded', { id: first.return.id, refundGrosze: 0 }, helper))).toMatchObject({ code: 'invalid_input' });
    const huge = await failure(call(t.core, 'returns.markRefunded', { id: first.return.id, refundGrosze: 9_999_999_900 }, helper));
    expect(huge).toMatchObject({ code: 'invalid_input', details: [{ path: 'refundGrosze', maxGrosze: 9847 }] });
    expect((huge.details as Array<{ text: { pl: string } }>)[0]!.text.pl).toMatch(/^Najwyżej 98,47\szł — tyle zostało z wartości zamówienia/u);
    expect(t.core.sqlite.prepare('SELECT refunded_at FROM returns WHERE id = ?').pluck().get(first.return.id)).toBeNull();

    await call(t.core, 'returns.markRefunded', { id: first.return.id, refundGrosze: 5000 }, helper);
    // The second mug: the whole order is back, so the delivery is suggested too, within what is left.
    const second = await returnOne(t, order.id, order.lineIds[0]!);
    expect(second.refundLimit).toEqual({ orderTotalGrosze: 9847, refundedElsewhereGrosze: 5000, maxGrosze: 4847, suggestedGrosze: 4847 });
    expect(await failure(call(t.core, 'returns.markRefunded', { id: second.return.id, refundGrosze: 4848 }, helper))).toMatchObject({ code: 'invalid_input' });
    expect((await call(t.core, 'returns.markRefunded', { id: second.return.id, refundGrosze: 4847 }, helper)).return.refund.met).toBe(true);
    // One refund at a time per return.
    expect(await failure(call(t.core, 'returns.markRefunded', { id: second.return.id, refundGrosze: 1 }, helper))).toMatchObject({ code: 'conflict', details: { reason: 'already_refunded' } });
  });

  it('a wrong refund is voided by the owner with a reason, stays as history, no longer counts, and is entered again', async () => {
    const t = await shop();
    const { order } = await shippedOrder(t);
    const ret = await returnOne(t, order.id, order.lineIds[0]!, 2);
    await call(t.core, 'returns.markRefunded', { id: ret.return.id, refundGrosze: 798 }, helper);
    await call(t.core, 'returns.setStatus', { id: ret.return.id, status: 'closed' }, helper);

    expect(await failure(call(t.core, 'returns.voidRefund', { id: ret.return.id, reason: 'pomyłka w kwocie' }, helper))).toMatchObject({ code: 'forbidden' });
    expect(await failure(call(t.core, 'returns.voidRefund', { id: ret.return.id, reason: '' }, owner))).toMatchObject({ code: 'invalid_input' });
    const voided = await call(t.core, 'returns.voidRefund', { id: ret.return.id, reason: 'pomyłka w kwocie' }, owner);
    // Not settled any more: open again, refund owed, the voided one kept with who, when and why.
    expect(voided.return).toMatchObject({ status: 'received', refundedAt: null, refundGrosze: null, refund: { met: false } });
    expect(voided.refunds).toEqual([expect.objectContaining({ amountGrosze: 798, voidedAt: NOW.toISOString(), voidedBy: 'owner', voidReason: 'pomyłka w kwocie' })]);
    expect(voided.refundLimit?.maxGrosze).toBe(9847);

    const again = await call(t.core, 'returns.markRefunded', { id: ret.return.id, refundGrosze: 9847 }, helper);
    expect(again.return).toMatchObject({ refundGrosze: 9847, refund: { met: true } });
    expect(again.refunds!.map((r) => [r.amountGrosze, r.voidedAt === null])).toEqual([
      [9847, true],
      [798, false],
    ]);
    const audit = t.core.sqlite.prepare("SELECT action, actor FROM audit_log WHERE entity = 'return' AND action LIKE 'returns.refund%' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'returns.refund', actor: 'helper' },
      { action: 'returns.refund_void', actor: 'owner' },
      { action: 'returns.refund', actor: 'helper' },
    ]);
    expect(await failure(call(t.core, 'returns.voidRefund', { id: 999, reason: 'nie ma' }, owner))).toMatchObject({ code: 'not_found' });
  });

  it('a refund recorded before refunds had their own table (demo shop, older data) can be voided too', async () => {
    const t = await shop();
    const { order } = await shippedOrder(t);
    const ret = await returnOne(t, order.id, order.lineIds[0]!);
    t.core.sqlite.prepare("UPDATE returns SET refunded_at = '2026-11-21T10:00:00.000Z', refund_grosze = 3999 WHERE id = ?").run(ret.return.id);
    const voided = await call(t.core, 'returns.voidRefund', { id: ret.return.id, reason: 'pieniądze nie wyszły' }, owner);
    expect(voided.refunds).toEqual([expect.objectContaining({ amountGrosze: 3999, refundedAt: '2026-11-21T10:00:00.000Z', voidReason: 'pieniądze nie wyszły' })]);
    expect(voided.return.refundedAt).toBeNull();
  });
});

describe('cancelling a return registered by mistake', () => {
  it('takes the restocked units out again by a reversal entry, frees the order, and is audited', async () => {
    const t = await shop();
    const { order, mug, shelf } = await shippedOrder(t);
    const ret = await returnOne(t, order.id, order.lineIds[0]!, 2);
    expect(product(t.core, mug).onHand).toBe(7);
    await call(t.core, 'returns.markRefunded', { id: ret.return.id, refundGrosze: 7998 }, helper);

    expect(await failure(call(t.core, 'returns.cancel', { id: ret.return.id, reason: 'zły klient' }, helper))).toMatchObject({ code: 'forbidden' });
    expect(await failure(call(t.core, 'returns.cancel', { id: ret.return.id, reason: 'zły klient' }, owner))).toMatchObject({ code: 'conflict', details: { reason: 'refunded' } });
    await call(t.core, 'returns.voidRefund', { id: ret.return.id, reason: 'zwrot pomyłkowy' }, owner);
    const cancelled = await call(t.core, 'returns.cancel', { id: ret.return.id, reason: 'zwrot wpisany do złego zamówienia' }, owner);
    expect(cancelled.return).toMatchObject({ status: 'rejected', cancelled: true, cancelledBy: 'owner', cancelReason: 'zwrot wpisany do złego zamówienia', refund: { dueAt: null, overdue: false } });
    expect(cancelled.lines).toHaveLength(1); // the lines stay as history

    expect(product(t.core, mug).onHand).toBe(5);
    const ledger = t.core.sqlite.prepare('SELECT kind, quantity, location_id AS loc, reason FROM stock_ledger WHERE return_id = ? ORDER BY id').all(ret.return.id);
    expect(ledger).toEqual([
      { kind: 'return', quantity: 2, loc: shelf, reason: 'return.resellable' },
      { kind: 'return', quantity: -2, loc: shelf, reason: 'return.cancelled' },
    ]);
    expect((await call(t.core, 'returns.findOrder', { code: String(order.id) }, helper)).order!.lines[0]).toMatchObject({ alreadyReturned: 0, returnable: 2 });
    expect(await failure(call(t.core, 'returns.cancel', { id: ret.return.id, reason: 'jeszcze raz' }, owner))).toMatchObject({ code: 'conflict', details: { reason: 'cancelled' } });
    expect(await failure(call(t.core, 'returns.markRefunded', { id: ret.return.id, refundGrosze: 100 }, helper))).toMatchObject({ code: 'conflict', details: { reason: 'cancelled' } });
    const audit = t.core.sqlite.prepare("SELECT details_json FROM audit_log WHERE action = 'returns.cancel'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ from: 'received', reason: 'zwrot wpisany do złego zamówienia', reversed: [{ productId: mug, quantity: -2 }] });
  });

  it('refuses when the returned units already left the stock, and writes nothing', async () => {
    const t = await shop();
    const { order, mug } = await shippedOrder(t);
    const ret = await returnOne(t, order.id, order.lineIds[0]!, 2);
    t.core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, 'adjustment', -7, 'sprzedane', 'owner', ?)").run(mug, NOW.toISOString());
    expect(await failure(call(t.core, 'returns.cancel', { id: ret.return.id, reason: 'pomyłka' }, owner))).toMatchObject({ code: 'conflict', details: { reason: 'stock_gone' } });
    expect(t.core.sqlite.prepare('SELECT status, cancelled_at AS c FROM returns WHERE id = ?').get(ret.return.id)).toEqual({ status: 'received', c: null });
  });
});

describe('refund deadlines count only what the shop owes now', () => {
  it('closed and rejected returns never show late; goods not back yet are shown but not counted; delivered parcels count', async () => {
    const t = await shop();
    const { order } = await shippedOrder(t);
    const old = '2026-11-02T10:00:00Z'; // due 16 Nov: six days ago
    const insert = (status: string, allegroStatus: string | null, receivedAt: string | null) =>
      Number(
        t.core.sqlite
          .prepare(
            `INSERT INTO returns (order_id, allegro_status, status, withdrawn_at, received_at, refund_due_at, currency, actor, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, '2026-11-16T22:59:59.000Z', 'PLN', 'system', ?, ?)`,
          )
          .run(order.id, allegroStatus, status, old, receivedAt, old, old).lastInsertRowid,
      );
    const closed = insert('closed', 'FINISHED', null);
    const rejected = insert('rejected', 'REJECTED', null);
    const inTransit = insert('expected', 'IN_TRANSIT', null);
    const delivered = insert('expected', 'DELIVERED', null);
    const received = insert('received', null, '2026-11-10T10:00:00Z');
    const lateGoods = insert('received', null, '2026-11-21T10:00:00Z'); // came after the 14 days: due at the end of that day

    const all = await call(t.core, 'returns.list', { view: 'all' }, helper);
    const byId = new Map(all.rows.map((r) => [r.id, r.refund]));
    expect(byId.get(closed)).toMatchObject({ dueAt: null, overdue: false, met: false });
    expect(byId.get(rejected)).toMatchObject({ dueAt: null, overdue: false, met: false });
    expect(byId.get(inTransit)).toMatchObject({ dueAt: '2026-11-16T22:59:59.000Z', overdue: false, waitingForGoods: true });
    expect(byId.get(delivered)).toMatchObject({ overdue: true });
    expect(byId.get(received)).toMatchObject({ overdue: true, daysLeft: -6 });
    expect(byId.get(lateGoods)).toMatchObject({ dueAt: '2026-11-21T22:59:59.000Z', overdue: true, daysLeft: -1 });
    expect(all.overdueCount).toBe(3);
    expect((await call(t.core, 'returns.list', { view: 'done' }, helper)).overdueCount).toBe(0);
  });
});

describe('a refund the shop recorded survives importing Allegro returns again', () => {
  it("Allegro's proposed amount does not overwrite the recorded refund (the register reads it)", async () => {
    const { importPath, fixture } = await import('../import/support');
    const t = await shop();
    await importPath(t.core, fixture('checkout-forms.page-1.json'));
    await importPath(t.core, fixture('customer-returns.json'));
    const id = t.core.sqlite.prepare("SELECT id FROM returns WHERE reference_number = '4855/Z06E'").pluck().get() as number;
    expect(t.core.sqlite.prepare('SELECT refund_grosze FROM returns WHERE id = ?').pluck().get(id)).toBe(4497); // Allegro's figure
    await call(t.core, 'returns.markRefunded', { id, refundGrosze: 1500, refundedAt: '2026-06-20T10:00:00.000Z' }, helper);
    const { run } = await importPath(t.core, fixture('customer-returns.json'));
    expect(run.status).toBe('committed');
    expect(t.core.sqlite.prepare('SELECT refunded_at, refund_grosze FROM returns WHERE id = ?').get(id)).toEqual({ refunded_at: '2026-06-20T10:00:00.000Z', refund_grosze: 1500 });
  });
});

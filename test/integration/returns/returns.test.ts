import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { legalDeadline } from '../../../electron/core/returns/legal-deadline';
import { tempCore, type TempCore } from '../../support/temp-core';
import { addLocation, addOrder, addProduct, product } from '../packing/support/shop-fixture';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const helper = { role: 'helper' as const };
const owner = { role: 'owner' as const };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function shop(now: Date = NOW): Promise<TempCore> {
  const t = await tempCore({ now: () => now });
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

describe('legal deadlines (14 days, art. 111 and 115 k.c.)', () => {
  it('ends at the end of the 14th Warsaw day, moved past Saturdays, Sundays and holidays', () => {
    // Friday 20 Nov 2026 → Friday 4 Dec, 23:59:59 Warsaw (UTC+1).
    expect(legalDeadline('2026-11-20T09:00:00Z')).toBe('2026-12-04T22:59:59.000Z');
    // 23:30 UTC on 20 Nov is already 21 Nov in Warsaw → Saturday 5 Dec → Monday 7 Dec.
    expect(legalDeadline('2026-11-20T23:30:00Z')).toBe('2026-12-07T22:59:59.000Z');
    // 11 Dec → 25 Dec (Christmas), 26 (holiday), 27 (Sunday) → Monday 28 Dec.
    expect(legalDeadline('2026-12-11T10:00:00Z')).toBe('2026-12-28T22:59:59.000Z');
    // Summer time: 1 Jul → Wednesday 15 Jul, 23:59:59 Warsaw (UTC+2).
    expect(legalDeadline('2026-07-01T10:00:00Z')).toBe('2026-07-15T21:59:59.000Z');
  });
});

async function shippedOrder(t: TempCore, opts: { allegroOrderId?: string | null; quantity?: number } = {}) {
  const shelf = await addLocation(t.core, 'R-01');
  const other = await addLocation(t.core, 'Z-99');
  const mug = await addProduct(t.core, { sku: 'KUB', name: 'Kubek', ean: '5901234123457', onHand: 5, locationId: shelf });
  const honey = await addProduct(t.core, { sku: 'MIOD', name: 'Miód', onHand: 5 });
  const order = await addOrder(t.core, {
    status: 'shipped',
    allegroOrderId: opts.allegroOrderId === undefined ? '855ede1c-b7dc-11f1-b936-050c9d5757f4' : opts.allegroOrderId,
    lines: [{ productId: mug, quantity: opts.quantity ?? 2 }, { productId: honey, quantity: 1 }, { productId: null, quantity: 1, name: 'Gratis' }],
  });
  return { shelf, other, mug, honey, order };
}

describe('returns: finding the order', () => {
  it('finds the order by the slip barcode (Allegro id or ZAP-<id>), any case, or by our number', async () => {
    const t = await shop();
    const { order, mug } = await shippedOrder(t);
    const plain = await addOrder(t.core, { status: 'delivered', allegroOrderId: null, lines: [{ productId: mug, quantity: 1 }] });
    const found = await call(t.core, 'returns.findOrder', { code: '855EDE1C-B7DC-11F1-B936-050C9D5757F4' }, helper);
    expect(found.order).toMatchObject({ id: order.id, number: '855ede1c-b7dc-11f1-b936-050c9d5757f4' });
    expect(found.order!.lines.map((l) => [l.sold, l.alreadyReturned, l.returnable])).toEqual([
      [2, 0, 2],
      [1, 0, 1],
      [1, 0, 1],
    ]);
    expect((await call(t.core, 'returns.findOrder', { code: `ZAP-${plain.id}` }, helper)).order?.id).toBe(plain.id);
    expect((await call(t.core, 'returns.findOrder', { code: `zap-${plain.id}` }, helper)).order?.id).toBe(plain.id);
    expect((await call(t.core, 'returns.findOrder', { code: String(plain.id) }, helper)).order?.id).toBe(plain.id);
    expect((await call(t.core, 'returns.findOrder', { code: 'ZAP-99999' }, helper)).order).toBeNull();
    expect((await call(t.core, 'returns.searchOrders', { search: 'kowal' }, helper)).rows.map((r) => r.id).sort()).toEqual([order.id, plain.id].sort());
  });

  it('an order that was not shipped has nothing to return and registration is refused', async () => {
    const t = await shop();
    const p = await addProduct(t.core, { sku: 'A', onHand: 3 });
    const order = await addOrder(t.core, { status: 'to_pick', lines: [{ productId: p, quantity: 1 }] });
    const found = await call(t.core, 'returns.findOrder', { code: String(order.id) }, helper);
    expect(found.order!.lines[0]).toMatchObject({ sold: 0, returnable: 0 });
    const refused = await failure(call(t.core, 'returns.register', { orderId: order.id, lines: [{ orderLineId: order.lineIds[0], quantity: 1, reasonCode: 'MISTAKE', condition: 'resellable', decision: 'restock' }] }, helper));
    expect(refused).toMatchObject({ code: 'conflict', details: { reason: 'not_shipped' } });
  });
});

describe('returns: registering', () => {
  it('puts a resellable item back on the chosen shelf with a return ledger entry, recorded with who did it', async () => {
    const t = await shop();
    const { order, mug, honey, other } = await shippedOrder(t);
    const detail = await call(
      t.core,
      'returns.register',
      {
        orderId: order.id,
        withdrawnAt: '2026-11-20T09:00:00Z',
        lines: [
          { orderLineId: order.lineIds[0], quantity: 1, reasonCode: 'DONT_LIKE_IT', condition: 'resellable', decision: 'restock', locationId: other },
          { orderLineId: order.lineIds[1], quantity: 1, reasonCode: 'DAMAGED', reasonText: 'słoik pęknięty', condition: 'damaged', decision: 'write_off' },
        ],
      },
      helper,
    );
    expect(detail.return).toMatchObject({ status: 'received', orderId: order.id, receivedAt: NOW.toISOString(), itemCount: 2, actor: 'helper' });
    expect(detail.return.refund).toEqual({ dueAt: '2026-12-04T22:59:59.000Z', daysLeft: 12, overdue: false, met: false });
    expect(detail.lines.map((l) => [l.condition, l.decision, l.locationCode])).toEqual([
      ['resellable', 'restock', 'Z-99'],
      ['damaged', 'write_off', null],
    ]);

    expect(product(t.core, mug).onHand).toBe(6);
    expect(product(t.core, honey).onHand).toBe(5); // written off: stays out of stock
    const entries = t.core.sqlite.prepare("SELECT product_id AS productId, location_id AS locationId, kind, quantity, document, return_id AS returnId, order_id AS orderId, actor FROM stock_ledger WHERE kind = 'return'").all();
    expect(entries).toEqual([{ productId: mug, locationId: other, kind: 'return', quantity: 1, document: `ZWR-${detail.return.id}`, returnId: detail.return.id, orderId: order.id, actor: 'helper' }]);
    const audit = t.core.sqlite.prepare("SELECT action, actor FROM audit_log WHERE entity = 'return'").all();
    expect(audit).toEqual([{ action: 'returns.register', actor: 'helper' }]);
  });

  it('defaults the shelf to the product home shelf', async () => {
    const t = await shop();
    const { order, shelf } = await shippedOrder(t);
    await call(t.core, 'returns.register', { orderId: order.id, lines: [{ orderLineId: order.lineIds[0], quantity: 2, reasonCode: 'SHOP_WITHDRAWAL', condition: 'resellable', decision: 'restock' }] }, owner);
    expect(t.core.sqlite.prepare("SELECT location_id FROM stock_ledger WHERE kind = 'return'").pluck().get()).toBe(shelf);
  });

  it('caps quantities at sold minus already returned, across returns; rejected returns free the quantity', async () => {
    const t = await shop();
    const { order, mug } = await shippedOrder(t, { quantity: 2 });
    const line = order.lineIds[0]!;
    const tooMany = await failure(call(t.core, 'returns.register', { orderId: order.id, lines: [{ orderLineId: line, quantity: 3, reasonCode: 'MISTAKE', condition: 'resellable', decision: 'restock' }] }, helper));
    expect(tooMany).toMatchObject({ code: 'invalid_input', details: [{ path: 'lines.0.quantity', message: 'at most 2 can be returned (sold 2, already returned 0)' }] });
    // Two lines of the same order line in one return add up.
    const split = await failure(
      call(t.core, 'returns.register', { orderId: order.id, lines: [
        { orderLineId: line, quantity: 1, reasonCode: 'MISTAKE', condition: 'resellable', decision: 'restock' },
        { orderLineId: line, quantity: 2, reasonCode: 'MISTAKE', condition: 'resellable', decision: 'restock' },
      ] }, helper),
    );
    expect(split).toMatchObject({ code: 'invalid_input', details: [{ path: 'lines.1.quantity' }] });
    expect(product(t.core, mug).onHand).toBe(5); // nothing written by refused calls

    const first = await call(t.core, 'returns.register', { orderId: order.id, lines: [{ orderLineId: line, quantity: 1, reasonCode: 'MISTAKE', condition: 'resellable', decision: 'restock' }] }, helper);
    expect((await call(t.core, 'returns.findOrder', { code: String(order.id) }, helper)).order!.lines[0]).toMatchObject({ sold: 2, alreadyReturned: 1, returnable: 1 });
    expect(await failure(call(t.core, 'returns.register', { orderId: order.id, lines: [{ orderLineId: line, quantity: 2, reasonCode: 'MISTAKE', condition: 'resellable', decision: 'restock' }] }, helper))).toMatchObject({
      code: 'invalid_input',
      details: [{ message: 'at most 1 can be returned (sold 2, already returned 1)' }],
    });
    await call(t.core, 'returns.setStatus', { id: first.return.id, status: 'rejected', note: 'po terminie' }, owner);
    expect((await call(t.core, 'returns.findOrder', { code: String(order.id) }, helper)).order!.lines[0]).toMatchObject({ alreadyReturned: 0, returnable: 2 });
  });

  it('needs condition and decision for received goods, and refuses back-to-stock for a line without a product', async () => {
    const t = await shop();
    const { order } = await shippedOrder(t);
    const refused = await failure(
      call(t.core, 'returns.register', { orderId: order.id, lines: [
        { orderLineId: order.lineIds[0], quantity: 1, reasonCode: 'MISTAKE' },
        { orderLineId: order.lineIds[2], quantity: 1, reasonCode: 'MISTAKE', condition: 'resellable', decision: 'restock' },
      ] }, helper),
    );
    expect((refused.details as Array<{ path: string }>).map((d) => d.path)).toEqual(['lines.0.condition', 'lines.0.decision', 'lines.1.decision']);
    // Only announced (goods not here yet): no checks needed, nothing in stock yet.
    const announced = await call(t.core, 'returns.register', { orderId: order.id, received: false, lines: [{ orderLineId: order.lineIds[0], quantity: 1, reasonCode: 'MISTAKE' }] }, helper);
    expect(announced.return).toMatchObject({ status: 'expected', receivedAt: null });
    expect(t.core.sqlite.prepare("SELECT count(*) FROM stock_ledger WHERE kind = 'return'").pluck().get()).toBe(0);
  });
});

describe('returns: imported from Allegro and received here', () => {
  it('receives an expected return: product found through the offer, restocked, missing units dropped', async () => {
    const t = await shop();
    const { order, mug, honey } = await shippedOrder(t);
    await t.core.db.insertInto('offers').values({ allegroOfferId: '17845512320', externalId: null, productId: mug, title: 'Kubek', ean: null, priceGrosze: 5999, stockQuantity: 1, status: 'ACTIVE', marketplace: 'allegro-pl', rawJson: null, importRunId: null, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() }).execute();
    const ret = await t.core.db
      .insertInto('returns')
      .values({ allegroReturnId: '0be32776-46fc-472d-a662-da43797cbe7f', referenceNumber: '4821/Z06B', orderId: order.id, allegroStatus: 'DELIVERED', status: 'expected', withdrawnAt: '2026-11-10T17:02:11.000Z', receivedAt: null, refundDueAt: null, refundedAt: null, refundGrosze: null, buyerMessage: null, note: null, rawJson: '{"createdAt":"2026-11-10T17:02:11.000Z","buyer":{"login":"adam_z_poznania"}}', importRunId: null, actor: 'system', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const l1 = await t.core.db.insertInto('returnLines').values({ returnId: ret.id, orderLineId: null, productId: null, offerId: '17845512320', name: 'Kubek', quantity: 1, reasonCode: 'DAMAGED', reasonText: 'pęknięty', condition: null, decision: null, locationId: null, decidedAt: null }).returning('id').executeTakeFirstOrThrow();
    const l2 = await t.core.db.insertInto('returnLines').values({ returnId: ret.id, orderLineId: order.lineIds[1]!, productId: honey, offerId: null, name: 'Miód', quantity: 1, reasonCode: 'DONT_LIKE_IT', reasonText: null, condition: null, decision: null, locationId: null, decidedAt: null }).returning('id').executeTakeFirstOrThrow();

    const listed = await call(t.core, 'returns.list', {}, helper);
    // Refund deadline computed from the withdrawal (10 Nov → 24 Nov), still running.
    expect(listed.rows[0]).toMatchObject({ id: ret.id, status: 'expected', referenceNumber: '4821/Z06B', refund: { dueAt: '2026-11-24T22:59:59.000Z', daysLeft: 2, overdue: false } });

    const missingLine = await failure(call(t.core, 'returns.receive', { id: ret.id, lines: [{ returnLineId: l1.id, quantity: 1, condition: 'resellable', decision: 'restock' }] }, helper));
    expect(missingLine).toMatchObject({ code: 'invalid_input' });

    const received = await call(
      t.core,
      'returns.receive',
      { id: ret.id, lines: [{ returnLineId: l1.id, quantity: 1, condition: 'resellable', decision: 'restock', orderLineId: order.lineIds[0] }, { returnLineId: l2.id, quantity: 0, condition: 'resellable', decision: 'write_off' }] },
      helper,
    );
    expect(received.return).toMatchObject({ status: 'received', refund: { dueAt: '2026-11-24T22:59:59.000Z' } });
    expect(received.lines).toHaveLength(1);
    expect(received.lines[0]).toMatchObject({ productId: mug, orderLineId: order.lineIds[0], decision: 'restock', locationCode: 'R-01' });
    expect(product(t.core, mug).onHand).toBe(6);
    expect(t.core.sqlite.prepare("SELECT document FROM stock_ledger WHERE kind = 'return'").pluck().get()).toBe('4821/Z06B');

    // At most what the order is worth (the fixture's order: 50,00 zł); 59,99 zł would be refused.
    const refunded = await call(t.core, 'returns.markRefunded', { id: ret.id, refundGrosze: 2500 }, helper);
    expect(refunded.return.refund).toMatchObject({ met: true, overdue: false });
    await call(t.core, 'returns.setStatus', { id: ret.id, status: 'closed' }, helper);
    expect((await call(t.core, 'returns.list', { view: 'done' }, helper)).rows.map((r) => r.id)).toEqual([ret.id]);
  });
});

describe('deadlines in the lists', () => {
  it('sorts open returns by refund deadline with overdue ones first and counts them', async () => {
    const t = await shop();
    const { order } = await shippedOrder(t, { quantity: 5 });
    // The goods are here (received): only then can the refund be late — until they come, the seller may wait.
    const reg = async (withdrawnAt: string) => {
      const r = await call(t.core, 'returns.register', { orderId: order.id, received: true, withdrawnAt, lines: [{ orderLineId: order.lineIds[0], quantity: 1, reasonCode: 'SHOP_WITHDRAWAL', condition: 'damaged', decision: 'write_off' }] }, helper);
      t.core.sqlite.prepare('UPDATE returns SET received_at = withdrawn_at WHERE id = ?').run(r.return.id); // came the same day
      return r;
    };
    const recent = await reg('2026-11-21T10:00:00Z');
    const overdue = await reg('2026-11-02T10:00:00Z'); // due 16 Nov
    const soon = await reg('2026-11-12T10:00:00Z'); // due 26 Nov
    const list = await call(t.core, 'returns.list', {}, helper);
    expect(list.rows.map((r) => r.id)).toEqual([overdue.return.id, soon.return.id, recent.return.id]);
    expect(list.rows.map((r) => r.refund.overdue)).toEqual([true, false, false]);
    expect(list.rows[0]!.refund.daysLeft).toBe(-6);
    expect(list.overdueCount).toBe(1);
  });

  it('tracks complaints: 14-day answer deadline, overdue and unanswered = deemed accepted, answers recorded with their date', async () => {
    const t = await shop();
    const { order, mug } = await shippedOrder(t);
    const late = await call(t.core, 'complaints.register', { orderId: order.id, productId: mug, receivedAt: '2026-11-05T10:00:00Z', description: 'Ucho kubka odpadło po tygodniu', demand: 'replacement' }, helper);
    const fresh = await call(t.core, 'complaints.register', { orderId: order.id, receivedAt: '2026-11-20T10:00:00Z', description: 'Miód skrystalizowany' }, helper);
    expect(late).toMatchObject({ status: 'open', orderNumber: '855ede1c-b7dc-11f1-b936-050c9d5757f4', productName: 'Kubek', answerDeadline: { dueAt: '2026-11-19T22:59:59.000Z', overdue: true }, deemedAccepted: true, actor: 'helper' });
    expect(fresh).toMatchObject({ answerDeadline: { dueAt: '2026-12-04T22:59:59.000Z', daysLeft: 12, overdue: false }, deemedAccepted: false });

    const list = await call(t.core, 'complaints.list', {}, owner);
    expect(list.rows.map((r) => r.id)).toEqual([late.id, fresh.id]);
    expect(list.overdueCount).toBe(1);

    const answered = await call(t.core, 'complaints.answer', { id: fresh.id, decision: 'rejected', answer: 'Krystalizacja to naturalna cecha miodu.', answeredAt: '2026-11-21T12:00:00Z' }, owner);
    expect(answered).toMatchObject({ status: 'rejected', answeredAt: '2026-11-21T12:00:00.000Z', answerDeadline: { met: true, overdue: false } });
    const closed = await call(t.core, 'complaints.close', { id: late.id, note: 'wysłano nowy kubek' }, owner);
    expect(closed).toMatchObject({ status: 'closed', deemedAccepted: false });
    const audit = t.core.sqlite.prepare("SELECT action, actor, details_json AS d FROM audit_log WHERE entity = 'complaint' ORDER BY id").all() as Array<{ action: string; actor: string; d: string }>;
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['complaints.register', 'helper'],
      ['complaints.register', 'helper'],
      ['complaints.answer', 'owner'],
      ['complaints.close', 'owner'],
    ]);
    expect(JSON.parse(audit[3]!.d)).toMatchObject({ deemedAccepted: true });
    expect((await call(t.core, 'complaints.list', { view: 'done' }, owner)).rows.map((r) => r.id).sort()).toEqual([late.id, fresh.id].sort());
  });
});

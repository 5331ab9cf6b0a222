import type { Core } from '../../../electron/core/create-core';
import { endOfWarsawDay } from '../../../electron/core/orders/dispatch-promise';
import { addDays } from '../../../electron/core/results/warsaw-days';

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Writes a shop for Wyniki straight into the database, so each number is known by construction. */
export class ResultsShop {
  private nextOrder = 1;
  constructor(private readonly core: Core) {}

  product(sku: string): number {
    const at = '2026-09-01T08:00:00.000Z';
    const r = this.core.sqlite
      .prepare('INSERT INTO products (sku, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(sku, `Produkt ${sku}`, at, at);
    return Number(r.lastInsertRowid);
  }

  ledger(productId: number, at: string, quantity: number, kind: 'receipt' | 'sale' = quantity > 0 ? 'receipt' : 'sale'): void {
    this.core.sqlite
      .prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)")
      .run(productId, kind, quantity, at);
  }

  order(spec: { boughtAt: string; paidAt?: string | null; dispatchBy?: string | null; status?: string; productId: number; quantity?: number }): number {
    const id = this.nextOrder++;
    this.core.sqlite
      .prepare(
        `INSERT INTO orders (id, source, buyer_login, bought_at, paid_at, total_to_pay_grosze, status, dispatch_by, created_at, updated_at)
         VALUES (?, 'manual', ?, ?, ?, 1999, ?, ?, ?, ?)`,
      )
      .run(id, `kupujacy${id}`, spec.boughtAt, spec.paidAt ?? null, spec.status ?? 'new', spec.dispatchBy ?? null, spec.boughtAt, spec.boughtAt);
    this.core.sqlite
      .prepare('INSERT INTO order_lines (order_id, name, product_id, quantity, unit_price_grosze) VALUES (?, ?, ?, ?, 1999)')
      .run(id, 'Towar', spec.productId, spec.quantity ?? 1);
    return id;
  }

  packed(orderId: number, at: string, actor: 'owner' | 'helper'): void {
    this.core.sqlite
      .prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES (?, ?, 'packing.complete', 'order', ?)")
      .run(at, actor, String(orderId));
    this.core.sqlite.prepare("UPDATE orders SET status = 'packed' WHERE id = ?").run(orderId);
  }

  scan(orderId: number, at: string, actor: string, outcome: 'ok' | 'wrong_item' | 'unknown_code', quantity = 1): void {
    this.core.sqlite
      .prepare('INSERT INTO packing_scans (order_id, code, outcome, quantity, actor, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(orderId, '5901234123457', outcome, quantity, actor, at);
  }

  shipped(orderId: number, at: string): void {
    this.core.sqlite.prepare('INSERT INTO shipments (order_id, carrier, tracking_number, dispatched_at, created_at) VALUES (?, ?, ?, ?, ?)').run(orderId, 'InPost', `T${orderId}`, at, at);
    this.core.sqlite.prepare("UPDATE orders SET status = 'shipped' WHERE id = ?").run(orderId);
  }

  returned(orderId: number, productId: number, reason: string, condition: string | null = null, quantity = 1): void {
    const at = '2026-10-31T10:00:00.000Z';
    const r = this.core.sqlite
      .prepare("INSERT INTO returns (order_id, status, actor, created_at, updated_at) VALUES (?, 'received', 'owner', ?, ?)")
      .run(orderId, at, at);
    this.core.sqlite
      .prepare('INSERT INTO return_lines (return_id, product_id, quantity, reason_code, condition) VALUES (?, ?, ?, ?, ?)')
      .run(Number(r.lastInsertRowid), productId, quantity, reason, condition);
  }

  /** The parcel reached the buyer: recorded as the status change the app writes to the audit log. */
  delivered(orderId: number, at: string): void {
    this.core.sqlite
      .prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, 'system', 'order.status', 'order', ?, ?)")
      .run(at, String(orderId), JSON.stringify({ from: 'shipped', to: 'delivered' }));
  }

  complaint(orderId: number, productId: number, status: 'open' | 'accepted' | 'rejected', demand: string | null = null): void {
    const at = '2026-10-31T10:00:00.000Z';
    this.core.sqlite
      .prepare("INSERT INTO complaints (order_id, product_id, received_at, answer_due_at, description, demand, status, actor, created_at, updated_at) VALUES (?, ?, ?, ?, 'Pęknięta obudowa', ?, ?, 'owner', ?, ?)")
      .run(orderId, productId, at, at, demand, status, at, at);
  }

  promotion(name: string, startsAt: string, endsAt: string, productIds: number[]): void {
    const r = this.core.sqlite.prepare('INSERT INTO promotions (name, starts_at, ends_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, startsAt, endsAt, startsAt, startsAt);
    for (const p of productIds) this.core.sqlite.prepare('INSERT INTO promotion_items (promotion_id, product_id) VALUES (?, ?)').run(Number(r.lastInsertRowid), p);
  }
}

/**
 * 100 orders due 20–29 October 2026 (Warsaw), across the end of summer time on the 25th: 93 shipped
 * 3 hours before their deadline, 6 shipped 2 hours after it, 1 never shipped — exactly 7 late, on-time
 * 93 % (at 30 Oct 12:00 UTC). Two more due 31 Oct are not judged yet then, one cancelled is left out.
 *
 * Order i is due on 20 Oct + d (d = i % 10) and packed by the owner when i is even, the helper when odd
 * (so each due day has one packer). Its stages are spread by construction, counted back from shipping,
 * with e = i % 5:  bought → shipped 40 + d h, bought → paid 1 + d h, packed → shipped 1 + e h, hence
 * paid → packed = (40 + d) − (1 + d) − (1 + e) = 38 − e h. Orders 10–19 (one per ship day, k = i − 10)
 * were delivered 12 + 6k h after shipping. Order 90 holds 2 units; every other 1.
 */
export function buildKnownShop(b: ResultsShop): { ids: number[]; a: number } {
  const a = b.product('A');
  const outOfStock = b.product('B');
  b.ledger(a, '2026-10-01T08:00:00.000Z', 1000);
  // B: one on the shelf, sold 21 Oct (12:00 Warsaw), three more arrive 24 Oct → out 21, 22, 23, 24 Oct.
  b.ledger(outOfStock, '2026-10-10T08:00:00.000Z', 1);
  b.ledger(outOfStock, '2026-10-21T10:00:00.000Z', -1, 'sale');
  b.ledger(outOfStock, '2026-10-24T10:00:00.000Z', 3);
  // A campaign on B 23–25 Oct (Warsaw midnight to midnight; 25 Oct is the 25-hour day).
  b.promotion('Jesienna promocja', '2026-10-22T22:00:00.000Z', '2026-10-25T23:00:00.000Z', [outOfStock]);
  const ids: number[] = [];
  for (let i = 0; i < 100; i++) {
    const d = i % 10;
    const e = i % 5;
    const due = Date.parse(endOfWarsawDay(addDays('2026-10-20', d)));
    const late = i < 6;
    const neverShipped = i === 6;
    const productId = i === 13 ? outOfStock : a;
    const quantity = i === 90 ? 2 : 1;
    if (neverShipped) {
      ids.push(b.order({ boughtAt: iso(due - 48 * H), paidAt: iso(due - 47 * H), dispatchBy: iso(due), productId }));
      continue;
    }
    const shippedAt = late ? due + 2 * H : due - 3 * H;
    const bought = shippedAt - (40 + d) * H;
    const packedAt = shippedAt - (1 + e) * H;
    const id = b.order({ boughtAt: iso(bought), paidAt: iso(bought + (1 + d) * H), dispatchBy: iso(due), productId, quantity });
    ids.push(id);
    const packer = i % 2 === 0 ? 'owner' : 'helper';
    b.packed(id, iso(packedAt), packer);
    b.scan(id, iso(packedAt - 60_000), packer, 'ok', quantity);
    b.shipped(id, iso(shippedAt));
    if (i >= 10 && i < 20) b.delivered(id, iso(shippedAt + (12 + 6 * (i - 10)) * H));
  }
  // Two wrong scans on one order, refused.
  b.scan(ids[1]!, '2026-10-20T10:00:00.000Z', 'helper', 'wrong_item');
  b.scan(ids[1]!, '2026-10-20T10:00:01.000Z', 'helper', 'unknown_code');
  // Order 0 is late AND came back damaged; 20 and 30 damaged too; 40, 50 the wrong item; 60 an upheld complaint, 70 a rejected one.
  b.returned(ids[0]!, a, 'DAMAGED');
  b.returned(ids[20]!, a, 'TRANSPORT');
  b.returned(ids[30]!, a, 'NOT_AS_EXPECTED', 'damaged');
  b.returned(ids[40]!, a, 'SHOP_WRONG_ITEM_SENT');
  b.returned(ids[50]!, a, 'DIFFERENT');
  b.complaint(ids[60]!, a, 'accepted');
  b.complaint(ids[70]!, a, 'rejected');
  // 80 arrived incomplete (a part missing); 70 and 90 (both of its 2 units, one line) came back unwanted — no failure.
  b.returned(ids[80]!, a, 'INCOMPLETE', 'incomplete');
  b.returned(ids[70]!, a, 'DONT_LIKE_IT');
  b.returned(ids[90]!, a, 'DONT_LIKE_IT', 'resellable', 2);
  // Not judged: due 31 Oct (after now); cancelled.
  const future = Date.parse(endOfWarsawDay('2026-10-31'));
  b.order({ boughtAt: iso(future - 48 * H), paidAt: iso(future - 47 * H), dispatchBy: iso(future), productId: a });
  b.order({ boughtAt: iso(future - 49 * H), paidAt: iso(future - 47 * H), dispatchBy: iso(future), productId: a });
  b.order({ boughtAt: '2026-10-21T08:00:00.000Z', dispatchBy: '2026-10-22T21:59:59.000Z', status: 'cancelled', productId: a });
  return { ids, a };
}

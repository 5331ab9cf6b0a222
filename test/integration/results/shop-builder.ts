import type { Core } from '../../../electron/core/create-core';

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

  returned(orderId: number, productId: number, reason: string, condition: string | null = null): void {
    const at = '2026-10-31T10:00:00.000Z';
    const r = this.core.sqlite
      .prepare("INSERT INTO returns (order_id, status, actor, created_at, updated_at) VALUES (?, 'received', 'owner', ?, ?)")
      .run(orderId, at, at);
    this.core.sqlite
      .prepare('INSERT INTO return_lines (return_id, product_id, quantity, reason_code, condition) VALUES (?, ?, 1, ?, ?)')
      .run(Number(r.lastInsertRowid), productId, reason, condition);
  }

  complaint(orderId: number, productId: number, status: 'open' | 'accepted' | 'rejected'): void {
    const at = '2026-10-31T10:00:00.000Z';
    this.core.sqlite
      .prepare("INSERT INTO complaints (order_id, product_id, received_at, answer_due_at, description, status, actor, created_at, updated_at) VALUES (?, ?, ?, ?, 'Pęknięta obudowa', ?, 'owner', ?, ?)")
      .run(orderId, productId, at, at, status, at, at);
  }

  promotion(name: string, startsAt: string, endsAt: string, productIds: number[]): void {
    const r = this.core.sqlite.prepare('INSERT INTO promotions (name, starts_at, ends_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, startsAt, endsAt, startsAt, startsAt);
    for (const p of productIds) this.core.sqlite.prepare('INSERT INTO promotion_items (promotion_id, product_id) VALUES (?, ?)').run(Number(r.lastInsertRowid), p);
  }
}

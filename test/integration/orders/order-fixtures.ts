import type { Core } from '../../../electron/core/create-core';

/** Rows inserted straight into the tables (as an import would), so list tests control every field. */
export interface OrderSeed {
  allegroOrderId?: string | null;
  buyerLogin?: string | null;
  buyerName?: string | null;
  invoiceCompanyName?: string | null;
  invoiceTaxId?: string | null;
  status?: string;
  allegroStatus?: string | null;
  boughtAt: string;
  paymentType?: string | null;
  paidAt?: string | null;
  totalToPayGrosze?: number;
  carrier?: string | null;
  deliveryMethodName?: string | null;
  invoiceRequired?: boolean;
  dispatchBy?: string | null;
  pickupPointId?: string | null;
  pickupPointName?: string | null;
  deliveryStreet?: string | null;
  deliveryCity?: string | null;
  buyerMessage?: string | null;
  lines?: Array<{ name?: string; productId?: number | null; externalId?: string | null; quantity?: number; unitPriceGrosze?: number }>;
}

export function insertOrder(core: Core, seed: OrderSeed): number {
  const now = seed.boughtAt;
  const result = core.sqlite
    .prepare(
      `INSERT INTO orders (allegro_order_id, buyer_login, buyer_name, invoice_company_name, invoice_tax_id, status, allegro_status, bought_at,
         payment_type, paid_at, total_to_pay_grosze, carrier, delivery_method_name, invoice_required, dispatch_by, pickup_point_id,
         pickup_point_name, delivery_street, delivery_city, buyer_message, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(
      seed.allegroOrderId ?? null,
      seed.buyerLogin ?? null,
      seed.buyerName ?? null,
      seed.invoiceCompanyName ?? null,
      seed.invoiceTaxId ?? null,
      seed.status ?? 'new',
      seed.allegroStatus ?? null,
      seed.boughtAt,
      seed.paymentType ?? 'ONLINE',
      seed.paidAt === undefined ? seed.boughtAt : seed.paidAt,
      seed.totalToPayGrosze ?? 1000,
      seed.carrier ?? null,
      seed.deliveryMethodName ?? null,
      seed.invoiceRequired ? 1 : 0,
      seed.dispatchBy ?? null,
      seed.pickupPointId ?? null,
      seed.pickupPointName ?? null,
      seed.deliveryStreet ?? null,
      seed.deliveryCity ?? null,
      seed.buyerMessage ?? null,
      now,
      now,
    );
  const orderId = Number(result.lastInsertRowid);
  const line = core.sqlite.prepare(`INSERT INTO order_lines (order_id, name, product_id, external_id, quantity, unit_price_grosze, bought_at) VALUES (?,?,?,?,?,?,?)`);
  for (const l of seed.lines ?? []) {
    line.run(orderId, l.name ?? 'Towar', l.productId ?? null, l.externalId ?? null, l.quantity ?? 1, l.unitPriceGrosze ?? 1000, seed.boughtAt);
  }
  return orderId;
}

export function insertProduct(core: Core, p: { sku: string; name: string; ean?: string | null; locationId?: number | null; reorderPoint?: number; salePriceGrosze?: number | null; purchasePriceGrosze?: number | null; archived?: boolean }): number {
  const now = '2026-01-01T00:00:00.000Z';
  const result = core.sqlite
    .prepare(
      `INSERT INTO products (sku, name, ean, default_location_id, reorder_point, sale_price_grosze, purchase_price_grosze, archived, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(p.sku, p.name, p.ean ?? null, p.locationId ?? null, p.reorderPoint ?? 0, p.salePriceGrosze ?? null, p.purchasePriceGrosze ?? null, p.archived ? 1 : 0, now, now);
  return Number(result.lastInsertRowid);
}

/** Puts stock on hand the way every stock change happens: one ledger entry. */
export function receive(core: Core, productId: number, quantity: number, locationId: number | null = null): void {
  core.sqlite
    .prepare(`INSERT INTO stock_ledger (product_id, location_id, kind, quantity, reason, actor, created_at) VALUES (?,?,'receipt',?,'test','system','2026-01-01T00:00:00.000Z')`)
    .run(productId, locationId, quantity);
}

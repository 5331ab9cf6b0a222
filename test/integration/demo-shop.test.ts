/**
 * The default demo shop ("Load demo shop"), generated once for this file through the real channel
 * (dispatch → shop.loadDemo) on a real SQLite file, then read back with plain SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopStats } from '../../shared/contract/system.contract';
import { call } from '../../electron/core/dispatch';
import { legalDeadline } from '../../electron/core/returns/legal-deadline';
import { ledgerReasonText } from '../../shared/domain/ledger-reasons';
import { tempCore, type TempCore } from '../support/temp-core';
import { DEMO_NOW, dataChecksum, isValidEan13, isValidNip } from './demo-support';

let t: TempCore;
let stats: ShopStats;
const nowIso = DEMO_NOW.toISOString();
const all = <T>(sql: string, ...params: unknown[]) => t.core.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...params) as T;

beforeAll(async () => {
  t = await tempCore({ now: () => DEMO_NOW });
  stats = await call(t.core, 'shop.loadDemo', {});
});
afterAll(async () => {
  await t?.dispose();
});

describe('demo shop: shape and size', () => {
  it('has every stats key non-zero and in a plausible range', () => {
    for (const key of ['products', 'offers', 'orders', 'orderLines', 'cancelledOrders', 'returns', 'returnedUnits', 'ledgerEntries', 'onHandUnits', 'reservedUnits'] as const) {
      expect(stats[key], key).toBeGreaterThan(0);
    }
    expect(stats.products).toBe(200);
    expect(stats.orders).toBe(2000);
    expect(stats.offers).toBeGreaterThan(200); // one per product, a few products twice
    expect(stats.offers).toBeLessThan(230);
    expect(stats.orderLines / stats.orders).toBeGreaterThan(1.2); // multi-line orders exist
    expect(stats.orderLines / stats.orders).toBeLessThan(1.8);
    expect(stats.cancelledOrders / stats.orders).toBeGreaterThan(0.015); // ≈3 %
    expect(stats.cancelledOrders / stats.orders).toBeLessThan(0.05);
    expect(stats.returns / stats.orders).toBeGreaterThan(0.025); // ≈4 %
    expect(stats.returns / stats.orders).toBeLessThan(0.06);
    expect(stats.openOrders).toBeGreaterThan(5);
    expect(stats.openOrders).toBeLessThan(150);
    expect(stats.locations).toBe(40);
    expect(Object.keys(stats.totalToPayGrosze)).toEqual(['PLN']);
    // ≈2,000 orders of tens to hundreds of złoty each.
    expect(stats.totalToPayGrosze.PLN).toBeGreaterThan(2000 * 30_00);
    expect(stats.totalToPayGrosze.PLN).toBeLessThan(2000 * 400_00);
    expect(stats).toEqual(JSON.parse(JSON.stringify(stats))); // plain JSON, as `stats --json` prints it
  });

  it('spreads orders over the last six months, ending at the core clock, nothing dated in the future', () => {
    const range = all<{ first: string; last: string }>('SELECT min(bought_at) AS first, max(bought_at) AS last FROM orders')[0]!;
    const sixMonthsAgo = new Date(DEMO_NOW.getTime() - 183 * 86_400_000).toISOString();
    expect(range.first > sixMonthsAgo).toBe(true);
    expect(range.first < new Date(DEMO_NOW.getTime() - 175 * 86_400_000).toISOString()).toBe(true);
    expect(range.last <= nowIso).toBe(true);
    expect(range.last > new Date(DEMO_NOW.getTime() - 86_400_000).toISOString()).toBe(true);
    for (const [table, column] of [['orders', 'updated_at'], ['stock_ledger', 'created_at'], ['shipments', 'dispatched_at'], ['returns', 'updated_at'], ['complaints', 'updated_at'], ['audit_log', 'at'], ['reservations', 'created_at']]) {
      expect(one<number>(`SELECT count(*) FROM ${table} WHERE ${column} > ?`, nowIso), `${table}.${column}`).toBe(0);
    }
    // Every month of the six has orders.
    expect(one<number>("SELECT count(DISTINCT substr(bought_at, 1, 7)) FROM orders")).toBeGreaterThanOrEqual(6);
  });

  it('writes the shop settings of Pod Lipą with a valid NIP', async () => {
    const settings = await call(t.core, 'settings.get', {});
    expect(settings.shopName).toMatch(/Pod Lipą/);
    expect(settings.shopAddress).toMatch(/\d{2}-\d{3} /);
    expect(isValidNip(settings.shopNip)).toBe(true);
    expect(settings.handlingTimeDays).toBe(1);
  });
});

describe('demo shop: products and offers', () => {
  it('gives every product a unique SKU, a valid Polish EAN-13, VAT, prices in grosze and shelf data', () => {
    const products = all<{ sku: string; name: string; ean: string; unit: string; vat_rate: string; purchase_price_grosze: number; sale_price_grosze: number; default_location_id: number | null; reorder_point: number; lead_time_days: number }>('SELECT * FROM products');
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.ean)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.name)).size).toBe(products.length); // 200 distinct names
    for (const p of products) {
      expect(p.ean.startsWith('590'), p.ean).toBe(true);
      expect(isValidEan13(p.ean), p.ean).toBe(true);
      expect(Number.isInteger(p.purchase_price_grosze) && Number.isInteger(p.sale_price_grosze)).toBe(true);
      expect(p.sale_price_grosze).toBeGreaterThan(p.purchase_price_grosze);
      expect(p.lead_time_days).toBeGreaterThan(0);
      expect(p.reorder_point).toBeGreaterThanOrEqual(1);
      expect(['szt.', 'kpl.', 'opak.', 'para']).toContain(p.unit);
    }
    const vat = Object.fromEntries(all<{ vat_rate: string; n: number }>('SELECT vat_rate, count(*) AS n FROM products GROUP BY 1').map((r) => [r.vat_rate, r.n]));
    expect(vat['23']).toBeGreaterThan(products.length * 0.7); // mostly 23 %
    expect(vat['8']).toBeGreaterThan(0);
    expect(vat['5']).toBeGreaterThan(0);
    expect(products.some((p) => /[ąćęłńóśźż]/i.test(p.name))).toBe(true);
    const located = products.filter((p) => p.default_location_id !== null).length;
    expect(located).toBeGreaterThan(products.length * 0.9);
    expect(all<{ code: string }>('SELECT code FROM locations').every((l) => /^[A-Z]{1,2}-\d{2}-\d{2}$/.test(l.code))).toBe(true);
  });

  it('lists every product on Allegro with an 11-digit offer id and the SKU as sygnatura, a few twice', () => {
    const offers = all<{ allegro_offer_id: string; external_id: string; product_id: number; sku: string; price_grosze: number }>(
      'SELECT o.allegro_offer_id, o.external_id, o.product_id, p.sku, o.price_grosze FROM offers o JOIN products p ON p.id = o.product_id',
    );
    expect(offers.length).toBe(stats.offers);
    for (const o of offers) {
      expect(o.allegro_offer_id).toMatch(/^\d{11}$/);
      expect(o.external_id).toBe(o.sku);
      expect(o.price_grosze).toBeGreaterThan(0);
    }
    expect(one<number>('SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM offers o WHERE o.product_id = p.id)')).toBe(0);
    const twice = one<number>('SELECT count(*) FROM (SELECT product_id FROM offers GROUP BY product_id HAVING count(*) = 2)');
    expect(twice).toBeGreaterThanOrEqual(2);
    expect(twice).toBeLessThan(30);
    // Order lines point at real offers of their product.
    expect(one<number>('SELECT count(*) FROM order_lines l LEFT JOIN offers o ON o.allegro_offer_id = l.offer_id WHERE o.id IS NULL OR o.product_id != l.product_id')).toBe(0);
  });

  it('ends with most products in stock, some below the reorder point and a few sold out', () => {
    const rows = all<{ on_hand: number; reserved: number; reorder_point: number }>('SELECT on_hand, reserved, reorder_point FROM products');
    const inStock = rows.filter((r) => r.on_hand > 0).length;
    const out = rows.filter((r) => r.on_hand === 0).length;
    const low = rows.filter((r) => r.on_hand > 0 && r.on_hand - r.reserved < r.reorder_point).length;
    expect(inStock).toBeGreaterThan(rows.length * 0.8);
    expect(out).toBeGreaterThanOrEqual(1);
    expect(out).toBeLessThan(rows.length * 0.1);
    expect(low).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.on_hand >= 0 && r.on_hand >= r.reserved)).toBe(true);
  });

  it('has three promotions with items (two past, one planned: issue 17)', () => {
    expect(one<number>('SELECT count(*) FROM promotions')).toBe(3);
    const items = all<{ promotion_id: number; n: number }>('SELECT promotion_id, count(*) AS n FROM promotion_items GROUP BY 1');
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.n >= 3)).toBe(true);
    // Orders bought during the past promotion paid its price for its items.
    expect(one<number>(
      `SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN promotions pr ON o.bought_at BETWEEN pr.starts_at AND pr.ends_at
       JOIN promotion_items pi ON pi.promotion_id = pr.id AND pi.product_id = l.product_id
       WHERE l.unit_price_grosze = pi.promo_price_grosze AND l.unit_price_grosze < l.original_unit_price_grosze`,
    )).toBeGreaterThan(0);
  });
});

describe('demo shop: orders', () => {
  it('totals every order as the sum of its lines plus delivery, in integer grosze', () => {
    expect(one<number>(
      `SELECT count(*) FROM orders o WHERE o.total_to_pay_grosze !=
         (SELECT sum(l.unit_price_grosze * l.quantity) FROM order_lines l WHERE l.order_id = o.id) + o.delivery_cost_grosze`,
    )).toBe(0);
    expect(one<number>("SELECT count(*) FROM orders WHERE typeof(total_to_pay_grosze) != 'integer' OR typeof(delivery_cost_grosze) != 'integer'")).toBe(0);
    expect(one<number>('SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)')).toBe(0);
    expect(one<number>('SELECT count(*) FROM orders WHERE paid_grosze IS NOT NULL AND paid_grosze != total_to_pay_grosze')).toBe(0);
    expect(one<number>('SELECT count(*) FROM orders WHERE (SELECT count(*) FROM order_lines l WHERE l.order_id = orders.id) > 1')).toBeGreaterThan(100);
  });

  it('has Polish buyers, some of them repeat buyers, and companies with valid NIPs asking for invoices', () => {
    expect(one<number>('SELECT count(*) FROM customers')).toBeLessThan(stats.orders);
    expect(one<number>('SELECT count(*) FROM (SELECT customer_id FROM orders GROUP BY 1 HAVING count(*) > 1)')).toBeGreaterThan(50);
    expect(one<number>("SELECT count(*) FROM orders WHERE buyer_name GLOB '*[ąćęłńóśźżŁŚŻ]*'")).toBeGreaterThan(100);
    expect(one<number>("SELECT count(*) FROM customers WHERE email NOT LIKE '%@allegromail.pl'")).toBe(0);
    const invoices = all<{ invoice_tax_id: string | null; invoice_company_name: string | null }>('SELECT invoice_tax_id, invoice_company_name FROM orders WHERE invoice_required = 1');
    expect(invoices.length).toBeGreaterThan(20);
    const companies = invoices.filter((i) => i.invoice_company_name !== null);
    expect(companies.length).toBeGreaterThan(10);
    for (const c of companies) expect(isValidNip(c.invoice_tax_id!), c.invoice_tax_id!).toBe(true);
    const zips = all<{ delivery_zip: string; delivery_city: string }>('SELECT delivery_zip, delivery_city FROM orders');
    expect(zips.every((z) => /^\d{2}-\d{3}$/.test(z.delivery_zip))).toBe(true);
    expect(zips.some((z) => z.delivery_city === 'Kraków' && z.delivery_zip.startsWith('3'))).toBe(true);
    expect(zips.some((z) => z.delivery_city === 'Warszawa' && z.delivery_zip.startsWith('0'))).toBe(true);
  });

  it('uses several carriers with Allegro names, InPost lockers with real-shaped ids, and tracking numbers', () => {
    const carriers = all<{ carrier: string }>('SELECT DISTINCT carrier FROM orders').map((r) => r.carrier);
    for (const c of ['inpost', 'dpd', 'dhl', 'poczta', 'orlen', 'allegro']) expect(carriers).toContain(c);
    const methods = all<{ delivery_method_name: string }>('SELECT DISTINCT delivery_method_name FROM orders').map((r) => r.delivery_method_name);
    for (const m of ['Allegro Paczkomaty InPost', 'Allegro Kurier DPD', 'Allegro Kurier DHL', 'Allegro Pocztex Kurier 48', 'Allegro Automat ORLEN Paczka', 'Allegro One Box, DPD']) {
      expect(methods).toContain(m);
    }
    const lockers = all<{ pickup_point_id: string; pickup_point_name: string; pickup_point_address: string }>(
      "SELECT pickup_point_id, pickup_point_name, pickup_point_address FROM orders WHERE delivery_method_name LIKE 'Allegro Paczkomaty InPost%'",
    );
    expect(lockers.length).toBeGreaterThan(stats.orders * 0.25);
    for (const l of lockers) {
      expect(l.pickup_point_id).toMatch(/^[A-Z]{3}\d{2,3}[A-Z]$/);
      expect(l.pickup_point_name).toBe(`Paczkomat ${l.pickup_point_id}`);
      expect(l.pickup_point_address).toMatch(/\d{2}-\d{3} /);
    }
    expect(one<number>("SELECT count(*) FROM orders WHERE pickup_point_id IS NOT NULL AND delivery_method_name IN ('Allegro Kurier DPD', 'Allegro Kurier DHL')")).toBe(0);
    // Cash on delivery exactly for the "pobranie" methods.
    expect(one<number>("SELECT count(*) FROM orders WHERE (payment_type = 'CASH_ON_DELIVERY') != (delivery_method_name LIKE '% pobranie')")).toBe(0);
    expect(one<number>("SELECT count(*) FROM orders WHERE payment_type = 'ONLINE' AND payment_provider NOT IN ('PAYU', 'P24')")).toBe(0);
    const tracking = all<{ carrier: string; tracking_number: string }>('SELECT carrier, tracking_number FROM shipments');
    expect(tracking.filter((s) => s.carrier === 'inpost').every((s) => /^\d{24}$/.test(s.tracking_number))).toBe(true);
    expect(tracking.filter((s) => s.carrier === 'poczta').every((s) => /^00\d{18}$/.test(s.tracking_number))).toBe(true);
    expect(new Set(tracking.map((s) => s.tracking_number)).size).toBe(tracking.length);
  });

  it('keeps buyer messages with commas, quotes and line breaks', () => {
    const messages = all<{ buyer_message: string }>('SELECT buyer_message FROM orders WHERE buyer_message IS NOT NULL').map((r) => r.buyer_message);
    expect(messages.length).toBeGreaterThan(40);
    expect(messages.some((m) => m.includes('"'))).toBe(true);
    expect(messages.some((m) => m.includes(','))).toBe(true);
    expect(messages.some((m) => m.includes('\n'))).toBe(true);
  });

  it('ships older orders with a tracking number and a sale in the ledger at dispatch time', () => {
    const shippedWithoutShipment = one<number>("SELECT count(*) FROM orders o WHERE o.status IN ('shipped','delivered') AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)");
    expect(shippedWithoutShipment).toBe(0);
    expect(one<number>("SELECT count(*) FROM orders o WHERE o.status NOT IN ('shipped','delivered') AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)")).toBe(0);
    // Each shipped line sold exactly its quantity, dated when the parcel left.
    expect(one<number>(
      `SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN shipments s ON s.order_id = o.id
       WHERE o.status IN ('shipped','delivered') AND NOT EXISTS (
         SELECT 1 FROM stock_ledger g WHERE g.order_id = o.id AND g.product_id = l.product_id AND g.kind = 'sale'
           AND g.quantity = -l.quantity AND g.created_at = s.dispatched_at)`,
    )).toBe(0);
    expect(one<number>("SELECT count(*) FROM stock_ledger g JOIN orders o ON o.id = g.order_id WHERE g.kind = 'sale' AND o.status NOT IN ('shipped','delivered')")).toBe(0);
    expect(one<number>('SELECT count(*) FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.dispatched_at < o.bought_at')).toBe(0);
    expect(one<number>("SELECT count(*) FROM orders WHERE status = 'delivered'")).toBeGreaterThan(stats.orders * 0.8);
  });

  it('keeps recent orders open with reservations for every matched line, and none for cancelled or shipped ones', () => {
    const openStatuses = "('new','to_pick','packed','on_hold')";
    // Every matched line of an open order is reserved for its whole quantity.
    expect(one<number>(
      `SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
       LEFT JOIN reservations r ON r.order_line_id = l.id
       WHERE o.status IN ${openStatuses} AND l.product_id IS NOT NULL AND (r.id IS NULL OR r.quantity != l.quantity OR r.product_id != l.product_id)`,
    )).toBe(0);
    expect(one<number>(`SELECT count(*) FROM reservations r JOIN order_lines l ON l.id = r.order_line_id JOIN orders o ON o.id = l.order_id WHERE o.status NOT IN ${openStatuses}`)).toBe(0);
    const statuses = all<{ status: string }>(`SELECT DISTINCT status FROM orders WHERE status IN ${openStatuses}`).map((r) => r.status);
    for (const s of ['new', 'to_pick', 'packed']) expect(statuses).toContain(s);
    // Packed orders have their lines packed (and keep the reservation until shipping).
    expect(one<number>("SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status = 'packed' AND l.packed_quantity != l.quantity")).toBe(0);
    expect(one<number>("SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status != 'packed' AND l.packed_quantity != 0")).toBe(0);
    // Open orders are the recent ones, plus a few stuck past their promised dispatch date (overdue).
    const overdue = one<number>(`SELECT count(*) FROM orders WHERE status IN ${openStatuses} AND dispatch_by < ?`, nowIso);
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(overdue).toBeLessThan(15);
    expect(one<number>(`SELECT count(*) FROM orders WHERE status IN ${openStatuses} AND bought_at < ?`, new Date(DEMO_NOW.getTime() - 8 * 86_400_000).toISOString())).toBe(0);
  });

  it('promises dispatch by the end of a working day in Warsaw, after the purchase', () => {
    const rows = all<{ dispatch_by: string; bought_at: string }>('SELECT dispatch_by, bought_at FROM orders WHERE dispatch_by IS NOT NULL');
    expect(rows.length).toBeGreaterThan(stats.orders * 0.9);
    for (const r of rows.slice(0, 500)) {
      expect(r.dispatch_by > r.bought_at).toBe(true);
      // 23:59:59 Warsaw is 22:59:59Z in winter or 21:59:59Z in summer.
      expect(r.dispatch_by).toMatch(/T2[12]:59:59\.000Z$/);
      const weekday = new Date(r.dispatch_by).getUTCDay();
      expect(weekday === 0 || weekday === 6).toBe(false);
    }
  });

  it('cancels about 3 % of orders, some before payment, with nothing reserved or sold', () => {
    const cancelled = all<{ paid_at: string | null; allegro_status: string }>("SELECT paid_at, allegro_status FROM orders WHERE status = 'cancelled'");
    expect(cancelled.length).toBe(stats.cancelledOrders);
    expect(cancelled.every((c) => c.allegro_status === 'CANCELLED')).toBe(true);
    expect(cancelled.filter((c) => c.paid_at === null).length).toBeGreaterThan(0);
    expect(cancelled.filter((c) => c.paid_at !== null).length).toBeGreaterThan(0);
    expect(one<number>("SELECT count(*) FROM stock_ledger g JOIN orders o ON o.id = g.order_id WHERE o.status = 'cancelled'")).toBe(0);
    expect(one<number>("SELECT count(*) FROM audit_log WHERE action = 'order.cancel'")).toBe(stats.cancelledOrders);
  });
});

describe('demo shop: returns and complaints', () => {
  const ALLEGRO_REASONS = ['NONE', 'MISTAKE', 'TRANSPORT', 'DAMAGED', 'NOT_AS_DESCRIBED', 'DONT_LIKE_IT', 'OVERDUE_DELIVERY', 'INCOMPLETE', 'HIDDEN_FLAW', 'OTHER_FLAW', 'DIFFERENT', 'COUNTERFEIT', 'NOT_NEW', 'TOO_LARGE', 'TOO_SMALL', 'NOT_AS_EXPECTED', 'ORDERED_FOR_COMPARISON'];

  it('returns lines of delivered orders with Allegro reason codes, refund dates and decisions', () => {
    const lines = all<{ reason_code: string; condition: string | null; decision: string | null; quantity: number; ordered: number; status: string }>(
      `SELECT rl.reason_code, rl.condition, rl.decision, rl.quantity, l.quantity AS ordered, o.status
       FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id JOIN orders o ON o.id = l.order_id`,
    );
    expect(lines.length).toBeGreaterThanOrEqual(stats.returns);
    expect(lines.reduce((s, l) => s + l.quantity, 0)).toBe(stats.returnedUnits);
    for (const l of lines) {
      expect(ALLEGRO_REASONS).toContain(l.reason_code);
      expect(l.quantity).toBeLessThanOrEqual(l.ordered);
      expect(l.status).toBe('delivered');
    }
    expect(new Set(lines.map((l) => l.reason_code)).size).toBeGreaterThan(4);
    expect(lines.filter((l) => l.decision === 'restock').length).toBeGreaterThan(10);
    expect(lines.filter((l) => l.condition === 'damaged' && l.decision === 'write_off').length).toBeGreaterThan(0);
    // Refund due on the legal deadline (14 Warsaw days, end of day, past weekends and holidays), as for a
    // return registered by hand; refunds only after the goods came back.
    const due = t.core.sqlite.prepare('SELECT withdrawn_at, refund_due_at FROM returns').all() as Array<{ withdrawn_at: string; refund_due_at: string }>;
    expect(due.filter((r) => r.refund_due_at !== legalDeadline(r.withdrawn_at))).toEqual([]);
    expect(one<number>('SELECT count(*) FROM returns WHERE refunded_at IS NOT NULL AND (received_at IS NULL OR refunded_at < received_at)')).toBe(0);
    expect(one<number>("SELECT count(*) FROM returns WHERE status = 'closed' AND refunded_at IS NOT NULL")).toBeGreaterThan(10);
    expect(one<number>('SELECT count(*) FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.refund_grosze > o.total_to_pay_grosze OR r.refund_grosze <= 0')).toBe(0);
  });

  it('puts restocked returns back in the ledger and writes damaged ones off', () => {
    expect(one<number>(
      `SELECT count(*) FROM return_lines rl WHERE rl.decision = 'restock' AND NOT EXISTS (
         SELECT 1 FROM stock_ledger g WHERE g.return_id = rl.return_id AND g.product_id = rl.product_id AND g.kind = 'return' AND g.quantity = rl.quantity AND g.created_at = rl.decided_at)`,
    )).toBe(0);
    // Written off: booked in and out again, so the shelf did not grow.
    expect(one<number>(
      `SELECT count(*) FROM return_lines rl WHERE rl.decision IN ('write_off','supplier') AND (
         SELECT coalesce(sum(g.quantity), 0) FROM stock_ledger g WHERE g.return_id = rl.return_id AND g.product_id = rl.product_id) != 0`,
    )).toBe(0);
    expect(one<number>("SELECT count(*) FROM stock_ledger WHERE kind = 'adjustment' AND return_id IS NOT NULL")).toBeGreaterThan(0);
    expect(one<number>("SELECT count(*) FROM stock_ledger g JOIN return_lines rl ON rl.return_id = g.return_id AND rl.product_id = g.product_id WHERE rl.decision IS NULL")).toBe(0);
  });

  it('has a few complaints with a 14-day answer deadline', () => {
    const complaints = all<{ received_at: string; answer_due_at: string; status: string; answered_at: string | null }>('SELECT * FROM complaints');
    expect(complaints.length).toBeGreaterThanOrEqual(2);
    for (const c of complaints) {
      expect(Date.parse(c.answer_due_at) - Date.parse(c.received_at)).toBe(14 * 86_400_000);
      expect(c.status === 'open').toBe(c.answered_at === null);
    }
  });
});

describe('demo shop: ledger, audit and refusal', () => {
  it('starts with an opening stocktake and has supplier receipts with document numbers', () => {
    const kinds = Object.fromEntries(all<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM stock_ledger GROUP BY 1').map((r) => [r.kind, r.n]));
    expect(kinds.stocktake).toBeGreaterThan(150);
    expect(kinds.receipt).toBeGreaterThan(50);
    expect(kinds.sale).toBeGreaterThan(2000);
    expect(kinds.return).toBeGreaterThan(10);
    const firstDate = one<string>('SELECT min(created_at) FROM stock_ledger');
    expect(one<number>("SELECT count(*) FROM stock_ledger WHERE created_at = ? AND kind != 'stocktake'", firstDate)).toBe(0);
    expect(one<number>("SELECT count(*) FROM stock_ledger WHERE kind = 'receipt' AND (document IS NULL OR document NOT GLOB '[A-Z][A-Z] [0-9]*/[0-9][0-9]/20[0-9][0-9]')")).toBe(0);
    expect(one<number>("SELECT count(DISTINCT document) FROM stock_ledger WHERE kind = 'receipt'")).toBeGreaterThan(10);
  });

  it('stores every stock-history reason as a code, as the app does, said in both languages (issue 13)', () => {
    const reasons = all<{ reason: string; kind: string; n: number }>('SELECT reason, kind, count(*) AS n FROM stock_ledger GROUP BY 1, 2');
    for (const r of reasons) {
      expect(r.reason, r.kind).toMatch(/^[a-z_]+(\.[a-z_]+)*( \[.*\])?$/);
      expect(ledgerReasonText(r.reason, 'pl'), r.reason).not.toBe(r.reason);
      expect(ledgerReasonText(r.reason, 'en'), r.reason).not.toBe(r.reason);
    }
    const codes = new Set(reasons.map((r) => r.reason.split(' ')[0]));
    for (const code of ['stocktake.opening', 'receipt.supplier', 'sale.shipped', 'return.resellable', 'return.write_off']) expect([...codes]).toContain(code);
    // The receipt's audit entry names the supplier, not the stored code.
    const suppliers = all<{ s: string }>("SELECT DISTINCT json_extract(details_json, '$.supplier') AS s FROM audit_log WHERE action = 'stock.receipt'").map((r) => r.s);
    expect(suppliers.length).toBeGreaterThan(1);
    for (const s of suppliers) expect(one<number>("SELECT count(*) FROM stock_ledger WHERE kind = 'receipt' AND reason = ?", `receipt.supplier ${JSON.stringify([s])}`), s).toBeGreaterThan(0);
  });

  it('never lets on-hand dip below zero, in insertion order or in time order', () => {
    // Running sum per product by time (created_at, then id): the history reads as possible.
    expect(one<number>(
      `SELECT count(*) FROM (SELECT sum(quantity) OVER (PARTITION BY product_id ORDER BY created_at, id) AS running FROM stock_ledger) WHERE running < 0`,
    )).toBe(0);
    expect(one<number>('SELECT count(*) FROM (SELECT sum(quantity) OVER (PARTITION BY product_id ORDER BY id) AS running FROM stock_ledger) WHERE running < 0')).toBe(0);
  });

  it('records its work in the audit as the system', () => {
    expect(one<number>("SELECT count(*) FROM audit_log WHERE actor != 'system'")).toBe(0);
    expect(one<number>("SELECT count(*) FROM stock_ledger WHERE actor != 'system'")).toBe(0);
    const actions = all<{ action: string }>('SELECT DISTINCT action FROM audit_log').map((r) => r.action);
    for (const a of ['demo.load', 'settings.update', 'stock.receipt', 'order.cancel', 'return.decide']) expect(actions).toContain(a);
  });

  it('refuses a second demo with not_empty and leaves the database unchanged', async () => {
    const before = dataChecksum(t.core.sqlite);
    await expect(call(t.core, 'shop.loadDemo', { orders: 10, products: 5 })).rejects.toMatchObject({ code: 'not_empty' });
    expect(dataChecksum(t.core.sqlite)).toEqual(before);
  });
});

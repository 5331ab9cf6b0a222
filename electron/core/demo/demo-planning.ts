/**
 * The demo shop's planning data (issue 17): its suppliers with NIP, lead time in working days and a
 * minimum order, each product's supplier (the catalog's own), and what the owner expected of each
 * promotion (campaign_plans). Written after the promotions, on the same connection and transaction.
 */
import type { SqliteDatabase } from '../db/connection';
import { type Catalog, SUPPLIERS } from './catalog';
import { polishNip } from './customers';
import type { Promotion } from './demo-setup';
import type { Prng } from './prng';

/** Minimum order per supplier, whole złoty (0 = none), in SUPPLIERS order; cycles for more suppliers. */
const MINIMUM_ZL = [500, 300, 800, 400, 0, 1000, 200, 600];

export function writeSuppliers(sqlite: SqliteDatabase, rng: Prng, catalog: Catalog, at: string): void {
  const supplier = sqlite.prepare(
    'INSERT INTO suppliers (id, name, nip, lead_time_days, minimum_order_grosze, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  SUPPLIERS.forEach((s, k) => {
    // The simulation's lead time is in calendar days; the owner states working days.
    const working = Math.max(1, Math.round((s.leadDays * 5) / 7));
    const email = `zamowienia@${s.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/[^a-z]+/g, '').slice(0, 20)}.example`;
    supplier.run(k + 1, s.name, polishNip(rng), working, MINIMUM_ZL[k % MINIMUM_ZL.length]! * 100, email, at, at);
  });
  const link = sqlite.prepare('INSERT INTO product_suppliers (product_id, supplier_id) VALUES (?, ?)');
  for (let i = 0; i < catalog.count; i++) link.run(i + 1, catalog.supplier[i]! + 1);
}

/**
 * What the owner expected of each promotion: the planned one and the oldest past one by units per product
 * (promotion_items.expected_units, written with the promotions); the recent past one as a multiple of
 * normal sales (×1,8), so both ways of planning are there to see. Written after the orders, when the
 * shelf is known: the planned campaign expects more of its least stocked product than is free today, so
 * its check always has a shortfall to show, whatever day the demo is loaded on.
 */
export function writeCampaignPlans(sqlite: SqliteDatabase, promotions: Promotion[], nowMs: number): void {
  const plan = sqlite.prepare('INSERT INTO campaign_plans (promotion_id, uplift_x100) VALUES (?, ?)');
  const past = promotions.filter((p) => p.endMs < nowMs).sort((a, b) => b.startMs - a.startMs);
  for (const p of promotions) {
    const byMultiple = past[0]?.id === p.id;
    plan.run(p.id, byMultiple ? 180 : null);
    if (byMultiple) sqlite.prepare('UPDATE promotion_items SET expected_units = NULL WHERE promotion_id = ?').run(p.id);
  }
  const planned = promotions.find((p) => p.startMs > nowMs);
  if (!planned) return;
  const tightest = sqlite
    .prepare(
      `SELECT i.product_id AS productId, i.expected_units AS expected, p.on_hand - p.reserved AS free
       FROM promotion_items i JOIN products p ON p.id = i.product_id WHERE i.promotion_id = ?
       ORDER BY (p.on_hand - p.reserved) * 1.0 / max(1, coalesce(i.expected_units, 1)), i.product_id LIMIT 1`,
    )
    .get(planned.id) as { productId: number; expected: number | null; free: number } | undefined;
  if (tightest && (tightest.expected ?? 0) <= tightest.free) {
    const expected = Math.max(0, tightest.free) + Math.ceil((tightest.expected ?? 2) / 2) + 2;
    sqlite.prepare('UPDATE promotion_items SET expected_units = ? WHERE promotion_id = ? AND product_id = ?').run(expected, planned.id, tightest.productId);
  }
}

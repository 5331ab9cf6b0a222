import type { z } from 'zod';
import type { CampaignRow, CampaignVerdict, saveCampaignInput } from '../../../shared/contract/planning.contract';
import type { Actor } from '../../../shared/domain/roles';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { endOfWarsawDay, warsawDate } from '../orders/dispatch-promise';
import { dayIndex, expectedUnits as expectedSales, onOrderByProduct, readDemand, WINDOW_DAYS, type Demand, type ProductDemand } from '../planning/demand';
import { daysBetween, startOfWarsawDay } from '../results/at-risk/working-days';
import { prepared } from '../stock/product.repository';
import { arrivalDay, productSuppliers } from '../suppliers/reorder.service';
import { checkStock, type PlanAhead } from './campaign-stock';

type SaveInput = z.output<typeof saveCampaignInput>;

/** Days before a campaign its normal sales are measured over (for the uplift it brought). */
const BASELINE_DAYS = 28;
/** Units the campaign's products sold in those days, at least, for the uplift to be measured. */
export const MIN_BASELINE_UNITS = 20;

interface CampaignHead {
  id: number;
  name: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
  upliftX100: number | null;
  category: string | null;
  allegroDiscountType: string | null;
  /** Units per product of a category campaign (a listed one keeps them on its items). */
  unitsPerProduct: number | null;
}

const HEAD_SQL = `SELECT p.id, p.name, p.starts_at AS startsAt, p.ends_at AS endsAt, p.note, c.uplift_x100 AS upliftX100,
    c.category, c.units_per_product AS unitsPerProduct, c.allegro_discount_type AS allegroDiscountType
  FROM promotions p LEFT JOIN campaign_plans c ON c.promotion_id = p.id`;
const ITEMS_SQL = 'SELECT product_id AS productId, expected_units AS expectedUnits FROM promotion_items WHERE promotion_id = ? ORDER BY product_id';
// A category campaign checks the category's products as they are now: one moved into "Karmy" since is checked too.
const CATEGORY_ITEMS_SQL = 'SELECT id AS productId, ? AS expectedUnits FROM products WHERE category = ? AND archived = 0 ORDER BY id';

type Item = { productId: number; expectedUnits: number | null };

function campaignItems(core: Core, head: CampaignHead): Item[] {
  if (head.category !== null) return prepared(core.sqlite, CATEGORY_ITEMS_SQL).all(head.unitsPerProduct, head.category) as Item[];
  return prepared(core.sqlite, ITEMS_SQL).all(head.id) as Item[];
}

const WORST: Record<CampaignVerdict, number> = { covered: 0, at_risk: 1, not_covered: 2 };

/** Units a day on the days that began with stock. */
function dailyRate(m: { units: number; days: number; outDays: number }): number {
  return m.days - m.outDays > 0 ? m.units / (m.days - m.outDays) : 0;
}

/** Sales and stock-out days of one product over window days [from, to). */
function measured(d: ProductDemand, from: number, to: number): { units: number; days: number; outDays: number } {
  let units = 0;
  let days = 0;
  let outDays = 0;
  for (let i = Math.max(0, from); i < Math.min(WINDOW_DAYS, to); i++) {
    units += d.daily[i]!;
    days++;
    if (d.stockOut[i]) outDays++;
  }
  return { units, days, outDays };
}

/**
 * The multiple a past campaign brought, ×100: per product-day, its daily sales against the same products'
 * normal day (units per product-day with stock) in the BASELINE_DAYS before it. Too few sales before it to
 * compare with: no multiple (a handful of units would make a noise of ×15 the default of the next campaign).
 */
export function measuredMultipleX100(m: { sold: number; productDays: number; baselineUnits: number; baselineDays: number }): number | null {
  const baselineDaily = m.baselineDays > 0 ? m.baselineUnits / m.baselineDays : 0;
  return m.baselineUnits >= MIN_BASELINE_UNITS && baselineDaily > 0 && m.productDays > 0 ? Math.round((m.sold / m.productDays / baselineDaily) * 100) : null;
}

/** Sales of the products over Warsaw days [startDay, endDay] and the BASELINE_DAYS before, as the campaign outcome measures them. */
export function measureSpan(demand: Demand, productIds: Iterable<number>, startDay: string, endDay: string): { sold: number; measuredUpliftX100: number | null } {
  const startIdx = dayIndex(demand, startDay);
  const days = daysBetween(startDay, endDay) + 1;
  let sold = 0;
  let productDays = 0;
  let baselineUnits = 0;
  let baselineDays = 0;
  for (const id of productIds) {
    const d = demand.byProduct.get(id);
    if (!d) continue;
    const during = measured(d, startIdx, startIdx + days);
    const before = measured(d, startIdx - BASELINE_DAYS, startIdx);
    sold += during.units;
    productDays += during.days;
    baselineUnits += before.units;
    baselineDays += before.days - before.outDays;
  }
  return { sold, measuredUpliftX100: measuredMultipleX100({ sold, productDays, baselineUnits, baselineDays }) };
}

interface Context {
  suppliers: ReturnType<typeof productSuppliers>;
  onOrder: ReturnType<typeof onOrderByProduct>;
  now: Date;
  /** Every campaign not ended yet, with its planned daily units: their sales are counted in each other's check. */
  ahead: PlanAhead[];
}

function spanOf(head: CampaignHead, today: string) {
  const startDay = warsawDate(new Date(head.startsAt));
  const endDay = warsawDate(new Date(head.endsAt));
  const phase: CampaignRow['phase'] = endDay < today ? 'past' : startDay > today ? 'planned' : 'running';
  return { startDay, endDay, days: daysBetween(startDay, endDay) + 1, phase };
}

/** Units a campaign ahead plans for a product: the given units, else its normal expected sales of those days × the multiple (whole units, rounded up). */
function plannedAhead(item: Item, d: ProductDemand, demand: Demand, head: CampaignHead, startDay: string, days: number): number {
  // A product that sells at all is expected to sell at least one.
  return item.expectedUnits ?? Math.ceil((expectedSales(d, demand, daysBetween(demand.today, startDay), days) * (head.upliftX100 ?? 100)) / 100 - 1e-9);
}

/** The campaigns not ended yet (a handful), each with its products' planned units a day. */
function campaignsAhead(core: Core, demand: Demand): PlanAhead[] {
  const today = demand.today;
  // ends_at is the end of a Warsaw day as an instant: from the day before today's start every one not ended is read.
  const heads = prepared(core.sqlite, `${HEAD_SQL} WHERE p.ends_at >= ? ORDER BY p.starts_at, p.id`).all(startOfWarsawDay(daysBefore(today, 1))) as CampaignHead[];
  const out: PlanAhead[] = [];
  for (const head of heads) {
    const { startDay, endDay, days, phase } = spanOf(head, today);
    if (phase === 'past') continue;
    const rate = new Map<number, number>();
    for (const item of campaignItems(core, head)) {
      const d = demand.byProduct.get(item.productId);
      if (d) rate.set(item.productId, plannedAhead(item, d, demand, head, startDay, days) / days);
    }
    out.push({ id: head.id, name: head.name, fromK: daysBetween(today, startDay), toK: daysBetween(today, endDay), rate });
  }
  return out;
}

function daysBefore(isoDate: string, n: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

function checkCampaign(core: Core, head: CampaignHead, demand: Demand, context: Context): CampaignRow {
  const today = demand.today;
  const { startDay, endDay, days, phase } = spanOf(head, today);
  const items = campaignItems(core, head);
  const own = context.ahead.find((p) => p.id === head.id) ?? { id: head.id, name: head.name, fromK: daysBetween(today, startDay), toK: daysBetween(today, endDay), rate: new Map<number, number>() };
  const counted = new Set<number>();
  const products: CampaignRow['products'] = [];
  let verdict: CampaignVerdict = 'covered';
  let planned = 0;
  let sold = 0;
  let productDays = 0;
  let outDays = 0;
  let baselineUnits = 0;
  let baselineDays = 0;
  const startIdx = dayIndex(demand, startDay);
  for (const item of items) {
    const d = demand.byProduct.get(item.productId);
    if (!d) continue;
    const supplier = context.suppliers.get(item.productId) ?? null;
    // A multiple applies to the product's normal sales: for a past campaign the weeks before it; ahead,
    // the expected sales of the campaign's own days (weekday pattern and trend, planning/demand.ts).
    // Whole units, rounded up: a product that sells at all is expected to sell at least one.
    const expectedUnits =
      phase === 'past'
        ? (item.expectedUnits ?? Math.ceil((dailyRate(measured(d, startIdx - BASELINE_DAYS, startIdx)) * days * (head.upliftX100 ?? 100)) / 100 - 1e-9))
        : plannedAhead(item, d, demand, head, startDay, days);
    const expectedDaily = expectedUnits / days;
    planned += expectedUnits;
    const arrives = supplier ? arrivalDay(context.now, supplier.leadTimeDays) : null;
    if (phase === 'past') {
      // Measured afterwards: what sold in the campaign's days and how many of them began with an empty shelf.
      const during = measured(d, startIdx, startIdx + days);
      const before = measured(d, startIdx - BASELINE_DAYS, startIdx);
      sold += during.units;
      productDays += during.days;
      outDays += during.outDays;
      baselineUnits += before.units;
      baselineDays += before.days - before.outDays;
      const shortfall = during.outDays > 0 ? Math.max(0, expectedUnits - during.units) : 0;
      const v: CampaignVerdict = during.outDays > 0 ? 'not_covered' : 'covered';
      if (WORST[v] > WORST[verdict]) verdict = v;
      products.push({
        productId: d.productId, sku: d.sku, name: d.name,
        expectedDailyX100: Math.round(expectedDaily * 100), expectedUnits,
        stockAtStart: startIdx >= 0 && startIdx < WINDOW_DAYS ? d.startStock[startIdx]! : 0,
        daysOfCover: during.days - during.outDays, shortfall,
        supplierName: supplier?.name ?? null, reorderArrivesOn: null, reorderInTime: false, verdict: v,
      });
      continue;
    }
    // Ahead of (or during) the campaign: the shelf today, plus deliveries due by then, less the expected
    // sales until it starts — the normal ones, or an earlier campaign's planned ones on its days — and
    // what its own days need, a day shared with another campaign counted once, at the larger plan.
    const fromDay = phase === 'running' ? today : startDay;
    const check = checkStock(d, demand, context.ahead, own, context.onOrder.get(d.productId) ?? [], daysBetween(today, fromDay), daysBetween(today, endDay));
    for (const id of check.counted) counted.add(id);
    const { stockAtStart, needed, daysOfCover } = check;
    const shortfall = Math.max(0, needed - Math.max(0, stockAtStart));
    const reorderInTime = arrives !== null && arrives <= fromDay;
    const v: CampaignVerdict = shortfall === 0 ? 'covered' : reorderInTime ? 'at_risk' : 'not_covered';
    if (WORST[v] > WORST[verdict]) verdict = v;
    products.push({
      productId: d.productId, sku: d.sku, name: d.name,
      expectedDailyX100: Math.round(expectedDaily * 100), expectedUnits,
      stockAtStart, neededUnits: needed, daysOfCover, shortfall,
      supplierName: supplier?.name ?? null, reorderArrivesOn: arrives, reorderInTime, verdict: v,
    });
  }
  products.sort((a, b) => WORST[b.verdict] - WORST[a.verdict] || b.shortfall - a.shortfall || a.sku.localeCompare(b.sku));
  const outcome =
    phase === 'past'
      ? {
          plannedUnits: planned,
          soldUnits: sold,
          forecastAccuracyPct: planned > 0 ? Math.round((sold / planned) * 100) : 0,
          stockOutRatePct: productDays > 0 ? Math.round((outDays / productDays) * 100) : 0,
          measuredUpliftX100: measuredMultipleX100({ sold, productDays, baselineUnits, baselineDays }),
        }
      : null;
  const { unitsPerProduct: _kept, ...row } = head;
  const countedCampaigns = context.ahead.filter((p) => counted.has(p.id)).map((p) => ({ id: p.id, name: p.name }));
  // No product checked is not "enough stock": the screen says there is nothing to check instead.
  return { ...row, phase, verdict, products, outcome, noProducts: products.length === 0, countedCampaigns };
}

/** Every campaign (the shop's promotions), planned and running first, then past ones newest first. */
export function listCampaigns(core: Core): CampaignRow[] {
  const now = core.now();
  const demand = readDemand(core.sqlite, now);
  const context: Context = { suppliers: productSuppliers(core), onOrder: onOrderByProduct(core.sqlite), now, ahead: campaignsAhead(core, demand) };
  const heads = prepared(core.sqlite, `${HEAD_SQL} ORDER BY p.starts_at DESC, p.id DESC LIMIT 200`).all() as CampaignHead[];
  const rows = heads.map((h) => checkCampaign(core, h, demand, context));
  const order = { running: 0, planned: 1, past: 2 };
  return rows.sort((a, b) => order[a.phase] - order[b.phase] || (a.phase === 'past' ? b.startsAt.localeCompare(a.startsAt) : a.startsAt.localeCompare(b.startsAt)));
}

export function getCampaign(core: Core, id: number): CampaignRow {
  const now = core.now();
  const head = prepared(core.sqlite, `${HEAD_SQL} WHERE p.id = ?`).get(id) as CampaignHead | undefined;
  if (!head) throw new DomainError('not_found', `There is no campaign with id ${id}.`, { campaignId: id });
  const demand = readDemand(core.sqlite, now);
  return checkCampaign(core, head, demand, { suppliers: productSuppliers(core), onOrder: onOrderByProduct(core.sqlite), now, ahead: campaignsAhead(core, demand) });
}

/**
 * Plans a campaign: a promotion over whole Warsaw days with its products — or a whole category, whose
 * products are read at each check (no items are written) — and what the owner expects (a multiple of
 * normal sales, or units per product: on each item, or on the plan for a category).
 */
export function saveCampaign(core: Core, input: SaveInput, actor: Actor): CampaignRow {
  const at = core.now().toISOString();
  const ids = [...new Set(input.productIds ?? [])];
  const category = input.category ?? null;
  if (category !== null && !prepared(core.sqlite, 'SELECT 1 FROM products WHERE category = ? AND archived = 0 LIMIT 1').get(category)) {
    throw new DomainError('not_found', `No product on sale has the category ${category}.`, { field: 'category', category });
  }
  const id = core.sqlite.transaction(() => {
    const id = Number(
      prepared(core.sqlite, 'INSERT INTO promotions (name, starts_at, ends_at, note, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)').run(
        input.name, startOfWarsawDay(input.startsOn), endOfWarsawDay(input.endsOn), at, at,
      ).lastInsertRowid,
    );
    prepared(core.sqlite, 'INSERT INTO campaign_plans (promotion_id, uplift_x100, category, units_per_product, allegro_discount_type) VALUES (?, ?, ?, ?, ?)').run(
      id, input.upliftX100 ?? null, category, category !== null ? (input.unitsPerProduct ?? null) : null, input.allegroDiscountType ?? null,
    );
    for (const productId of ids) {
      if (!prepared(core.sqlite, 'SELECT 1 FROM products WHERE id = ?').get(productId)) throw new DomainError('not_found', `There is no product with id ${productId}.`, { productId });
      prepared(core.sqlite, 'INSERT INTO promotion_items (promotion_id, product_id, promo_price_grosze, expected_units) VALUES (?, ?, NULL, ?)').run(id, productId, input.unitsPerProduct ?? null);
    }
    prepared(core.sqlite, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, ?, ?, ?, ?, ?)').run(
      at, actor, 'campaign.create', 'promotion', String(id), JSON.stringify({ ...(category !== null ? { name: input.name, category } : { name: input.name, products: ids.length }), ...(input.allegroDiscountType ? { allegroDiscountType: input.allegroDiscountType } : {}) }),
    );
    return id;
  })();
  core.events.emit('data.changed', { areas: ['stock'] });
  return getCampaign(core, id);
}

/**
 * Promotions the shop ran on Allegro, as its imported orders show them (issue 17 point 4): order lines
 * sold with a discount (`order_lines.discount_types`, kept by the checkout-forms import) grouped by the
 * discount type and a run of days, with the uplift measured the way a past campaign's is. The owner can
 * keep one as a campaign, so that the next campaign's default multiple learns from it.
 */
import type { SeenPromotionRow } from '../../../shared/contract/planning.contract';
import type { Core } from '../create-core';
import { endOfWarsawDay, warsawDate } from '../orders/dispatch-promise';
import { readDemand, WINDOW_DAYS } from '../planning/demand';
import { daysBetween, startOfWarsawDay } from '../results/at-risk/working-days';
import { prepared } from '../stock/product.repository';
import { measureSpan } from './campaigns.service';

/** Days without a discounted sale that still belong to the same promotion (a quiet Sunday does not end it). */
export const SEEN_GAP_DAYS = 2;
/** How far back the list looks: the daily sales the uplift is measured from go back no further (planning/demand.ts). */
const LOOKBACK_DAYS = WINDOW_DAYS;
const MAX_ROWS = 100;

// Only the discounted lines (partial index order_lines_discounted); a line's own purchase time, else its order's.
const LINES_SQL = `SELECT l.product_id AS productId, p.sku, p.name, l.discount_types AS types, l.quantity,
    coalesce(l.bought_at, o.bought_at) AS at
  FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
  WHERE l.discount_types IS NOT NULL AND l.product_id IS NOT NULL AND o.status != 'cancelled' AND coalesce(l.bought_at, o.bought_at) >= ?
  ORDER BY at`;

interface Line { productId: number; sku: string; name: string; types: string; quantity: number; at: string }

interface Span { type: string; startsOn: string; endsOn: string; products: Map<number, { sku: string; name: string; units: number }> }

export function listSeenPromotions(core: Core): SeenPromotionRow[] {
  const now = core.now();
  const today = warsawDate(now);
  const since = startOfWarsawDay(new Date(Date.parse(`${today}T12:00:00Z`) - LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10));
  const open = new Map<string, Span>();
  const spans: Span[] = [];
  for (const line of prepared(core.sqlite, LINES_SQL).all(since) as Line[]) {
    const day = warsawDate(new Date(line.at));
    // A line with two discounts (a coupon on a campaign price) counts toward both.
    for (const type of line.types.split(',')) {
      let span = open.get(type);
      if (!span || daysBetween(span.endsOn, day) > SEEN_GAP_DAYS + 1) {
        span = { type, startsOn: day, endsOn: day, products: new Map() };
        open.set(type, span);
        spans.push(span);
      }
      if (day > span.endsOn) span.endsOn = day;
      const p = span.products.get(line.productId) ?? { sku: line.sku, name: line.name, units: 0 };
      p.units += line.quantity;
      span.products.set(line.productId, p);
    }
  }
  const demand = readDemand(core.sqlite, now);
  const kept = prepared(
    core.sqlite,
    // Kept from this promotion, or typed by hand for the same days (the owner entered the Allegro campaign
    // himself): either way it is in the campaigns already and offering it again would make a twin.
    `SELECT p.id FROM promotions p LEFT JOIN campaign_plans c ON c.promotion_id = p.id
      WHERE p.starts_at = ? AND p.ends_at = ? AND (c.allegro_discount_type = ? OR c.allegro_discount_type IS NULL) ORDER BY p.id DESC LIMIT 1`,
  ).pluck();
  return spans
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.type.localeCompare(b.type))
    .slice(0, MAX_ROWS)
    .map((s) => {
      const measured = measureSpan(demand, s.products.keys(), s.startsOn, s.endsOn);
      const products = [...s.products].map(([productId, p]) => ({ productId, sku: p.sku, name: p.name, discountedUnits: p.units })).sort((a, b) => b.discountedUnits - a.discountedUnits || a.sku.localeCompare(b.sku));
      return {
        discountType: s.type,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        products,
        discountedUnits: products.reduce((n, p) => n + p.discountedUnits, 0),
        soldUnits: measured.sold,
        measuredUpliftX100: measured.measuredUpliftX100,
        campaignId: (kept.get(startOfWarsawDay(s.startsOn), endOfWarsawDay(s.endsOn), s.type) as number | undefined) ?? null,
      };
    });
}

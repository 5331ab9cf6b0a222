import type { SqliteDatabase } from '../db/connection';
import type { Period } from './period';
import { addDays, daysBetween, warsawDayOf } from './warsaw-days';

/**
 * The campaign days of Wyniki: which product was in a campaign on which Warsaw day, read once per
 * summary for the span of both compared periods (campaigns overlapping it only), with the stock-out
 * days of those products. A category campaign has no items: its products are the category's not
 * archived (as the campaign check reads them). A product in two overlapping campaigns counts its days once.
 */
export interface CampaignDays {
  /** Product-days in a campaign within `period`, and how many of them the product was out of stock. */
  count(period: Period): { productDays: number; stockoutDays: number };
  /** Whether the product was in a campaign on that day. */
  includes(productId: number, day: string): boolean;
}

type Interval = [from: string, to: string];

export function campaignDays(sqlite: SqliteDatabase, span: Period): CampaignDays {
  // The stored instants are UTC: a Warsaw day starts an hour or two before its UTC day, so the filter
  // below keeps a day more on each side and the exact Warsaw days are clipped here.
  const rows = sqlite
    .prepare(
      `WITH c AS (SELECT id, starts_at, ends_at FROM promotions WHERE starts_at < @before AND ends_at > @after)
       SELECT c.starts_at AS startsAt, c.ends_at AS endsAt, i.product_id AS productId
         FROM c JOIN promotion_items i ON i.promotion_id = c.id
       UNION ALL
       SELECT c.starts_at, c.ends_at, pr.id
         FROM c JOIN campaign_plans cp ON cp.promotion_id = c.id
         JOIN products pr ON pr.category = cp.category AND pr.archived = 0`,
    )
    .all({ before: addDays(span.to, 1), after: addDays(span.from, -1) }) as Array<{ startsAt: string; endsAt: string; productId: number }>;
  const daysOf = new Map<string, Interval | null>();
  const byProduct = new Map<number, Interval[]>();
  for (const row of rows) {
    const key = `${row.startsAt}|${row.endsAt}`;
    let interval = daysOf.get(key);
    if (interval === undefined) {
      const from = warsawDayOf(row.startsAt)!;
      // A campaign ending at midnight ends the day before.
      const to = warsawDayOf(new Date(Date.parse(row.endsAt) - 1).toISOString())!;
      const clipped: Interval = [from > span.from ? from : span.from, to < span.to ? to : span.to];
      interval = clipped[0] > clipped[1] ? null : clipped;
      daysOf.set(key, interval);
    }
    if (!interval) continue;
    const list = byProduct.get(row.productId);
    if (list) list.push(interval);
    else byProduct.set(row.productId, [interval]);
  }
  for (const [productId, list] of byProduct) byProduct.set(productId, merge(list));

  const stockouts = new Map<number, string[]>();
  if (byProduct.size > 0) {
    const stockRows = sqlite
      .prepare(
        `SELECT product_id AS productId, day FROM results_stockout_days
         WHERE product_id IN (SELECT value FROM json_each(@ids)) AND day BETWEEN @from AND @to`,
      )
      .all({ ids: JSON.stringify([...byProduct.keys()]), from: span.from, to: span.to }) as Array<{ productId: number; day: string }>;
    for (const r of stockRows) {
      const list = stockouts.get(r.productId);
      if (list) list.push(r.day);
      else stockouts.set(r.productId, [r.day]);
    }
  }

  const includes = (productId: number, day: string) => (byProduct.get(productId) ?? []).some(([from, to]) => day >= from && day <= to);
  return {
    includes,
    count(period) {
      let productDays = 0;
      let stockoutDays = 0;
      for (const [productId, list] of byProduct) {
        for (const [from, to] of list) {
          const a = from > period.from ? from : period.from;
          const b = to < period.to ? to : period.to;
          if (a <= b) productDays += daysBetween(a, b) + 1;
        }
        for (const day of stockouts.get(productId) ?? []) if (day >= period.from && day <= period.to && includes(productId, day)) stockoutDays += 1;
      }
      return { productDays, stockoutDays };
    },
  };
}

/** Sorted, overlapping or touching intervals joined, so that no day is counted twice. */
function merge(list: Interval[]): Interval[] {
  const sorted = [...list].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: Interval[] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= addDays(last[1], 1)) {
      if (to > last[1]) last[1] = to;
    } else out.push([from, to]);
  }
  return out;
}

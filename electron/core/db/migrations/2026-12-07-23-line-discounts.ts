/**
 * Allegro's discounts on an order line (issue 17 point 4): which promotion a unit was sold under, so a
 * campaign the shop ran on Allegro (type CAMPAIGN, a coupon, a bundle…) can be found in past sales and
 * its uplift learnt for the next one. The unit price before the discount is already kept
 * (original_unit_price_grosze). Raw SQL only, imports nothing from the app (see the initial migration).
 *
 * order_lines.discount_types: the line's `lineItems[].discounts[].type` values, distinct, sorted and
 * joined with commas ("CAMPAIGN", "BUNDLE,COUPON"); NULL when the line had none or the file does not say
 * (the seller-panel CSV has no such column). Raw Allegro strings: the enum grows. The partial index keeps
 * the "promotions seen in imports" read to the discounted lines only.
 * campaign_plans.allegro_discount_type: a campaign the owner kept from such a promotion (its type), so the
 * list can say it came from Allegro and the seen promotion shows as kept; NULL for a campaign typed by hand.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `ALTER TABLE order_lines ADD COLUMN discount_types TEXT`,
  `CREATE INDEX order_lines_discounted ON order_lines(product_id, bought_at) WHERE discount_types IS NOT NULL`,
  `ALTER TABLE campaign_plans ADD COLUMN allegro_discount_type TEXT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}

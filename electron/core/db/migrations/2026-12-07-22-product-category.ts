/**
 * A product's category (issue 17 point 4, issue 15 point 3): a campaign can be planned for a whole
 * category ("Karmy"), and the owner's stock sheet groups its products under headings. Raw SQL only,
 * imports nothing from the app (see the initial migration).
 *
 * products.category: free text the owner types (or the sheet's group heading), NULL when none. Indexed
 * because the campaign check reads "all products of this category" and the form lists the distinct ones.
 * campaign_plans.category: a campaign planned for a category checks the category's products at the time
 * of the check (no promotion_items are written for it); campaign_plans.units_per_product keeps the owner's
 * "units per product" for such a campaign, since there are no item rows to hold it.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `ALTER TABLE products ADD COLUMN category TEXT`,
  `CREATE INDEX products_category ON products(category) WHERE category IS NOT NULL`,
  `ALTER TABLE campaign_plans ADD COLUMN category TEXT`,
  `ALTER TABLE campaign_plans ADD COLUMN units_per_product INTEGER CHECK (units_per_product IS NULL OR units_per_product > 0)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}

/**
 * Two JPK_V7 facts about a product that the sales register needs (issue 14 point 3). Raw SQL only, imports
 * nothing from the app (see the initial migration).
 *
 * products.gtu: the product's GTU group, 'GTU_01' … 'GTU_13', or NULL (most goods belong to none). A document
 * selling it carries the marker in the EDI++ file.
 * products.split_payment: 1 when the product is goods of annex 15 to the VAT act; an invoice above 15 000 zł
 * with such goods must be paid with the split payment mechanism (MPP marker). 0 for every existing product,
 * so no register changes until the owner sets it.
 */
import { type Kysely, sql } from 'kysely';

const GROUPS = Array.from({ length: 13 }, (_, i) => `'GTU_${String(i + 1).padStart(2, '0')}'`).join(', ');

const statements = [
  `ALTER TABLE products ADD COLUMN gtu TEXT CHECK (gtu IS NULL OR gtu IN (${GROUPS}))`,
  `ALTER TABLE products ADD COLUMN split_payment INTEGER NOT NULL DEFAULT 0 CHECK (split_payment IN (0, 1))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}

/**
 * The order list sorted by "Do zapłaty" (amount to pay) or by "Wysłać do" (the promise) over every order
 * read and sorted the whole table for each page: 30–40 ms at 100k orders, 40–90 ms a page further down
 * (issue 16), ten times that at 1M. These two indexes give both sorts their order, so a page reads only
 * its own rows. The expression repeats orders-list.query.ts's ORDER BY word for word (SQLite uses an
 * expression index only for the identical expression): a missing promise sorts after every real date.
 * The dashboard's amount of all orders per currency (shop.stats) read the whole orders table: 130 ms of
 * its 180 ms at 100k orders; (currency, total_to_pay_grosze) answers it from the index alone, in order.
 * Raw SQL only, imports nothing from the app (see the initial migration).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE INDEX orders_total_sort ON orders(total_to_pay_grosze)`,
  `CREATE INDEX orders_dispatch_sort ON orders(coalesce(dispatch_by, '9999-12-31'))`,
  `CREATE INDEX orders_currency_total ON orders(currency, total_to_pay_grosze)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}

/**
 * The order list sorted by "Do zapłaty" (amount to pay) or by "Wysłać do" (the promise) over every order
 * read and sorted the whole table for each page: 30–40 ms at 100k orders, 40–90 ms a page further down
 * (issue 16), ten times that at 1M. These two indexes give both sorts their order, so a page reads only
 * its own rows. The expression repeats orders-list.query.ts's ORDER BY word for word (SQLite uses an
 * expression index only for the identical expression): a missing promise sorts after every real date.
 * The dashboard's amount of all orders per currency (shop.stats) read the whole orders table: 130 ms of
 * its 180 ms at 100k orders; (currency, total_to_pay_grosze) answers it from the index alone, in order.
 * Filtered by status and sorted by amount or buyer, every order of those statuses was read and sorted:
 * 13–60 ms at 1M. (status, amount) and (status, buyer) give each status's range in order, several
 * statuses merged: about 0.1 ms (orders-list.query.ts names them, see sortIndexHint). These two were
 * added to this migration an hour after it was first committed, before any release: a development copy
 * migrated in between lacks them, and the list then sorts as before (the hint checks they exist).
 * Raw SQL only, imports nothing from the app (see the initial migration).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE INDEX orders_total_sort ON orders(total_to_pay_grosze)`,
  `CREATE INDEX orders_dispatch_sort ON orders(coalesce(dispatch_by, '9999-12-31'))`,
  `CREATE INDEX orders_currency_total ON orders(currency, total_to_pay_grosze)`,
  `CREATE INDEX orders_status_total ON orders(status, total_to_pay_grosze)`,
  `CREATE INDEX orders_status_buyer ON orders(status, buyer_login COLLATE NOCASE)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}

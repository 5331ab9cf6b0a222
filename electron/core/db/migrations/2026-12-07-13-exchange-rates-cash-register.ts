/**
 * Foreign currency and the cash register in the accountant's register (issue 14 points 6 and 7). Raw SQL
 * only, imports nothing from the app (see the initial migration).
 *
 * exchange_rates: the NBP table A average rates the shop has — imported from NBP's own files (the API's
 * JSON tables, the daily XML table) or typed in by the owner. One rate per currency and day; the rate as
 * NBP prints it (decimal text, PLN for one unit) and as an integer in millionths for exact arithmetic.
 *
 * cash_register_reports: the cash register's periodic (monthly) report as the owner copied it from the
 * printout — the totals per VAT rate that the register books as one RO document.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE exchange_rates (
     currency     TEXT NOT NULL,      -- ISO 4217, e.g. CZK
     day          TEXT NOT NULL,      -- YYYY-MM-DD, the table's effective date
     table_no     TEXT NOT NULL,      -- e.g. "229/A/NBP/2026"
     rate         TEXT NOT NULL,      -- "0.1712": złoty for one unit, as NBP prints it (dot)
     rate_micro   INTEGER NOT NULL CHECK (rate_micro > 0),   -- the same in millionths of a złoty
     source       TEXT NOT NULL CHECK (source IN ('nbp_file','manual','nbp_api')),
     recorded_at  TEXT NOT NULL,
     PRIMARY KEY (currency, day)
   )`,
  `CREATE TABLE cash_register_reports (
     month        TEXT PRIMARY KEY,   -- YYYY-MM
     number       TEXT NOT NULL,      -- the report's number on the printout
     report_date  TEXT NOT NULL,      -- YYYY-MM-DD
     totals_json  TEXT NOT NULL,      -- [{rate, gross, vat}] in grosze, per VAT rate
     recorded_at  TEXT NOT NULL
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}

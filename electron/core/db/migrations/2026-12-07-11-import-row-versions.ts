/**
 * Undo of an orders import keyed by the run, not by a hashed image of every row it wrote (issue 15:
 * the log was 459k rows, half of its time sha1 of each row's JSON, for a 100k-order file). Raw SQL only,
 * imports nothing from the app (see the initial migration).
 *
 * import_inserted: per run and table, the ids the run inserted — every id above `after_id` up to
 * `last_id` (the run held the write lock, so ids in between are its own), `inserted` of them. Undo
 * deletes them; rows the run inserted below `after_id` (an id freed by a delete) are still logged one
 * by one in import_changes, as are updates and deletes.
 *
 * row_version: bumped by a trigger on every later change of a row, so a row the run inserted and a
 * person (packing, a status change) or a later import changed since is found without its image.
 *
 * import_sources: the seller-panel orders CSV as it was imported, kept once per run, gzip-compressed in
 * parts (each part a gzip member; the parts joined are one gzip file), instead of a JSON image of its
 * rows in every order's raw_json (2.4 KB an order, 240 MB of a 100k-order shop).
 */
import { type Kysely, sql } from 'kysely';

const VERSIONED = ['orders', 'order_lines', 'reservations', 'customers', 'shipments'];

const statements = [
  `CREATE TABLE import_inserted (
     run_id      INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
     table_name  TEXT NOT NULL,
     after_id    INTEGER NOT NULL,
     last_id     INTEGER NOT NULL,
     inserted    INTEGER NOT NULL,
     PRIMARY KEY (run_id, table_name)
   ) WITHOUT ROWID`,
  `CREATE TABLE import_sources (
     run_id     INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
     part       INTEGER NOT NULL,
     gzip       BLOB NOT NULL,
     PRIMARY KEY (run_id, part)
   ) WITHOUT ROWID`,
  ...VERSIONED.flatMap((table) => [
    `ALTER TABLE ${table} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0`,
    // Only when the statement itself did not set the version (undo puts a prior image back with its own).
    `CREATE TRIGGER ${table}_row_version AFTER UPDATE ON ${table} WHEN NEW.row_version IS OLD.row_version
     BEGIN UPDATE ${table} SET row_version = OLD.row_version + 1 WHERE id = NEW.id; END`,
  ]),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}

/**
 * Marks the file as a Zaplecze database: `PRAGMA application_id` = 0x5A41504C ("ZAPL"), so the app and the
 * command line recognise a shop before writing anything to it and refuse another program's SQLite file
 * (see db/recognise.ts, which repeats the number: migrations import nothing from the app). Raw SQL only.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('PRAGMA application_id = 1514229836').execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}

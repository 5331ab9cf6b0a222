/**
 * The SQL floor of the import benchmark: the finished rows of the imported orders (customers, orders,
 * order lines, reservations, shipments — taken from the generated shop the import files were written
 * from) written by a minimal program into the same schema (a copy of the catalogue shop): one
 * transaction, one prepared INSERT per table, row by row, every index and trigger of today's schema in
 * place. No parsing, no validation, no undo log. Prints one JSON line {ms, rows, maxRssKb}.
 *   node --import tsx bench/child/import-floor.ts <shop with the orders> <target db>
 */
import BetterSqlite3 from 'better-sqlite3';

const TABLES = ['customers', 'orders', 'order_lines', 'reservations', 'shipments'];

function run(): void {
  const [sourceFile, targetFile] = process.argv.slice(2);
  const source = new BetterSqlite3(sourceFile!, { readonly: true });
  const target = new BetterSqlite3(targetFile!);
  target.pragma('journal_mode = WAL');
  target.pragma('foreign_keys = ON');
  const t0 = performance.now();
  let rows = 0;
  target.exec('BEGIN');
  for (const table of TABLES) {
    const columns = (target.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    const have = new Set((source.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
    const shared = columns.filter((c) => have.has(c));
    const insert = target.prepare(`INSERT INTO ${table} (${shared.join(', ')}) VALUES (${shared.map(() => '?').join(', ')})`);
    for (const row of source.prepare(`SELECT ${shared.join(', ')} FROM ${table} ORDER BY id`).raw(true).iterate() as Iterable<unknown[]>) {
      insert.run(row);
      rows += 1;
    }
  }
  target.exec('COMMIT');
  const ms = performance.now() - t0;
  target.close();
  source.close();
  process.stdout.write(`${JSON.stringify({ ms, rows, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

run();

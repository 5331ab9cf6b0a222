/**
 * The SQL floor of the import benchmark: the finished rows of the imported orders (customers, orders,
 * order lines, reservations, shipments — taken from the generated shop the import files were written
 * from) written by a minimal program into the same schema (a copy of the catalogue shop): one
 * transaction, one prepared INSERT per table, row by row, every index in place. No parsing, no
 * validation, no undo log. Prints one JSON line {ms, rows, maxRssKb, cpuMs}.
 *   node --import tsx bench/child/import-floor.ts <shop with the orders> <target db>
 *
 * It writes as the import does, so the ratio compares work with work: the connection is opened by the
 * app's openSqlite (WAL, synchronous NORMAL, temp_store MEMORY — without it every statement journal went
 * to a temp file, 9.4 s of the orders' 10.5 s CPU against 5.1 s — and the 32 MB page cache), and the
 * per-row insert triggers are suspended and their effect done set-wise inside the transaction
 * (electron/core/import/apply/row-upkeep.ts), as a big import does.
 */
import BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../../electron/core/db/connection';
import { suspendRowUpkeep } from '../../electron/core/import/apply/row-upkeep';

const TABLES = ['customers', 'orders', 'order_lines', 'reservations', 'shipments'];

function run(): void {
  const [sourceFile, targetFile] = process.argv.slice(2);
  const source = new BetterSqlite3(sourceFile!, { readonly: true });
  const target = openSqlite(targetFile!);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  target.exec('BEGIN');
  const upkeep = suspendRowUpkeep(target);
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
  upkeep.restore();
  target.exec('COMMIT');
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  target.close();
  source.close();
  process.stdout.write(`${JSON.stringify({ ms, rows, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
}

run();

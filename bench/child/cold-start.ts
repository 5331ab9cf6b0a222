/**
 * Child process of the cold-start benchmark: a fresh Node process that opens the database the way the
 * app does (createCore: pragmas + migration check), then loads the first page of the order list.
 * Prints one JSON line: {openMs, firstPageMs, totalMs}. Module loading is before the clock starts —
 * it is the same for an empty shop and a big one.
 */
import { dispatch } from '../../electron/core/dispatch';
import { createCore } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/log';

async function main() {
  const [dbFile, backupDir] = process.argv.slice(2);
  const t0 = performance.now();
  const core = await createCore({ dbFile: dbFile!, backupDir: backupDir!, logger: silentLogger });
  const t1 = performance.now();
  const page = await dispatch(core, 'orders.list', { limit: 50 }, { role: 'owner' });
  const t2 = performance.now();
  process.stdout.write(
    `${JSON.stringify({ openMs: t1 - t0, firstPageMs: t2 - t1, totalMs: t2 - t0, ok: page.ok, error: page.ok ? null : page.error, rows: page.ok ? (page.data as { rows: unknown[] }).rows.length : 0 })}\n`,
  );
  core.sqlite.close();
}

void main();

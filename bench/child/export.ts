/**
 * Child process of the export benchmark (a fresh heap, as for the backup: garbage left by other
 * benchmarks — or by the previous shop's export — must not pause the event loop and be blamed on this
 * export). Exports the busiest month of the shop to XLSX through the app's channel while the event
 * loop's delay is sampled every millisecond. Prints one JSON line.
 */
import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { callChannel } from '../lib/api';
import { benchSaveTarget } from '../lib/ports';
import { openShop } from '../lib/shops';

async function main() {
  const [dbFile] = process.argv.slice(2) as [string];
  const core = await openShop(dbFile);
  try {
    const busiest = core.sqlite
      .prepare('SELECT substr(bought_at, 1, 7) AS month, count(*) AS n FROM orders GROUP BY month ORDER BY n DESC LIMIT 1')
      .get() as { month: string; n: number };
    const save = benchSaveTarget();
    core.ports = { ...core.ports, saveTarget: save };
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    // The histogram keeps no sample from its first tick: let it tick before the export starts.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const t0 = performance.now();
    const r = await callChannel<{ bytes: number }>(core, 'export.salesRegister', { month: busiest.month, format: 'xlsx' });
    const ms = performance.now() - t0;
    // A stall is recorded when the timer fires after it: let it fire once more before stopping.
    await new Promise((resolve) => setTimeout(resolve, 5));
    delay.disable();
    for (const f of save.saved) rmSync(f, { force: true });
    const figures = r.ok
      ? { ok: true, month: busiest.month, orders: busiest.n, ms, bytes: r.data.bytes, stallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6 }
      : { ok: false, unavailable: r.unavailable, message: r.message, month: busiest.month, orders: busiest.n };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await closeCoreFully(core);
  }
}

void main();

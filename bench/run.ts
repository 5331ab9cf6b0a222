/**
 * `npm run bench` — speed and memory of Zaplecze on generated shops, every figure next to its target.
 *
 *   npm run bench                 10k and 100k orders, 100k products (a few minutes on 2 cores)
 *   npm run bench -- --full       also 1M orders (generation alone takes minutes; the shop is cached)
 *   npm run bench -- --only orders.list,backup
 *   npm run bench -- --fresh      forget the figures recorded by earlier runs
 *
 * Prints a table (met / not met / not available yet / skipped) and writes bench/results.json (rows of
 * this run replace the same rows of earlier runs; the rest are kept with their date). Figures
 * depend on the machine: imports are reported as a ratio to `sqlite3 .import` measured in the same run.
 * Generated shops and files are cached in bench/tmp/ (git-ignored) until the generator or schema changes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { atRiskCase } from './cases/at-risk.case';
import { backupCase } from './cases/backup.case';
import { coldStartCase } from './cases/cold-start.case';
import { exportCase } from './cases/export.case';
import { importCase } from './cases/import.case';
import { ordersListCase } from './cases/orders-list.case';
import { packingCase } from './cases/packing.case';
import { resultsCase } from './cases/results.case';
import { slipsCase } from './cases/slips.case';
import { stockSearchCase } from './cases/stock-search.case';
import { ROOT } from './lib/child';
import type { BenchCase, BenchContext } from './lib/context';
import { failed, formatTable, type Row, writeResults } from './lib/report';
import { ensureShop, type Shop, type ShopSpec, TMP } from './lib/shops';

const CASES: Array<{ name: string; run: BenchCase }> = [
  { name: 'import', run: importCase },
  { name: 'orders.list', run: ordersListCase },
  { name: 'stock.search', run: stockSearchCase },
  { name: 'packing', run: packingCase },
  { name: 'cold-start', run: coldStartCase },
  { name: 'export', run: exportCase },
  { name: 'slips', run: slipsCase },
  { name: 'backup', run: backupCase },
  { name: 'at-risk', run: atRiskCase },
  { name: 'results', run: resultsCase },
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { full: { type: 'boolean', default: false }, only: { type: 'string' }, fresh: { type: 'boolean', default: false } }, strict: true });
  const full = values.full === true;
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  mkdirSync(TMP, { recursive: true });
  const shops = new Map<string, Promise<Shop>>();
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const ctx: BenchContext = {
    full,
    orderScales: full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000],
    log,
    shop(spec: ShopSpec) {
      const key = JSON.stringify(spec);
      let shop = shops.get(key);
      if (!shop) shops.set(key, (shop = ensureShop(spec, log)));
      return shop;
    },
  };
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const rows: Row[] = [];
  for (const c of CASES) {
    if (only && !only.has(c.name)) continue;
    log(`${c.name}…`);
    const t0 = performance.now();
    try {
      rows.push(...(await c.run(ctx)));
    } catch (error) {
      rows.push(failed({ id: c.name, what: c.name, scale: '', unit: '', target: null, note: '' }, error));
    }
    log(`  ${c.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`\n${formatTable(rows)}\n\n`);
  const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
  process.stdout.write(`${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} — ${seconds.toFixed(0)} s${full ? ' (--full)' : ''}\n`);
  // Latency percentiles mean little on a machine that is busy with something else: say so.
  const load = { atStart: Math.round(loadAtStart * 10) / 10, atEnd: Math.round(loadavg()[0]! * 10) / 10, cores: cpus().length };
  if (Math.max(load.atStart, load.atEnd) > load.cores) {
    process.stdout.write(`warning: the machine was busy (load average ${load.atStart} → ${load.atEnd} on ${load.cores} cores); p95 latencies and the backup stall include time this process waited for a core\n`);
  }
  const generated = await Promise.all([...shops.values()].map((p) => p.catch(() => null)));
  const file = join(ROOT, 'bench', 'results.json');
  const merged = writeResults(
    file,
    rows,
    {
      generatedAt: new Date().toISOString(),
      mode: full ? 'full' : 'default',
      only: only ? [...only] : null,
      seconds: Math.round(seconds),
      loadAverage: load,
      shops: generated.filter((s): s is Shop => s !== null).map((s) => ({ ...s.spec, generatedInS: Math.round(s.generatedInS * 10) / 10 })),
    },
    { fresh: values.fresh === true, casesRun: CASES.filter((c) => !only || only.has(c.name)).map((c) => c.name) },
  );
  if (merged.length > rows.length) {
    process.stdout.write(`\nAll recorded figures (rows not measured in this run keep the date of the run that measured them):\n\n${formatTable(merged.map((r) => ({ ...r, note: `[${r.mode} ${r.measuredAt.slice(0, 16)}] ${r.note}` })))}\n\n`);
  }
  process.stdout.write(`results: ${file}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});

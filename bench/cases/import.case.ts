import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { COMMANDS } from '../../electron/cli/commands';
import { writeCheckoutFormsJson, writeFlatLineItemsCsv, writeOrdersCsv, type WrittenFile } from '../generate/allegro-files';
import { lastJson, runMeasured, runTsChild } from '../lib/child';
import type { BenchContext, BenchCase } from '../lib/context';
import { failed, judged, notAvailable, type Row, skipped } from '../lib/report';
import { copyShop, type Shop, shopLabel, TMP } from '../lib/shops';
import { round } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

const RATIO_TARGET = { op: '<=' as const, limit: 2.0, unit: '× sqlite3' };
const RSS_TARGET = { op: '<' as const, limit: 250, unit: 'MB' };
const IMPORT_ORDERS = 100_000;
const MILLION_LINES = 1_000_000;

interface ImportChild {
  ms: number;
  /** Reading the file (hash, decode, parse, stage) / writing the records / search index and commit. */
  phases: { readMs: number; writeMs: number; finishMs: number } | null;
  code: number;
  result: { files?: Array<{ status: string; inserted: number; updated: number; unchanged: number; warnings: unknown[]; errors: unknown[] }> } | string | null;
  stderr: string;
  maxRssKb: number;
}

/** Files written from a generated shop, cached beside it (they are regenerated with the shop). */
function filesFor(shop: Shop, limit?: number): { csv: WrittenFile; json: WrittenFile; flat: WrittenFile } {
  const dir = join(TMP, 'files');
  mkdirSync(dir, { recursive: true });
  const stem = join(dir, `${basename(shop.file, '.db')}${limit ? `-first${limit}` : ''}`);
  const db = new BetterSqlite3(shop.file, { readonly: true });
  try {
    const make = (file: string, write: (f: string) => WrittenFile): WrittenFile => {
      // Written to .partial and renamed: an interrupted run never leaves half a file to be reused.
      const partial = `${file}.${process.pid}.partial`;
      const written = write(partial);
      renameSync(partial, file);
      return { ...written, file };
    };
    const opts = limit ? { limit } : {};
    return {
      csv: make(`${stem}.orders.csv`, (f) => writeOrdersCsv(db, f, opts)),
      json: make(`${stem}.checkout-forms.json`, (f) => writeCheckoutFormsJson(db, f, opts)),
      flat: make(`${stem}.flat-line-items.csv`, (f) => writeFlatLineItemsCsv(db, f, opts)),
    };
  } finally {
    db.close();
  }
}

/** `sqlite3 bare.db ".import --csv flat.csv lines"`: no validation, no keys, no triggers. */
async function baseline(flat: WrittenFile): Promise<{ ms: number; rssKb: number | null }> {
  const bare = join(TMP, 'work', `baseline-${process.pid}.db`);
  mkdirSync(join(TMP, 'work'), { recursive: true });
  rmSync(bare, { force: true });
  const r = await runMeasured('sqlite3', [bare, `.import --csv ${flat.file} lines`], { timeoutMs: 600_000 });
  if (r.code !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr.slice(0, 300)}`);
  rmSync(bare, { force: true });
  return { ms: r.wallMs, rssKb: r.maxRssKb };
}

/**
 * The default run stops an import after this long (the import is one transaction: stopping it leaves
 * nothing behind) and reports the ratio as a lower bound, so a slow importer cannot stretch `npm run
 * bench` past a few minutes. --full waits as long as it takes.
 */
const DEFAULT_IMPORT_CAP_MS = 120_000;

class ImportTimedOut extends Error {
  constructor(readonly afterMs: number) {
    super(`stopped after ${Math.round(afterMs / 1000)} s`);
  }
}

async function importInChild(file: string, target: string, capMs: number | null = null): Promise<ImportChild & { peakRssKb: number | null; wallMs: number }> {
  const r = await runTsChild('bench/child/import-cli.ts', [file, target], { timeoutMs: capMs ?? 3_600_000 });
  if (r.signal === 'SIGKILL' || (r.code === null && capMs !== null)) throw new ImportTimedOut(r.wallMs);
  const result = lastJson<ImportChild>(r.stdout);
  if (!result) throw new Error(`import child failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}): ${r.stderr.slice(-400)}`);
  return { ...result, peakRssKb: r.maxRssKb ?? result.maxRssKb, wallMs: r.wallMs };
}

function summaryOf(child: ImportChild): string {
  if (typeof child.result !== 'object' || child.result === null || !child.result.files) return String(child.result ?? child.stderr).slice(0, 200);
  const f = child.result.files[0]!;
  return `${f.status}: ${f.inserted} inserted, ${f.updated} updated, ${f.unchanged} unchanged, ${f.warnings.length} warnings, ${f.errors.length} errors`;
}

async function importRows(ctx: BenchContext, orders: number): Promise<Row[]> {
  const label = `${shopLabel(orders)} orders`;
  const csvBase = { id: `import.csv@${shopLabel(orders)}`, what: 'import orders CSV (time ÷ sqlite3 .import of the same line items)', scale: label, unit: '× sqlite3', target: RATIO_TARGET };
  const jsonBase = { id: `import.json@${shopLabel(orders)}`, what: 'import checkout-forms JSON (time ÷ sqlite3 .import)', scale: label, unit: '× sqlite3', target: RATIO_TARGET };
  const baseRow = { id: `import.baseline@${shopLabel(orders)}`, what: 'baseline: sqlite3 .import of a flat CSV of the line items', scale: label, unit: 's', target: null };
  const rssBase = { id: 'import.rss@1M-lines', what: 'import peak memory (RSS of the whole process) for a 1M-line CSV', scale: '1M-line file', unit: 'MB', target: RSS_TARGET };
  if (!COMMANDS.import) {
    const why = 'the `zaplecze import` command does not exist yet';
    return [notAvailable(csvBase, why), notAvailable(jsonBase, why), notAvailable(baseRow, why), notAvailable(rssBase, why)];
  }
  let shop: Shop;
  let catalog: Shop;
  try {
    shop = await ctx.shop({ orders });
    // The same catalogue (same seed) with no orders: what the owner has before importing the orders.
    catalog = await ctx.shop({ orders: 0 });
  } catch (error) {
    const row = (b: typeof csvBase | typeof baseRow | typeof rssBase) => (isGeneratorMissing(error) ? notAvailable(b, 'the demo generator (loadDemoShop) is not available yet') : failed(b, error));
    return [row(csvBase), row(jsonBase), row(baseRow), row(rssBase)];
  }
  const rows: Row[] = [];
  ctx.log(`writing Allegro-shaped files from the ${label} shop…`);
  const files = filesFor(shop);
  const base = await baseline(files.flat);
  rows.push(judged({ ...baseRow, value: round(base.ms / 1000, 2), note: `${files.flat.lines} line items, ${round(files.flat.bytes / 1048576, 1)} MB` }));
  let csvRssKb: number | null = null;
  for (const [kind, file, row] of [['csv', files.csv, csvBase], ['json', files.json, jsonBase]] as const) {
    try {
      ctx.log(`importing the ${kind.toUpperCase()} (${round(file.bytes / 1048576, 1)} MB, ${file.textLines} lines)…`);
      const target = copyShop(catalog, `import-${kind}`);
      let child;
      try {
        child = await importInChild(file.file, target, ctx.full ? null : DEFAULT_IMPORT_CAP_MS);
      } catch (error) {
        if (!(error instanceof ImportTimedOut)) throw error;
        rmSync(target, { force: true });
        rows.push({
          ...row,
          value: round(error.afterMs / base.ms, 1),
          status: 'not met',
          lowerBound: true,
          note: `did not finish: ${error.message} (the ratio is a lower bound; \`--full\` lets it run to the end) vs ${round(base.ms / 1000, 2)} s for sqlite3`,
        });
        continue;
      }
      if (child.code !== 0) {
        rows.push(failed(row, `import exited ${child.code}: ${summaryOf(child)} ${child.stderr.slice(0, 200)}`));
        continue;
      }
      const matched = new BetterSqlite3(target, { readonly: true });
      const linked = matched.prepare('SELECT count(*) AS all_, count(product_id) AS linked FROM order_lines').get() as { all_: number; linked: number };
      matched.close();
      if (kind === 'csv') csvRssKb = child.peakRssKb;
      rows.push(
        judged({
          ...row,
          value: round(child.ms / base.ms, 2),
          note: `${round(child.ms / 1000, 2)} s vs ${round(base.ms / 1000, 2)} s${child.phases ? ` (reading the file ${round(child.phases.readMs / 1000, 1)} s, writing ${round(child.phases.writeMs / 1000, 1)} s, index and commit ${round(child.phases.finishMs / 1000, 1)} s)` : ''}; ${Math.round((file.orders / child.ms) * 1000)} orders/s; peak RSS ${child.peakRssKb ? round(child.peakRssKb / 1024, 0) : '?'} MB; ${summaryOf(child)}; ${linked.linked}/${linked.all_} lines matched to products`,
          details: { importMs: child.ms, phases: child.phases, baselineMs: base.ms, peakRssKb: child.peakRssKb, file: { bytes: file.bytes, lines: file.textLines, orders: file.orders, lineItems: file.lines }, linked },
        }),
      );
      rmSync(target, { force: true });
    } catch (error) {
      rows.push(failed(row, error));
    }
  }
  // Memory: the target is for a 1M-line file; a file of the default run is smaller.
  if (files.csv.textLines >= MILLION_LINES && csvRssKb !== null) {
    rows.push(judged({ ...rssBase, value: round(csvRssKb / 1024, 0), note: `${files.csv.textLines} lines` }));
  } else if (!ctx.full) {
    rows.push(skipped(rssBase, `needs --full (the default run's CSV has ${files.csv.textLines} lines; its peak RSS is in the CSV row)`));
  } else {
    rows.push(await millionLineRss(ctx, catalog));
  }
  return rows;
}

/** --full: a CSV of at least a million text lines from the 1M-order shop, imported for its peak RSS. */
async function millionLineRss(ctx: BenchContext, catalog: Shop): Promise<Row> {
  const rssBase = { id: 'import.rss@1M-lines', what: 'import peak memory (RSS of the whole process) for a 1M-line CSV', scale: '1M-line file', unit: 'MB', target: RSS_TARGET };
  try {
    const big = await ctx.shop({ orders: 1_000_000 });
    const db = new BetterSqlite3(big.file, { readonly: true });
    const linesPerOrder = (db.prepare('SELECT count(*) FROM order_lines').pluck().get() as number) / 1_000_000;
    db.close();
    const limit = Math.min(1_000_000, Math.ceil(MILLION_LINES / (1 + linesPerOrder)) + 1000);
    const files = filesFor(big, limit);
    const target = copyShop(catalog, 'import-1m-lines');
    const child = await importInChild(files.csv.file, target);
    rmSync(target, { force: true });
    if (child.code !== 0) return failed(rssBase, `import exited ${child.code}: ${summaryOf(child)}`);
    return judged({ ...rssBase, value: round((child.peakRssKb ?? 0) / 1024, 0), note: `${files.csv.textLines} lines, ${files.csv.orders} orders, ${round(files.csv.bytes / 1048576, 0)} MB, imported in ${round(child.ms / 1000, 1)} s` });
  } catch (error) {
    return failed(rssBase, error);
  }
}

export const importCase: BenchCase = (ctx) => importRows(ctx, IMPORT_ORDERS);


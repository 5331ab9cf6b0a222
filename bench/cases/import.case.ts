import { copyFileSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { COMMANDS } from '../../electron/cli/commands';
import { writeCheckoutFormsJson, writeFlatLineItemsCsv, writeOrdersCsv, type WrittenFile } from '../generate/allegro-files';
import { lastJson, runMeasured, runTsChild } from '../lib/child';
import { folderBytes, watchDisk } from '../lib/disk';
import type { BenchContext, BenchCase } from '../lib/context';
import { failed, judged, notAvailable, type Row, skipped } from '../lib/report';
import { copyShop, type Shop, shopLabel, TMP } from '../lib/shops';
import { round } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

/** Issue 15: preview + commit of the 100k file ≤ 15× `sqlite3 .import` and ≤ 2× the SQL floor of the same run. */
const RATIO_TARGET = { op: '<=' as const, limit: 15, unit: '× sqlite3' };
const FLOOR_TARGET = { op: '<=' as const, limit: 2, unit: '× floor' };
const RSS_TARGET = { op: '<' as const, limit: 250, unit: 'MB' };
/** A header and a million empty lines (1 MB): under 5 s and 150 MB. */
const EMPTY_LINES = 1_000_000;
const EMPTY_TIME_TARGET = { op: '<' as const, limit: 5, unit: 's' };
const EMPTY_RSS_TARGET = { op: '<' as const, limit: 150, unit: 'MB' };
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
function filesFor(shop: Shop, limit?: number): { csv: WrittenFile; json: WrittenFile; flat: WrittenFile };
function filesFor(shop: Shop, limit: number | undefined, only: 'csv'): { csv: WrittenFile };
function filesFor(shop: Shop, limit?: number, only?: 'csv'): { csv: WrittenFile; json?: WrittenFile; flat?: WrittenFile } {
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
    if (only === 'csv') return { csv: make(`${stem}.orders.csv`, (f) => writeOrdersCsv(db, f, opts)) };
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

/** The SQL floor: bench/child/import-floor.ts writes the shop's finished order rows into a catalogue copy. */
async function floor(shop: Shop, catalog: Shop): Promise<number> {
  const target = copyShop(catalog, 'import-floor');
  try {
    const r = await runTsChild('bench/child/import-floor.ts', [shop.file, target], { timeoutMs: 600_000 });
    const out = lastJson<{ ms: number }>(r.stdout);
    if (r.code !== 0 || !out) throw new Error(`the floor program failed (exit ${r.code}): ${r.stderr.slice(-300)}`);
    return out.ms;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
}

/** A seller-panel CSV header followed by a million empty lines (1 MB): imported whole, time and peak RSS. */
async function emptyLines(ctx: BenchContext, catalog: Shop): Promise<Row[]> {
  const timeBase = { id: 'import.empty-lines', what: 'import a CSV of a header and 1M empty lines', scale: '1M empty lines', unit: 's', target: EMPTY_TIME_TARGET };
  const rssBase = { id: 'import.empty-lines.rss', what: 'import peak memory for a header and 1M empty lines', scale: '1M empty lines', unit: 'MB', target: EMPTY_RSS_TARGET };
  const dir = join(TMP, 'files');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'header-and-1M-empty-lines.csv');
  writeFileSync(file, `Type,OrderId,SellerId,SellerLogin,OrderDate,TotalToPayAmount\n${'\n'.repeat(EMPTY_LINES)}`);
  const target = copyShop(catalog, 'import-empty');
  try {
    ctx.log('importing a header and 1M empty lines…');
    const child = await importInChild(file, target, { capMs: 120_000 });
    // Nothing to import is the right answer (exit 1); a run that never got to read the file is not a figure.
    if (typeof child.result !== 'object' || child.result === null || !child.result.files?.length) throw new Error(`the import did not read the file: ${summaryOf(child)}`);
    const note = `${summaryOf(child)} (exit ${child.code})`;
    return [
      judged({ ...timeBase, value: round(child.ms / 1000, 2), note }),
      judged({ ...rssBase, value: round((child.peakRssKb ?? child.maxRssKb) / 1024, 0), note: 'RSS of the whole process, Node and modules included' }),
    ];
  } catch (error) {
    return [failed(timeBase, error), failed(rssBase, error)];
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
}

/**
 * The default run stops an import after this long (the import is one transaction: stopping it leaves
 * nothing behind) and reports the ratio as a lower bound, so a slow importer cannot stretch `npm run
 * bench` past a few minutes. --full waits as long as it takes. 300 s, not 120 s: on a quiet machine
 * either 100k import takes about 30 s, but on a loaded one (load 13 on 2 cores) they took 100 s (CSV)
 * and 260 s (JSON), and a capped run gives only a lower bound.
 */
const DEFAULT_IMPORT_CAP_MS = 300_000;

class ImportTimedOut extends Error {
  constructor(readonly afterMs: number) {
    super(`stopped after ${Math.round(afterMs / 1000)} s`);
  }
}

/** An import with no cap still ends some time: a 1M-order file on a loaded machine took over 30 min. */
const UNCAPPED_MS = 3 * 3_600_000;

interface ImportOptions {
  capMs?: number | null;
  /** The child's environment (TMPDIR for the transient-disk measurement). */
  env?: NodeJS.ProcessEnv;
  onSpawn?: (pgid: number) => void;
}

async function importInChild(file: string, target: string, options: ImportOptions = {}): Promise<ImportChild & { peakRssKb: number | null; wallMs: number }> {
  const { capMs = null, env, onSpawn } = options;
  // runMeasured kills the child's whole process group when the cap runs out (GNU time, Node below it and
  // anything Node started), so a capped import stops there and leaves the CPU to the next measurement.
  const r = await runTsChild('bench/child/import-cli.ts', [file, target], { timeoutMs: capMs ?? UNCAPPED_MS, ...(env ? { env } : {}), ...(onSpawn ? { onSpawn } : {}) });
  if (r.timedOut) throw new ImportTimedOut(r.wallMs);
  const result = lastJson<ImportChild>(r.stdout);
  if (!result) throw new Error(`import child failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}): ${childError(r.stderr)}`);
  return { ...result, peakRssKb: r.maxRssKb ?? result.maxRssKb, wallMs: r.wallMs };
}

/**
 * What a failed child said: its first error line (tsx's "Transform failed … file:line:col: ERROR: …"
 * names the source file it could not compile) and the end of the output. The last run's empty-lines
 * rows kept only the end, an esbuild stack that named no file.
 */
function childError(stderr: string): string {
  const first = stderr.split('\n').find((line) => /error/i.test(line)) ?? '';
  const tail = stderr.slice(-300);
  return first && !tail.includes(first) ? `${first.slice(0, 200)} … ${tail}` : tail;
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
  const floorBase = (kind: 'csv' | 'json') => ({ id: `import.${kind}-floor@${shopLabel(orders)}`, what: `import ${kind === 'csv' ? 'orders CSV' : 'checkout-forms JSON'} (time ÷ the SQL floor)`, scale: label, unit: '× floor', target: FLOOR_TARGET });
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
  const floorRow = { id: `import.floor@${shopLabel(orders)}`, what: 'baseline: SQL floor (the finished rows written by a minimal program into the same schema)', scale: label, unit: 's', target: null };
  let floorMs: number | null = null;
  try {
    floorMs = await floor(shop, catalog);
    rows.push(judged({ ...floorRow, value: round(floorMs / 1000, 2), note: `${round(floorMs / base.ms, 1)}× sqlite3 .import; bench/child/import-floor.ts: customers, orders, lines, reservations, shipments of the generated shop, one prepared INSERT a row, all indexes, the app's pragmas, row triggers suspended and done set-wise as a big import does` }));
  } catch (error) {
    rows.push(failed(floorRow, error));
  }
  let csvRssKb: number | null = null;
  let csvMs: number | null = null;
  for (const [kind, file, row] of [['csv', files.csv, csvBase], ['json', files.json, jsonBase]] as const) {
    try {
      ctx.log(`importing the ${kind.toUpperCase()} (${round(file.bytes / 1048576, 1)} MB, ${file.textLines} lines)…`);
      const target = copyShop(catalog, `import-${kind}`);
      let child;
      try {
        child = await importInChild(file.file, target, { capMs: ctx.full ? null : DEFAULT_IMPORT_CAP_MS });
      } catch (error) {
        if (!(error instanceof ImportTimedOut)) throw error;
        rmSync(target, { force: true });
        if (floorMs !== null) {
          // A lower bound above the limit is a verdict; one within it is not (the end could be anywhere).
          const atLeast = round(error.afterMs / floorMs, 2);
          const over = judged({ ...floorBase(kind), value: atLeast, note: '' }).status === 'not met';
          rows.push({
            ...floorBase(kind),
            value: atLeast,
            status: over ? 'not met' : 'info',
            lowerBound: true,
            note: `did not finish: ${error.message} vs ${round(floorMs / 1000, 2)} s for the SQL floor (a lower bound${over ? '' : ', within the target: no verdict'})`,
          });
        }
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
      if (floorMs !== null) {
        rows.push(judged({ ...floorBase(kind), value: round(child.ms / floorMs, 2), note: `${round(child.ms / 1000, 2)} s vs ${round(floorMs / 1000, 2)} s for the SQL floor` }));
      }
      const matched = new BetterSqlite3(target, { readonly: true });
      const linked = matched.prepare('SELECT count(*) AS all_, count(product_id) AS linked FROM order_lines').get() as { all_: number; linked: number };
      matched.close();
      if (kind === 'csv') {
        csvRssKb = child.peakRssKb;
        csvMs = child.ms;
      }
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
  rows.push(...(await emptyLines(ctx, catalog)));
  // Memory: the target is for a 1M-line file; a file of the default run is smaller.
  if (files.csv.textLines >= MILLION_LINES && csvRssKb !== null) {
    rows.push(judged({ ...rssBase, value: round(csvRssKb / 1024, 0), note: `${files.csv.textLines} lines` }));
  }
  if (!ctx.full) {
    const why = `needs --full (a 1M-order shop and file; the default run's CSV has ${files.csv.textLines} lines, its peak RSS is in the CSV row)`;
    if (files.csv.textLines < MILLION_LINES) rows.push(skipped(rssBase, why));
    rows.push(skipped(scaleBase, why), skipped(diskBase, why));
  } else {
    rows.push(...(await millionOrders(ctx, catalog, csvMs, files.csv.textLines < MILLION_LINES)));
  }
  return rows;
}

const SCALE_TARGET = { op: '<=' as const, limit: 12, unit: '× the 100k time' };
const DISK_TARGET = { op: '<' as const, limit: 2, unit: '× growth' };
const scaleBase = { id: 'import.csv.scale@1M', what: 'import a 1M-order CSV (time ÷ the 100k-order CSV of the same run)', scale: '1M orders', unit: '× 100k', target: SCALE_TARGET };
const diskBase = {
  id: 'import.csv.disk@1M',
  what: "import a 1M-order CSV: transient disk (peak extra bytes of the shop's folder with WAL/journal/tmp, the temp dir and SQLite's deleted temp files) ÷ the database's growth",
  scale: '1M orders',
  unit: '× growth',
  target: DISK_TARGET,
};

/**
 * --full: the whole 1M-order shop as one seller-panel CSV, imported into the empty catalogue. Gives the
 * scale row (÷ the 100k CSV's time measured earlier in this run, same code, same machine), the transient
 * disk row and, as the file has over a million lines, the peak-memory row. The shop is in a folder of
 * its own and the child's TMPDIR is another, both sampled every 250 ms with the deleted files the child
 * keeps open (SQLite unlinks its temp files at once).
 */
async function millionOrders(ctx: BenchContext, catalog: Shop, csv100kMs: number | null, wantRss: boolean): Promise<Row[]> {
  const rssBase = { id: 'import.rss@1M-lines', what: 'import peak memory (RSS of the whole process) for a 1M-line CSV', scale: '1M-line file', unit: 'MB', target: RSS_TARGET };
  const wanted = [scaleBase, diskBase, ...(wantRss ? [rssBase] : [])];
  const work = join(TMP, 'work', `import-1m-${process.pid}`);
  const shopDir = join(work, 'shop');
  const tempDir = join(work, 'tmpdir');
  try {
    const big = await ctx.shop({ orders: 1_000_000 });
    ctx.log('writing the 1M-order CSV…');
    const { csv } = filesFor(big, undefined, 'csv');
    rmSync(work, { recursive: true, force: true });
    mkdirSync(shopDir, { recursive: true });
    mkdirSync(tempDir, { recursive: true });
    const target = join(shopDir, 'shop.db');
    copyFileSync(catalog.file, target);
    const before = folderBytes(shopDir);
    ctx.log(`importing the 1M-order CSV (${round(csv.bytes / 1048576, 0)} MB, ${csv.textLines} lines)…`);
    const disk = watchDisk([shopDir, tempDir]);
    let child;
    try {
      child = await importInChild(csv.file, target, { env: { ...process.env, TMPDIR: tempDir, SQLITE_TMPDIR: tempDir }, onSpawn: (pgid) => disk.setGroup(pgid) });
    } finally {
      disk.setGroup(null);
    }
    const peak = disk.stop();
    if (child.code !== 0) return wanted.map((b) => failed(b, `import exited ${child.code}: ${summaryOf(child)} ${child.stderr.slice(0, 200)}`));
    const after = folderBytes(shopDir);
    const dbAfter = statSync(target).size;
    const growth = after - before;
    const transient = peak.peakBytes - before;
    const mb = (bytes: number) => round(bytes / 1048576, 0);
    const rows: Row[] = [];
    rows.push(
      csv100kMs === null
        ? failed(scaleBase, 'the 100k-order CSV of this run did not finish: no time to divide by')
        : judged({ ...scaleBase, value: round(child.ms / csv100kMs, 2), note: `${round(child.ms / 1000, 1)} s vs ${round(csv100kMs / 1000, 1)} s for 100k orders (${round(csv.orders / 100_000, 1)}× the orders); ${child.phases ? `reading ${round(child.phases.readMs / 1000, 0)} s, writing ${round(child.phases.writeMs / 1000, 0)} s, index and commit ${round(child.phases.finishMs / 1000, 0)} s; ` : ''}${summaryOf(child)}`, details: { importMs: child.ms, baseline100kMs: csv100kMs, phases: child.phases, file: { bytes: csv.bytes, lines: csv.textLines, orders: csv.orders, lineItems: csv.lines } } }),
    );
    rows.push(
      growth > 0
        ? judged({ ...diskBase, value: round(transient / growth, 2), note: `peak ${mb(transient)} MB above the ${mb(before)} MB the folder started with (at the peak: folders ${mb(peak.peakFoldersBytes - before)} MB more, SQLite's deleted temp files ${mb(peak.peakDeletedBytes)} MB); the database grew ${mb(growth)} MB (file ${mb(dbAfter)} MB after); ${peak.samples} samples`, details: { beforeBytes: before, peakBytes: peak.peakBytes, peakFoldersBytes: peak.peakFoldersBytes, peakDeletedBytes: peak.peakDeletedBytes, afterBytes: after, dbAfterBytes: dbAfter } })
        : failed(diskBase, `the shop's folder did not grow (${before} → ${after} bytes)`),
    );
    if (wantRss) rows.push(judged({ ...rssBase, value: round((child.peakRssKb ?? 0) / 1024, 0), note: `${csv.textLines} lines, ${csv.orders} orders, ${mb(csv.bytes)} MB, imported in ${round(child.ms / 1000, 1)} s` }));
    return rows;
  } catch (error) {
    return wanted.map((b) => failed(b, error));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const importCase: BenchCase = (ctx) => importRows(ctx, IMPORT_ORDERS);


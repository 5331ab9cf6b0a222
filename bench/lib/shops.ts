import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { createCore, type Core } from '../../electron/core/create-core';
import { loadDemoShop } from '../../electron/core/demo/demo-shop';
import { silentLogger } from '../../electron/core/log';
import { ROOT } from './child';

export const TMP = join(ROOT, 'bench', 'tmp');

export interface ShopSpec {
  orders: number;
  products?: number;
  seed?: number;
}

export interface Shop {
  file: string;
  spec: ShopSpec;
  /** Seconds the generator took (0 when the cached file was reused). */
  generatedInS: number;
}

/** The generator's and the schema's source: a cached shop is reused only while both are unchanged. */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of ['electron/core/demo', 'electron/core/db/migrations']) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(abs, name)));
    }
  }
  return hash.digest('hex').slice(0, 10);
}

export function shopLabel(orders: number): string {
  return orders >= 1_000_000 ? `${orders / 1_000_000}M` : orders >= 1000 ? `${orders / 1000}k` : String(orders);
}

/**
 * A generated demo shop of the given size, cached under bench/tmp/shops (generation of 1M orders takes
 * minutes; the file is reused until the generator or the schema changes). Throws when the generator
 * is not available; the caller turns that into "not available yet" rows.
 */
export async function ensureShop(spec: ShopSpec, log: (line: string) => void): Promise<Shop> {
  const dir = join(TMP, 'shops');
  mkdirSync(dir, { recursive: true });
  const fingerprint = sourceFingerprint();
  pruneStale(dir, fingerprint);
  const name = `shop-o${spec.orders}-p${spec.products ?? 'd'}-s${spec.seed ?? 1}-${fingerprint}.db`;
  const file = join(dir, name);
  if (existsSync(file)) return { file, spec, generatedInS: 0 };
  // Per process: two bench runs at once (another terminal) must not write into each other's file.
  const partial = `${file}.${process.pid}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  log(`generating the demo shop with ${spec.orders} orders${spec.products ? ` and ${spec.products} products` : ''}…`);
  const t0 = performance.now();
  const core = await createCore({ dbFile: partial, logger: silentLogger, backupDir: join(dir, 'backups-unused') });
  try {
    await loadDemoShop(core, { orders: spec.orders, ...(spec.products ? { products: spec.products } : {}), seed: spec.seed ?? 1 });
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    core.sqlite.exec('ANALYZE');
  } finally {
    await closeCoreFully(core);
  }
  // Another run may have finished the same shop meanwhile: theirs is as good as ours.
  if (existsSync(file)) for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  else renameSync(partial, file);
  const generatedInS = (performance.now() - t0) / 1000;
  log(`  done in ${generatedInS.toFixed(1)} s`);
  return { file, spec, generatedInS };
}

/** Shops made by an older generator or schema are never reused: delete them (a 1M shop is ~2 GB). */
function pruneStale(dir: string, fingerprint: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('shop-') || name.includes(`-${fingerprint}.db`)) continue;
    const file = join(dir, name);
    try {
      // Another bench run may still be writing it: leave files touched in the last half hour.
      if (Date.now() - statSync(file).mtimeMs > 30 * 60_000) rmSync(file, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}

/** A private copy of a shop for benchmarks that write (packing, imports), so the cached one stays clean. */
export function copyShop(shop: Shop, label: string): string {
  const dir = join(TMP, 'work');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${label}-${process.pid}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(shop.file, file);
  return file;
}

export async function openShop(file: string): Promise<Core> {
  return createCore({ dbFile: file, logger: silentLogger, backupDir: join(TMP, 'backups') });
}

/** True when an error says a piece of the app is a placeholder that has not landed yet. */
export function isNotYetAvailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'internal' && /not available yet|not implemented yet|being built/i.test(e.message ?? '');
}

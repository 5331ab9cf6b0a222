/**
 * The generator is a pure function of (seed, clock, sizes): the same inputs give the same database row
 * for row (benchmarks and bug reports depend on it); it leaves the schema's indexes as it found them;
 * and it stays consistent at the edges (no orders; a tiny catalog under many orders).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { loadDemoShop, onDemoProgress, type DemoProgress } from '../../electron/core/demo/demo-shop';
import { shopStats } from '../../electron/core/shop/shop-stats.service';
import { tempCore, type TempCore } from '../support/temp-core';
import { dataChecksum } from './demo-support';

/** A summer clock (Warsaw on UTC+2), unlike the other demo tests' November one. */
const SUMMER_NOW = new Date('2026-07-15T08:30:00.000Z');

const cleanups: TempCore[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!.dispose();
});

async function shop(options: { orders?: number; products?: number; seed?: number }, now = SUMMER_NOW): Promise<TempCore> {
  const t = await tempCore({ now: () => now });
  cleanups.push(t);
  await call(t.core, 'shop.loadDemo', options);
  return t;
}

function ledgerConsistent(t: TempCore): boolean {
  const bad = t.core.sqlite
    .prepare(
      `SELECT count(*) FROM products p WHERE p.on_hand != (SELECT coalesce(sum(quantity), 0) FROM stock_ledger g WHERE g.product_id = p.id)
         OR p.reserved != (SELECT coalesce(sum(quantity), 0) FROM reservations r WHERE r.product_id = p.id)`,
    )
    .pluck()
    .get() as number;
  const negative = t.core.sqlite
    .prepare('SELECT count(*) FROM (SELECT sum(quantity) OVER (PARTITION BY product_id ORDER BY created_at, id) AS running FROM stock_ledger) WHERE running < 0')
    .pluck()
    .get() as number;
  return bad === 0 && negative === 0;
}

describe('demo generator determinism', () => {
  it('makes identical stats and identical data for the same seed and clock, different data for another seed', async () => {
    const a = await shop({ seed: 7 });
    const b = await shop({ seed: 7 });
    const c = await shop({ seed: 8 });
    expect(shopStats(b.core.sqlite)).toEqual(shopStats(a.core.sqlite));
    const sumA = dataChecksum(a.core.sqlite);
    expect(sumA.perTable.orders).toBeDefined();
    expect(dataChecksum(b.core.sqlite)).toEqual(sumA);
    const sumC = dataChecksum(c.core.sqlite);
    expect(sumC.total).not.toBe(sumA.total);
    expect(sumC.perTable.orders).not.toBe(sumA.perTable.orders);
    expect(sumC.perTable.products).not.toBe(sumA.perTable.products);
  });

  it('follows the clock: another "now" shifts the whole history', async () => {
    const a = await shop({ orders: 300, products: 30 }, SUMMER_NOW);
    const later = new Date(SUMMER_NOW.getTime() + 3 * 86_400_000);
    const b = await shop({ orders: 300, products: 30 }, later);
    const last = (t: TempCore) => t.core.sqlite.prepare('SELECT max(bought_at) FROM orders').pluck().get() as string;
    expect(last(a) <= SUMMER_NOW.toISOString()).toBe(true);
    expect(last(b) > SUMMER_NOW.toISOString()).toBe(true);
    expect(last(b) <= later.toISOString()).toBe(true);
  });
});

describe('demo generator edges', () => {
  it('leaves every index of the schema in place (it rebuilds them after the bulk insert)', async () => {
    const t = await tempCore({ now: () => SUMMER_NOW });
    cleanups.push(t);
    const indexes = () => t.core.sqlite.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    const before = indexes();
    expect(before.length).toBeGreaterThan(10);
    await loadDemoShop(t.core, { orders: 200, products: 20 });
    expect(indexes()).toEqual(before);
    expect(t.core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.core.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('reports progress in phases and restores the page cache size', async () => {
    const t = await tempCore({ now: () => SUMMER_NOW });
    cleanups.push(t);
    const cache = t.core.sqlite.pragma('cache_size', { simple: true });
    const seen: DemoProgress['phase'][] = [];
    onDemoProgress(t.core, (p) => seen.push(p.phase));
    await loadDemoShop(t.core, { orders: 50, products: 10 });
    expect(seen[0]).toBe('catalog');
    expect(seen).toContain('orders');
    expect(seen).toContain('reservations');
    expect(seen.at(-1)).toBe('done');
    expect(t.core.sqlite.pragma('cache_size', { simple: true })).toBe(cache);
  });

  it('makes a shop with products and no orders', async () => {
    const t = await shop({ orders: 0, products: 5 });
    const stats = shopStats(t.core.sqlite);
    expect(stats.products).toBe(5);
    expect(stats.orders).toBe(0);
    expect(stats.onHandUnits).toBeGreaterThanOrEqual(0);
    expect(ledgerConsistent(t)).toBe(true);
  });

  it('keeps the ledger possible when a tiny catalog meets many orders (urgent deliveries, never below zero)', async () => {
    const t = await shop({ orders: 1500, products: 3, seed: 3 });
    const stats = shopStats(t.core.sqlite);
    expect(stats.orders).toBe(1500);
    expect(stats.products).toBe(3);
    expect(ledgerConsistent(t)).toBe(true);
    expect(t.core.sqlite.prepare("SELECT count(*) FROM stock_ledger WHERE kind = 'receipt'").pluck().get()).toBeGreaterThan(3);
  });

  it('refuses impossible sizes before writing anything', async () => {
    const t = await tempCore({ now: () => SUMMER_NOW });
    cleanups.push(t);
    await expect(call(t.core, 'shop.loadDemo', { products: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(t.core, 'shop.loadDemo', { orders: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(loadDemoShop(t.core, { orders: 1.5 })).rejects.toThrow(RangeError);
    expect(shopStats(t.core.sqlite).products).toBe(0);
  });
});

import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { callChannel, mustCall } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { failed, judged, notAvailable, type Row } from '../lib/report';
import { openShop } from '../lib/shops';
import { round, ROUNDS, roundsLatency, timeEach } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

const TARGET = { op: '<' as const, limit: 2, unit: 'ms' };
export const STOCK_SHOP = { orders: 10_000, products: 100_000 };

/**
 * Stock search at 100k products, three ways a person finds a product: typing the beginning of its name
 * (`stock.list` search), typing or pasting a SKU (`stock.list` search), and a scanner typing an EAN
 * (`stock.lookup`, the jump-to-product path).
 */
export const stockSearchCase: BenchCase = async (ctx) => {
  const kinds = [
    { id: 'stock.search.name', what: 'stock search: name prefix, page of 50 (p95)' },
    { id: 'stock.search.sku', what: 'stock search: SKU (p95)' },
    { id: 'stock.lookup.ean', what: 'stock lookup: scanned EAN (p95)' },
  ];
  const base = (k: (typeof kinds)[number]) => ({ ...k, scale: '100k products', unit: 'ms', target: TARGET });
  let core;
  try {
    const shop = await ctx.shop(STOCK_SHOP);
    core = await openShop(shop.file);
  } catch (error) {
    return kinds.map((k) => (isGeneratorMissing(error) ? notAvailable(base(k), 'the demo generator (loadDemoShop) is not available yet') : failed(base(k), error)));
  }
  try {
    const products = core.sqlite.prepare('SELECT count(*) FROM products').pluck().get() as number;
    const maxId = core.sqlite.prepare('SELECT max(id) FROM products').pluck().get() as number;
    const sample = core.sqlite.prepare('SELECT name, sku, ean FROM products WHERE id >= ? ORDER BY id LIMIT 1');
    const picks = Array.from({ length: 200 }, (_, i) => sample.get(1 + Math.floor((i * 0.618034 * maxId) % maxId)) as { name: string; sku: string; ean: string | null });
    const words = picks.map((p, i) => {
      const ws = p.name.split(/\s+/).filter((w) => w.length >= 3);
      const w = ws[i % Math.max(1, ws.length)] ?? p.name;
      return w.slice(0, 3 + (i % 3));
    });
    const rows: Row[] = [];
    const run = async (k: (typeof kinds)[number], channel: string, inputs: unknown[]) => {
      const probe = await callChannel(core, channel, inputs[0]);
      if (!probe.ok) return rows.push(probe.unavailable ? notAvailable(base(k), probe.message) : failed(base(k), probe.message));
      const rounds: number[][] = [];
      for (let r = 0; r < ROUNDS; r++) rounds.push(await timeEach(inputs, (input) => mustCall(core, channel, input)));
      const lat = roundsLatency(rounds);
      rows.push(judged({ ...base(k), value: round(lat.p95, 3), note: `p50 ${round(lat.p50, 3)} ms, max ${round(lat.max, 2)} ms, ${lat.n} searches over ${products} products (median p95 of ${ROUNDS} rounds: ${lat.roundP95s.map((x) => round(x, 2)).join(' / ')} ms)`, details: { ...lat, products } }));
    };
    await run(kinds[0]!, 'stock.list', words.map((search) => ({ search, limit: 50 })));
    await run(kinds[1]!, 'stock.list', picks.map((p) => ({ search: p.sku, limit: 50 })));
    const eans = picks.filter((p) => p.ean).map((p) => ({ code: p.ean! }));
    await run(kinds[2]!, 'stock.lookup', eans.length > 0 ? eans : [{ code: '5900000000000' }]);
    return rows;
  } finally {
    await closeCoreFully(core);
  }
};

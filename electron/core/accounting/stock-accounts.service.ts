import type { OutputOf } from '../../../shared/contract';
import type { Core } from '../create-core';
import { Pacer } from '../export/pacer';
import { monthPeriod } from '../export/period';
import { deliverDocument, type PrintDocument } from '../print/print.service';
import { getSettings } from '../settings/settings.service';
import { sharedWalk } from './shared-walk';
import { layersValue, paidNotShipped, splitLayers, fifoWalk } from './stock-fifo';
import { linesOf, type StocktakeLine, stocktakeFormHtml } from './stocktake-form.template';

/** Stock at cost over a month by FIFO layers (see fifo-layers.ts); the sums close to the grosz. */
export async function stockMonth(core: Core, month: string): Promise<OutputOf<'accounting.stockMonth'>> {
  const period = monthPeriod(month);
  // The valuation at the month's last day walks the same ledger to the same day: one walk serves both.
  const walk = await sharedWalk(core, period.lastDay);
  const flows = walk.flows!;
  const closing = walk.rows.reduce((a, r) => a + r.value, 0);
  const sold = await paidNotShipped(core.db, period.lastDay);
  const byProduct = new Map(walk.rows.map((r) => [r.productId, r]));
  let value = 0;
  let units = 0;
  let orders = 0;
  for (const s of sold) {
    const row = byProduct.get(s.productId);
    units += s.quantity;
    orders += s.orders;
    if (row) value += layersValue(splitLayers(row.layers, s.quantity).sold);
  }
  return {
    month,
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    opening: walk.opening ?? 0,
    receipts: flows.receipts,
    returns: flows.returns,
    otherIn: flows.otherIn,
    costOfSales: flows.sales,
    writeOffs: flows.writeOffs,
    closing,
    soldNotShipped: { products: sold.length, units, orders, value },
    priceFromCard: walk.rows.filter((r) => r.fromCard > 0).length,
    withoutPrice: walk.rows.filter((r) => r.unpriced > 0).length,
  };
}

/** The "spis z natury" at the end of `date`: the shop's own goods, and apart those sold but not shipped. */
export async function stocktakeFormDocument(core: Core, date: string, pacer: Pacer = new Pacer()): Promise<PrintDocument & { positions: number; value: number }> {
  const [walk, sold, settings] = await Promise.all([fifoWalk(core.db, date, { pacer }), paidNotShipped(core.db, date), getSettings(core.db)]);
  const soldBy = new Map(sold.map((s) => [s.productId, s.quantity]));
  const collator = new Intl.Collator('pl', { numeric: true });
  const rows = [...walk.rows].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.sku, b.sku));
  const lines: StocktakeLine[] = [];
  const soldLines: StocktakeLine[] = [];
  const negative: Array<{ sku: string; name: string; quantity: number }> = [];
  for (const r of rows) {
    if (r.quantity < 0) {
      negative.push({ sku: r.sku, name: r.name, quantity: r.quantity });
      continue;
    }
    const soldUnits = Math.min(soldBy.get(r.productId) ?? 0, r.quantity);
    const split = splitLayers(r.layers, soldUnits);
    if (soldUnits > 0) soldLines.push(...linesOf(r, split.sold));
    if (r.quantity - soldUnits > 0) lines.push(...linesOf(r, r.layers.length ? split.own : []).map((l) => (r.layers.length ? l : { ...l, quantity: r.quantity - soldUnits })));
  }
  const now = core.now();
  const { html, total, positions } = stocktakeFormHtml({ date, lines, soldNotShipped: soldLines, negative }, settings, now);
  return { html, orders: 0, format: 'a4', fileName: `spis-z-natury-${date}.pdf`, positions, value: total };
}

export async function deliverStocktakeForm(core: Core, date: string, action: 'print' | 'pdf'): Promise<OutputOf<'accounting.stocktakeForm'>> {
  const doc = await stocktakeFormDocument(core, date);
  const result = await deliverDocument(core, doc, action);
  return { ...result, positions: doc.positions, value: doc.value };
}

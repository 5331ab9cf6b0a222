import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { endOfWarsawDay } from '../orders/dispatch-promise';
import { Pacer } from '../export/pacer';
import { addFlows, type CostLayer, emptyFlows, FifoProduct, type LedgerKind, type StockFlows } from './fifo-layers';

export interface FifoProductRow {
  productId: number;
  sku: string;
  ean: string | null;
  name: string;
  unit: string;
  /** Units on hand at the end of the day (the ledger's sum; may be below zero). */
  quantity: number;
  /** Sum of the layers, grosze (units without any known cost count 0). */
  value: number;
  layers: CostLayer[];
  /** Units on the layers with no cost at all (no receipt cost, no card price). */
  unpriced: number;
  /** Units on the layers valued at the product card's price because their receipt had no cost. */
  fromCard: number;
}

export interface FifoWalk {
  /** The last day counted (YYYY-MM-DD, Warsaw). */
  date: string;
  /** Products with stock not zero at the end of `date`, in id order. */
  rows: FifoProductRow[];
  /** Money through the stock from the start of `periodFrom` to the end of `date` (when asked). */
  flows: StockFlows | null;
  /** Value at the end of the day before `periodFrom` (when asked). */
  opening: number | null;
}

const PAGE = 2000;

interface FifoRow {
  id: number;
  kind: LedgerKind;
  quantity: number;
  unitCostGrosze: number | null;
  orderId: number | null;
  document: string | null;
  createdAt: string;
}

/** The first instant after the Warsaw day `date`. */
export function instantAfter(date: string): string {
  return new Date(Date.parse(endOfWarsawDay(date)) + 1000).toISOString();
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Walks each product's ledger in time order (created_at, then id — a stock sheet dated in the past is
 * written later but counted at its day) up to the end of `date`, through FIFO cost layers (see
 * fifo-layers.ts). Only the ledger's past is read, so the result for a past day never changes when
 * goods are received or a purchase price is edited later (except units whose receipt had no cost and
 * fall back to the card: they are counted in `fromCard`).
 *
 * One query per product through the (product_id, created_at) index; the pacer gives the event loop a
 * turn between products, as the other exports do (this runs in the Electron main process).
 */
export async function fifoWalk(db: Kysely<Database>, date: string, options: { periodFrom?: string; pacer?: Pacer } = {}): Promise<FifoWalk> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`))) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const pacer = options.pacer ?? new Pacer();
  const until = instantAfter(date);
  const from = options.periodFrom ? instantAfter(dayBefore(options.periodFrom)) : null;
  const flows = from ? emptyFlows() : null;
  let opening = from ? 0 : null;

  const rows: FifoProductRow[] = [];
  // Every product, 200 at a time (one with no movements costs one empty index probe).
  for (let lastId = 0; ; ) {
    const products = await db
      .selectFrom('products')
      .select(['id', 'sku', 'ean', 'name', 'unit', 'purchasePriceGrosze'])
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(200)
      .execute();
    if (products.length === 0) break;
    lastId = (products[products.length - 1] as (typeof products)[number]).id;
    for (const p of products) {
      const fifo = new FifoProduct(p.purchasePriceGrosze);
      const own = flows ? emptyFlows() : null;
      let openingTaken = from === null;
      // Pages of the product's ledger in (created_at, id) order through its index: a popular product has
      // tens of thousands of movements, and one query for all of them would hold the event loop.
      let after = { createdAt: '', id: 0 };
      for (;;) {
        const page = (
          await sql<FifoRow>`
            SELECT id, kind, quantity, unit_cost_grosze AS unitCostGrosze, order_id AS orderId, document, created_at AS createdAt
            FROM stock_ledger
            WHERE product_id = ${p.id} AND created_at < ${until} AND (created_at, id) > (${after.createdAt}, ${after.id})
            ORDER BY created_at, id LIMIT ${PAGE}`.execute(db)
        ).rows;
        for (const e of page) {
          if (!openingTaken && e.createdAt >= (from as string)) {
            opening = (opening as number) + fifo.value;
            openingTaken = true;
          }
          fifo.apply(e, openingTaken ? own : null);
        }
        if (page.length < PAGE) break;
        const last = page[page.length - 1] as FifoRow;
        after = { createdAt: last.createdAt, id: last.id };
        if (pacer.dueNow()) await pacer.pause();
      }
      if (!openingTaken) opening = (opening as number) + fifo.value;
      if (flows && own) addFlows(flows, own);
      const quantity = fifo.quantity;
      if (quantity !== 0) {
        let fromCard = 0;
        for (const l of fifo.layers) if (l.fromCard) fromCard += l.quantity;
        rows.push({
          productId: p.id, sku: p.sku, ean: p.ean, name: p.name, unit: p.unit, quantity, value: fifo.value,
          layers: fifo.layers.map((l) => ({ ...l })), unpriced: fifo.unpriced, fromCard,
        });
      }
      if (pacer.dueNow()) await pacer.pause();
    }
  }
  return { date, rows, flows, opening };
}

/** Goods of orders paid by the end of `date` and not shipped by then, per product (units). */
export interface PaidNotShipped {
  productId: number;
  quantity: number;
  orders: number;
}

/**
 * Goods already sold (the order is paid: the VAT tax point has passed) but still on the shelf at the end
 * of `date`, because the shipment came later or has not come yet: they are in the ledger's stock but no
 * longer the shop's, so the stocktake lists them apart ("towary sprzedane, niewydane"). Cancelled orders
 * are left out; an order counts if it has no shipment booked by then and either was shipped later or is
 * still waiting to be shipped (history imported as already sent, with no shipment on the ledger, is not
 * stock).
 */
export async function paidNotShipped(db: Kysely<Database>, date: string): Promise<PaidNotShipped[]> {
  const until = instantAfter(date);
  const rows = await sql<{ productId: number; quantity: number; orders: number }>`
    SELECT l.product_id AS productId, SUM(l.quantity) AS quantity, COUNT(DISTINCT o.id) AS orders
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.paid_at IS NOT NULL AND o.paid_at < ${until} AND o.status <> 'cancelled' AND l.product_id IS NOT NULL AND l.quantity > 0
      AND NOT EXISTS (SELECT 1 FROM stock_ledger e WHERE e.order_id = o.id AND e.kind = 'sale' AND e.created_at < ${until})
      AND (o.status IN ('new', 'to_pick', 'packed', 'on_hold')
           OR EXISTS (SELECT 1 FROM stock_ledger e WHERE e.order_id = o.id AND e.kind = 'sale' AND e.created_at >= ${until}))
    GROUP BY l.product_id ORDER BY l.product_id`.execute(db);
  return rows.rows.map((r) => ({ productId: r.productId, quantity: Number(r.quantity), orders: Number(r.orders) }));
}

/**
 * Splits a product's layers into the units sold but not shipped (the oldest, which their shipment will
 * take first under FIFO) and the rest.
 */
export function splitLayers(layers: readonly CostLayer[], sold: number): { sold: CostLayer[]; own: CostLayer[] } {
  const soldPart: CostLayer[] = [];
  const own: CostLayer[] = [];
  let left = sold;
  for (const l of layers) {
    const n = Math.min(left, l.quantity);
    if (n > 0) soldPart.push({ ...l, quantity: n });
    if (l.quantity - n > 0) own.push({ ...l, quantity: l.quantity - n });
    left -= n;
  }
  return { sold: soldPart, own };
}

export function layersValue(layers: readonly CostLayer[]): number {
  return layers.reduce((a, l) => a + l.quantity * (l.unitCost ?? 0), 0);
}

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

/** Ledger entries read a query: big enough that the round trips do not count, small enough for the pacer's slices. */
const PAGE = 5000;

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
 * The ledger is read as one stream in (product_id, created_at, id) order — the order of its
 * (product_id, created_at) index — in pages of PAGE rows, and merged with the products in id order.
 * One query per product (10k products: 10k round trips through Kysely) took 2–2.5 s of opening Raporty
 * on a 100k-order shop (issue 16); each product still sees exactly its own entries in the same order.
 * The pacer gives the event loop a turn between pages and products, as the other exports do (this runs
 * in the Electron main process).
 */
export async function fifoWalk(db: Kysely<Database>, date: string, options: { periodFrom?: string; pacer?: Pacer } = {}): Promise<FifoWalk> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`))) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const pacer = options.pacer ?? new Pacer();
  const until = instantAfter(date);
  const from = options.periodFrom ? instantAfter(dayBefore(options.periodFrom)) : null;
  const flows = from ? emptyFlows() : null;
  let opening = from ? 0 : null;

  const ledger = ledgerStream(db, until, pacer);
  const rows: FifoProductRow[] = [];
  const products = await db.selectFrom('products').select(['id', 'sku', 'ean', 'name', 'unit', 'purchasePriceGrosze']).orderBy('id').execute();
  for (const p of products) {
    const fifo = new FifoProduct(p.purchasePriceGrosze);
    const own = flows ? emptyFlows() : null;
    let openingTaken = from === null;
    for (let e = await ledger.next(p.id); e !== null; e = await ledger.next(p.id)) {
      if (!openingTaken && e.createdAt >= (from as string)) {
        opening = (opening as number) + fifo.value;
        openingTaken = true;
      }
      fifo.apply(e, openingTaken ? own : null);
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
    if (pacer.due()) await pacer.pause();
  }
  return { date, rows, flows, opening };
}

interface LedgerStream {
  /** The next entry of product `productId` (products asked for in rising id order), or null after its last. */
  next(productId: number): Promise<FifoRow | null>;
}

/** The ledger before `until`, paged through its (product_id, created_at) index; entries of products that no longer exist are passed over. */
function ledgerStream(db: Kysely<Database>, until: string, pacer: Pacer): LedgerStream {
  let page: Array<FifoRow & { productId: number }> = [];
  let at = 0;
  let done = false;
  let after = { productId: 0, createdAt: '', id: 0 };
  async function fill(): Promise<void> {
    page = (
      await sql<FifoRow & { productId: number }>`
        SELECT product_id AS productId, id, kind, quantity, unit_cost_grosze AS unitCostGrosze, order_id AS orderId, document, created_at AS createdAt
        FROM stock_ledger
        WHERE (product_id, created_at) >= (${after.productId}, ${after.createdAt}) AND (product_id, created_at, id) > (${after.productId}, ${after.createdAt}, ${after.id})
          AND created_at < ${until}
        ORDER BY product_id, created_at, id LIMIT ${PAGE}`.execute(db)
    ).rows;
    at = 0;
    if (page.length < PAGE) done = true;
    const last = page[page.length - 1];
    if (last) after = { productId: last.productId, createdAt: last.createdAt, id: last.id };
  }
  return {
    async next(productId) {
      for (;;) {
        if (at >= page.length) {
          if (done) return null;
          // A popular product has tens of thousands of movements: a turn for the event loop between pages.
          if (pacer.dueNow()) await pacer.pause();
          await fill();
          continue;
        }
        const e = page[at] as FifoRow & { productId: number };
        if (e.productId > productId) return null;
        at++;
        if (e.productId === productId) return e;
      }
    },
  };
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
 *
 * Such an order is open or has a sale booked after `date`: those two small sets (the open orders'
 * partial index, the ledger's created_at index) are the candidates, and the full condition is tested on
 * them only. Testing every paid order of the shop's history took 1.5 s at 100k orders (issue 16).
 */
export async function paidNotShipped(db: Kysely<Database>, date: string): Promise<PaidNotShipped[]> {
  const until = instantAfter(date);
  const rows = await sql<{ productId: number; quantity: number; orders: number }>`
    WITH candidates(id) AS (
      SELECT id FROM orders WHERE status IN ('new', 'to_pick', 'packed', 'on_hold')
      UNION
      SELECT order_id FROM stock_ledger WHERE created_at >= ${until} AND kind = 'sale' AND order_id IS NOT NULL)
    SELECT l.product_id AS productId, SUM(l.quantity) AS quantity, COUNT(DISTINCT o.id) AS orders
    FROM candidates c JOIN orders o ON o.id = c.id JOIN order_lines l ON l.order_id = o.id
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

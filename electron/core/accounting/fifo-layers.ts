/**
 * FIFO cost layers of one product, walked from its ledger in time order (pure: no database).
 *
 * Why layers: the stock's value at a past date must not change when today's purchase price changes
 * (issue 14.9 — receiving 10 units at 31,50 on 7.12 moved the valuation at 31.10 from 104,84 to 126,00).
 * Each inflow is a layer "quantity @ net unit cost"; each outflow takes units from the oldest layer first.
 *
 * - A receipt opens a layer at the receipt's own net unit cost. A receipt recorded without a cost takes
 *   the product card's purchase price as the walk meets it, and is counted in `priceFromCard` (flagged in
 *   the files): that is the one case where a later change of the card can still move a past value.
 * - A sale (shipment) consumes layers: cost of goods sold. A reversed shipment (a positive sale) and a
 *   customer's return restore the units at the cost that order's sale took (the slices it consumed, last
 *   taken first back), placed at the front of the queue, since that cost is the oldest.
 * - A write-off (negative adjustment or stocktake difference, a damaged return) consumes layers like a
 *   sale, but is not cost of goods sold. A positive adjustment or stocktake difference opens a layer at
 *   its recorded cost, else the cost of the product's last layer, else the card price.
 * - Moves between shelves change nothing here.
 * - Selling more than is on the layers (stock below zero) leaves a deficit whose cost is unknown until
 *   the next inflow: that inflow first covers the deficit, and its cost goes to the outflow then.
 */

export type LedgerKind = 'receipt' | 'sale' | 'return' | 'adjustment' | 'stocktake' | 'move';

export interface FifoEntry {
  kind: LedgerKind;
  quantity: number;
  unitCostGrosze: number | null;
  orderId: number | null;
  document: string | null;
  createdAt: string;
}

export interface CostLayer {
  quantity: number;
  /** Net unit cost, grosze; null when neither the entry nor the product card had one. */
  unitCost: number | null;
  /** When the layer came in (ISO instant of the receipt, or of the return that restored it). */
  since: string;
  document: string | null;
  /** The unit cost came from the product card, not from the receipt. */
  fromCard: boolean;
}

/** Money that moved through the stock in a period (grosze, all ≥ 0). */
export interface StockFlows {
  receipts: number;
  /** Units restored by customer returns and reversed shipments (reduces cost of goods sold). */
  returns: number;
  /** Positive adjustments and stocktake surpluses. */
  otherIn: number;
  /** Cost of goods sold: layers consumed by shipments. */
  sales: number;
  /** Write-offs: negative adjustments, stocktake shortages, damaged returns. */
  writeOffs: number;
}

export function emptyFlows(): StockFlows {
  return { receipts: 0, returns: 0, otherIn: 0, sales: 0, writeOffs: 0 };
}

export function addFlows(into: StockFlows, from: StockFlows): void {
  into.receipts += from.receipts;
  into.returns += from.returns;
  into.otherIn += from.otherIn;
  into.sales += from.sales;
  into.writeOffs += from.writeOffs;
}

type OutKind = 'sales' | 'writeOffs';

export class FifoProduct {
  readonly layers: CostLayer[] = [];
  /** Units sold beyond the layers, waiting for an inflow to give them a cost. */
  private deficit: Array<{ quantity: number; kind: OutKind; orderId: number | null }> = [];
  /** What each order's sales took, to give a return the same cost back (last slice first). */
  private taken = new Map<number, Array<{ quantity: number; unitCost: number | null; fromCard: boolean }>>();
  private lastCost: number | null = null;
  /** Units that entered at the card's price because the receipt had none. */
  priceFromCard = 0;

  constructor(private readonly cardPrice: number | null) {}

  /** Applies one ledger entry; the money it moved is added to `flows` (null: outside the period). */
  apply(e: FifoEntry, flows: StockFlows | null): void {
    if (e.kind === 'move' || e.quantity === 0) return;
    if (e.quantity < 0) {
      this.consume(-e.quantity, e.kind === 'sale' || e.kind === 'return' ? 'sales' : 'writeOffs', e.orderId, flows);
      return;
    }
    if ((e.kind === 'return' || e.kind === 'sale') && e.orderId !== null) {
      this.restore(e, flows);
      return;
    }
    let cost = e.unitCostGrosze;
    let fromCard = false;
    if (cost === null && e.kind !== 'receipt') cost = this.lastCost;
    if (cost === null && this.cardPrice !== null) {
      cost = this.cardPrice;
      fromCard = true;
    }
    this.inflow(e.quantity, cost, e.createdAt, e.document, fromCard, e.kind === 'receipt' ? 'receipts' : e.kind === 'return' || e.kind === 'sale' ? 'returns' : 'otherIn', flows, false, true);
  }

  private inflow(
    quantity: number, cost: number | null, since: string, document: string | null, fromCard: boolean,
    as: 'receipts' | 'returns' | 'otherIn', flows: StockFlows | null, front: boolean, fresh: boolean,
  ): void {
    const unit = cost ?? 0;
    // Counted once, when the units first enter at the card's price (a return of them is not new).
    if (fromCard && fresh) this.priceFromCard += quantity;
    if (cost !== null && !fromCard) this.lastCost = cost;
    if (flows) flows[as] += quantity * unit;
    // An earlier oversale takes its cost from this inflow first.
    let left = quantity;
    while (left > 0 && this.deficit.length > 0) {
      const d = this.deficit[0] as (typeof this.deficit)[number];
      const n = Math.min(left, d.quantity);
      if (flows) flows[d.kind] += n * unit;
      if (d.orderId !== null) this.remember(d.orderId, n, cost, fromCard);
      d.quantity -= n;
      left -= n;
      if (d.quantity === 0) this.deficit.shift();
    }
    if (left === 0) return;
    const layer: CostLayer = { quantity: left, unitCost: cost, since, document, fromCard };
    if (front) this.layers.unshift(layer);
    else this.layers.push(layer);
  }

  private consume(quantity: number, kind: OutKind, orderId: number | null, flows: StockFlows | null): void {
    let left = quantity;
    while (left > 0 && this.layers.length > 0) {
      const layer = this.layers[0] as CostLayer;
      const n = Math.min(left, layer.quantity);
      if (flows) flows[kind] += n * (layer.unitCost ?? 0);
      if (orderId !== null && kind === 'sales') this.remember(orderId, n, layer.unitCost, layer.fromCard);
      layer.quantity -= n;
      left -= n;
      if (layer.quantity === 0) this.layers.shift();
    }
    if (left > 0) this.deficit.push({ quantity: left, kind, orderId: kind === 'sales' ? orderId : null });
  }

  private remember(orderId: number, quantity: number, unitCost: number | null, fromCard: boolean): void {
    let slices = this.taken.get(orderId);
    if (!slices) this.taken.set(orderId, (slices = []));
    const last = slices[slices.length - 1];
    if (last && last.unitCost === unitCost && last.fromCard === fromCard) last.quantity += quantity;
    else slices.push({ quantity, unitCost, fromCard });
  }

  /** A return or reversed shipment: the units come back at what this order's sale took, newest slice first. */
  private restore(e: FifoEntry, flows: StockFlows | null): void {
    const slices = this.taken.get(e.orderId as number) ?? [];
    let left = e.quantity;
    const back: Array<{ quantity: number; unitCost: number | null; fromCard: boolean }> = [];
    while (left > 0 && slices.length > 0) {
      const s = slices[slices.length - 1] as (typeof slices)[number];
      const n = Math.min(left, s.quantity);
      back.push({ quantity: n, unitCost: s.unitCost, fromCard: s.fromCard });
      s.quantity -= n;
      left -= n;
      if (s.quantity === 0) slices.pop();
    }
    // Put back oldest-cost first at the very front: the last slice pushed with unshift ends up first.
    for (const b of back) this.inflow(b.quantity, b.unitCost, e.createdAt, e.document, b.fromCard, 'returns', flows, true, false);
    if (left > 0) {
      // The sale is not on the ledger (history imported without shipments): the entry's cost, else the last one.
      const cost = e.unitCostGrosze ?? this.lastCost ?? this.cardPrice;
      this.inflow(left, cost, e.createdAt, e.document, e.unitCostGrosze === null && this.lastCost === null && cost !== null, 'returns', flows, true, true);
    }
  }

  get quantity(): number {
    let q = 0;
    for (const l of this.layers) q += l.quantity;
    for (const d of this.deficit) q -= d.quantity;
    return q;
  }

  get value(): number {
    let v = 0;
    for (const l of this.layers) v += l.quantity * (l.unitCost ?? 0);
    return v;
  }

  /** Units on the layers whose cost is unknown (no receipt cost and no card price). */
  get unpriced(): number {
    let q = 0;
    for (const l of this.layers) if (l.unitCost === null) q += l.quantity;
    return q;
  }
}

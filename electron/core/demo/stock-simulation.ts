/**
 * The demo's warehouse, simulated in time order. Orders are generated oldest first; stock that arrives
 * later (supplier deliveries, restocked returns) waits in a queue until the generator's clock passes its
 * time. An order line is accepted only when the units are free at that moment (on hand minus what open
 * and already-accepted orders hold), the way an Allegro offer with no stock cannot be bought.
 *
 * Two invariants follow, for every product:
 * - in insertion order, the ledger never takes on-hand below zero (the database trigger would refuse);
 * - read by time (created_at), the running sum never goes below zero either: every sale is dated after
 *   the receipts that made its units free.
 */
import { ledgerReason } from '../../../shared/domain/ledger-reasons';
import type { Catalog } from './catalog';
import { SUPPLIERS } from './catalog';
import type { DemoWriter } from './demo-writer';
import type { Prng } from './prng';
import { addWorkingDaysTo, atLocal, nextDay, warsawDayAt } from './warsaw-calendar';

interface PendingStock {
  at: number;
  product: number;
  quantity: number;
  kind: 'receipt' | 'restock' | 'writeOff';
  /** Supplier document or return reference. */
  document: string;
  orderId: number | null;
  returnId: number | null;
  reason: string;
  /** For goods booked in and written off (or sent back to the supplier): the adjustment's reason. */
  adjustmentReason?: string;
  /** An unplanned delivery (was never counted as inbound). */
  urgent?: boolean;
}

/** A binary min-heap by time; ties keep insertion order (seq) so runs are reproducible. */
class EventQueue {
  private readonly items: Array<{ e: PendingStock; seq: number }> = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  peekAt(): number {
    return this.items.length ? this.items[0]!.e.at : Infinity;
  }

  push(e: PendingStock): void {
    const items = this.items;
    items.push({ e, seq: this.seq++ });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): PendingStock {
    const items = this.items;
    const top = items[0]!.e;
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.e.at < y.e.at || (x.e.at === y.e.at && x.seq < y.seq);
  }
}

export interface StockSimulationOptions {
  catalog: Catalog;
  /** products.id of catalog index i is i + 1; locations by index (0 = none). */
  locationOf: Int32Array;
  writer: DemoWriter;
  rng: Prng;
  /** Expected units sold per day, shop-wide (sizes stock levels and reorder points). */
  unitsPerDay: number;
}

export class StockSimulation {
  /** Units free to sell now: on hand minus units held by accepted orders not yet shipped. */
  readonly free: Int32Array;
  /** Units ordered from the supplier, not yet delivered. */
  readonly inbound: Int32Array;
  readonly reorderPoint: Int32Array;
  readonly orderQuantity: Int32Array;
  private readonly queue = new EventQueue();
  private readonly documents = new Map<string, string>();
  private readonly documentCounters = new Array<number>(SUPPLIERS.length).fill(0);
  private readonly announcedDocuments = new Set<string>();
  private urgentDeliveries = 0;

  constructor(private readonly o: StockSimulationOptions) {
    const n = o.catalog.count;
    this.free = new Int32Array(n);
    this.inbound = new Int32Array(n);
    this.reorderPoint = new Int32Array(n);
    this.orderQuantity = new Int32Array(n);
    let popularityTotal = 0;
    for (let i = 0; i < n; i++) popularityTotal += o.catalog.popularity[i]!;
    for (let i = 0; i < n; i++) {
      const daily = (o.unitsPerDay * o.catalog.popularity[i]!) / popularityTotal;
      const lead = o.catalog.leadDays[i]!;
      // Enough for the lead time plus a few days' margin; at least one unit on the shelf.
      this.reorderPoint[i] = Math.max(1, Math.ceil(daily * (lead + 3)));
      const batch = Math.max(this.reorderPoint[i]! + 2, Math.ceil(daily * 45));
      // Cheap goods come in cartons.
      const carton = o.catalog.purchaseGrosze[i]! < 1500 ? 12 : o.catalog.purchaseGrosze[i]! < 4000 ? 6 : 1;
      this.orderQuantity[i] = Math.ceil(batch / carton) * carton;
    }
  }

  /** Opening stocktake: what the shelves held when the shop started using Zaplecze. */
  openingStocktake(at: number): void {
    const { catalog, writer, rng, locationOf } = this.o;
    const iso = new Date(at).toISOString();
    for (let i = 0; i < catalog.count; i++) {
      const days = catalog.discontinued[i] ? rng.int(10, 120) : rng.int(20, 60);
      const perDay = this.orderQuantity[i]! / 45;
      const quantity = rng.chance(0.03) ? 0 : Math.ceil(perDay * days) + rng.int(0, 3);
      if (quantity > 0) {
        writer.ledger({
          productId: i + 1, locationId: locationOf[i] || null, kind: 'stocktake', quantity,
          reason: ledgerReason('stocktake.opening'), document: 'INW 1/' + iso.slice(0, 4), orderId: null, returnId: null,
          unitCostGrosze: catalog.purchaseGrosze[i]!, at: iso,
        });
        this.free[i] = quantity;
      }
    }
    for (let i = 0; i < catalog.count; i++) this.maybeReorder(i, at);
  }

  /** Applies every delivery and restock dated up to `at` (the generator's clock). */
  advanceTo(at: number): void {
    while (this.queue.peekAt() <= at) this.apply(this.queue.pop());
  }

  /** Takes units for an accepted order line if they are free; false when the shelf cannot cover it. */
  take(product: number, quantity: number, at: number): boolean {
    if (this.free[product]! < quantity) return false;
    this.free[product] = this.free[product]! - quantity;
    this.maybeReorder(product, at);
    return true;
  }

  /**
   * Some product with a free unit, for an order whose wished-for goods were all sold out. When the whole
   * shelf is empty (a tiny catalog under a huge order count), an urgent delivery dated just before the
   * order keeps the story possible: the ledger still never dips below zero.
   */
  anyFree(rng: Prng, at: number): number {
    const n = this.o.catalog.count;
    const start = rng.int(0, n - 1);
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      if (this.take(i, 1, at)) return i;
    }
    let product = start;
    for (let k = 0; k < n && this.o.catalog.discontinued[product]; k++) product = (product + 1) % n;
    const supplier = SUPPLIERS[this.o.catalog.supplier[product]!]!;
    this.apply({
      at: at - 3_600_000, product, quantity: this.orderQuantity[product]!, kind: 'receipt', document: `${supplier.docPrefix} PILNE ${++this.urgentDeliveries}/${new Date(at).toISOString().slice(0, 7)}`,
      orderId: null, returnId: null, reason: ledgerReason('receipt.supplier', supplier.name), urgent: true,
    });
    this.take(product, 1, at);
    return product;
  }

  /** A returned item comes back on the shelf (restock) or is booked in and written off, at `at`. */
  returnLater(e: Omit<PendingStock, 'kind'> & { restock: boolean }): void {
    this.queue.push({ ...e, kind: e.restock ? 'restock' : 'writeOff' });
  }

  private maybeReorder(product: number, at: number): void {
    const { catalog, rng } = this.o;
    if (catalog.discontinued[product]) return;
    if (this.free[product]! + this.inbound[product]! > this.reorderPoint[product]!) return;
    const supplierIndex = catalog.supplier[product]!;
    const supplier = SUPPLIERS[supplierIndex]!;
    // The supplier delivers on its own weekdays, after its lead time; sometimes a few days late.
    let day = addWorkingDaysTo(warsawDayAt(at), catalog.leadDays[product]! + (rng.chance(0.12) ? rng.int(1, 4) : 0));
    while (!day.working || !(supplier.deliveryDays as readonly number[]).includes(day.weekday)) day = nextDay(day);
    const arrival = atLocal(day, 8 + supplierIndex, 15 * (supplierIndex % 4));
    const key = `${supplierIndex}|${day.date}`;
    let document = this.documents.get(key);
    if (!document) {
      const n = (this.documentCounters[supplierIndex] = this.documentCounters[supplierIndex]! + 1);
      document = `${supplier.docPrefix} ${n}/${day.date.slice(5, 7)}/${day.date.slice(0, 4)}`;
      this.documents.set(key, document);
    }
    const quantity = this.orderQuantity[product]!;
    this.inbound[product] = this.inbound[product]! + quantity;
    this.queue.push({ at: arrival, product, quantity, kind: 'receipt', document, orderId: null, returnId: null, reason: ledgerReason('receipt.supplier', supplier.name) });
  }

  private apply(e: PendingStock): void {
    const { catalog, writer, locationOf } = this.o;
    const iso = new Date(e.at).toISOString();
    const productId = e.product + 1;
    const locationId = locationOf[e.product] || null;
    const cost = catalog.purchaseGrosze[e.product]!;
    if (e.kind === 'receipt') {
      if (!e.urgent) this.inbound[e.product] = this.inbound[e.product]! - e.quantity;
      this.free[e.product] = this.free[e.product]! + e.quantity;
      writer.ledger({ productId, locationId, kind: 'receipt', quantity: e.quantity, reason: e.reason, document: e.document, orderId: null, returnId: null, unitCostGrosze: cost, at: iso });
      if (!this.announcedDocuments.has(e.document)) {
        this.announcedDocuments.add(e.document);
        writer.audit(iso, 'stock.receipt', 'document', e.document, { supplier: SUPPLIERS[catalog.supplier[e.product]!]!.name });
      }
      return;
    }
    writer.ledger({ productId, locationId: e.kind === 'restock' ? locationId : null, kind: 'return', quantity: e.quantity, reason: e.reason, document: e.document, orderId: e.orderId, returnId: e.returnId, unitCostGrosze: cost, at: iso });
    if (e.kind === 'restock') {
      this.free[e.product] = this.free[e.product]! + e.quantity;
    } else {
      // Booked in and written off at once: the return is on record, the shelf does not grow.
      writer.ledger({ productId, locationId: null, kind: 'adjustment', quantity: -e.quantity, reason: e.adjustmentReason ?? ledgerReason('return.write_off'), document: e.document, orderId: e.orderId, returnId: e.returnId, unitCostGrosze: cost, at: iso });
    }
  }
}

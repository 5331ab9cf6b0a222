import type { ShipCarrier, ShipOutput } from '../../../shared/contract/packing.contract';
import { ledgerReason } from '../../../shared/domain/ledger-reasons';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError, domainErrorFromSqlite } from '../errors';
import { appendLedger } from '../stock/ledger.repository';
import { releaseOrder } from '../stock/reservations.repository';
import { prepared } from '../stock/product.repository';
import { carrierFromMethodName as guessCarrier } from '../orders/carrier';
import { immediateTransaction } from './immediate-transaction';
import { allVerified, type RawPackLine, readPackLines, readPackOrder, setOrderStatus } from './pack-order.repository';
import { orderNumber } from './order-code';
import { paymentOf } from '../orders/order-row';
import { trackingNumberProblem, trackingProblemMessage } from './tracking-number';

export interface ShipInput {
  orderId: number;
  carrier: ShipCarrier | null;
  trackingNumber?: string | undefined;
  /** Owner only: ship although the order is not paid; the reason goes to the audit. */
  unpaidReason?: string | undefined;
  /** The person confirmed an unusual (not certainly wrong) tracking number. */
  confirmUnusualTracking?: boolean | undefined;
}

/**
 * Refuses a tracking number that is certainly not one (a product's code, an order number, the wrong
 * length for InPost), and an unusual one unless confirmed. Details carry what the screen needs to say why.
 */
export function checkTrackingNumber(core: Core, tracking: string | null, carrier: ShipCarrier | null, confirmed: boolean): void {
  if (!tracking) return;
  const problem = trackingNumberProblem(core.sqlite, tracking, carrier);
  if (!problem || (problem.verdict === 'warn' && confirmed)) return;
  const reason = problem.verdict === 'warn' ? 'tracking_unusual' : problem.reason === 'product_code' ? 'tracking_is_product' : problem.reason === 'order_code' ? 'tracking_is_order' : 'tracking_format';
  throw new DomainError('invalid_input', trackingProblemMessage(problem, tracking), {
    reason,
    trackingNumber: tracking,
    ...(problem.reason === 'product_code' ? { product: problem.product } : {}),
    ...(problem.reason === 'carrier_format' ? { carrier: problem.carrier, expected: problem.expected } : {}),
  });
}

/** An unpaid order (cash on delivery aside) leaves only when the owner says so, with a reason. */
export function checkPaid(order: { id: number; paymentType: string | null; paidAt: string | null }, unpaidReason: string | undefined, actor: Actor): string | null {
  if (paymentOf(order) !== 'unpaid') return null;
  const reason = unpaidReason?.trim();
  if (!reason) throw new DomainError('conflict', `Order ${order.id} is not paid yet; only the owner may send it anyway, with a reason.`, { reason: 'unpaid', orderId: order.id });
  if (actor !== 'owner') throw new DomainError('forbidden', 'Only the owner may send an unpaid order.', { reason: 'unpaid', orderId: order.id });
  return reason;
}

export interface Shortage {
  productId: number;
  sku: string | null;
  name: string;
  onHand: number;
  needed: number;
}

/** Units per product this shipment takes off the shelf: exactly what was packed. */
function packedPerProduct(lines: readonly RawPackLine[]): Map<number, { needed: number; line: RawPackLine }> {
  const per = new Map<number, { needed: number; line: RawPackLine }>();
  for (const l of lines) {
    if (l.productId === null || l.packedQuantity <= 0) continue;
    const entry = per.get(l.productId);
    if (entry) entry.needed += l.packedQuantity;
    else per.set(l.productId, { needed: l.packedQuantity, line: l });
  }
  return per;
}

/**
 * Marks an order shipped. One IMMEDIATE transaction: the shipment row, the order's reservations
 * released, one `sale` ledger entry per packed line (exactly the packed quantity, at the product's
 * home shelf, document = the Allegro order id or ZAP-<id>), the order's status, and the audit entry.
 *
 * The stock check runs inside the transaction, after the write lock is taken, so of two people
 * shipping the last unit the second always sees the first's sale and gets `insufficient_stock` naming
 * the product — with nothing written. The ledger trigger refusing on-hand < 0 stays the last line of
 * defence. Products that allow backorders may go below zero.
 */
export async function shipOrder(core: Core, input: ShipInput, actor: Actor): Promise<ShipOutput> {
  const at = core.now();
  const iso = at.toISOString();
  const tracking = input.trackingNumber?.trim() || null;
  let result: ShipOutput;
  try {
    result = await immediateTransaction(core, async (trx) => {
      const order = readPackOrder(core.sqlite, input.orderId);
      if (order.status === 'shipped' || order.status === 'delivered') {
        throw new DomainError('conflict', `Order ${input.orderId} has already been shipped.`, { reason: 'already_shipped', status: order.status });
      }
      if (order.status !== 'packed' && order.status !== 'to_pick') {
        throw new DomainError('conflict', `Order ${input.orderId} is ${order.status}, not waiting for packing.`, { reason: 'not_packable', status: order.status });
      }
      const lines = readPackLines(core.sqlite, input.orderId);
      // Straight from packing (to_pick): allowed once every line is verified — the same rule as completing.
      if (order.status === 'to_pick' && !allVerified(lines)) {
        const missing = lines.filter((l) => l.packedQuantity < l.quantity).map((l) => ({ lineId: l.id, name: l.name, remaining: l.quantity - l.packedQuantity }));
        throw new DomainError('conflict', 'Not every item has been scanned yet.', { reason: 'not_verified', missing });
      }
      const carrierKey = (input.carrier ?? order.carrier ?? guessCarrier(order.deliveryMethodName)) as ShipCarrier | null;
      checkTrackingNumber(core, tracking, carrierKey, input.confirmUnusualTracking === true);
      const unpaidOverride = checkPaid(order, input.unpaidReason, actor);
      const per = packedPerProduct(lines);
      const shortages: Shortage[] = [];
      for (const [productId, { needed, line }] of per) {
        if (line.allowBackorder === 1) continue;
        const onHand = line.onHand ?? 0;
        if (onHand - needed < 0) shortages.push({ productId, sku: line.sku, name: line.productName ?? line.name, onHand, needed });
      }
      if (shortages.length > 0) {
        throw new DomainError('insufficient_stock', `Not enough stock to ship order ${input.orderId}: ${shortages.map((s) => `${s.sku ?? s.name} (on hand ${s.onHand}, needed ${s.needed})`).join(', ')}.`, {
          orderId: input.orderId,
          shortages,
        });
      }
      const document = orderNumber(order);
      const carrier = input.carrier ?? order.carrier ?? guessCarrier(order.deliveryMethodName);
      const shipmentId = Number(
        prepared(core.sqlite, 'INSERT INTO shipments (order_id, carrier, tracking_number, dispatched_at, created_at) VALUES (?, ?, ?, ?, ?)').run(input.orderId, carrier, tracking, iso, iso).lastInsertRowid,
      );
      const released = await releaseOrder(trx, input.orderId);
      const sales: ShipOutput['sales'] = [];
      for (const line of lines) {
        if (line.productId === null || line.packedQuantity <= 0) continue;
        await appendLedger(
          trx,
          {
            productId: line.productId,
            locationId: line.locationId,
            kind: 'sale',
            quantity: -line.packedQuantity,
            reason: ledgerReason('sale.shipped'),
            document,
            orderId: input.orderId,
            unitCostGrosze: line.purchasePriceGrosze,
            actor,
          },
          at,
        );
        const sale = sales.find((s) => s.productId === line.productId);
        if (sale) sale.quantity += line.packedQuantity;
        else sales.push({ productId: line.productId, quantity: line.packedQuantity });
      }
      setOrderStatus(core.sqlite, input.orderId, 'shipped', at);
      const unlinked = lines.filter((l) => l.productId === null).map((l) => ({ lineId: l.id, name: l.name, quantity: l.packedQuantity }));
      await recordAudit(
        trx,
        { actor, action: 'packing.ship', entity: 'order', entityId: input.orderId, details: { carrier, trackingNumber: tracking, sales, released, ...(unlinked.length ? { unlinked } : {}), ...(unpaidOverride ? { unpaidOverride } : {}) } },
        at,
      );
      return { orderId: input.orderId, status: 'shipped' as const, shipmentId, dispatchedAt: iso, sales, released };
    });
  } catch (error) {
    // The trigger's refusal (a race our check could not see, e.g. a raw write elsewhere) in plain terms.
    const mapped = domainErrorFromSqlite(error);
    if (mapped?.code === 'insufficient_stock') throw new DomainError('insufficient_stock', mapped.message, { orderId: input.orderId, shortages: [] });
    throw error;
  }
  core.events.emit('data.changed', { areas: ['orders', 'stock', 'products'] });
  return result;
}

import type { PackOrder } from '../../../shared/contract/packing.contract';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { prepared } from '../stock/product.repository';
import { handlingTimeDays } from './handling-time';
import { immediateTransaction } from './immediate-transaction';
import { allVerified, loadPackOrder, PACKABLE_STATUSES, readPackLines, readPackOrder, setOrderStatus } from './pack-order.repository';

function view(core: Core, orderId: number): PackOrder {
  return loadPackOrder(core.sqlite, orderId, handlingTimeDays(core.sqlite), core.now());
}

function requirePackable(core: Core, orderId: number) {
  const order = readPackOrder(core.sqlite, orderId);
  if (!PACKABLE_STATUSES.includes(order.status)) {
    throw new DomainError('conflict', `Order ${orderId} is ${order.status}, not waiting for packing.`, { orderId, status: order.status });
  }
  return order;
}

/** Marks the order packed. Every line must be verified (scanned in full); otherwise `conflict` with the missing lines. */
export async function completePacking(core: Core, orderId: number, actor: Actor): Promise<PackOrder> {
  const at = core.now();
  await immediateTransaction(core, async (trx) => {
    const order = requirePackable(core, orderId);
    if (order.status === 'packed') return;
    const lines = readPackLines(core.sqlite, orderId);
    if (!allVerified(lines)) {
      const missing = lines.filter((l) => l.packedQuantity < l.quantity).map((l) => ({ lineId: l.id, name: l.name, remaining: l.quantity - l.packedQuantity }));
      throw new DomainError('conflict', 'Not every item has been scanned yet; scan the rest, or ask the owner to force completion.', { reason: 'not_verified', missing });
    }
    setOrderStatus(core.sqlite, orderId, 'packed', at);
    await recordAudit(trx, { actor, action: 'packing.complete', entity: 'order', entityId: orderId }, at);
  });
  core.events.emit('data.changed', { areas: ['orders'] });
  return view(core, orderId);
}

/**
 * The owner vouches that the box is complete although not every item was scanned (damaged label, no
 * barcode, scanner broken): unverified units count as packed, so shipping books them as sold. The
 * reason and exactly which lines were forced go to the audit. The contract lets only the owner call it;
 * the role check here repeats it so no other path (CLI, tests) can skip it.
 */
export async function forceCompletePacking(core: Core, orderId: number, reason: string, actor: Actor): Promise<PackOrder> {
  if (actor !== 'owner') throw new DomainError('forbidden', 'Only the owner may force an order as packed.');
  // A scan that landed in the reason field (digits, an EAN) explains nothing: ask for words.
  if (!/\p{L}{2}/u.test(reason)) throw new DomainError('invalid_input', 'Give the reason in words, not a code.', { reason: 'reason_not_words' });
  const at = core.now();
  await immediateTransaction(core, async (trx) => {
    const order = requirePackable(core, orderId);
    const lines = readPackLines(core.sqlite, orderId);
    const forced = lines.filter((l) => l.packedQuantity < l.quantity).map((l) => ({ lineId: l.id, name: l.name, productId: l.productId, scanned: l.packedQuantity, quantity: l.quantity }));
    for (const line of forced) prepared(core.sqlite, 'UPDATE order_lines SET forced_quantity = forced_quantity + quantity - packed_quantity, packed_quantity = quantity WHERE id = ?').run(line.lineId);
    if (order.status !== 'packed') setOrderStatus(core.sqlite, orderId, 'packed', at);
    await recordAudit(trx, { actor, action: 'packing.force', entity: 'order', entityId: orderId, details: { reason, forced } }, at);
  });
  core.events.emit('data.changed', { areas: ['orders'] });
  return view(core, orderId);
}

/** A packed order back to packing (to pick), keeping what was scanned. */
export async function reopenPacking(core: Core, orderId: number, actor: Actor): Promise<PackOrder> {
  const at = core.now();
  await immediateTransaction(core, async (trx) => {
    const order = requirePackable(core, orderId);
    if (order.status === 'to_pick') return;
    setOrderStatus(core.sqlite, orderId, 'to_pick', at);
    await recordAudit(trx, { actor, action: 'packing.reopen', entity: 'order', entityId: orderId }, at);
  });
  core.events.emit('data.changed', { areas: ['orders'] });
  return view(core, orderId);
}

export { view as packView };

import type { OrderStatus } from '../../../shared/domain/order-status';
import type { Role } from '../../../shared/domain/roles';

/**
 * The shop's own order flow: new → to_pick → packed → shipped → delivered, plus on_hold and cancelled.
 *
 * Some steps belong to the packing area (they need every item scanned, a tracking number, the sale in
 * the ledger): to_pick → packed and packed → shipped. The list and detail screens may not take them —
 * `orders.setStatus` refuses them — but the packing service uses the same table through
 * `canTransition(from, to, 'packing')`.
 */
const FLOW: Record<OrderStatus, Partial<Record<OrderStatus, 'screen' | 'packing'>>> = {
  new: { to_pick: 'screen', on_hold: 'screen', cancelled: 'screen' },
  to_pick: { new: 'screen', packed: 'packing', on_hold: 'screen', cancelled: 'screen' },
  // Back to picking: something was missing or wrong in the parcel.
  packed: { to_pick: 'screen', shipped: 'packing', on_hold: 'screen', cancelled: 'screen' },
  on_hold: { new: 'screen', to_pick: 'screen', cancelled: 'screen' },
  shipped: { delivered: 'screen' },
  delivered: {},
  // Final: Allegro does not revive a cancelled checkout; a new order comes instead.
  cancelled: {},
};

/** Cancelling is the owner's decision (it gives the goods back to stock for others). */
const OWNER_ONLY: ReadonlySet<OrderStatus> = new Set(['cancelled']);

export type TransitionBy = 'screen' | 'packing';

export function canTransition(from: OrderStatus, to: OrderStatus, by: TransitionBy): boolean {
  const step = FLOW[from][to];
  if (!step) return false;
  // The packing service may also take every screen step; the screens may not take packing's.
  return by === 'packing' || step === 'screen';
}

/**
 * Corrections after the fact, outside the daily flow and only for the owner with a reason (see
 * packing/corrections.service.ts): a shipped order back to packed (the shipment undone, its sales
 * reversed in the ledger), and a packed or shipped order back to packing, to be packed again.
 */
const CORRECTIONS: Partial<Record<OrderStatus, readonly OrderStatus[]>> = {
  shipped: ['packed', 'to_pick'],
  packed: ['to_pick'],
};

export function canCorrect(from: OrderStatus, to: OrderStatus): boolean {
  return CORRECTIONS[from]?.includes(to) ?? false;
}

/** Statuses the screens offer for an order in `from`, for this profile. */
export function nextStatuses(from: OrderStatus, role: Role | null): OrderStatus[] {
  return (Object.keys(FLOW[from]) as OrderStatus[]).filter((to) => canTransition(from, to, 'screen') && (role !== 'helper' || !OWNER_ONLY.has(to)));
}

export function isOwnerOnlyStatus(to: OrderStatus): boolean {
  return OWNER_ONLY.has(to);
}

/** Why a screen cannot take a step, in plain English (the UI translates the code). */
export function refusalReason(from: OrderStatus, to: OrderStatus): string {
  if (FLOW[from][to] === 'packing') return `An order goes from ${from} to ${to} on the packing screen (items scanned, parcel shipped).`;
  return `An order cannot go from ${from} to ${to}.`;
}

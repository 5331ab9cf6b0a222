import type { PackOrder } from '../../../../shared/contract/packing.contract';

/**
 * An order read for the packing view just before it opens (the queue's scan asks for it while it still
 * shows): the view draws it at once instead of a loading bar and a second round trip after mounting —
 * the scan's feedback on a big shop went from ~250 ms to under 100 ms with this (issue 16). One use only,
 * and only for a moment: an older read is never shown.
 */
const seeds = new Map<number, { order: PackOrder; at: number }>();
const FRESH_MS = 2000;
const realClock = (): number => Date.now();
let clock = realClock;

/**
 * Pins the clock freshness is measured with (tests: how long the lazy screen takes to load must not decide
 * whether the seed is still fresh). Returns the undo; production never calls it.
 */
export function setPackSeedClock(now: () => number): () => void {
  clock = now;
  return () => {
    clock = realClock;
  };
}

export function seedPackOrder(order: PackOrder): void {
  seeds.clear();
  seeds.set(order.id, { order, at: clock() });
}

/** The seeded order for `orderId` when it is fresh; it stays until taken (a re-render reads it again). */
export function peekPackOrder(orderId: number): PackOrder | null {
  const seed = seeds.get(orderId);
  return seed && clock() - seed.at < FRESH_MS ? seed.order : null;
}

/** Takes the seeded order out (the view's first load uses it instead of calling the core). */
export function takePackOrder(orderId: number): PackOrder | null {
  const order = peekPackOrder(orderId);
  seeds.delete(orderId);
  return order;
}

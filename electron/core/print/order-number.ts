import { orderNumber } from '../packing/order-code';

/**
 * The number printed (and barcoded) on a packing slip: the Allegro order id when the order came from
 * Allegro, otherwise `ZAP-<id>`. Agreed with the packing/returns screens, whose scan lookup accepts both.
 */
export function slipNumber(order: { id: number; allegroOrderId: string | null }): string {
  return orderNumber(order);
}

/** The shop's own short number of an order, shown beside the Allegro id. */
export function internalNumber(id: number): string {
  return `ZAP-${id}`;
}

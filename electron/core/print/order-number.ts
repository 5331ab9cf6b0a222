/**
 * The number printed (and barcoded) on a packing slip: the Allegro order id when the order came from
 * Allegro, otherwise `ZAP-<id>`. Agreed with the packing/returns screens, whose scan lookup accepts both.
 */
export function slipNumber(order: { id: number; allegroOrderId: string | null }): string {
  return order.allegroOrderId && /^[\x20-\x7e]{1,80}$/.test(order.allegroOrderId) ? order.allegroOrderId : `ZAP-${order.id}`;
}

/** The shop's own short number of an order, shown beside the Allegro id. */
export function internalNumber(id: number): string {
  return `ZAP-${id}`;
}

import { promisedDispatchBy } from '../orders/dispatch-promise';

/**
 * The deadline the packing screen sorts by: the stored promise (from Allegro or the import), else the
 * shop's handling time counted from payment (or purchase, for cash on delivery and unpaid orders).
 */
export function effectiveDispatchBy(order: { dispatchBy: string | null; paidAt: string | null; boughtAt: string }, handlingTimeDays: number): { at: string; computed: boolean } {
  if (order.dispatchBy) return { at: new Date(order.dispatchBy).toISOString(), computed: false };
  return { at: promisedDispatchBy({ startedAt: order.paidAt ?? order.boughtAt, handlingTimeDays }), computed: true };
}

import { applyBilling, applyReturns, applyShipments } from './allegro.apply';
import { applyOffers, applyStockSheet } from './catalog.apply';
import type { ApplyContext, ApplyCounts } from './context';
import { applyOrders } from './orders.apply';

/** Writes a parsed file's records. Runs inside the caller's single transaction; throws to roll back. */
export function applyStaged(ctx: ApplyContext): ApplyCounts {
  const counts = applyFormat(ctx);
  // The ranges of ids the run inserted (orders, lines, reservations…): what undo deletes.
  ctx.writer.finish();
  return counts;
}

function applyFormat(ctx: ApplyContext): ApplyCounts {
  switch (ctx.format) {
    case 'allegro-checkout-forms':
    case 'allegro-orders-csv':
      return applyOrders(ctx);
    case 'allegro-offers':
      return applyOffers(ctx);
    case 'owner-stock-sheet':
      return applyStockSheet(ctx);
    case 'allegro-customer-returns':
      return applyReturns(ctx);
    case 'allegro-shipments':
      return applyShipments(ctx);
    case 'allegro-billing-entries':
      return applyBilling(ctx);
  }
}

import type { RowChange } from './change-journal';

/**
 * What each of Raporty's kept figures is computed from, as the change journal sees writes
 * (change-journal.ts). A figure stays kept only while no write it depends on happened; when in doubt a
 * change counts (a table not named here, a future table, any update or delete of the ledger).
 */

/**
 * Tables the sales register never reads (sales-register.data.ts, register-book.ts, cash-register.ts,
 * eu-supply.ts, exchange-rates.ts, settings): stock moves and what is kept beside them, purchasing,
 * packing's scans, the Wyniki tables and the search indexes. A stock receipt or a stocktake writes only
 * these (and the products' stock counters).
 */
const NOT_IN_REGISTER = new Set([
  'stock_ledger',
  'reservations',
  'packing_scans',
  'locations',
  'suppliers',
  'product_suppliers',
  'purchase_orders',
  'purchase_order_lines',
  'campaign_plans',
  'at_risk_changes',
  'search_pending',
]);

/** The month's sales register (any month): every change but those above. */
export function registerConcerns(change: RowChange): boolean {
  if (NOT_IN_REGISTER.has(change.table) || change.table.startsWith('results_')) return false;
  // The register reads products' rate, GTU and split payment, not their stock: detail 0 = only the counters changed.
  if (change.table === 'products' && change.op === 'update') return change.detail !== 0;
  // detail 0: the order only moved between open statuses (to pick, packed, on hold…), which the register does not tell apart.
  if (change.table === 'orders' && change.op === 'update') return change.detail !== 0;
  // The automatic backup's bookkeeping (backup.lastAutomaticAt, backup.lastFullCheckAt), written minutes after
  // the shop opens and every few hours: not a setting the register reads.
  if (change.table === 'settings') return !(typeof change.detail === 'string' && change.detail.startsWith('backup.'));
  // The register reads the audit log for one thing: when an order was cancelled.
  if (change.table === 'audit_log' && change.op === 'insert') return change.detail === 'order.cancel';
  return true;
}

/**
 * A FIFO walk of the ledger up to `until` (stock-fifo.ts): it reads the products and the ledger's
 * entries dated before `until`. The ledger is append-only: an entry dated later (today's receipt or
 * shipment, when the walk is of last month's end) cannot change it.
 */
export function walkConcerns(until: string): (change: RowChange) => boolean {
  return (change) => {
    if (change.table === 'stock_ledger') return change.op !== 'insert' || typeof change.detail !== 'string' || change.detail < until;
    if (change.table === 'products') return change.op !== 'update' || change.detail !== 0;
    return false;
  };
}

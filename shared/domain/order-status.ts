/** The shop's own order flow (Allegro's statuses are kept beside it, raw). */
export const ORDER_STATUSES = ['new', 'to_pick', 'packed', 'shipped', 'delivered', 'on_hold', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses whose orders still hold reservations on stock. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ['new', 'to_pick', 'packed', 'on_hold'];

export const LEDGER_KINDS = ['receipt', 'sale', 'return', 'adjustment', 'stocktake', 'move'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

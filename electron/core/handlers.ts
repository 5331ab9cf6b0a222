import type { Handlers } from './dispatch';
import { shopHandlers } from './shop/shop.handlers';
import { stockHandlers } from './stock/stock.handlers';
import { ordersHandlers } from './orders/orders.handlers';
import { packingHandlers } from './packing/packing.handlers';
import { complaintsHandlers, returnsHandlers } from './returns/returns.handlers';
import { importHandlers } from './import/import.handlers';
import { backupHandlers } from './backup/backup.handlers';
import { printHandlers } from './print/print.handlers';
import { exportHandlers } from './export/export.handlers';
import { accountingHandlers } from './accounting/accounting.handlers';
import { booksHandlers } from './accounting/books.handlers';
import { resultsHandlers } from './results/results.handlers';
import { planningHandlers } from './planning/planning.handlers';

/**
 * Every channel's handler. Each area exports its own object; add it here with one spread. The type
 * annotation makes a missing or misspelled channel a compile error.
 */
export const handlers: Handlers = {
  ...shopHandlers,
  ...stockHandlers,
  ...ordersHandlers,
  ...packingHandlers,
  ...returnsHandlers,
  ...complaintsHandlers,
  ...importHandlers,
  ...backupHandlers,
  ...printHandlers,
  ...exportHandlers,
  ...accountingHandlers,
  ...booksHandlers,
  ...resultsHandlers,
  ...planningHandlers,
};

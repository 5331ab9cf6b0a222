import type { AreaHandlers } from '../dispatch';
import { cachedPreview } from '../export/preview-cache';
import { registerInputsHandlers } from './register-inputs.handlers';
import { deliverStocktakeForm, stockMonth } from './stock-accounts.service';

/** Handlers of the accounting area (see shared/contract/accounting.contract.ts). */
export const accountingHandlers: AreaHandlers<'accounting.'> = {
  // Walks the whole stock ledger (about a second on a 100k-order shop): kept until the shop changes, like
  // Raporty's other previews (preview-cache.ts), so opening the screen again answers at once (issue 16).
  'accounting.stockMonth': async ({ month }, { core }) => cachedPreview(core, `stockMonth:${month}`, () => stockMonth(core, month)),
  'accounting.stocktakeForm': async ({ date, action }, { core }) => deliverStocktakeForm(core, date, action),
  ...registerInputsHandlers,
};

import type { AreaHandlers } from '../dispatch';
import { registerInputsHandlers } from './register-inputs.handlers';
import { deliverStocktakeForm, stockMonth } from './stock-accounts.service';

/** Handlers of the accounting area (see shared/contract/accounting.contract.ts). */
export const accountingHandlers: AreaHandlers<'accounting.'> = {
  'accounting.stockMonth': async ({ month }, { core }) => stockMonth(core, month),
  'accounting.stocktakeForm': async ({ date, action }, { core }) => deliverStocktakeForm(core, date, action),
  ...registerInputsHandlers,
};

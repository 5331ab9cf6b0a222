import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';

const notYet = (): never => {
  throw new DomainError('internal', 'Not implemented yet.');
};

/** Handlers of the stock area (see shared/contract/stock.contract.ts). */
export const stockHandlers: AreaHandlers<'stock.'> = {
  'stock.list': notYet,
  'stock.lookup': notYet,
  'stock.get': notYet,
  'stock.history': notYet,
  'stock.createProduct': notYet,
  'stock.updateProduct': notYet,
  'stock.receive': notYet,
  'stock.adjust': notYet,
  'stock.move': notYet,
  'stock.stocktakeSheet': notYet,
  'stock.stocktakeCommit': notYet,
  'stock.locations': notYet,
  'stock.saveLocation': notYet,
  'stock.deleteLocation': notYet,
};

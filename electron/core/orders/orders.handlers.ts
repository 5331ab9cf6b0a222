import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';

const notYet = (): never => {
  throw new DomainError('internal', 'Not implemented yet.');
};

/** Handlers of the orders area (see shared/contract/orders.contract.ts). */
export const ordersHandlers: AreaHandlers<'orders.'> = {
  'orders.list': notYet,
  'orders.facets': notYet,
  'orders.get': notYet,
  'orders.lookup': notYet,
  'orders.setStatus': notYet,
  'orders.updateNote': notYet,
};

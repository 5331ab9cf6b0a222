import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';

const notYet = (): never => {
  throw new DomainError('internal', 'Not implemented yet.');
};

/** Handlers of the returns area (see shared/contract/returns.contract.ts). */
export const returnsHandlers: AreaHandlers<'returns.'> = {
  'returns.list': notYet,
  'returns.get': notYet,
  'returns.findOrder': notYet,
  'returns.searchOrders': notYet,
  'returns.register': notYet,
  'returns.receive': notYet,
  'returns.markRefunded': notYet,
  'returns.setStatus': notYet,
};

/** Handlers of complaints (reklamacje), kept with returns. */
export const complaintsHandlers: AreaHandlers<'complaints.'> = {
  'complaints.list': notYet,
  'complaints.register': notYet,
  'complaints.answer': notYet,
  'complaints.close': notYet,
};

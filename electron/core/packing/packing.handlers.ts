import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';

const notYet = (): never => {
  throw new DomainError('internal', 'Not implemented yet.');
};

/** Handlers of the packing area (see shared/contract/packing.contract.ts). */
export const packingHandlers: AreaHandlers<'packing.'> = {
  'packing.queue': notYet,
  'packing.pickList': notYet,
  'packing.get': notYet,
  'packing.scan': notYet,
  'packing.unpackLine': notYet,
  'packing.complete': notYet,
  'packing.forceComplete': notYet,
  'packing.reopen': notYet,
  'packing.ship': notYet,
};

import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';

const notYet = (): never => {
  throw new DomainError('internal', 'Import is being built: this call is not available yet.');
};

/** Handlers of the import.* channels (see shared/contract/import.contract.ts). */
export const importHandlers: AreaHandlers<'import.'> = {
  'import.preview': notYet,
  'import.pick': notYet,
  'import.remap': notYet,
  'import.commit': notYet,
  'import.discard': notYet,
  'import.list': notYet,
  'import.undoCheck': notYet,
  'import.undo': notYet,
  'import.listMappings': notYet,
  'import.saveMapping': notYet,
  'import.deleteMapping': notYet,
  'import.unmatched': notYet,
  'import.link': notYet,
};

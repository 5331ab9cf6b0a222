import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';
import { tableFile } from './export-table';
import { handlingTimeAdvice } from './handling-time.service';
import { resultsSummary } from './results.service';

/** Handlers of Wyniki's own calls (see shared/contract/results.contract.ts). */
export const resultsHandlers: AreaHandlers<'results.'> = {
  'results.summary': (input, { core }) => resultsSummary(core, input),
  'results.handlingTime': (_input, { core }) => handlingTimeAdvice(core),
  'results.exportTable': async (input, { core }) => {
    const file = await tableFile(input);
    const target = core.ports.saveTarget;
    if (!target) throw new DomainError('internal', 'Saving files is not available in this environment.');
    const savedTo = await target.save(file.fileName, file.bytes, input.format);
    return { savedTo, fileName: file.fileName, bytes: file.bytes.byteLength };
  },
};

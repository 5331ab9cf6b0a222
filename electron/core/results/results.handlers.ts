import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';
import { tableFile } from './export-table';
import { handlingTimeAdvice } from './handling-time.service';
import { resultsSummary } from './results.service';

/** How long one call may spend summarising orders not counted yet (the first open of a big shop). */
const REFRESH_BUDGET_MS = 1_500;

/** Handlers of Wyniki's own calls (see shared/contract/results.contract.ts). */
export const resultsHandlers: AreaHandlers<'results.'> = {
  'results.summary': (input, { core }) => resultsSummary(core, input, { budgetMs: REFRESH_BUDGET_MS }),
  'results.handlingTime': (_input, { core }) => handlingTimeAdvice(core, { budgetMs: REFRESH_BUDGET_MS }),
  'results.exportTable': async (input, { core }) => {
    const file = await tableFile(input);
    const target = core.ports.saveTarget;
    if (!target) throw new DomainError('internal', 'Saving files is not available in this environment.');
    const savedTo = await target.save(file.fileName, file.bytes, input.format);
    return { savedTo, fileName: file.fileName, bytes: file.bytes.byteLength };
  },
};

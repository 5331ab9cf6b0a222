import type { ImportPreview } from '../../../shared/contract/import.contract';
import { MAX_IMPORT_BYTES } from '../../../shared/contract/import.contract';
import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';
import { linkToProduct, listUnmatched } from './links.service';
import { deleteMapping, listMappings, saveMapping } from './mappings.repository';
import { listRuns } from './runs.repository';
import { whenIdle } from '../db/idle';
import { backupBeforeRisk } from '../backup/backup.service';
import { importRunner } from './worker/import-runner';

/**
 * Handlers of the import.* channels (see shared/contract/import.contract.ts). Previews, commits and undos
 * run in the import worker (worker/import-runner.ts) with its own connection to the shop, so the app keeps
 * answering while a big file is read and written; the rest are quick and run here.
 */
export const importHandlers: AreaHandlers<'import.'> = {
  'import.preview': async ({ contentBase64, ...input }, { core }) => {
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.byteLength > MAX_IMPORT_BYTES) throw new DomainError('invalid_input', 'The file is larger than 200 MB.');
    return importRunner(core).preview({ ...input, bytes });
  },
  'import.pick': async ({ token }, { core }) => {
    const picker = core.ports.openSource;
    if (!picker) throw new DomainError('internal', 'Choosing files is not available here; drop the file onto the window instead.');
    const files = await picker.pick('import');
    const previews: ImportPreview[] = [];
    for (const [i, file] of files.entries()) {
      previews.push(await importRunner(core).preview({ name: file.name, path: file.path, token: token ? `${token}-${i + 1}` : undefined }));
    }
    return { previews };
  },
  'import.remap': ({ token, mapping, countedOn }, { core }) => importRunner(core).remap(token, mapping, countedOn),
  'import.previewBatch': async ({ tokens }, { core }) => ({ previews: await importRunner(core).batch(tokens) }),
  'import.commit': ({ token, ...options }, { core, actor }) => importRunner(core).commit(token, { ...options, actor }),
  'import.discard': async ({ token }, { core }) => ({ discarded: await importRunner(core).discard(token) }),
  'import.list': ({ offset, limit }, { core }) => listRuns(core.sqlite, offset, limit),
  'import.undoCheck': ({ runId }, { core }) => importRunner(core).undoCheck(runId),
  'import.undo': ({ runId }, { core, actor }) =>
    // Refused early (no pointless copy) when undo is impossible; otherwise a copy of the shop is kept first.
    importRunner(core).undo(runId, actor, async () => {
      await whenIdle(core.sqlite);
      await backupBeforeRisk(core, 'before-undo');
    }),
  'import.listMappings': (_input, { core }) => ({ mappings: listMappings(core.sqlite) }),
  'import.saveMapping': ({ name, signature, mapping, headers }, { core }) => saveMapping(core.sqlite, { name, signature, mapping, headers }, core.now().toISOString()),
  'import.deleteMapping': ({ name }, { core }) => ({ deleted: deleteMapping(core.sqlite, name) }),
  'import.unmatched': (input, { core }) => listUnmatched(core, input),
  'import.link': async (input, { core, actor }) => {
    await whenIdle(core.sqlite);
    return linkToProduct(core, input, actor);
  },
};

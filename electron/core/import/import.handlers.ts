import type { ImportPreview } from '../../../shared/contract/import.contract';
import { MAX_IMPORT_BYTES } from '../../../shared/contract/import.contract';
import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';
import { commitImport, discardImport, previewImport, remapImport } from './import.service';
import { linkToProduct, listUnmatched } from './links.service';
import { deleteMapping, listMappings, saveMapping } from './mappings.repository';
import { listRuns } from './runs.repository';
import { whenIdle } from '../db/idle';
import { backupBeforeRisk } from '../backup/backup.service';
import { checkUndo, undoImport } from './undo';

/** Handlers of the import.* channels (see shared/contract/import.contract.ts). */
export const importHandlers: AreaHandlers<'import.'> = {
  'import.preview': async ({ name, contentBase64, token, mapping }, { core }) => {
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.byteLength > MAX_IMPORT_BYTES) throw new DomainError('invalid_input', 'The file is larger than 200 MB.');
    return previewImport(core, { name, bytes, token, mapping });
  },
  'import.pick': async ({ token }, { core }) => {
    const picker = core.ports.openSource;
    if (!picker) throw new DomainError('internal', 'Choosing files is not available here; drop the file onto the window instead.');
    const files = await picker.pick('import');
    const previews: ImportPreview[] = [];
    for (const [i, file] of files.entries()) {
      previews.push(await previewImport(core, { name: file.name, path: file.path, token: token ? `${token}-${i + 1}` : undefined }));
    }
    return { previews };
  },
  'import.remap': ({ token, mapping }, { core }) => remapImport(core, token, mapping),
  'import.commit': ({ token, validRowsOnly, mapping, saveMappingAs }, { core, actor }) =>
    commitImport(core, token, { validRowsOnly, mapping, saveMappingAs, actor }),
  'import.discard': ({ token }, { core }) => ({ discarded: discardImport(core, token) }),
  'import.list': ({ offset, limit }, { core }) => listRuns(core.sqlite, offset, limit),
  'import.undoCheck': ({ runId }, { core }) => checkUndo(core, runId),
  'import.undo': async ({ runId }, { core, actor }) => {
    await whenIdle(core.sqlite);
    // Refuse early (no pointless copy) when undo is impossible; otherwise keep a copy of the shop first.
    const check = checkUndo(core, runId);
    if (!check.possible) return undoImport(core, runId, actor); // throws not_undoable with the reason
    await backupBeforeRisk(core, 'before-undo');
    return undoImport(core, runId, actor);
  },
  'import.listMappings': (_input, { core }) => ({ mappings: listMappings(core.sqlite) }),
  'import.saveMapping': ({ name, signature, mapping, headers }, { core }) => saveMapping(core.sqlite, { name, signature, mapping, headers }, core.now().toISOString()),
  'import.deleteMapping': ({ name }, { core }) => ({ deleted: deleteMapping(core.sqlite, name) }),
  'import.unmatched': (input, { core }) => listUnmatched(core, input),
  'import.link': async (input, { core, actor }) => {
    await whenIdle(core.sqlite);
    return linkToProduct(core, input, actor);
  },
};

import { writeFileAtomic } from '../core/atomic-write';
import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { OpenSource, SaveTarget } from '../core/ports';

type SaveKind = Parameters<SaveTarget['save']>[2];
type OpenKind = Parameters<OpenSource['pick']>[0];

const SAVE_FILTERS: Record<SaveKind, FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  epp: { name: 'EDI++ (EPP)', extensions: ['epp'] },
  db: { name: 'Zaplecze', extensions: ['db'] },
};

const OPEN_FILTERS: Record<OpenKind, FileFilter[]> = {
  // The import recognises files by content, so any file may be picked; the first filter is the usual ones.
  import: [
    { name: 'CSV, Excel, JSON', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls', 'json'] },
    { name: '*', extensions: ['*'] },
  ],
  backup: [{ name: 'Zaplecze', extensions: ['db', 'sqlite', 'bak'] }],
};

/**
 * A suggested file name from the core, reduced to a bare name: the save dialog decides the folder,
 * never a path that came through the core (and possibly from the renderer).
 */
export function safeFileName(suggested: string, kind: SaveKind): string {
  const base = basename(suggested.replace(/\\/g, '/'))
    // Characters Windows refuses in file names, and control characters.
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/[\p{Cc}]/gu, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  const name = base || 'zaplecze';
  return name.toLowerCase().endsWith(`.${kind}`) ? name : `${name}.${kind}`;
}

export function saveDialogFilters(kind: SaveKind): FileFilter[] {
  return [SAVE_FILTERS[kind]];
}

export function openDialogFilters(kind: OpenKind): FileFilter[] {
  return OPEN_FILTERS[kind];
}

interface DialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window the dialog belongs to (modal to it), when there is one. */
  window: () => BrowserWindow | null;
  /** The folder the save dialog starts in (the user's Documents). */
  defaultFolder: () => string;
}

/** The core's SaveTarget port: the user picks the place in a save dialog; main writes the bytes. */
export function createSaveTarget(deps: DialogDeps): SaveTarget {
  return {
    async save(suggestedName, bytes, kind) {
      const options = { defaultPath: join(deps.defaultFolder(), safeFileName(suggestedName, kind)), filters: saveDialogFilters(kind) };
      const window = deps.window();
      const result = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFileAtomic(result.filePath, bytes); // a full disk never cuts the file that was there
      return result.filePath;
    },
  };
}

/** The core's OpenSource port: the user picks files in an open dialog; the core reads them. */
export function createOpenSource(deps: DialogDeps): OpenSource {
  return {
    async pick(kind) {
      const options = {
        properties: kind === 'import' ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
        filters: openDialogFilters(kind),
      };
      const mutable = { ...options, properties: [...options.properties] };
      const window = deps.window();
      const result = window ? await deps.dialog.showOpenDialog(window, mutable) : await deps.dialog.showOpenDialog(mutable);
      if (result.canceled) return [];
      return result.filePaths.map((path) => ({ name: basename(path), path }));
    },
  };
}

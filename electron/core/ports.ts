/**
 * What the core asks of the outside world it cannot do in plain Node: Chromium to render print pages,
 * the user's choice of where to save or which file to open. Each transport supplies its own:
 * the Electron main process (webContents.printToPDF, dialogs), the browser test harness (Chromium via
 * playwright-core, a downloads folder), the CLI (explicit --out paths). A missing port makes the call
 * fail with a clear `internal` error, never a crash.
 */

export interface PageSize {
  /** A4 portrait, or a label of the given size in millimetres (e.g. 100×150 for thermal printers). */
  format: 'A4' | 'label';
  widthMm?: number;
  heightMm?: number;
}

export interface Printer {
  /** Renders a complete, self-contained HTML document to PDF bytes in Chromium. */
  htmlToPdf(html: string, page: PageSize): Promise<Uint8Array>;
  /** Opens the system print dialog for the document (desktop only). Resolves false when cancelled. */
  printHtml?(html: string, page: PageSize): Promise<boolean>;
}

export interface SaveTarget {
  /**
   * Lets the user choose where to save (a save dialog in the app) and writes the bytes there.
   * Returns the chosen path, or null when the user cancelled. The renderer never names a path.
   */
  save(suggestedName: string, bytes: Uint8Array, kind: 'pdf' | 'csv' | 'xlsx' | 'epp' | 'db'): Promise<string | null>;
}

export interface OpenSource {
  /** Lets the user pick files to import (an open dialog in the app). Returns name + bytes of each, or [] when cancelled. */
  pick(kind: 'import' | 'backup'): Promise<Array<{ name: string; path: string }>>;
}

export interface CorePorts {
  printer?: Printer;
  saveTarget?: SaveTarget;
  openSource?: OpenSource;
}

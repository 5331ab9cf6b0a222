import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import type { PageSize, Printer } from '../core/ports';
import { pdfOptions, printOptions } from './print-options';

/**
 * The core's Printer port in the app: a hidden, sandboxed window (JavaScript off, no preload, its own
 * session whose requests index.ts limits to the print folder) loads the document from a temporary
 * file — not a data: URL, which Chromium caps in size — and Chromium renders it. One window per job,
 * destroyed afterwards, with its file.
 */
export function createElectronPrinter(options: { createPrintWindow: () => BrowserWindow; printRoot: string }): Printer {
  async function withDocument<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
    const jobDir = join(options.printRoot, randomUUID());
    await mkdir(jobDir, { recursive: true });
    const file = join(jobDir, 'document.html');
    await writeFile(file, html, 'utf8');
    const window = options.createPrintWindow();
    try {
      await window.loadFile(file);
      return await use(window);
    } finally {
      if (!window.isDestroyed()) window.destroy();
      await rm(jobDir, { recursive: true, force: true });
    }
  }

  return {
    async htmlToPdf(html: string, page: PageSize): Promise<Uint8Array> {
      const settings = pdfOptions(page); // validates the size before any window opens
      return withDocument(html, async (window) => new Uint8Array(await window.webContents.printToPDF(settings)));
    },
    async printHtml(html: string, page: PageSize): Promise<boolean> {
      const settings = printOptions(page);
      return withDocument(
        html,
        (window) =>
          new Promise<boolean>((resolve) => {
            // `success` is false when the user cancels the dialog; that is an answer, not an error.
            window.webContents.print(settings, (success) => resolve(success));
          }),
      );
    },
  };
}

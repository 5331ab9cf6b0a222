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
/**
 * Waits for the document's web fonts (embedded as data: URLs) before printing, or a printer font without
 * ą, ł, ż may be used. Page scripts are off, so this asks through the DevTools protocol, as the Chromium
 * printer of the tests does through Playwright. Best effort: at worst it waits two seconds and prints.
 */
async function fontsReady(window: BrowserWindow): Promise<void> {
  const debug = window.webContents.debugger;
  try {
    debug.attach('1.3');
    await Promise.race([
      debug.sendCommand('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true }),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  } catch {
    // No debugger (already attached, or unsupported): the load event has usually seen the fonts anyway.
  } finally {
    if (debug.isAttached()) debug.detach();
  }
}

export function createElectronPrinter(options: { createPrintWindow: () => BrowserWindow; printRoot: string }): Printer {
  async function withDocument<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
    const jobDir = join(options.printRoot, randomUUID());
    await mkdir(jobDir, { recursive: true });
    const file = join(jobDir, 'document.html');
    await writeFile(file, html, 'utf8');
    const window = options.createPrintWindow();
    try {
      await window.loadFile(file);
      await fontsReady(window);
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

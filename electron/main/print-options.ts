import { pathToFileURL } from 'node:url';
import { sep } from 'node:path';
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { PageSize } from '../core/ports';

/** Sizes the printer accepts, in millimetres: from a small shelf label to A3. */
const MIN_MM = 10;
const MAX_MM = 420;

function labelSize(page: PageSize): { widthMm: number; heightMm: number } {
  const { widthMm, heightMm } = page;
  if (
    typeof widthMm !== 'number' || typeof heightMm !== 'number' ||
    !(widthMm >= MIN_MM && widthMm <= MAX_MM && heightMm >= MIN_MM && heightMm <= MAX_MM)
  ) {
    throw new Error(`A label needs a width and height between ${MIN_MM} and ${MAX_MM} mm (got ${widthMm}×${heightMm}).`);
  }
  return { widthMm, heightMm };
}

/**
 * Zero margins everywhere: print documents (core/print/print-document.ts) are pages of exactly the
 * paper's size that carry their own margins as padding, because Chromium's margins differ between its
 * printing APIs.
 */
const NO_PDF_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/** Options for webContents.printToPDF, whose custom page size is in inches. */
export function pdfOptions(page: PageSize): PrintToPDFOptions {
  if (page.format === 'A4') return { printBackground: true, pageSize: 'A4', margins: NO_PDF_MARGINS };
  const { widthMm, heightMm } = labelSize(page);
  return { printBackground: true, pageSize: { width: widthMm / 25.4, height: heightMm / 25.4 }, margins: NO_PDF_MARGINS };
}

/** Options for webContents.print (the system dialog), whose custom page size is in microns. */
export function printOptions(page: PageSize): WebContentsPrintOptions {
  if (page.format === 'A4') return { silent: false, printBackground: true, pageSize: 'A4', margins: { marginType: 'none' } };
  const { widthMm, heightMm } = labelSize(page);
  return {
    silent: false,
    printBackground: true,
    pageSize: { width: Math.round(widthMm * 1000), height: Math.round(heightMm * 1000) },
    margins: { marginType: 'none' },
  };
}

/**
 * What the print window may load: its own document under the print folder and inline `data:`
 * resources. Everything else (web images, other local files) is cancelled, so a print template with a
 * remote image cannot call out, and one with a file: path cannot pull in the user's files.
 */
export function isPrintRequestAllowed(url: string, printRoot: string): boolean {
  if (url.startsWith('data:')) return true;
  const dirUrl = pathToFileURL(printRoot.endsWith(sep) ? printRoot : printRoot + sep).href;
  return url.startsWith(dirUrl) && !url.slice(dirUrl.length).includes('..');
}

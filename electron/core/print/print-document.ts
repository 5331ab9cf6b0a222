import type { PageSize } from '../ports';
import { embeddedFontCss, PRINT_FONT_FAMILY } from './print-fonts';

/** The paper formats the app prints on. */
export type PaperFormat = 'a4' | 'label';

/** A thermal-printer label: 100 × 150 mm ("A6-ish"), the size couriers' label printers take. */
export const LABEL_MM = { widthMm: 100, heightMm: 150 } as const;

export function pageSizeOf(format: PaperFormat): PageSize {
  return format === 'a4' ? { format: 'A4' } : { format: 'label', ...LABEL_MM };
}

/** Printable area of each format: the page minus the margins below (in mm). */
export const PAGE_BOX = {
  a4: { widthMm: 210, heightMm: 297, marginMm: 12 },
  label: { widthMm: LABEL_MM.widthMm, heightMm: LABEL_MM.heightMm, marginMm: 4 },
} as const;

/**
 * A complete, self-contained HTML document of fixed-size pages. Each page is a `<section class="page">`
 * of exactly the paper's size with its own padding as the margin: the Electron printer prints with
 * `marginType: none` and Chromium's PDF margins differ between its APIs, so the document carries its
 * margins itself. `break-after: page` on every page but the last gives one sheet per section, and
 * `overflow: hidden` keeps a very long order from spilling onto an extra sheet (the slip says when lines
 * were left off). No scripts, no external resources: the print window runs with JavaScript off and
 * loads nothing else.
 */
export function printDocument(opts: { title: string; format: PaperFormat; css: string; pages: string[]; lang?: string }): string {
  const box = PAGE_BOX[opts.format];
  const base = `
@page { size: ${box.widthMm}mm ${box.heightMm}mm; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: '${PRINT_FONT_FAMILY}', sans-serif; font-size: ${opts.format === 'a4' ? '10pt' : '7.5pt'}; line-height: 1.3;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page { width: ${box.widthMm}mm; height: ${box.heightMm}mm; padding: ${box.marginMm}mm; overflow: hidden; position: relative;
  break-after: page; page-break-after: always; display: flex; flex-direction: column; }
.page:last-child { break-after: auto; page-break-after: auto; }
`;
  return [
    '<!doctype html>',
    `<html lang="${opts.lang ?? 'pl'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
    `<title>${opts.title.replace(/[<&]/g, '')}</title>`,
    `<style>\n${embeddedFontCss()}\n${base}\n${opts.css}\n</style></head><body>`,
    ...opts.pages,
    '</body></html>',
  ].join('\n');
}

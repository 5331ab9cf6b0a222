import { z } from 'zod';
import { defineChannel } from './define';
import { id } from './common';

/*
 * Printing: packing slips (one per order, A4 or a 100 × 150 mm label) and the pick list of a batch.
 * The core builds a self-contained HTML document and hands it to the transport's printer: the system
 * print dialog, or a PDF saved where the user chooses (the renderer never names a path).
 */

/** Paper: A4 sheet, or a 100 × 150 mm label for thermal printers. */
export const paperFormat = z.enum(['a4', 'label']);
export type PaperFormat = z.infer<typeof paperFormat>;

/** `print`: the system print dialog; `pdf`: one PDF file, saved through the save dialog. */
export const printAction = z.enum(['print', 'pdf']);

/** Orders of a batch, in the order their slips should come out (at most 1000 at once). */
const orderIds = z.array(id).min(1).max(1000);

export const printResult = z.object({
  action: printAction,
  /** Sheets in the PDF (a long order's slip continues on further sheets); null for `print` (the dialog decides). */
  pages: z.number().int().nullable(),
  orders: z.number().int(),
  /** `print`: the dialog was confirmed; `pdf`: the file was saved. False when the user cancelled. */
  done: z.boolean(),
  /** Where the PDF was saved (null for `print` or when cancelled). */
  savedTo: z.string().nullable(),
  /** The file name suggested in the save dialog, e.g. `zawartosc-przesylek-2026-11-24.pdf`. */
  fileName: z.string(),
});
export type PrintResult = z.infer<typeof printResult>;

export const printContract = {
  'print.packingSlips': defineChannel({
    summary: 'Print packing slips of the orders (barcode, address or pickup point, lines, return note) or save them as one PDF.',
    access: 'staff',
    input: z.strictObject({ orderIds, format: paperFormat.default('a4'), action: printAction }),
    output: printResult,
  }),
  'print.pickList': defineChannel({
    summary: 'Print the pick list of a batch (products added up and sorted by shelf, quantities per order) or save it as PDF.',
    access: 'staff',
    input: z.strictObject({ orderIds, format: paperFormat.default('a4'), action: printAction }),
    output: printResult,
  }),
  'print.capabilities': defineChannel({
    summary: 'What this way of running the app can do: open the system print dialog (desktop app) and save PDFs. The browser version has no print dialog, so screens offer "Save PDF" there.',
    access: 'staff',
    input: z.strictObject({}),
    output: z.object({ printDialog: z.boolean(), savePdf: z.boolean() }),
  }),
  'print.preview': defineChannel({
    summary: 'The HTML of a print document for an on-screen preview (a sandboxed frame; no scripts in it).',
    access: 'staff',
    input: z.strictObject({ document: z.enum(['packingSlips', 'pickList']), orderIds, format: paperFormat.default('a4') }),
    output: z.object({ html: z.string(), orders: z.number().int() }),
  }),
};

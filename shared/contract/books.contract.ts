import { z } from 'zod';
import { defineChannel } from './define';
import { month } from './export.contract';
import { plainText } from './fields';

/*
 * The accountant's documents beside the register (issue 14): the invoicing tool's list of invoices
 * (numbers, issue dates, KSeF numbers) brought into the register, and reopening a closed month.
 */

/** The invoicing tool's list as a file: its name and bytes (at most 20 MB). */
const invoiceListFile = z.strictObject({
  name: plainText({ min: 1, max: 255, trim: false }),
  contentBase64: z
    .string()
    .max(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4, 'file larger than 20 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
});

/**
 * What a line of the invoice list could not give: `no_order` (no such order), `no_number`, `bad_date`,
 * `bad_ksef` (neither a KSeF number nor OFF/BFK/DI), `number_taken` (the number is another order's),
 * `closed_month` (the order's month is closed: `value` is that month), `duplicate_order` (the order twice).
 */
export const invoiceListProblem = z.object({
  /** Line of the file; the heading is line 1. */
  line: z.number().int(),
  kind: z.enum(['no_order', 'no_number', 'bad_date', 'bad_ksef', 'number_taken', 'closed_month', 'duplicate_order']),
  value: z.string(),
});

export const invoiceListPreview = z.object({
  file: z.string(),
  lines: z.number().int(),
  /** Lines that are brought in (new or changed). */
  ready: z.number().int(),
  /** Of those, with a KSeF number. */
  withKsef: z.number().int(),
  /** Lines already in the shop exactly so. */
  unchanged: z.number().int(),
  problems: z.array(invoiceListProblem),
  moreProblems: z.number().int(),
});
export type InvoiceListPreview = z.infer<typeof invoiceListPreview>;

export const booksContract = {
  'books.invoiceListPreview': defineChannel({
    summary: "Read the invoicing tool's list of invoices (number, issue date, order, KSeF number) and show what bringing it in would change (nothing is written).",
    access: 'owner',
    input: invoiceListFile,
    output: invoiceListPreview,
  }),
  'books.invoiceListImport': defineChannel({
    summary: "Bring the invoicing tool's invoices in: each order's register document takes the invoice's number, issue date and KSeF number.",
    access: 'owner',
    input: invoiceListFile,
    output: invoiceListPreview.extend({ imported: z.number().int() }),
  }),
  'books.reopenMonth': defineChannel({
    summary: 'Reopen a month closed for the accountant, with the reason (kept in the audit log, with the register as it was).',
    access: 'owner',
    input: z.strictObject({ month, reason: plainText({ min: 5, max: 500 }) }),
    output: z.object({ month, documents: z.number().int(), frozenAt: z.string() }),
  }),
};

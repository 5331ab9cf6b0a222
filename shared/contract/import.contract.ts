import { z } from 'zod';
import { id, isoDate, isoDateTime, noInput } from './common';
import { defineChannel } from './define';
import { plainText } from './fields';

/**
 * Import: Allegro exports and the owner's own stock sheets — preview, then commit, then (maybe) undo.
 *
 * The flow the Import screen follows:
 *   1. `import.preview` (bytes from drag and drop / file input) or `import.pick` (the app's own open
 *      dialog; the renderer never names a path) → an `ImportPreview` with a `token`;
 *   2. for an owner's stock sheet whose layout is new, the owner checks the proposed mapping and may
 *      change it with `import.remap` (same token, new counts);
 *   3. `import.commit` with the token → one transaction, an `ImportRun`;
 *   4. later `import.undoCheck` / `import.undo` on a run from `import.list`.
 * Progress of long steps arrives as `import.progress` events carrying the same token.
 */

/** Formats recognised from the file's content (never from its name). */
export const IMPORT_FORMATS = [
  'allegro-checkout-forms', // REST API orders: page object, bare array or NDJSON; current and 2023 shape
  'allegro-orders-csv', // seller-panel orders CSV (order / lineItem / additional services / summary sections)
  'allegro-offers', // offers workbook (sheet Szablon, .xlsx/.xlsm) and its CSV saves
  'allegro-customer-returns', // GET /order/customer-returns
  'allegro-shipments', // tracking numbers per order (…/checkout-forms/{id}/shipments bodies)
  'allegro-billing-entries', // GET /billing/billing-entries (fees and commissions)
  'owner-stock-sheet', // the owner's own stock spreadsheet (XLSX or CSV, any layout, mapped by the owner)
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const importFormat = z.enum(IMPORT_FORMATS);

/** A sentence in both languages of the app; the UI shows the current one. */
export const localizedText = z.object({ pl: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedText>;

/**
 * One problem found in a file, as data: where (file, row or JSON path, column), what (the value), why
 * (a plain-language message in Polish and English). `error` rows are not imported; `warning`s are
 * imported as described by the message.
 */
export const importProblem = z.object({
  severity: z.enum(['error', 'warning']),
  /** Stable machine code, e.g. `ean_scientific`, `missing_column`, `unknown_enum`, `bad_amount`. */
  code: z.string(),
  /** The file's name as the user chose it. */
  file: z.string(),
  /** 1-based row of the sheet / line of the CSV, when the problem is in a row. */
  row: z.number().int().nullable(),
  /** JSON path such as `checkoutForms[3].lineItems[0].price.amount`, for JSON files. */
  jsonPath: z.string().nullable(),
  /** Column header (or JSON field) the problem is in. */
  column: z.string().nullable(),
  /** The offending value as text, shortened to 200 characters. */
  value: z.string().nullable(),
  message: localizedText,
});
export type ImportProblem = z.infer<typeof importProblem>;

const count = z.number().int().min(0);

/** What a commit would do / did to one kind of row (orders, orderLines, customers, offers, products…). */
export const entityCounts = z.object({ inserted: count, updated: count, unchanged: count });
export type EntityCounts = z.infer<typeof entityCounts>;

/**
 * Counts of the file's own records (orders, offers, returns, shipments, billing entries, sheet rows):
 * `rejected` = invalid records (imported only with "import the valid rows", then skipped).
 */
export const importCounts = z.object({
  inserted: count,
  updated: count,
  unchanged: count,
  rejected: count,
  warnings: count,
  errors: count,
});
export type ImportCounts = z.infer<typeof importCounts>;

/** Fields of a product an owner's stock sheet can fill. Prices: purchase net, sale gross. */
export const STOCK_FIELDS = ['sku', 'name', 'ean', 'quantity', 'unit', 'purchasePrice', 'salePrice', 'vatRate', 'location', 'reorderPoint'] as const;
export type StockField = (typeof STOCK_FIELDS)[number];
export const stockField = z.enum(STOCK_FIELDS);

/** Which column (0-based index) of the sheet fills which product field. Unmapped columns are ignored. */
export const sheetMapping = z.strictObject({
  /** 1-based row holding the column headers; data starts below it. */
  headerRow: z.number().int().min(1).max(100_000),
  columns: z.array(z.strictObject({ index: z.number().int().min(0).max(16_383), field: stockField })).max(STOCK_FIELDS.length),
});
export type SheetMapping = z.infer<typeof sheetMapping>;

/** One column of an owner's sheet as found: header text, a few sample values, the field proposed. */
export const sheetColumn = z.object({
  index: z.number().int(),
  /** Spreadsheet letter: A, B, …, AA. */
  letter: z.string(),
  header: z.string(),
  samples: z.array(z.string()),
  field: stockField.nullable(),
});

/** The mapping for an owner's sheet: proposed from Polish/English headers, or remembered for this layout. */
export const mappingProposal = z.object({
  /** Identifies the layout (sheet + header texts); mappings are remembered per signature. */
  signature: z.string(),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  columns: z.array(sheetColumn),
  mapping: sheetMapping,
  /** Name of the saved mapping used, when this layout was seen before. */
  savedMappingName: z.string().nullable(),
  /** True when the owner still has to confirm the mapping (no saved one for this layout). */
  needsConfirmation: z.boolean(),
  /** Product fields the import cannot do without that are not mapped yet (e.g. name, quantity). */
  missingFields: z.array(stockField),
});
export type MappingProposal = z.infer<typeof mappingProposal>;

/** What a commit would do to one record: for the preview table (errors highlighted). */
export const previewRow = z.object({
  row: z.number().int().nullable(),
  jsonPath: z.string().nullable(),
  /** The record's natural key (order id, offer id, SKU…). */
  key: z.string(),
  action: z.enum(['insert', 'update', 'unchanged', 'invalid', 'skipped']),
  /** Display values, one per `ImportPreview.sample.columns` entry. */
  values: z.array(z.string().nullable()),
});

export const importPreview = z.object({
  /** Pass to import.commit / import.remap / import.discard. Valid for one hour or until committed. */
  token: z.string(),
  file: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Null when the file was not recognised (status `rejected`). */
  format: importFormat.nullable(),
  /** utf-8, utf-8-bom, windows-1250, or null for XLSX. */
  encoding: z.string().nullable(),
  /** `ready`: can be committed; `needs_mapping`: an owner's sheet whose mapping must be confirmed
   * (commit with the mapping, or remap first); `rejected`: the whole file cannot be imported. */
  status: z.enum(['ready', 'needs_mapping', 'rejected']),
  /** Would be inserted / updated / unchanged, computed by rehearsing the commit and rolling it back. */
  counts: importCounts,
  /** The same per kind of row: orders, orderLines, customers, reservations, offers, products, … */
  entities: z.record(z.string(), entityCounts),
  /** Problems, errors first; at most 500 (see problemsTotal). */
  problems: z.array(importProblem),
  problemsTotal: z.number().int(),
  /** Owner's stock sheets only. */
  mapping: mappingProposal.nullable(),
  /** The same bytes were imported before (and not undone): re-importing changes nothing. */
  alreadyImported: z.object({ runId: id, at: isoDateTime }).nullable(),
  /** The first records (at most 200) for the preview table. */
  sample: z.object({ columns: z.array(z.string()), rows: z.array(previewRow) }),
  /**
   * Owner's stock sheets: the day the sheet's counts are valid on — read from the sheet ("Stan na
   * 30.11.2026") or given by the owner (`countedOn` of preview / remap / commit). Differences to the
   * books are booked at the end of that day, so movements after it are kept. Null when unknown.
   */
  countedOn: z.object({ day: isoDate, source: z.enum(['sheet', 'owner']) }).nullable().default(null),
  /** An owner's sheet with quantities and no day: the owner must give `countedOn` before it can be imported. */
  needsCountedOn: z.boolean().default(false),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const IMPORT_RUN_STATUSES = ['committed', 'rejected', 'undoing', 'undone', 'failed'] as const;

/** One recorded import (every commit attempt, also rejected ones). */
export const importRun = z.object({
  id,
  file: z.string(),
  /** sha256 of the file's bytes. */
  checksum: z.string(),
  format: z.string(),
  status: z.enum(IMPORT_RUN_STATUSES),
  inserted: count,
  updated: count,
  unchanged: count,
  skippedRows: count,
  warnings: count,
  actor: z.string(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  undoneAt: isoDateTime.nullable(),
  entities: z.record(z.string(), entityCounts),
});
export type ImportRun = z.infer<typeof importRun>;

/** Whether a run can be undone now, and if not, why (in words the owner understands). */
export const undoCheck = z.object({ possible: z.boolean(), reason: localizedText.nullable() });
export type UndoCheck = z.infer<typeof undoCheck>;

export const savedMapping = z.object({
  name: z.string(),
  signature: z.string(),
  mapping: sheetMapping,
  /** Header texts of the layout, for showing which sheets the mapping fits. */
  headers: z.array(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type SavedMapping = z.infer<typeof savedMapping>;

/** Order lines that are not linked to a product, grouped by what identifies the goods on Allegro. */
export const unmatchedItem = z.object({
  offerId: z.string().nullable(),
  externalId: z.string().nullable(),
  name: z.string(),
  lines: count,
  units: count,
  /** Lines in orders that still wait to be packed (linking reserves stock for them). */
  openLines: count,
  lastBoughtAt: z.string().nullable(),
  /** Products that look like a match (same SKU/EAN/similar name), best first. */
  suggestions: z.array(z.object({ productId: id, sku: z.string(), name: z.string() })),
});
export type UnmatchedItem = z.infer<typeof unmatchedItem>;

const token = z.string().regex(/^[A-Za-z0-9_-]{8,80}$/, 'token: 8–80 letters, digits, _ or -');
/** 200 MB of file = about 267 million base64 characters. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const base64 = z
  .string()
  .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'file larger than 200 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');
const fileName = plainText({ min: 1, max: 255, trim: false });
/** A real calendar day YYYY-MM-DD (2000–2100); the core also refuses a day after today. */
export const countedOnDay = isoDate.refine((v) => {
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2100 && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}, 'expected a real day YYYY-MM-DD between 2000 and 2100');
const mappingName = plainText({ min: 1, max: 100 });

export const importContract = {
  'import.preview': defineChannel({
    summary: 'Read a file sent as bytes, recognise its format and show what importing it would change (nothing is written).',
    access: 'owner',
    input: z.strictObject({
      name: fileName,
      contentBase64: base64,
      /** Optional id chosen by the caller so it can follow `import.progress` events from the start. */
      token: token.optional(),
      /** Owner's sheets: use this mapping instead of the remembered / proposed one. */
      mapping: sheetMapping.optional(),
      /** Owner's stock sheets: the day the counts are valid on (overrides a day the sheet states). */
      countedOn: countedOnDay.optional(),
    }),
    output: importPreview,
  }),
  'import.pick': defineChannel({
    summary: "Let the owner choose files in the app's own open dialog and preview each one (empty when cancelled).",
    access: 'owner',
    input: z.strictObject({ token: token.optional() }),
    output: z.object({ previews: z.array(importPreview) }),
  }),
  'import.remap': defineChannel({
    summary: "Preview an owner's sheet again with a changed column mapping and/or the day its counts are valid on.",
    access: 'owner',
    input: z
      .strictObject({ token, mapping: sheetMapping.optional(), countedOn: countedOnDay.optional() })
      .refine((v) => v.mapping !== undefined || v.countedOn !== undefined, 'give mapping, countedOn or both'),
    output: importPreview,
  }),
  'import.previewBatch': defineChannel({
    summary:
      'Preview files chosen together as one: in the order the data depends on (stock sheet and offers → orders → shipments, returns, fees), each as if the files before it were imported (nothing is written). Call again after a mapping or day changes or a file was imported.',
    access: 'owner',
    input: z.strictObject({ tokens: z.array(token).min(1).max(20) }),
    /** In the order to import them in. */
    output: z.object({ previews: z.array(importPreview) }),
  }),
  'import.commit': defineChannel({
    summary: 'Import a previewed file in one transaction; a file rejected as a whole changes nothing.',
    access: 'owner',
    input: z.strictObject({
      token,
      /** Skip rows with errors and import the rest ("import the valid rows"); otherwise any error rejects the file. */
      validRowsOnly: z.boolean().default(false),
      /** Owner's sheets: the confirmed mapping (default: the one shown in the preview). */
      mapping: sheetMapping.optional(),
      /** Remember the mapping under this name for sheets of the same layout. */
      saveMappingAs: mappingName.optional(),
      /** Owner's stock sheets: the day the counts are valid on (default: the one shown in the preview). */
      countedOn: countedOnDay.optional(),
    }),
    output: z.object({ run: importRun, problems: z.array(importProblem), problemsTotal: z.number().int() }),
  }),
  'import.discard': defineChannel({
    summary: 'Forget a preview that will not be committed (frees its temporary files).',
    access: 'owner',
    input: z.strictObject({ token }),
    output: z.object({ discarded: z.boolean() }),
  }),
  'import.list': defineChannel({
    summary: 'History of imports, newest first.',
    access: 'staff',
    input: z.strictObject({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ runs: z.array(importRun), total: count }),
  }),
  'import.undoCheck': defineChannel({
    summary: 'Whether an import can be undone now, and if not, why.',
    access: 'owner',
    input: z.strictObject({ runId: id }),
    output: undoCheck,
  }),
  'import.undo': defineChannel({
    summary: 'Undo a whole import (error not_undoable with the reason when later data depends on it).',
    access: 'owner',
    input: z.strictObject({ runId: id }),
    output: importRun,
  }),
  'import.listMappings': defineChannel({
    summary: "Saved column mappings for the owner's own sheets.",
    access: 'owner',
    input: noInput,
    output: z.object({ mappings: z.array(savedMapping) }),
  }),
  'import.saveMapping': defineChannel({
    summary: 'Save (or replace) a named column mapping for a sheet layout.',
    access: 'owner',
    input: z.strictObject({ name: mappingName, signature: z.string().min(1).max(200), mapping: sheetMapping, headers: z.array(z.string().max(500)).max(1000).default([]) }),
    output: savedMapping,
  }),
  'import.deleteMapping': defineChannel({
    summary: 'Delete a saved column mapping.',
    access: 'owner',
    input: z.strictObject({ name: mappingName }),
    output: z.object({ deleted: z.boolean() }),
  }),
  'import.unmatched': defineChannel({
    summary: 'Order lines not linked to any product, grouped by offer / seller SKU.',
    access: 'staff',
    input: z.strictObject({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
      search: plainText({ max: 200, trim: false }).optional(),
    }),
    output: z.object({ items: z.array(unmatchedItem), total: count }),
  }),
  'import.link': defineChannel({
    summary: 'Link an Allegro offer (or seller SKU, or one order line) to a product: remembered, applied to past and future lines, stock reserved for open orders.',
    access: 'owner',
    input: z
      .strictObject({
        offerId: plainText({ min: 1, max: 100, trim: false }).optional(),
        externalId: plainText({ min: 1, max: 100, trim: false }).optional(),
        lineId: id.optional(),
        productId: id,
      })
      .refine((v) => [v.offerId, v.externalId, v.lineId].filter((x) => x !== undefined).length === 1, 'give exactly one of offerId, externalId, lineId'),
    output: z.object({ linkedLines: count, reservedLines: count }),
  }),
};

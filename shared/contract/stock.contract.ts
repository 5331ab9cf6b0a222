import { z } from 'zod';
import { eanProblem } from '../domain/ean';
import { LEDGER_KINDS } from '../domain/order-status';
import { defineChannel } from './define';
import { GTU_CODES } from '../domain/gtu';
import { id, minor, noInput, vatRate } from './common';
import { MAX_UNITS, plainText, priceGrosze, wholeUnits } from './fields';

/*
 * Stock: products, their locations, the ledger of movements and the stock operations (goods received,
 * adjustment, move, stocktake). Quantities are whole units; money is integer grosze.
 *
 * Role rule: purchase prices (`purchasePriceGrosze`, ledger `unitCostGrosze`) are the owner's business.
 * For the helper profile the core leaves those fields out of every answer, and refuses writes that
 * set a price.
 */

/** Text the owner types as a product's barcode: EAN-8 or EAN-13 with a valid check digit. */
export const eanText = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = eanProblem(value);
    if (problem === 'not_digits') ctx.addIssue({ code: 'custom', message: 'EAN: digits only', params: { text: { pl: 'EAN: same cyfry.', en: 'EAN: digits only.' } } });
    else if (problem === 'wrong_length') ctx.addIssue({ code: 'custom', message: 'EAN: 8 or 13 digits', params: { text: { pl: 'EAN: 8 albo 13 cyfr.', en: 'EAN: 8 or 13 digits.' } } });
    else if (problem === 'check_digit') ctx.addIssue({ code: 'custom', message: 'EAN: wrong check digit', params: { text: { pl: 'EAN: ostatnia cyfra (kontrolna) się nie zgadza — sprawdź, czy nie ma literówki.', en: 'EAN: the last (check) digit does not match — check for a typo.' } } });
  });

// Limits a shop owner can read in the message (shared/contract/fields.ts): names up to 300 characters,
// prices up to 1 000 000 zł, up to 1 000 000 units in one receipt, adjustment, move or count.
const sku = plainText({ min: 1, max: 100, label: { pl: 'SKU', en: 'SKU' } });
const productName = plainText({ min: 1, max: 300, label: { pl: 'Nazwa', en: 'Name' } });
const price = priceGrosze();
const units = wholeUnits(0, MAX_UNITS);
const positiveUnits = wholeUnits(1, MAX_UNITS);
const reasonText = plainText({ min: 1, max: 500, label: { pl: 'Powód', en: 'Reason' } });
const documentText = plainText({ max: 100, label: { pl: 'Dokument', en: 'Document' } });

/** The product's JPK_V7 GTU group (GTU_01 … GTU_13); null: none. */
const gtu = z.enum(GTU_CODES);

/** Longest category name: a shelf label, not a description. */
export const MAX_CATEGORY_LENGTH = 100;
/** The owner's category ("Karmy"), trimmed; empty means none (null). */
const category = plainText({ max: MAX_CATEGORY_LENGTH, label: { pl: 'Kategoria', en: 'Category' } }).transform((v) => (v === '' ? null : v));

/** One product as the stock table shows it. */
export const productRow = z.object({
  id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  ean: z.string().nullable(),
  unit: z.string(),
  vatRate,
  /** The product's home shelf. */
  locationId: z.number().int().nullable(),
  locationCode: z.string().nullable(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  /** onHand − reserved; negative means oversold. */
  available: z.number().int(),
  reorderPoint: z.number().int(),
  salePriceGrosze: minor.nullable(),
  /** Left out entirely for the helper profile. */
  purchasePriceGrosze: minor.nullable().optional(),
  allowBackorder: z.boolean(),
  archived: z.boolean(),
});
export type ProductRow = z.infer<typeof productRow>;

export const STOCK_FILTERS = ['all', 'low', 'out', 'noLocation', 'archived'] as const;
export type StockFilter = (typeof STOCK_FILTERS)[number];
export const STOCK_SORT_FIELDS = [
  'sku',
  'name',
  'ean',
  'location',
  'onHand',
  'reserved',
  'available',
  'reorderPoint',
  'salePrice',
  'purchasePrice',
] as const;
export type StockSortField = (typeof STOCK_SORT_FIELDS)[number];
export const sortDir = z.enum(['asc', 'desc']);

export const stockListInput = z.strictObject({
  /** Name (any word's beginning), SKU or EAN (beginning); case and Polish accents do not matter. */
  search: plainText({ max: 100, trim: false }).optional(),
  /** low = available below the reorder point; out = nothing available; noLocation = no home shelf. */
  filter: z.enum(STOCK_FILTERS).default('all'),
  locationId: id.optional(),
  /** Only products of this category (exact name, as stock.categories lists it). Added for issue 17. */
  category: plainText({ max: MAX_CATEGORY_LENGTH }).optional(),
  /**
   * Column order. Left out: by name — or, while searching, by relevance (exact code, then names and codes
   * starting with the text, then names with a word starting with it).
   */
  sort: z.strictObject({ field: z.enum(STOCK_SORT_FIELDS), dir: sortDir }).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type StockListInput = z.input<typeof stockListInput>;

export const stockListOutput = z.object({
  rows: z.array(productRow),
  /** Matching products; counting stops at 10 000 (and for very broad searches), then `totalExact` is false. */
  total: z.number().int(),
  totalExact: z.boolean(),
});

export const offerSummary = z.object({
  id: z.number().int(),
  allegroOfferId: z.string(),
  title: z.string().nullable(),
  priceGrosze: minor.nullable(),
  currency: z.string(),
  stockQuantity: z.number().int().nullable(),
  status: z.string().nullable(),
});

/** Units of the product on one shelf, from the ledger (entries without a shelf count on the home shelf). */
export const locationStock = z.object({ locationId: z.number().int().nullable(), locationCode: z.string().nullable(), quantity: z.number().int() });

export const productDetail = z.object({
  product: productRow.extend({
    leadTimeDays: z.number().int().nullable(),
    gtu: gtu.nullable(),
    splitPayment: z.boolean(),
    /** The owner's category; null: none. Optional: added later (issue 17 point 4). */
    category: z.string().nullable().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  offers: z.array(offerSummary),
  byLocation: z.array(locationStock),
});
export type ProductDetail = z.infer<typeof productDetail>;

/** Editable fields of a product (create: all required ones; update: any subset). */
const productFields = {
  sku,
  name: productName,
  ean: eanText.nullable(),
  unit: plainText({ min: 1, max: 20, label: { pl: 'Jednostka', en: 'Unit' } }),
  vatRate,
  locationId: id.nullable(),
  reorderPoint: units,
  leadTimeDays: z.number().int().min(0).max(365).nullable(),
  salePriceGrosze: price.nullable(),
  /** Owner only. */
  purchasePriceGrosze: price.nullable(),
  allowBackorder: z.boolean(),
  archived: z.boolean(),
  gtu: gtu.nullable(),
  splitPayment: z.boolean(),
  category: category.nullable(),
};

export const createProductInput = z.strictObject({
  ...productFields,
  ean: productFields.ean.optional(),
  unit: productFields.unit.optional(),
  vatRate: productFields.vatRate.optional(),
  locationId: productFields.locationId.optional(),
  reorderPoint: productFields.reorderPoint.optional(),
  leadTimeDays: productFields.leadTimeDays.optional(),
  salePriceGrosze: productFields.salePriceGrosze.optional(),
  purchasePriceGrosze: productFields.purchasePriceGrosze.optional(),
  allowBackorder: productFields.allowBackorder.optional(),
  archived: productFields.archived.optional(),
  gtu: productFields.gtu.optional(),
  splitPayment: productFields.splitPayment.optional(),
  category: productFields.category.optional(),
});

export const updateProductInput = z.strictObject({
  id,
  /** The product's `updatedAt` as last read: a newer change by someone else is a `conflict`. */
  expectedUpdatedAt: z.string().optional(),
  sku: productFields.sku.optional(),
  name: productFields.name.optional(),
  ean: productFields.ean.optional(),
  unit: productFields.unit.optional(),
  vatRate: productFields.vatRate.optional(),
  locationId: productFields.locationId.optional(),
  reorderPoint: productFields.reorderPoint.optional(),
  leadTimeDays: productFields.leadTimeDays.optional(),
  salePriceGrosze: productFields.salePriceGrosze.optional(),
  purchasePriceGrosze: productFields.purchasePriceGrosze.optional(),
  allowBackorder: productFields.allowBackorder.optional(),
  archived: productFields.archived.optional(),
  gtu: productFields.gtu.optional(),
  splitPayment: productFields.splitPayment.optional(),
  category: productFields.category.optional(),
});
export type UpdateProductInput = z.input<typeof updateProductInput>;

export const ledgerEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  kind: z.enum(LEDGER_KINDS),
  quantity: z.number().int(),
  reason: z.string(),
  document: z.string().nullable(),
  locationId: z.number().int().nullable(),
  locationCode: z.string().nullable(),
  orderId: z.number().int().nullable(),
  returnId: z.number().int().nullable(),
  importRunId: z.number().int().nullable(),
  /** Left out for the helper profile. */
  unitCostGrosze: minor.nullable().optional(),
});
export type LedgerEntryRow = z.infer<typeof ledgerEntry>;

/** What a stock operation wrote: the ledger entries and the products' new totals. */
export const stockOpResult = z.object({
  entries: z.array(ledgerEntry),
  products: z.array(z.object({ id: z.number().int(), onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() })),
});
export type StockOpResult = z.infer<typeof stockOpResult>;

export const receiveInput = z.strictObject({
  /** The supplier's delivery note / invoice number. */
  document: documentText.min(1, 'document number is required'),
  supplier: plainText({ max: 200, label: { pl: 'Dostawca', en: 'Supplier' } }).optional(),
  note: plainText({ max: 500, multiline: true, label: { pl: 'Uwagi', en: 'Note' } }).optional(),
  lines: z
    .array(
      z.strictObject({
        productId: id,
        quantity: positiveUnits,
        /** Purchase price per unit (owner only). */
        unitCostGrosze: price.optional(),
        /** Shelf the goods go to; default: the product's home shelf. */
        locationId: id.optional(),
      }),
    )
    .min(1)
    .max(1000),
  /** Also store the unit cost as the product's purchase price (owner only). */
  updatePurchasePrice: z.boolean().default(false),
});

export const adjustInput = z.strictObject({
  productId: id,
  /** Signed change: −2 (broken), +1 (found). */
  quantity: wholeUnits(-MAX_UNITS, MAX_UNITS, { notZero: true }),
  reason: reasonText,
  document: documentText.optional(),
  locationId: id.optional(),
});

export const moveInput = z.strictObject({
  productId: id,
  /** null = stock not on any shelf yet. */
  fromLocationId: id.nullable(),
  toLocationId: id,
  quantity: positiveUnits,
  reason: plainText({ max: 500, label: { pl: 'Powód', en: 'Reason' } }).optional(),
  /** Make the target the product's home shelf. */
  makeHome: z.boolean().default(false),
});

export const stocktakeLine = z.object({
  productId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  ean: z.string().nullable(),
  /** What the books say is on this shelf. */
  expected: z.number().int(),
});
export type StocktakeLine = z.infer<typeof stocktakeLine>;

export const stocktakeCommitInput = z.strictObject({
  locationId: id,
  counts: z.array(z.strictObject({ productId: id, counted: units })).max(20_000),
  /** Products of the shelf that were not counted are set to zero (the UI asks first). */
  zeroUncounted: z.boolean().default(false),
  document: documentText.optional(),
});

export const stocktakeCommitOutput = z.object({
  /** One entry per product whose count differed. */
  entries: z.array(ledgerEntry),
  /** Products counted (or zeroed) with no difference. */
  unchanged: z.number().int(),
  /** Products of the shelf left as they were (not counted, zeroUncounted off). */
  skipped: z.number().int(),
});

export const locationRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string().nullable(),
  /** Products whose home shelf this is. */
  productCount: z.number().int(),
});
export type LocationRow = z.infer<typeof locationRow>;

export const stockContract = {
  'stock.list': defineChannel({
    summary: 'One page of the product table: search, filter (low stock, out of stock, no shelf), sort on any column.',
    access: 'staff',
    input: stockListInput,
    output: stockListOutput,
  }),
  'stock.lookup': defineChannel({
    summary: 'The product with exactly this EAN or SKU (what a scanner typed), or null.',
    access: 'staff',
    input: z.strictObject({ code: plainText({ min: 1, max: 100 }) }),
    output: z.object({ product: productRow.nullable(), matchedBy: z.enum(['ean', 'sku']).nullable() }),
  }),
  'stock.categories': defineChannel({
    summary: 'The categories the shop\'s products have (distinct, by name), each with its number of products not archived.',
    access: 'staff',
    input: noInput,
    output: z.array(z.object({ category: z.string(), products: z.number().int() })),
  }),
  'stock.get': defineChannel({
    summary: 'One product with its Allegro offers and units per shelf.',
    access: 'staff',
    input: z.strictObject({ id }),
    output: productDetail,
  }),
  'stock.history': defineChannel({
    summary: "A product's stock movements, newest first: who, when, why, which document.",
    access: 'staff',
    input: z.strictObject({ productId: id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ rows: z.array(ledgerEntry), total: z.number().int() }),
  }),
  'stock.createProduct': defineChannel({
    summary: 'Add a product (SKU must be unique: `conflict` otherwise).',
    access: 'staff',
    input: createProductInput,
    output: productDetail,
  }),
  'stock.updateProduct': defineChannel({
    summary: 'Change some fields of a product; `conflict` for a taken SKU or a newer change by someone else.',
    access: 'staff',
    input: updateProductInput,
    output: productDetail,
  }),
  'stock.receive': defineChannel({
    summary: 'Goods received from a supplier: one receipt entry per line.',
    access: 'staff',
    input: receiveInput,
    output: stockOpResult,
  }),
  'stock.adjust': defineChannel({
    summary: 'Manual correction of on-hand with a required reason.',
    access: 'staff',
    input: adjustInput,
    output: stockOpResult,
  }),
  'stock.move': defineChannel({
    summary: 'Move units between shelves (two move entries, on-hand unchanged).',
    access: 'staff',
    input: moveInput,
    output: stockOpResult,
  }),
  'stock.stocktakeSheet': defineChannel({
    summary: 'What the books say is on one shelf: the list to count.',
    access: 'staff',
    input: z.strictObject({ locationId: id }),
    output: z.object({ location: locationRow, lines: z.array(stocktakeLine) }),
  }),
  'stock.stocktakeCommit': defineChannel({
    summary: 'Confirm a shelf count: the differences become stocktake entries.',
    access: 'staff',
    input: stocktakeCommitInput,
    output: stocktakeCommitOutput,
  }),
  'stock.locations': defineChannel({
    summary: 'Every shelf (location) with how many products live there.',
    access: 'staff',
    input: noInput,
    output: z.array(locationRow),
  }),
  'stock.saveLocation': defineChannel({
    summary: 'Add a shelf (no id) or rename one; codes are unique regardless of case.',
    access: 'staff',
    input: z.strictObject({ id: id.optional(), code: plainText({ min: 1, max: 40, label: { pl: 'Kod półki', en: 'Shelf code' } }), name: plainText({ max: 200, label: { pl: 'Nazwa półki', en: 'Shelf name' } }).nullable().optional() }),
    output: locationRow,
  }),
  'stock.deleteLocation': defineChannel({
    summary: 'Remove an unused shelf; `conflict` while products or movements refer to it.',
    access: 'staff',
    input: z.strictObject({ id }),
    output: z.object({ deleted: z.boolean() }),
  }),
};

import { z } from 'zod';
import { defineChannel } from './define';
import { plainText } from './fields';
import { id } from './common';

/*
 * Packing: the queue of orders to pack (oldest promise first), the pick list of a batch, packing one
 * order by scanning each item, completing it (the owner may force it), and marking it shipped — which
 * in one transaction writes the shipment, releases the order's reservations, books the packed
 * quantities as sales in the stock ledger, sets the order shipped and records who did it.
 *
 * Codes a scanner may produce on a packing slip: the Allegro order id, or `ZAP-<order id>` for orders
 * that did not come from Allegro (see electron/core/print/order-number.ts).
 */

/** Carrier keys the shipment form offers (same keys as orders.carrier from the importer). */
export const SHIP_CARRIERS = ['inpost', 'dpd', 'dhl', 'ups', 'gls', 'fedex', 'poczta', 'orlen', 'allegro', 'dbschenker', 'personal', 'other'] as const;
export type ShipCarrier = (typeof SHIP_CARRIERS)[number];

/**
 * A tracking number as scanned or typed. Labels print it in groups ("6209 0123 4567 …") and people type
 * it so: spaces (also no-break ones) are dropped before it is checked, so the grouped and the scanned
 * form are the same number. What remains must be printable ASCII (no letters with accents).
 */
const trackingNumberText = (min: number) =>
  z
    .string()
    .max(200)
    .transform((value) => value.replace(/[\s\u00a0\u202f]+/g, ''))
    .pipe(z.string().min(min).max(64).regex(/^[\x21-\x7e]*$/, 'tracking number: letters and digits only'));

/** How an order is paid: paid, unpaid (waiting for the money), cod (cash on delivery, paid to the courier). */
export const PACK_PAYMENTS = ['paid', 'unpaid', 'cod'] as const;
export type PackPayment = (typeof PACK_PAYMENTS)[number];

/** Which orders the packing queue shows. */
export const PACKING_QUEUE_FILTERS = ['all', 'toPack', 'packed'] as const;
export type PackingQueueFilter = (typeof PACKING_QUEUE_FILTERS)[number];

/** One order waiting to be packed (status to_pick) or packed but not shipped (status packed). */
export const packingQueueRow = z.object({
  id: z.number().int(),
  /** The number on the slip and in its barcode: Allegro order id, else ZAP-<id>. */
  number: z.string(),
  allegroOrderId: z.string().nullable(),
  status: z.enum(['to_pick', 'packed']),
  boughtAt: z.string(),
  buyerLogin: z.string().nullable(),
  buyerName: z.string().nullable(),
  deliveryMethodName: z.string().nullable(),
  carrier: z.string().nullable(),
  /** Promised dispatch deadline (stored, or from the shop's handling time when missing). */
  dispatchBy: z.string(),
  overdue: z.boolean(),
  lineCount: z.number().int(),
  /** Units ordered and units already scanned into the box. */
  itemCount: z.number().int(),
  packedCount: z.number().int(),
  firstItemName: z.string().nullable(),
  buyerMessage: z.string().nullable(),
  /** Paid, unpaid or cash on delivery: an unpaid order should not leave the shop. */
  payment: z.enum(PACK_PAYMENTS),
});
export type PackingQueueRow = z.infer<typeof packingQueueRow>;

export const packingQueueInput = z.strictObject({
  filter: z.enum(PACKING_QUEUE_FILTERS).default('all'),
  /** Order number (ours or Allegro's), buyer login or name, beginning; case does not matter. */
  search: plainText({ max: 100 }).optional(),
  limit: z.number().int().min(1).max(2000).default(500),
  /** Rows to skip (paging): the queue of a big shop holds thousands of orders. */
  offset: z.number().int().min(0).max(10_000_000).default(0),
});

export const packingQueueOutput = z.object({
  /** Oldest promised dispatch first. */
  rows: z.array(packingQueueRow),
  /** All matching orders (rows stops at `limit`). */
  total: z.number().int(),
  overdueCount: z.number().int(),
  /** Matching orders not paid yet (cash on delivery aside). */
  unpaidCount: z.number().int(),
});
export type PackingQueueOutput = z.infer<typeof packingQueueOutput>;

/** One product on the pick list: how many to take from the shelf in total, and for which orders. */
export const pickListItem = z.object({
  /** null = an order line not linked to a product in stock (picked by its name / offer SKU). */
  productId: z.number().int().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  ean: z.string().nullable(),
  locationCode: z.string().nullable(),
  /** Units still to pick (ordered minus already packed), all orders together. */
  quantity: z.number().int(),
  /** On hand now (null for unlinked lines): a shortfall shows before walking to the shelf. */
  onHand: z.number().int().nullable(),
  orders: z.array(z.object({ orderId: z.number().int(), number: z.string(), quantity: z.number().int() })),
});
export type PickListItem = z.infer<typeof pickListItem>;

export const pickListOutput = z.object({
  generatedAt: z.string(),
  orders: z.array(z.object({ id: z.number().int(), number: z.string(), buyerName: z.string().nullable(), deliveryMethodName: z.string().nullable(), dispatchBy: z.string().nullable() })),
  /** Sorted by shelf location (items without a location last), then name. */
  items: z.array(pickListItem),
  totalUnits: z.number().int(),
});
export type PickListOutput = z.infer<typeof pickListOutput>;

/** One order line as the packing view shows it. */
export const packLine = z.object({
  id: z.number().int(),
  name: z.string(),
  productId: z.number().int().nullable(),
  sku: z.string().nullable(),
  ean: z.string().nullable(),
  locationCode: z.string().nullable(),
  quantity: z.number().int(),
  packedQuantity: z.number().int(),
  /** packedQuantity === quantity. */
  verified: z.boolean(),
  /** Of packedQuantity, units the owner counted as packed without a scan ("Zakończ mimo braków…"). */
  forcedQuantity: z.number().int(),
  /** How this line can be verified: by scanning (EAN or SKU), or only by the owner forcing (no product linked). */
  verifiable: z.boolean(),
});
export type PackLine = z.infer<typeof packLine>;

export const packOrder = z.object({
  id: z.number().int(),
  number: z.string(),
  allegroOrderId: z.string().nullable(),
  status: z.enum(['new', 'to_pick', 'packed', 'shipped', 'delivered', 'on_hold', 'cancelled']),
  boughtAt: z.string(),
  buyerLogin: z.string().nullable(),
  buyerName: z.string().nullable(),
  buyerMessage: z.string().nullable(),
  sellerNote: z.string().nullable(),
  deliveryMethodName: z.string().nullable(),
  /** Carrier key preselected for the shipment (from the order, else guessed from the delivery method name). */
  carrier: z.string().nullable(),
  pickupPointName: z.string().nullable(),
  dispatchBy: z.string(),
  overdue: z.boolean(),
  lines: z.array(packLine),
  /** Every line verified: the order may be completed. */
  allVerified: z.boolean(),
  /** The order is in a status packing works on (to_pick or packed). */
  packable: z.boolean(),
  /** Shipments still standing (undone ones are left out). */
  shipments: z.array(z.object({ id: z.number().int(), carrier: z.string().nullable(), trackingNumber: z.string().nullable(), dispatchedAt: z.string().nullable() })),
  /** Paid, unpaid or cash on delivery. */
  payment: z.enum(PACK_PAYMENTS),
  totalToPayGrosze: z.number().int(),
});
export type PackOrder = z.infer<typeof packOrder>;

/** Why a scan was refused. */
export const SCAN_REFUSALS = ['wrong_item', 'too_many', 'unknown_code', 'not_packable'] as const;
export type ScanRefusal = (typeof SCAN_REFUSALS)[number];

export const scanOutput = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The line that ticked, with its new packed quantity. */
    line: packLine,
    allVerified: z.boolean(),
  }),
  z.object({
    ok: z.literal(false),
    /**
     * wrong_item: a product that is not in this order; too_many: every unit of it is already packed;
     * unknown_code: no product has this code; not_packable: the order is not waiting for packing.
     */
    refusal: z.enum(SCAN_REFUSALS),
    code: z.string(),
    /** What was scanned, when the code belongs to a product. */
    scanned: z.object({ productId: z.number().int(), sku: z.string(), name: z.string() }).nullable(),
    /** The lines still missing units (what the packer should scan instead). */
    expected: z.array(z.object({ lineId: z.number().int(), name: z.string(), ean: z.string().nullable(), sku: z.string().nullable(), remaining: z.number().int() })),
  }),
]);
export type ScanOutput = z.infer<typeof scanOutput>;

const orderIdInput = z.strictObject({ orderId: id });

/**
 * packing.get: the order by id, or by the number a person scanned or typed (the slip's Allegro id or
 * ZAP-<id>, the one rule of orders.lookup) — the queue's scan opens an order in one round trip.
 */
const packGetInput = z
  .strictObject({ orderId: id.optional(), code: plainText({ min: 1, max: 100 }).optional() })
  .refine((v) => (v.orderId === undefined) !== (v.code === undefined), { message: 'Give either orderId or code.' });

export const shipOutput = z.object({
  orderId: z.number().int(),
  status: z.literal('shipped'),
  shipmentId: z.number().int(),
  dispatchedAt: z.string(),
  /** The sale entries written: exactly the packed quantities, per product. */
  sales: z.array(z.object({ productId: z.number().int(), quantity: z.number().int() })),
  /** Reservations released. */
  released: z.number().int(),
});
export type ShipOutput = z.infer<typeof shipOutput>;

export const packingContract = {
  'packing.queue': defineChannel({
    summary: 'Orders to pack (to pick) and packed but not shipped, oldest promised dispatch first, with the overdue flag.',
    access: 'staff',
    input: packingQueueInput,
    output: packingQueueOutput,
  }),
  'packing.pickList': defineChannel({
    summary: 'The pick list of a batch of orders: units to take per product, sorted by shelf location, with quantity per order.',
    access: 'staff',
    input: z.strictObject({ orderIds: z.array(id).min(1).max(500) }),
    output: pickListOutput,
  }),
  'packing.get': defineChannel({
    summary: 'One order as the packing view shows it: lines with scanned quantities and whether it can be completed. By id, or by a scanned code (not_found when no order has it).',
    access: 'staff',
    input: packGetInput,
    output: packOrder,
  }),
  'packing.scan': defineChannel({
    summary: 'A scanned or typed code (EAN, or SKU) for an order being packed: ticks one unit of the matching line, or says why not.',
    access: 'staff',
    input: z.strictObject({ orderId: id, code: plainText({ min: 1, max: 100 }) }),
    output: scanOutput,
  }),
  'packing.unpackLine': defineChannel({
    summary: 'Takes units of a line back out of the box (a mistaken scan): sets its packed quantity lower.',
    access: 'staff',
    input: z.strictObject({ orderId: id, lineId: id, packedQuantity: z.number().int().min(0).max(1_000_000) }),
    output: packOrder,
  }),
  'packing.complete': defineChannel({
    summary: 'Marks the order packed; refused (conflict) while any line is not verified.',
    access: 'staff',
    input: orderIdInput,
    output: packOrder,
  }),
  'packing.forceComplete': defineChannel({
    summary: "Owner only: marks the order packed although lines are not verified (they count as packed in full); the reason goes to the audit.",
    access: 'owner',
    input: z.strictObject({ orderId: id, reason: plainText({ min: 3, max: 500 }) }),
    output: packOrder,
  }),
  'packing.reopen': defineChannel({
    summary: 'A packed order back to packing (to pick), keeping what was scanned.',
    access: 'staff',
    input: orderIdInput,
    output: packOrder,
  }),
  'packing.ship': defineChannel({
    summary:
      'Marks the order shipped in one transaction: shipment with tracking number, reservations released, packed quantities booked as sales, status shipped. Refused with insufficient_stock if the stock is no longer there.',
    access: 'staff',
    input: z.strictObject({
      orderId: id,
      carrier: z.enum(SHIP_CARRIERS).nullable(),
      /** The parcel's tracking number (waybill), as scanned or typed; empty for personal pickup. */
      trackingNumber: trackingNumberText(0).optional(),
      /**
       * Owner only: ship an unpaid order anyway (cash on delivery needs none); the reason goes to the
       * audit. Without it an unpaid order is refused (conflict, details.reason = 'unpaid').
       */
      unpaidReason: plainText({ min: 3, max: 500 }).optional(),
      /**
       * The person confirmed a tracking number that does not look like the carrier's usual format
       * (refused with details.reason = 'tracking_unusual' otherwise). A product's code, an order number
       * or an InPost number that is not 24 digits are refused whatever this says.
       */
      confirmUnusualTracking: z.boolean().optional(),
    }),
    output: shipOutput,
  }),
  'packing.correctTracking': defineChannel({
    summary: "Owner only: replace a shipment's tracking number (typed wrong, label reprinted). Same checks as shipping; the old and new number and the reason go to the audit.",
    access: 'owner',
    input: z.strictObject({
      orderId: id,
      shipmentId: id,
      trackingNumber: trackingNumberText(1),
      carrier: z.enum(SHIP_CARRIERS).nullable().optional(),
      reason: plainText({ min: 3, max: 500 }),
      confirmUnusualTracking: z.boolean().optional(),
    }),
    output: packOrder,
  }),
  'packing.undoShipment': defineChannel({
    summary:
      'Owner only: undo a shipment booked by mistake. Reversal entries put the sold units back into stock (history is not edited), the order is reserved again and goes back to packed; the shipment stays, marked undone with the reason.',
    access: 'owner',
    input: z.strictObject({ orderId: id, reason: plainText({ min: 3, max: 500 }) }),
    output: packOrder,
  }),
  'packing.reopenOrder': defineChannel({
    summary:
      'Owner only: a packed or shipped order back to packing (to pick), to be packed and checked again. A shipped one is first undone as packing.undoShipment does. Scans are cleared; the reason goes to the audit.',
    access: 'owner',
    input: z.strictObject({ orderId: id, reason: plainText({ min: 3, max: 500 }) }),
    output: packOrder,
  }),
};

import { z } from 'zod';
import { defineChannel } from './define';
import { id, isoDate, noInput } from './common';
import { nipField, plainText, priceGrosze, wholeUnits } from './fields';

/*
 * What the shop can honestly promise (issue 17): orders at risk of missing their promised dispatch,
 * suppliers and reorder proposals grouped into purchase orders, and the campaign check before a
 * promotion. All reads are computed from the orders, the ledger and the shipments; nothing here
 * changes an order.
 */

/** Why an order may miss its promised dispatch. */
export const AT_RISK_REASONS = ['no_stock', 'unpaid', 'queue', 'on_hold'] as const;
export type AtRiskReason = (typeof AT_RISK_REASONS)[number];

/** What the owner can do about it. */
export const AT_RISK_ACTIONS = ['receive_goods', 'contact_buyer', 'pack_first', 'release_hold'] as const;
export type AtRiskAction = (typeof AT_RISK_ACTIONS)[number];

export const atRiskRow = z.object({
  orderId: z.number().int(),
  /** The number on the slip (Allegro id, else ZAP-<id>). */
  number: z.string(),
  allegroOrderId: z.string().nullable(),
  status: z.enum(['new', 'to_pick', 'packed', 'on_hold']),
  buyerLogin: z.string().nullable(),
  buyerName: z.string().nullable(),
  boughtAt: z.string(),
  /** Promised dispatch deadline (ISO instant). */
  dispatchBy: z.string(),
  /** The deadline has passed and the order is not shipped: it stays on the list until it is. */
  late: z.boolean(),
  /** Working days left until the deadline, today included (0 when late). */
  workingDaysLeft: z.number().int(),
  payment: z.enum(['paid', 'unpaid', 'cod']),
  reasons: z.array(z.enum(AT_RISK_REASONS)),
  actions: z.array(z.enum(AT_RISK_ACTIONS)),
  /** no_stock: the products short for this order, in units, after earlier deadlines took theirs. */
  missing: z.array(z.object({ productId: z.number().int(), sku: z.string(), name: z.string(), units: z.number().int() })),
  /** queue: the order's place in the packing queue (1 = next) and parcels the packer can still do before its deadline. */
  queuePosition: z.number().int().nullable(),
  slotsBeforeDeadline: z.number().int().nullable(),
});
export type AtRiskRow = z.infer<typeof atRiskRow>;

export const atRiskInput = z.strictObject({
  reason: z.enum([...AT_RISK_REASONS, 'late']).optional(),
  limit: z.number().int().min(1).max(5000).default(500),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});

export const atRiskOutput = z.object({
  /** Late first, then the nearest deadline first. */
  rows: z.array(atRiskRow),
  /** All orders at risk (rows stops at `limit`). */
  total: z.number().int(),
  counts: z.object({ late: z.number().int(), no_stock: z.number().int(), unpaid: z.number().int(), queue: z.number().int(), on_hold: z.number().int() }),
  /**
   * The packing queue the capacity is compared with: orders still to pack — "Do spakowania" and paid (or
   * cash on delivery) "Nowe" — with their goods there. Packed orders wait only for the courier: not counted.
   */
  queueLength: z.number().int(),
  /** Orders "Do spakowania" (as Pakowanie and Zamówienia count them: unpaid or short of goods too). */
  queueToPick: z.number().int(),
  /** "Nowe" orders paid or cash on delivery: not sent to packing yet, but they will have to be packed. */
  queueNew: z.number().int(),
  /** Packed orders waiting for the courier (Pakowanie → "Spakowane"): not in the queue. */
  packedWaiting: z.number().int(),
  /** Parcels a working day, measured (median of the last working days with shipments); null = not measured yet. */
  capacityPerDay: z.number().int().nullable(),
  capacityMeasuredDays: z.number().int(),
  shippedToday: z.number().int(),
  computedAt: z.string(),
});
export type AtRiskOutput = z.infer<typeof atRiskOutput>;

/* ---------- suppliers ---------- */

export const supplierRow = z.object({
  id: z.number().int(),
  name: z.string(),
  nip: z.string().nullable(),
  leadTimeDays: z.number().int(),
  minimumOrderGrosze: z.number().int(),
  email: z.string().nullable(),
  products: z.number().int(),
});
export type SupplierRow = z.infer<typeof supplierRow>;

export const supplierInput = z.strictObject({
  /** Absent: a new supplier. */
  id: id.optional(),
  name: plainText({ max: 200, min: 1, label: { pl: 'Nazwa dostawcy', en: 'Supplier name' } }),
  nip: nipField(),
  leadTimeDays: wholeUnits(0, 365, { label: { pl: 'Czas dostawy (dni robocze)', en: 'Lead time (working days)' } }),
  minimumOrderGrosze: priceGrosze({ label: { pl: 'Minimalne zamówienie', en: 'Minimum order' } }),
  email: plainText({ max: 200 }).optional(),
});

/* ---------- demand, ABC/XYZ, reorder proposals ---------- */

/** One product of the slotting hint (planning.slotting). */
export const slottingProduct = z.object({
  productId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  /** Its home shelf's code; null = none (counts as far). */
  shelf: z.string().nullable(),
  /** Units sold over the 13-week window planning.classes judges by. */
  unitsSold: z.number().int(),
  abc: z.enum(['A', 'B', 'C']),
});
export type SlottingProduct = z.infer<typeof slottingProduct>;

export const slottingOutput = z.object({
  /** settings.nearPackingShelves: shelf code prefixes nearest the packing table; empty = not set, lists empty. */
  nearShelves: z.array(z.string()),
  /** A-products whose home shelf is not a near one, most sold first (at most 50); each paired with a near C-product to swap with. */
  farA: z.array(slottingProduct.extend({ swapWith: slottingProduct.nullable() })),
  farATotal: z.number().int(),
  /** C-products on near shelves, least sold first (at most 50): the shelves to free for A-products. */
  nearC: z.array(slottingProduct),
  nearCTotal: z.number().int(),
});
export type SlottingOutput = z.infer<typeof slottingOutput>;

export const ABC = ['A', 'B', 'C'] as const;
export const XYZ = ['X', 'Y', 'Z'] as const;

export const productClass = z.object({
  productId: z.number().int(),
  abc: z.enum(ABC),
  /** null: no sales to judge the variability by. */
  xyz: z.enum(XYZ).nullable(),
});

export const reorderLine = z.object({
  productId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  abc: z.enum(ABC),
  xyz: z.enum(XYZ).nullable(),
  /** Units a day, ×100 (sales only, days that began with no stock left out). */
  dailySalesX100: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  /** Ordered from the supplier and not received yet. */
  onOrder: z.number().int(),
  safetyStock: z.number().int(),
  reorderPoint: z.number().int(),
  /** Proposed units to order now. */
  quantity: z.number().int(),
  unitCostGrosze: z.number().int().nullable(),
  valueGrosze: z.number().int(),
  /** Days the stock (available + on order) lasts at the measured rate; null = no sales. */
  daysOfCover: z.number().int().nullable(),
});
export type ReorderLine = z.infer<typeof reorderLine>;

export const reorderGroup = z.object({
  supplierId: z.number().int().nullable(),
  supplierName: z.string().nullable(),
  leadTimeDays: z.number().int().nullable(),
  minimumOrderGrosze: z.number().int(),
  /** YYYY-MM-DD: an order placed today arrives then (lead time in working days). */
  arrivesOn: z.string().nullable(),
  totalGrosze: z.number().int(),
  belowMinimum: z.boolean(),
  lines: z.array(reorderLine),
});
export type ReorderGroup = z.infer<typeof reorderGroup>;

export const serviceLevel = z.number().int().min(50).max(99);

export const reorderOutput = z.object({
  serviceLevel: z.number().int(),
  groups: z.array(reorderGroup),
  computedAt: z.string(),
});
export type ReorderOutput = z.infer<typeof reorderOutput>;

/* ---------- purchase orders ---------- */

export const purchaseOrderRow = z.object({
  id: z.number().int(),
  number: z.string(),
  supplierId: z.number().int(),
  supplierName: z.string(),
  status: z.enum(['open', 'partly_received', 'received', 'cancelled']),
  createdAt: z.string(),
  expectedAt: z.string(),
  receivedAt: z.string().nullable(),
  totalGrosze: z.number().int(),
  lines: z.array(
    z.object({
      productId: z.number().int(),
      sku: z.string(),
      name: z.string(),
      ean: z.string().nullable(),
      quantity: z.number().int(),
      receivedQuantity: z.number().int(),
      unitCostGrosze: z.number().int().nullable(),
    }),
  ),
});
export type PurchaseOrderRow = z.infer<typeof purchaseOrderRow>;

export const createPurchaseOrderInput = z.strictObject({
  supplierId: id,
  serviceLevel: serviceLevel.default(95),
  lines: z.array(z.strictObject({ productId: id, quantity: wholeUnits(1, 1_000_000, { label: { pl: 'Ilość', en: 'Quantity' } }) })).min(1).max(2000),
});

export const receivePurchaseOrderInput = z.strictObject({
  id,
  /** The supplier's delivery note / invoice number. */
  document: plainText({ max: 100, min: 1, label: { pl: 'Numer dokumentu dostawy', en: 'Delivery note number' } }),
  lines: z.array(z.strictObject({ productId: id, quantity: wholeUnits(0, 1_000_000, { label: { pl: 'Przyjęto', en: 'Received' } }) })).min(1).max(2000),
});

/* ---------- campaigns ---------- */

export const CAMPAIGN_VERDICTS = ['covered', 'at_risk', 'not_covered'] as const;
export type CampaignVerdict = (typeof CAMPAIGN_VERDICTS)[number];

export const campaignProductCheck = z.object({
  productId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  /** Units a day expected during the campaign, ×100. */
  expectedDailyX100: z.number().int(),
  expectedUnits: z.number().int(),
  /**
   * Units expected on the shelf when the campaign starts (or today, when running): available now, plus deliveries
   * due by then, less the expected sales until then — normal ones, or those planned by campaigns running on those
   * days (an earlier campaign overlapping this one included); a day sells at most what is on the shelf.
   */
  stockAtStart: z.number().int(),
  /**
   * Planned and running: units the campaign's days (from today, when running) are expected to sell, a day
   * shared with another campaign counted once at the larger plan — equals expectedUnits without one. Added later.
   */
  neededUnits: z.number().int().optional(),
  /** Days of the campaign the stock covers at the expected rate (capped at the campaign's length + 1). */
  daysOfCover: z.number().int(),
  shortfall: z.number().int(),
  supplierName: z.string().nullable(),
  /** YYYY-MM-DD an order placed today arrives; null = no supplier. */
  reorderArrivesOn: z.string().nullable(),
  reorderInTime: z.boolean(),
  verdict: z.enum(CAMPAIGN_VERDICTS),
});

export const campaignRow = z.object({
  id: z.number().int(),
  name: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string().nullable(),
  /** ×100 multiple of normal sales; null = units per product were given. */
  upliftX100: z.number().int().nullable(),
  /** A campaign for a whole category: its products at the time of the check; null (or absent) = the listed products. */
  category: z.string().nullable().optional(),
  /** Kept from a promotion seen in an Allegro import: its discount type (CAMPAIGN, COUPON…); null (or absent) = typed by hand. */
  allegroDiscountType: z.string().nullable().optional(),
  phase: z.enum(['planned', 'running', 'past']),
  verdict: z.enum(CAMPAIGN_VERDICTS),
  products: z.array(campaignProductCheck),
  /**
   * True: nothing left to check (a category campaign whose products were all archived or moved out since
   * it was planned); the verdict then says nothing and must not be shown as "covered". Added later.
   */
  noProducts: z.boolean().optional(),
  /**
   * Planned and running campaigns: the other campaigns not ended whose planned sales this check counted —
   * before its first day (the stock at start is what they leave), or on a day both run (counted once, at
   * the larger plan, not the sum). Added later; absent = none.
   */
  countedCampaigns: z.array(z.object({ id: z.number().int(), name: z.string() })).optional(),
  /** Past campaigns: what happened against the plan. */
  outcome: z
    .object({
      plannedUnits: z.number().int(),
      soldUnits: z.number().int(),
      /** sold ÷ planned, in per cent. */
      forecastAccuracyPct: z.number().int(),
      /** Product-days of the campaign that began with no stock, in per cent of all its product-days. */
      stockOutRatePct: z.number().int(),
      /** Daily sales during the campaign ÷ the 4 weeks before, ×100: next time's uplift. */
      measuredUpliftX100: z.number().int().nullable(),
    })
    .nullable(),
});
export type CampaignRow = z.infer<typeof campaignRow>;

export const saveCampaignInput = z
  .strictObject({
    name: plainText({ max: 200, min: 1, label: { pl: 'Nazwa kampanii', en: 'Campaign name' } }),
    startsOn: isoDate,
    endsOn: isoDate,
    /** The campaign's products; or `category` instead. */
    productIds: z.array(id).min(1).max(5000).optional(),
    /** A whole category: the check covers all its products (not archived) at the time of each check. */
    category: plainText({ max: 100, min: 1, label: { pl: 'Kategoria', en: 'Category' } }).optional(),
    /** Expected sales as a multiple of normal (×100: 200 = twice); or units per product below. */
    upliftX100: z.number().int().min(100).max(10_000).optional(),
    unitsPerProduct: wholeUnits(1, 1_000_000, { label: { pl: 'Sztuk na produkt', en: 'Units per product' } }).optional(),
    /** Kept from a promotion seen in an Allegro import (planning.seenPromotions): its discount type. */
    allegroDiscountType: z.string().regex(/^[A-Z0-9_]{1,40}$/).optional(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: 'The campaign ends before it starts.', path: ['endsOn'] })
  .refine((v) => (v.upliftX100 === undefined) !== (v.unitsPerProduct === undefined), { message: 'Give either the multiple or the units.', path: ['upliftX100'] })
  .refine((v) => (v.productIds === undefined) !== (v.category === undefined), { message: 'Give either the products or a category.', path: ['productIds'] });

/** A promotion the shop ran on Allegro, found in imported orders: lines sold with one discount type over a run of days. */
export const seenPromotionRow = z.object({
  /** Allegro's `lineItems[].discounts[].type`, raw: CAMPAIGN, COUPON, BUNDLE, UNIT_PERCENTAGE_DISCOUNT… */
  discountType: z.string(),
  /** First and last Warsaw day (YYYY-MM-DD) a line was sold with it; quiet days of up to SEEN_GAP_DAYS do not split it. */
  startsOn: z.string(),
  endsOn: z.string(),
  products: z.array(z.object({ productId: z.number().int(), sku: z.string(), name: z.string(), discountedUnits: z.number().int() })),
  /** Units sold with the discount. */
  discountedUnits: z.number().int(),
  /** All units of those products sold in those days (with the discount or not), as a campaign's outcome counts them. */
  soldUnits: z.number().int(),
  /** Daily sales in those days ÷ the 4 weeks before, ×100, as for a past campaign; null = too few sales before to tell. */
  measuredUpliftX100: z.number().int().nullable(),
  /** The campaign the owner kept from it (same type and days) or typed by hand for the same days; null = none. */
  campaignId: z.number().int().nullable(),
});
export type SeenPromotionRow = z.infer<typeof seenPromotionRow>;

export const planningContract = {
  'planning.atRisk': defineChannel({
    summary: 'Orders that will miss their promised dispatch unless something changes (no stock, unpaid near the deadline, behind a queue longer than the measured packing capacity, on hold), and late ones until shipped.',
    access: 'staff',
    input: atRiskInput,
    output: atRiskOutput,
  }),
  'planning.suppliers': defineChannel({
    summary: "The shop's suppliers with lead times and minimum orders.",
    access: 'staff',
    input: noInput,
    output: z.array(supplierRow),
  }),
  'planning.saveSupplier': defineChannel({
    summary: 'Add or change a supplier (name, NIP, lead time in working days, minimum order).',
    access: 'owner',
    input: supplierInput,
    output: supplierRow,
  }),
  'planning.assignSupplier': defineChannel({
    summary: "Set the products' supplier (null: none).",
    access: 'owner',
    input: z.strictObject({ productIds: z.array(id).min(1).max(5000), supplierId: id.nullable() }),
    output: z.object({ updated: z.number().int() }),
  }),
  'planning.classes': defineChannel({
    summary: 'ABC by sales value of the last 90 days and XYZ by week-to-week variability, for the given products.',
    access: 'staff',
    input: z.strictObject({ productIds: z.array(id).max(2000) }),
    output: z.array(productClass),
  }),
  'planning.slotting': defineChannel({
    summary: 'Slotting hint: A-products (by sales value) whose shelf is not one of the shelves nearest the packing table (settings.nearPackingShelves), most sold first, and C-products on those shelves to swap with.',
    access: 'staff',
    input: noInput,
    output: slottingOutput,
  }),
  'planning.reorder': defineChannel({
    summary: 'Reorder proposals grouped by supplier: sales velocity, safety stock for the service level, reorder point and quantity.',
    access: 'owner',
    input: z.strictObject({ serviceLevel: serviceLevel.default(95) }),
    output: reorderOutput,
  }),
  'planning.purchaseOrders': defineChannel({
    summary: 'Purchase orders, newest first.',
    access: 'staff',
    input: noInput,
    output: z.array(purchaseOrderRow),
  }),
  'planning.createPurchaseOrder': defineChannel({
    summary: 'Make a purchase order to one supplier from proposal lines.',
    access: 'owner',
    input: createPurchaseOrderInput,
    output: purchaseOrderRow,
  }),
  'planning.receivePurchaseOrder': defineChannel({
    summary: 'Receive goods against a purchase order: receipts in the ledger, received against ordered per line.',
    access: 'staff',
    input: receivePurchaseOrderInput,
    output: purchaseOrderRow,
  }),
  'planning.printPurchaseOrder': defineChannel({
    summary: 'Save a purchase order as a PDF (or print it) or as a CSV file for the supplier.',
    access: 'owner',
    input: z.strictObject({ id, action: z.enum(['print', 'pdf', 'csv']) }),
    output: z.object({ done: z.boolean(), fileName: z.string(), savedTo: z.string().nullable() }),
  }),
  'planning.campaigns': defineChannel({
    summary: 'Campaigns (promotions) with the check of each product: days of cover, shortfall, whether a reorder today arrives in time; past ones measured against the plan.',
    access: 'staff',
    input: noInput,
    output: z.array(campaignRow),
  }),
  'planning.seenPromotions': defineChannel({
    summary: 'Promotions seen in Allegro imports: discounted order lines grouped by discount type and run of days, with units sold and the uplift measured against the 4 weeks before.',
    access: 'staff',
    input: noInput,
    output: z.array(seenPromotionRow),
  }),
  'planning.saveCampaign': defineChannel({
    summary: 'Plan a campaign: name, dates, products or a whole category, expected uplift (a multiple of normal sales or units).',
    access: 'owner',
    input: saveCampaignInput,
    output: campaignRow,
  }),
};

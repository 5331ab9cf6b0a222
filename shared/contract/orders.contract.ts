import { z } from 'zod';
import { ORDER_STATUSES } from '../domain/order-status';
import { defineChannel } from './define';
import { plainText } from './fields';
import { id, isoDate, minor, noInput } from './common';

/*
 * Orders: the list with filters and search, one order's detail with its timeline, the shop's own status
 * flow (new → to_pick → packed → shipped → delivered, plus on_hold and cancelled) and the seller's note.
 * Packing and shipping are the packing area's calls; this area only shows their results.
 */

export const orderStatus = z.enum(ORDER_STATUSES);

/** How the order is paid: paid (money received), unpaid (waiting for payment), cod (cash on delivery). */
export const PAYMENT_FILTERS = ['paid', 'unpaid', 'cod'] as const;
export type PaymentFilter = (typeof PAYMENT_FILTERS)[number];
export const paymentState = z.enum(PAYMENT_FILTERS);

export const ORDER_SORT_FIELDS = ['boughtAt', 'dispatchBy', 'total', 'id', 'buyer', 'status'] as const;
export type OrderSortField = (typeof ORDER_SORT_FIELDS)[number];

export const ordersListInput = z.strictObject({
  /** Any of these shop statuses (empty or missing = all). */
  status: z.array(orderStatus).max(ORDER_STATUSES.length).optional(),
  /** Bought on or after this day (Warsaw calendar day). */
  from: isoDate.optional(),
  /** Bought on or before this day (Warsaw calendar day, inclusive). */
  to: isoDate.optional(),
  /** Normalised carrier keys (inpost, dpd, poczta…), any of. */
  carriers: z.array(plainText({ max: 60, trim: false })).max(50).optional(),
  /** Exact delivery method names as Allegro gives them, any of. */
  deliveryMethods: z.array(plainText({ max: 200, trim: false })).max(50).optional(),
  payment: paymentState.optional(),
  /** true = only orders with an invoice requested, false = only without. */
  invoice: z.boolean().optional(),
  /** true = only orders past their promised dispatch date and not shipped. */
  overdue: z.boolean().optional(),
  /**
   * Order number (ours or Allegro's, beginning), buyer login (beginning), buyer or company name (any word's
   * beginning), offer signature (beginning) or the exact SKU of a matched product. Case and Polish accents
   * do not matter.
   */
  search: plainText({ max: 100, trim: false }).optional(),
  sort: z.strictObject({ field: z.enum(ORDER_SORT_FIELDS), dir: z.enum(['asc', 'desc']) }).default({ field: 'boughtAt', dir: 'desc' }),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type OrdersListInput = z.input<typeof ordersListInput>;

/** One order as the list shows it. */
export const orderRow = z.object({
  id: z.number().int(),
  allegroOrderId: z.string().nullable(),
  source: z.string(),
  boughtAt: z.string(),
  buyerLogin: z.string().nullable(),
  buyerName: z.string().nullable(),
  status: orderStatus,
  /** Allegro's own statuses, raw (BOUGHT / FILLED_IN / READY_FOR_PROCESSING / CANCELLED and the seller status). */
  allegroStatus: z.string().nullable(),
  fulfillmentStatus: z.string().nullable(),
  payment: paymentState,
  paymentType: z.string().nullable(),
  paidAt: z.string().nullable(),
  totalToPayGrosze: minor,
  currency: z.string(),
  deliveryMethodName: z.string().nullable(),
  carrier: z.string().nullable(),
  pickupPointName: z.string().nullable(),
  invoiceRequired: z.boolean(),
  /** Promised dispatch deadline: stored, or computed from the shop's handling time when missing. */
  dispatchBy: z.string(),
  overdue: z.boolean(),
  /** Units in the order and a short description of its lines. */
  itemCount: z.number().int(),
  lineCount: z.number().int(),
  firstItemName: z.string().nullable(),
});
export type OrderRow = z.infer<typeof orderRow>;

export const ordersListOutput = z.object({
  rows: z.array(orderRow),
  /** Matching orders; when counting would be slow the count stops at `totalCap` and `totalExact` is false. */
  total: z.number().int(),
  totalExact: z.boolean(),
});
export type OrdersListOutput = z.infer<typeof ordersListOutput>;

export const orderLineDetail = z.object({
  id: z.number().int(),
  name: z.string(),
  offerId: z.string().nullable(),
  externalId: z.string().nullable(),
  quantity: z.number().int(),
  packedQuantity: z.number().int(),
  unitPriceGrosze: minor,
  currency: z.string(),
  /** Units reserved for this line right now. */
  reservedQuantity: z.number().int(),
  /** The stock product this line was matched to, with its stock now; null = not matched. */
  product: z
    .object({
      id: z.number().int(),
      sku: z.string(),
      name: z.string(),
      ean: z.string().nullable(),
      locationCode: z.string().nullable(),
      onHand: z.number().int(),
      reserved: z.number().int(),
      available: z.number().int(),
    })
    .nullable(),
});

export const timelineEntry = z.object({
  at: z.string(),
  actor: z.string(),
  /** e.g. order.import, order.status, order.note, packing.ship */
  action: z.string(),
  details: z.unknown(),
});

export const orderDetail = z.object({
  order: orderRow.extend({
    revision: z.string().nullable(),
    paidGrosze: minor.nullable(),
    paymentProvider: z.string().nullable(),
    deliveryCostGrosze: minor.nullable(),
    marketplace: z.string().nullable(),
    documentNumber: z.string().nullable(),
    buyerMessage: z.string().nullable(),
    sellerNote: z.string().nullable(),
    /** Whether dispatchBy came from the stored order (Allegro / import) or was computed now. */
    dispatchByComputed: z.boolean(),
    updatedAt: z.string(),
  }),
  buyer: z.object({
    login: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    guest: z.boolean(),
  }),
  delivery: z.object({
    methodName: z.string().nullable(),
    carrier: z.string().nullable(),
    costGrosze: minor.nullable(),
    pickupPoint: z.object({ id: z.string().nullable(), name: z.string().nullable(), address: z.string().nullable() }).nullable(),
    address: z
      .object({
        firstName: z.string().nullable(),
        lastName: z.string().nullable(),
        company: z.string().nullable(),
        street: z.string().nullable(),
        zip: z.string().nullable(),
        city: z.string().nullable(),
        country: z.string().nullable(),
        phone: z.string().nullable(),
      })
      .nullable(),
  }),
  invoice: z
    .object({
      companyName: z.string().nullable(),
      taxId: z.string().nullable(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      street: z.string().nullable(),
      zip: z.string().nullable(),
      city: z.string().nullable(),
      country: z.string().nullable(),
    })
    .nullable(),
  lines: z.array(orderLineDetail),
  shipments: z.array(z.object({ carrier: z.string().nullable(), trackingNumber: z.string().nullable(), dispatchedAt: z.string().nullable() })),
  timeline: z.array(timelineEntry),
  /** Statuses this profile may move the order to from this screen. */
  allowedNext: z.array(orderStatus),
});
export type OrderDetail = z.infer<typeof orderDetail>;

export const setStatusOutput = z.object({
  changed: z.array(z.number().int()),
  /** Orders left as they were, each with the reason (code as in errors.ts). */
  refused: z.array(z.object({ id: z.number().int(), code: z.string(), message: z.string(), from: orderStatus.nullable() })),
});
export type SetStatusOutput = z.infer<typeof setStatusOutput>;

export const ordersContract = {
  'orders.list': defineChannel({
    summary: 'One page of orders: filters (status, dates, delivery, payment, invoice, overdue), search, sort.',
    access: 'staff',
    input: ordersListInput,
    output: ordersListOutput,
  }),
  'orders.facets': defineChannel({
    summary: 'The carriers and delivery methods that occur in the orders (for the filter lists).',
    access: 'staff',
    input: noInput,
    output: z.object({ carriers: z.array(z.string()), deliveryMethods: z.array(z.string()) }),
  }),
  'orders.get': defineChannel({
    summary: "One order: lines with stock, buyer, delivery, invoice data, notes, shipments and what happened to it.",
    access: 'staff',
    input: z.strictObject({ id }),
    output: orderDetail,
  }),
  'orders.lookup': defineChannel({
    summary: 'The order with exactly this number (ours or Allegro\'s), or null — for scanned slips.',
    access: 'staff',
    input: z.strictObject({ code: plainText({ min: 1, max: 100 }) }),
    output: z.object({ id: z.number().int().nullable() }),
  }),
  'orders.setStatus': defineChannel({
    summary: "Move orders to another shop status (e.g. several at once to packing); refused ones say why. Cancelling releases the reservations.",
    access: 'staff',
    input: z.strictObject({
      ids: z.array(id).min(1).max(1000),
      status: orderStatus,
      /** Why (cancelling, putting on hold): stored in the timeline. */
      reason: plainText({ max: 500 }).optional(),
      /**
       * Owner only, with a reason of 3+ characters: send unpaid orders to packing anyway. Without it an
       * unpaid order (cash on delivery aside) is refused with details reason 'unpaid' in its message code 'conflict'.
       */
      allowUnpaid: z.boolean().optional(),
    }),
    output: setStatusOutput,
  }),
  'orders.updateNote': defineChannel({
    summary: "Save the shop's own note on an order.",
    access: 'staff',
    input: z.strictObject({ id, sellerNote: plainText({ max: 5000, multiline: true, trim: false }) }),
    output: z.object({ sellerNote: z.string().nullable(), updatedAt: z.string() }),
  }),
};

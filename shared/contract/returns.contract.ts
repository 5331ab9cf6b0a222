import { z } from 'zod';
import { defineChannel } from './define';
import { plainText } from './fields';
import { MAX_INPUT_GROSZE } from '../domain/money-input';
import { id, isoDateTime, minor } from './common';

/*
 * Returns (odstąpienie od umowy) and complaints (reklamacje).
 *
 * A return is registered from an order (found by its number or by scanning the packing slip), or comes
 * from Allegro's customer-returns import with status `expected`. When the parcel arrives each line is
 * checked: condition (resellable, damaged, incomplete) and decision (back to stock at a shelf — a
 * ledger entry of kind `return` —, write-off, back to the supplier). Quantities are capped at what was
 * sold minus what earlier returns already took back.
 *
 * Deadlines the law sets (consumer rights act; this is not legal advice):
 * - refund within 14 days of the buyer's withdrawal statement (returns.refund_due_at);
 * - answer to a complaint within 14 days of receiving it — no answer in time means it is accepted.
 * A deadline is the end of the 14th day (Warsaw); one falling on a Saturday, Sunday or public holiday
 * moves to the next working day (art. 111 and 115 of the civil code).
 */

/** Allegro's return reasons (customer-returns `items[].reason.type`), stored raw. */
export const ALLEGRO_RETURN_REASONS = [
  'NONE',
  'MISTAKE',
  'TRANSPORT',
  'DAMAGED',
  'NOT_AS_DESCRIBED',
  'DONT_LIKE_IT',
  'OVERDUE_DELIVERY',
  'INCOMPLETE',
  'HIDDEN_FLAW',
  'OTHER_FLAW',
  'DIFFERENT',
  'COUNTERFEIT',
  'NOT_NEW',
  'TOO_LARGE',
  'TOO_SMALL',
  'NOT_AS_EXPECTED',
  'ORDERED_FOR_COMPARISON',
] as const;
/** The shop's own reasons, for returns that do not come through Allegro's form. */
export const SHOP_RETURN_REASONS = ['SHOP_WITHDRAWAL', 'SHOP_WRONG_ITEM_SENT', 'SHOP_NOT_COLLECTED', 'SHOP_OTHER'] as const;
export const RETURN_REASONS = [...ALLEGRO_RETURN_REASONS, ...SHOP_RETURN_REASONS] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const RETURN_CONDITIONS = ['resellable', 'damaged', 'incomplete'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];
/** restock = back on the shelf (ledger `return` entry); write_off = scrapped; supplier = sent back to the supplier. */
export const RETURN_DECISIONS = ['restock', 'write_off', 'supplier'] as const;
export type ReturnDecision = (typeof RETURN_DECISIONS)[number];
export const RETURN_STATUSES = ['expected', 'received', 'closed', 'rejected'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const COMPLAINT_STATUSES = ['open', 'accepted', 'rejected', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** What the buyer asks for (art. 43d u.p.k.). */
export const COMPLAINT_DEMANDS = ['repair', 'replacement', 'price_reduction', 'withdrawal'] as const;
export type ComplaintDemand = (typeof COMPLAINT_DEMANDS)[number];

/** A legal deadline as the lists show it. */
export const deadline = z.object({
  dueAt: z.string().nullable(),
  /** Whole days left until the end of the due day (negative = days late); null when there is no deadline. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  /** Met: refunded / answered (no longer running). */
  met: z.boolean(),
  /**
   * The goods are not back yet (the return is announced or on its way): the seller may hold the refund
   * until they arrive (art. 32 ust. 4 u.p.k.), so the deadline is shown but not counted as missed.
   */
  waitingForGoods: z.boolean().optional(),
});
export type Deadline = z.infer<typeof deadline>;

export const returnRow = z.object({
  id: z.number().int(),
  /** Allegro's return id when imported; null for returns registered in the shop. */
  allegroReturnId: z.string().nullable(),
  referenceNumber: z.string().nullable(),
  orderId: z.number().int().nullable(),
  /** Order number as on the slip (Allegro id or ZAP-<id>). */
  orderNumber: z.string().nullable(),
  buyerLogin: z.string().nullable(),
  buyerName: z.string().nullable(),
  status: z.enum(RETURN_STATUSES),
  allegroStatus: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  refundedAt: z.string().nullable(),
  refundGrosze: minor.nullable(),
  currency: z.string(),
  refund: deadline,
  itemCount: z.number().int(),
  firstItemName: z.string().nullable(),
  createdAt: z.string(),
  /** Cancelled by the owner as registered by mistake (its status is then `rejected`). */
  cancelled: z.boolean().optional(),
});
export type ReturnRow = z.infer<typeof returnRow>;

export const returnLine = z.object({
  id: z.number().int(),
  orderLineId: z.number().int().nullable(),
  productId: z.number().int().nullable(),
  sku: z.string().nullable(),
  offerId: z.string().nullable(),
  name: z.string().nullable(),
  quantity: z.number().int(),
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
  condition: z.enum(RETURN_CONDITIONS).nullable(),
  decision: z.enum(RETURN_DECISIONS).nullable(),
  locationId: z.number().int().nullable(),
  locationCode: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ReturnLine = z.infer<typeof returnLine>;

/** A refund as recorded; a voided one stays, with who voided it, when and why. */
export const returnRefund = z.object({
  id: z.number().int(),
  amountGrosze: minor,
  currency: z.string(),
  refundedAt: z.string(),
  actor: z.string(),
  createdAt: z.string(),
  voidedAt: z.string().nullable(),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type ReturnRefund = z.infer<typeof returnRefund>;

export const returnDetail = z.object({
  return: returnRow.extend({
    buyerMessage: z.string().nullable(),
    note: z.string().nullable(),
    actor: z.string(),
    updatedAt: z.string(),
    cancelledAt: z.string().nullable().optional(),
    cancelledBy: z.string().nullable().optional(),
    cancelReason: z.string().nullable().optional(),
  }),
  lines: z.array(returnLine),
  /** Every refund recorded for this return, newest first (voided ones included). */
  refunds: z.array(returnRefund).optional(),
  /**
   * How much may still be refunded: what the order is worth minus the live refunds of the order's other
   * returns (null when the return is not linked to an order), and the suggested amount — the returned
   * items at the price paid, within that limit.
   */
  refundLimit: z.object({ orderTotalGrosze: minor.nullable(), refundedElsewhereGrosze: minor, maxGrosze: minor, suggestedGrosze: minor }).optional(),
});
export type ReturnDetail = z.infer<typeof returnDetail>;

/** An order looked up for a return: its lines with how much can still come back. */
export const returnableOrder = z.object({
  id: z.number().int(),
  number: z.string(),
  allegroOrderId: z.string().nullable(),
  status: z.string(),
  boughtAt: z.string(),
  buyerLogin: z.string().nullable(),
  buyerName: z.string().nullable(),
  currency: z.string(),
  lines: z.array(
    z.object({
      orderLineId: z.number().int(),
      name: z.string(),
      productId: z.number().int().nullable(),
      sku: z.string().nullable(),
      ean: z.string().nullable(),
      /** The product's home shelf: the default for "back to stock". */
      locationId: z.number().int().nullable(),
      unitPriceGrosze: minor,
      sold: z.number().int(),
      alreadyReturned: z.number().int(),
      /** sold − alreadyReturned: the most this line can take back. */
      returnable: z.number().int(),
    }),
  ),
});
export type ReturnableOrder = z.infer<typeof returnableOrder>;

/** How one line was found when checked: condition and what happens to it. */
const checkedLine = {
  condition: z.enum(RETURN_CONDITIONS),
  decision: z.enum(RETURN_DECISIONS),
  /** Shelf for `restock`; default: the product's home shelf. */
  locationId: id.nullable().optional(),
};

export const registerReturnInput = z.strictObject({
  orderId: id,
  /** When the buyer declared the withdrawal (starts the 14-day refund clock); default: now. */
  withdrawnAt: isoDateTime.optional(),
  /** The goods are here now and each line is checked (condition + decision required); false = only announced. */
  received: z.boolean().default(true),
  lines: z
    .array(
      z.strictObject({
        orderLineId: id,
        quantity: z.number().int().min(1).max(100_000),
        reasonCode: z.enum(RETURN_REASONS),
        reasonText: plainText({ max: 500 }).optional(),
        condition: checkedLine.condition.optional(),
        decision: checkedLine.decision.optional(),
        locationId: checkedLine.locationId,
      }),
    )
    .min(1)
    .max(200),
  note: plainText({ max: 2000, multiline: true }).optional(),
});
export type RegisterReturnInput = z.input<typeof registerReturnInput>;

export const receiveReturnInput = z.strictObject({
  id,
  lines: z
    .array(
      z.strictObject({
        returnLineId: id,
        /** Units that actually arrived (at most the announced quantity); 0 = this line did not come. */
        quantity: z.number().int().min(0).max(100_000),
        ...checkedLine,
        /** Link to an order line when the imported return could not be matched. */
        orderLineId: id.optional(),
      }),
    )
    .min(1)
    .max(200),
  note: plainText({ max: 2000, multiline: true }).optional(),
});
export type ReceiveReturnInput = z.input<typeof receiveReturnInput>;

export const complaintRow = z.object({
  id: z.number().int(),
  orderId: z.number().int().nullable(),
  orderNumber: z.string().nullable(),
  buyerLogin: z.string().nullable(),
  buyerName: z.string().nullable(),
  productId: z.number().int().nullable(),
  productName: z.string().nullable(),
  receivedAt: z.string(),
  description: z.string(),
  demand: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answerDeadline: deadline,
  /** Open and past the deadline: by law the complaint now counts as accepted. */
  deemedAccepted: z.boolean(),
  actor: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ComplaintRow = z.infer<typeof complaintRow>;

const listPaging = {
  search: plainText({ max: 100 }).optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export const returnsContract = {
  'returns.list': defineChannel({
    summary: 'Returns, the ones still running first by refund deadline (overdue on top), then finished ones newest first.',
    access: 'staff',
    input: z.strictObject({
      /** open = expected or received; done = closed or rejected. */
      view: z.enum(['open', 'done', 'all']).default('open'),
      ...listPaging,
    }),
    output: z.object({ rows: z.array(returnRow), total: z.number().int(), overdueCount: z.number().int() }),
  }),
  'returns.get': defineChannel({
    summary: 'One return with its lines.',
    access: 'staff',
    input: z.strictObject({ id }),
    output: returnDetail,
  }),
  'returns.findOrder': defineChannel({
    summary: "The order with this number (Allegro's id, ZAP-<id> from the slip barcode, or our id) with what each line can still take back; null when none.",
    access: 'staff',
    input: z.strictObject({ code: plainText({ min: 1, max: 100 }) }),
    output: z.object({ order: returnableOrder.nullable() }),
  }),
  'returns.searchOrders': defineChannel({
    summary: 'Shipped or delivered orders matching a number, buyer login or name (beginning), newest first, for choosing the order of a return or complaint.',
    access: 'staff',
    input: z.strictObject({ search: plainText({ min: 1, max: 100 }), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.object({
      rows: z.array(z.object({ id: z.number().int(), number: z.string(), boughtAt: z.string(), buyerLogin: z.string().nullable(), buyerName: z.string().nullable(), status: z.string(), firstItemName: z.string().nullable() })),
    }),
  }),
  'returns.register': defineChannel({
    summary: 'Registers a return of an order: lines and quantities (capped at sold minus returned), reasons; when received, each line is checked and back-to-stock lines go to the ledger.',
    access: 'staff',
    input: registerReturnInput,
    output: returnDetail,
  }),
  'returns.receive': defineChannel({
    summary: 'Receives an expected return (e.g. imported from Allegro): what arrived, its condition and what happens to it.',
    access: 'staff',
    input: receiveReturnInput,
    output: returnDetail,
  }),
  'returns.markRefunded': defineChannel({
    summary: 'Records that the money was refunded (amount in grosze and date): the refund deadline is met.',
    access: 'staff',
    // At least 1 grosz, and the core refuses more than the order is worth minus earlier refunds.
    input: z.strictObject({ id, refundedAt: isoDateTime.optional(), refundGrosze: minor.min(1).max(MAX_INPUT_GROSZE) }),
    output: returnDetail,
  }),
  'returns.voidRefund': defineChannel({
    summary: 'Voids the refund recorded for a return (entered wrongly), with a reason: the refund stays in the history as voided and a new one may be entered.',
    access: 'owner',
    input: z.strictObject({ id, reason: plainText({ min: 3, max: 500 }) }),
    output: returnDetail,
  }),
  'returns.cancel': defineChannel({
    summary: 'Cancels a return registered by mistake, with a reason: goods it put back on the shelf are taken out again by reversal entries in the ledger; the order can be returned again.',
    access: 'owner',
    input: z.strictObject({ id, reason: plainText({ min: 3, max: 500 }) }),
    output: returnDetail,
  }),
  'returns.setStatus': defineChannel({
    summary: 'Closes a return (everything settled) or rejects it (e.g. no right of withdrawal), with a note.',
    access: 'staff',
    input: z.strictObject({ id, status: z.enum(['closed', 'rejected']), note: plainText({ max: 2000, multiline: true }).optional() }),
    output: returnDetail,
  }),
  'complaints.list': defineChannel({
    summary: 'Complaints, open ones first by answer deadline (overdue on top), then answered ones newest first.',
    access: 'staff',
    input: z.strictObject({ view: z.enum(['open', 'done', 'all']).default('open'), ...listPaging }),
    output: z.object({ rows: z.array(complaintRow), total: z.number().int(), overdueCount: z.number().int() }),
  }),
  'complaints.register': defineChannel({
    summary: 'Registers a complaint (reklamacja): when it was received (starts the 14-day answer clock), what is wrong and what the buyer asks for.',
    access: 'staff',
    input: z.strictObject({
      orderId: id.optional(),
      productId: id.optional(),
      receivedAt: isoDateTime.optional(),
      description: plainText({ min: 3, max: 5000, multiline: true }),
      demand: z.enum(COMPLAINT_DEMANDS).optional(),
    }),
    output: complaintRow,
  }),
  'complaints.answer': defineChannel({
    summary: 'Records the answer to a complaint (accepted or rejected), its text and the date it was given.',
    access: 'staff',
    input: z.strictObject({
      id,
      decision: z.enum(['accepted', 'rejected']),
      answer: plainText({ min: 3, max: 5000, multiline: true }),
      answeredAt: isoDateTime.optional(),
    }),
    output: complaintRow,
  }),
  'complaints.close': defineChannel({
    summary: 'Closes a complaint once it is settled (repaired, replaced, refunded).',
    access: 'staff',
    input: z.strictObject({ id, note: plainText({ max: 2000, multiline: true }).optional() }),
    output: complaintRow,
  }),
};

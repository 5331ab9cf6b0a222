import type { Deadline, ReturnDetail, ReturnLine, ReturnRefund, ReturnRow, ReturnStatus } from '../../../shared/contract/returns.contract';
import { MAX_INPUT_GROSZE } from '../../../shared/domain/money-input';
import type { SqliteDatabase } from '../db/connection';
import { DomainError } from '../errors';
import { orderNumber } from '../packing/order-code';
import { prepared } from '../stock/product.repository';
import { endOfWarsawDay, warsawDate } from '../orders/dispatch-promise';
import { deadlineState, legalDeadline } from './legal-deadline';

/** Reads of returns in raw SQL (prepared once per connection), mapped to the contract's shapes. */

export interface RawReturn {
  id: number;
  allegroReturnId: string | null;
  referenceNumber: string | null;
  orderId: number | null;
  orderAllegroId: string | null;
  buyerLogin: string | null;
  buyerName: string | null;
  status: ReturnStatus;
  allegroStatus: string | null;
  withdrawnAt: string | null;
  receivedAt: string | null;
  refundDueAt: string | null;
  refundedAt: string | null;
  refundGrosze: number | null;
  currency: string;
  buyerMessage: string | null;
  note: string | null;
  actor: string;
  createdAt: string;
  updatedAt: string;
  allegroCreatedAt: string | null;
  itemCount: number | null;
  firstItemName: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

// Imported returns whose order is not (yet) in the shop still show the buyer from Allegro's data;
// json_valid guards against a damaged raw copy breaking the whole list.
export const RETURN_SELECT = `
  r.id, r.allegro_return_id AS allegroReturnId, r.reference_number AS referenceNumber, r.order_id AS orderId,
  o.allegro_order_id AS orderAllegroId,
  coalesce(o.buyer_login, CASE WHEN json_valid(r.raw_json) THEN json_extract(r.raw_json, '$.buyer.login') END) AS buyerLogin,
  o.buyer_name AS buyerName, r.status, r.allegro_status AS allegroStatus, r.withdrawn_at AS withdrawnAt,
  r.received_at AS receivedAt, r.refund_due_at AS refundDueAt, r.refunded_at AS refundedAt, r.refund_grosze AS refundGrosze,
  r.currency, r.buyer_message AS buyerMessage, r.note, r.actor, r.created_at AS createdAt, r.updated_at AS updatedAt,
  CASE WHEN json_valid(r.raw_json) THEN json_extract(r.raw_json, '$.createdAt') END AS allegroCreatedAt,
  (SELECT sum(rl.quantity) FROM return_lines rl WHERE rl.return_id = r.id) AS itemCount,
  (SELECT rl.name FROM return_lines rl WHERE rl.return_id = r.id ORDER BY rl.id LIMIT 1) AS firstItemName,
  r.cancelled_at AS cancelledAt, r.cancelled_by AS cancelledBy, r.cancel_reason AS cancelReason`;
export const RETURN_FROM = `returns r LEFT JOIN orders o ON o.id = r.order_id`;

/** The refund deadline: stored, else 14 days from the withdrawal (or from when Allegro registered the return). */
export function refundDueAt(r: Pick<RawReturn, 'refundDueAt' | 'withdrawnAt' | 'allegroCreatedAt' | 'createdAt'>): string {
  if (r.refundDueAt) return r.refundDueAt;
  const start = r.withdrawnAt ?? r.allegroCreatedAt ?? r.createdAt;
  return legalDeadline(Number.isNaN(Date.parse(start)) ? r.createdAt : start);
}

/** Allegro's return statuses that mean the parcel reached the seller (the goods are here, not yet checked). */
export const GOODS_DELIVERED_STATUSES: ReadonlySet<string> = new Set(['DELIVERED', 'WAREHOUSE_DELIVERED', 'WAREHOUSE_VERIFICATION']);

const NO_DEADLINE: Deadline = { dueAt: null, daysLeft: null, overdue: false, met: false };

/**
 * The refund deadline as it stands now (art. 32 u.p.k.):
 * - refunded: met;
 * - rejected or cancelled: no refund is owed, no deadline;
 * - closed without a recorded refund (Allegro finished it, or the shop settled it otherwise): no longer runs;
 * - goods not back yet (announced, on their way): the seller may hold the refund until they arrive, so the
 *   date is shown but never counted as missed (`waitingForGoods`);
 * - goods here: the 14 days from the withdrawal — or, when the goods came later than that, the end of
 *   the day they came (the refund is due at once then).
 */
export function refundDeadline(r: RawReturn, now: Date): Deadline {
  const due = refundDueAt(r);
  if (r.refundedAt !== null) return deadlineState(due, r.refundedAt, now);
  if (r.status === 'rejected' || r.status === 'closed') return NO_DEADLINE;
  const goodsHere = r.status === 'received' || r.receivedAt !== null || (r.allegroStatus !== null && GOODS_DELIVERED_STATUSES.has(r.allegroStatus));
  if (!goodsHere) return { ...deadlineState(due, null, now), overdue: false, waitingForGoods: true };
  const arrived = r.receivedAt ? endOfWarsawDay(warsawDate(new Date(r.receivedAt))) : null;
  return deadlineState(arrived !== null && Date.parse(arrived) > Date.parse(due) ? arrived : due, null, now);
}

export function toReturnRow(r: RawReturn, now: Date): ReturnRow {
  return {
    id: r.id,
    allegroReturnId: r.allegroReturnId,
    referenceNumber: r.referenceNumber,
    orderId: r.orderId,
    orderNumber: r.orderId === null ? null : orderNumber({ id: r.orderId, allegroOrderId: r.orderAllegroId }),
    buyerLogin: r.buyerLogin,
    buyerName: r.buyerName,
    status: r.status,
    allegroStatus: r.allegroStatus,
    withdrawnAt: r.withdrawnAt,
    receivedAt: r.receivedAt,
    refundedAt: r.refundedAt,
    refundGrosze: r.refundGrosze,
    currency: r.currency,
    refund: refundDeadline(r, now),
    itemCount: r.itemCount ?? 0,
    firstItemName: r.firstItemName,
    createdAt: r.createdAt,
    cancelled: r.cancelledAt !== null,
  };
}

export function readReturn(sqlite: SqliteDatabase, id: number): RawReturn {
  const row = prepared(sqlite, `SELECT ${RETURN_SELECT} FROM ${RETURN_FROM} WHERE r.id = ?`).get(id) as RawReturn | undefined;
  if (!row) throw new DomainError('not_found', `There is no return with id ${id}.`, { returnId: id });
  return row;
}

export function readReturnLines(sqlite: SqliteDatabase, returnId: number): ReturnLine[] {
  return prepared(
    sqlite,
    `SELECT rl.id, rl.order_line_id AS orderLineId, rl.product_id AS productId, p.sku, rl.offer_id AS offerId,
            coalesce(rl.name, ol.name, p.name) AS name, rl.quantity, rl.reason_code AS reasonCode, rl.reason_text AS reasonText,
            rl.condition, rl.decision, rl.location_id AS locationId, loc.code AS locationCode, rl.decided_at AS decidedAt
     FROM return_lines rl
     LEFT JOIN order_lines ol ON ol.id = rl.order_line_id
     LEFT JOIN products p ON p.id = coalesce(rl.product_id, ol.product_id)
     LEFT JOIN locations loc ON loc.id = rl.location_id
     WHERE rl.return_id = ? ORDER BY rl.id`,
  ).all(returnId) as ReturnLine[];
}

/** Every refund of a return, newest first, voided ones included. */
export function readRefunds(sqlite: SqliteDatabase, returnId: number): ReturnRefund[] {
  return prepared(
    sqlite,
    `SELECT id, amount_grosze AS amountGrosze, currency, refunded_at AS refundedAt, actor, created_at AS createdAt,
            voided_at AS voidedAt, voided_by AS voidedBy, void_reason AS voidReason
     FROM return_refunds WHERE return_id = ? ORDER BY id DESC`,
  ).all(returnId) as ReturnRefund[];
}

export interface RefundLimit {
  /** What the order is worth (total to pay); null when the return is not linked to an order. */
  orderTotalGrosze: number | null;
  /** Live refunds of the order's other returns. */
  refundedElsewhereGrosze: number;
  maxGrosze: number;
  /** The returned items at the price paid (plus the delivery when the whole order came back), within the limit. */
  suggestedGrosze: number;
}

/**
 * How much this return may refund: the order's worth minus what its other returns refunded (a voided
 * refund no longer counts). The suggestion is what the returned items cost the buyer; when every unit
 * of the order has come back, the delivery too (art. 32 ust. 1 u.p.k.: all payments, delivery included).
 */
export function refundLimit(sqlite: SqliteDatabase, r: RawReturn): RefundLimit {
  if (r.orderId === null) {
    // Not linked to an order: no worth to check against; Allegro's own figure is the suggestion.
    const allegro = r.refundedAt === null && r.refundGrosze !== null && r.refundGrosze > 0 ? r.refundGrosze : 0;
    return { orderTotalGrosze: null, refundedElsewhereGrosze: 0, maxGrosze: MAX_INPUT_GROSZE, suggestedGrosze: Math.min(allegro, MAX_INPUT_GROSZE) };
  }
  const order = prepared(sqlite, 'SELECT total_to_pay_grosze AS total, coalesce(delivery_cost_grosze, 0) AS delivery FROM orders WHERE id = ?').get(r.orderId) as
    | { total: number; delivery: number }
    | undefined;
  const total = order?.total ?? 0;
  const elsewhere =
    (prepared(sqlite, `SELECT coalesce(sum(refund_grosze), 0) FROM returns WHERE order_id = ? AND id <> ? AND refunded_at IS NOT NULL AND refund_grosze > 0 AND status <> 'rejected'`)
      .pluck()
      .get(r.orderId, r.id) as number) ?? 0;
  const max = Math.max(0, total - elsewhere);
  const items =
    (prepared(sqlite, `SELECT coalesce(sum(rl.quantity * ol.unit_price_grosze), 0) FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id WHERE rl.return_id = ?`)
      .pluck()
      .get(r.id) as number) ?? 0;
  const left = prepared(
    sqlite,
    `SELECT count(*) FROM order_lines ol WHERE ol.order_id = ? AND ol.quantity > coalesce((
       SELECT sum(rl.quantity) FROM return_lines rl JOIN returns x ON x.id = rl.return_id WHERE rl.order_line_id = ol.id AND x.status <> 'rejected'), 0)`,
  )
    .pluck()
    .get(r.orderId) as number;
  const suggested = items + (left === 0 && r.status !== 'rejected' ? (order?.delivery ?? 0) : 0);
  return { orderTotalGrosze: total, refundedElsewhereGrosze: elsewhere, maxGrosze: max, suggestedGrosze: Math.min(suggested, max) };
}

export function returnDetail(sqlite: SqliteDatabase, id: number, now: Date): ReturnDetail {
  const r = readReturn(sqlite, id);
  return {
    return: {
      ...toReturnRow(r, now),
      buyerMessage: r.buyerMessage,
      note: r.note,
      actor: r.actor,
      updatedAt: r.updatedAt,
      cancelledAt: r.cancelledAt,
      cancelledBy: r.cancelledBy,
      cancelReason: r.cancelReason,
    },
    lines: readReturnLines(sqlite, id),
    refunds: readRefunds(sqlite, id),
    refundLimit: refundLimit(sqlite, r),
  };
}

/** Units of each order line already claimed by returns (rejected ones do not count). */
export function returnedByLine(sqlite: SqliteDatabase, orderId: number, exceptReturnLineId: number | null = null): Map<number, number> {
  const rows = prepared(
    sqlite,
    `SELECT rl.order_line_id AS lineId, sum(rl.quantity) AS qty
     FROM return_lines rl JOIN returns r ON r.id = rl.return_id JOIN order_lines ol ON ol.id = rl.order_line_id
     WHERE ol.order_id = ? AND r.status <> 'rejected' AND rl.id IS NOT ?
     GROUP BY rl.order_line_id`,
  ).all(orderId, exceptReturnLineId) as Array<{ lineId: number; qty: number }>;
  return new Map(rows.map((r) => [r.lineId, r.qty]));
}

import type { ReturnDetail, ReturnLine, ReturnRow, ReturnStatus } from '../../../shared/contract/returns.contract';
import type { SqliteDatabase } from '../db/connection';
import { DomainError } from '../errors';
import { orderNumber } from '../packing/order-code';
import { prepared } from '../stock/product.repository';
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
  (SELECT rl.name FROM return_lines rl WHERE rl.return_id = r.id ORDER BY rl.id LIMIT 1) AS firstItemName`;
export const RETURN_FROM = `returns r LEFT JOIN orders o ON o.id = r.order_id`;

/** The refund deadline: stored, else 14 days from the withdrawal (or from when Allegro registered the return). */
export function refundDueAt(r: Pick<RawReturn, 'refundDueAt' | 'withdrawnAt' | 'allegroCreatedAt' | 'createdAt'>): string {
  if (r.refundDueAt) return r.refundDueAt;
  const start = r.withdrawnAt ?? r.allegroCreatedAt ?? r.createdAt;
  return legalDeadline(Number.isNaN(Date.parse(start)) ? r.createdAt : start);
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
    // A rejected return owes no refund: its deadline no longer runs.
    refund: deadlineState(refundDueAt(r), r.refundedAt ?? (r.status === 'rejected' ? r.updatedAt : null), now),
    itemCount: r.itemCount ?? 0,
    firstItemName: r.firstItemName,
    createdAt: r.createdAt,
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

export function returnDetail(sqlite: SqliteDatabase, id: number, now: Date): ReturnDetail {
  const r = readReturn(sqlite, id);
  return {
    return: { ...toReturnRow(r, now), buyerMessage: r.buyerMessage, note: r.note, actor: r.actor, updatedAt: r.updatedAt },
    lines: readReturnLines(sqlite, id),
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

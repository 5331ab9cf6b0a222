import type { ReturnDetail } from '../../../shared/contract/returns.contract';
import type { LedgerReasonCode } from '../../../shared/domain/ledger-reasons';
import { formatMoney } from '../../../shared/domain/money';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import type { SqliteDatabase } from '../db/connection';
import { DomainError } from '../errors';
import { immediateTransaction } from '../packing/immediate-transaction';
import { appendLedger } from '../stock/ledger.repository';
import { prepared } from '../stock/product.repository';
import { type RawReturn, readReturn, refundLimit, returnDetail } from './returns.repository';

const CANCELLED: LedgerReasonCode = 'return.cancelled';

function refuseFinished(ret: RawReturn, what: string): void {
  if (ret.cancelledAt) throw new DomainError('conflict', `Return ${ret.id} was cancelled as registered by mistake; ${what}.`, { reason: 'cancelled' });
  if (ret.status === 'rejected') throw new DomainError('conflict', `Return ${ret.id} was rejected; ${what}.`, { reason: 'rejected' });
}

/**
 * The refund recorded in the returns row before refunds had their own table (demo shop, older data)
 * becomes a row of return_refunds, so it can be voided like any other.
 */
function liveRefundId(sqlite: SqliteDatabase, ret: RawReturn, at: string): number | null {
  const live = prepared(sqlite, 'SELECT id FROM return_refunds WHERE return_id = ? AND voided_at IS NULL').pluck().get(ret.id) as number | undefined;
  if (live !== undefined) return live;
  if (ret.refundedAt === null || !ret.refundGrosze || ret.refundGrosze <= 0) return null;
  const row = prepared(
    sqlite,
    `INSERT INTO return_refunds (return_id, order_id, amount_grosze, currency, refunded_at, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(ret.id, ret.orderId, ret.refundGrosze, ret.currency, ret.refundedAt, ret.actor, at) as { id: number };
  return row.id;
}

/**
 * Records the refund (amount and date): the 14-day refund deadline is then met. The amount is at least
 * 1 grosz and at most what the order is worth minus the refunds of its other returns; a return has one
 * refund at a time (a wrong one is voided first, then entered again).
 */
export async function markRefunded(core: Core, input: { id: number; refundedAt?: string | undefined; refundGrosze: number }, actor: Actor): Promise<ReturnDetail> {
  const at = core.now();
  const iso = at.toISOString();
  const refundedAt = input.refundedAt ? new Date(input.refundedAt).toISOString() : iso;
  if (Date.parse(refundedAt) > at.getTime() + 60_000) {
    throw new DomainError('invalid_input', 'refundedAt: the refund date cannot be in the future', [
      { path: 'refundedAt', message: 'the refund date cannot be in the future', text: { pl: 'Data zwrotu nie może być w przyszłości.', en: 'The refund date cannot be in the future.' } },
    ]);
  }
  await immediateTransaction(core, async (trx) => {
    const ret = readReturn(core.sqlite, input.id);
    refuseFinished(ret, 'there is nothing to refund');
    if (liveRefundId(core.sqlite, ret, iso) !== null) {
      throw new DomainError('conflict', `Return ${input.id} already has a refund recorded; void it before entering another.`, { reason: 'already_refunded', refundGrosze: ret.refundGrosze });
    }
    const limit = refundLimit(core.sqlite, ret);
    if (input.refundGrosze > limit.maxGrosze) {
      throw new DomainError(
        'invalid_input',
        `refundGrosze: at most ${limit.maxGrosze} grosze can be refunded (order worth ${limit.orderTotalGrosze ?? 'unknown'}, refunded on other returns ${limit.refundedElsewhereGrosze})`,
        [
          {
            path: 'refundGrosze',
            message: 'more than the order is worth minus earlier refunds',
            // The person's own words for the form (the app shows `text` in the chosen language).
            text: {
              pl: `Najwyżej ${formatMoney(limit.maxGrosze, ret.currency, 'pl-PL')} — tyle zostało z wartości zamówienia po wcześniejszych zwrotach.`,
              en: `At most ${formatMoney(limit.maxGrosze, ret.currency, 'en-GB')} — what is left of the order after earlier refunds.`,
            },
            maxGrosze: limit.maxGrosze,
            orderTotalGrosze: limit.orderTotalGrosze,
            refundedElsewhereGrosze: limit.refundedElsewhereGrosze,
          },
        ],
      );
    }
    await trx
      .insertInto('returnRefunds')
      .values({ returnId: ret.id, orderId: ret.orderId, amountGrosze: input.refundGrosze, currency: ret.currency, refundedAt, actor, createdAt: iso, voidedAt: null, voidedBy: null, voidReason: null })
      .execute();
    await trx.updateTable('returns').set({ refundedAt, refundGrosze: input.refundGrosze, updatedAt: iso }).where('id', '=', input.id).execute();
    await recordAudit(trx, { actor, action: 'returns.refund', entity: 'return', entityId: input.id, details: { refundedAt, refundGrosze: input.refundGrosze, currency: ret.currency, maxGrosze: limit.maxGrosze } }, at);
  });
  core.events.emit('data.changed', { areas: ['returns'] });
  return returnDetail(core.sqlite, input.id, core.now());
}

/**
 * Voids the refund recorded for a return (typed wrongly, or the money did not go out): the refund row
 * stays with who voided it, when and why; the return no longer counts as refunded (its deadline runs
 * again, the register no longer counts the amount) and a new refund may be entered. A closed return
 * opens again, since it is no longer settled.
 */
export async function voidRefund(core: Core, input: { id: number; reason: string }, actor: Actor): Promise<ReturnDetail> {
  const at = core.now();
  const iso = at.toISOString();
  await immediateTransaction(core, async (trx) => {
    const ret = readReturn(core.sqlite, input.id);
    const refundId = liveRefundId(core.sqlite, ret, iso);
    if (refundId === null) throw new DomainError('conflict', `Return ${input.id} has no refund to void.`, { reason: 'not_refunded' });
    await trx.updateTable('returnRefunds').set({ voidedAt: iso, voidedBy: actor, voidReason: input.reason }).where('id', '=', refundId).execute();
    const reopened = ret.status === 'closed' ? (ret.receivedAt ? 'received' : 'expected') : ret.status;
    await trx.updateTable('returns').set({ refundedAt: null, refundGrosze: null, status: reopened, updatedAt: iso }).where('id', '=', ret.id).execute();
    await recordAudit(
      trx,
      { actor, action: 'returns.refund_void', entity: 'return', entityId: ret.id, details: { refundId, refundGrosze: ret.refundGrosze, refundedAt: ret.refundedAt, reason: input.reason, status: { from: ret.status, to: reopened } } },
      at,
    );
  });
  core.events.emit('data.changed', { areas: ['returns'] });
  return returnDetail(core.sqlite, input.id, core.now());
}

/**
 * Cancels a return registered by mistake. Goods it put back on a shelf are taken out again by reversal
 * entries (the same kind, the opposite quantity, the same shelf and document) — the ledger is never
 * edited. The return keeps its lines as history, takes status 'rejected' (so it no longer claims the
 * order's units, counts in no list of deadlines and stays out of the register) and records who, when
 * and why. A refund must be voided first.
 */
export async function cancelReturn(core: Core, input: { id: number; reason: string }, actor: Actor): Promise<ReturnDetail> {
  const at = core.now();
  const iso = at.toISOString();
  await immediateTransaction(core, async (trx) => {
    const ret = readReturn(core.sqlite, input.id);
    if (ret.cancelledAt) throw new DomainError('conflict', `Return ${input.id} is already cancelled.`, { reason: 'cancelled' });
    if (ret.status === 'rejected') throw new DomainError('conflict', `Return ${input.id} was rejected; there is nothing to cancel.`, { reason: 'rejected' });
    if (liveRefundId(core.sqlite, ret, iso) !== null) {
      throw new DomainError('conflict', `Return ${input.id} has a refund recorded; void the refund before cancelling the return.`, { reason: 'refunded' });
    }
    // What this return's entries still hold per product and shelf (earlier reversals included).
    const held = prepared(
      core.sqlite,
      `SELECT l.product_id AS productId, l.location_id AS locationId, sum(l.quantity) AS quantity, max(l.document) AS document, p.sku, p.on_hand AS onHand, p.allow_backorder AS backorder
       FROM stock_ledger l JOIN products p ON p.id = l.product_id
       WHERE l.return_id = ? AND l.kind = 'return'
       GROUP BY l.product_id, l.location_id HAVING sum(l.quantity) <> 0 ORDER BY l.product_id, l.location_id`,
    ).all(ret.id) as Array<{ productId: number; locationId: number | null; quantity: number; document: string | null; sku: string; onHand: number; backorder: number }>;
    const needed = new Map<number, { sku: string; onHand: number; backorder: number; quantity: number }>();
    for (const h of held) {
      const n = needed.get(h.productId) ?? { sku: h.sku, onHand: h.onHand, backorder: h.backorder, quantity: 0 };
      n.quantity += h.quantity;
      needed.set(h.productId, n);
    }
    const gone = [...needed.values()].filter((n) => n.quantity > n.onHand && !n.backorder);
    if (gone.length) {
      throw new DomainError('conflict', `The returned units already left the stock (${gone.map((g) => `${g.sku}: ${g.onHand} on hand, ${g.quantity} to take out`).join('; ')}); correct the stock first.`, {
        reason: 'stock_gone',
        products: gone.map((g) => ({ sku: g.sku, onHand: g.onHand, quantity: g.quantity })),
      });
    }
    const reversed: Array<Record<string, unknown>> = [];
    for (const h of held) {
      await appendLedger(trx, { productId: h.productId, locationId: h.locationId, kind: 'return', quantity: -h.quantity, reason: CANCELLED, document: h.document, orderId: ret.orderId, returnId: ret.id, actor }, at);
      reversed.push({ productId: h.productId, locationId: h.locationId, quantity: -h.quantity });
    }
    await trx
      .updateTable('returns')
      .set({ status: 'rejected', cancelledAt: iso, cancelledBy: actor, cancelReason: input.reason, updatedAt: iso })
      .where('id', '=', ret.id)
      .execute();
    await recordAudit(trx, { actor, action: 'returns.cancel', entity: 'return', entityId: ret.id, details: { from: ret.status, reason: input.reason, reversed } }, at);
  });
  core.events.emit('data.changed', { areas: ['returns', 'stock', 'products', 'orders'] });
  return returnDetail(core.sqlite, input.id, core.now());
}

/** Closes a settled return or rejects one; the note is added to the return's notes. Stock is not touched. */
export async function setReturnStatus(core: Core, input: { id: number; status: 'closed' | 'rejected'; note?: string | undefined }, actor: Actor): Promise<ReturnDetail> {
  const at = core.now();
  await immediateTransaction(core, async (trx) => {
    const ret = readReturn(core.sqlite, input.id);
    if (ret.status === 'closed' || ret.status === 'rejected') {
      throw new DomainError('conflict', `Return ${input.id} is already ${ret.status}.`, { reason: 'finished', status: ret.status });
    }
    const note = input.note ? (ret.note ? `${ret.note}\n${input.note}` : input.note) : ret.note;
    await trx.updateTable('returns').set({ status: input.status, note, updatedAt: at.toISOString() }).where('id', '=', input.id).execute();
    await recordAudit(trx, { actor, action: `returns.${input.status === 'closed' ? 'close' : 'reject'}`, entity: 'return', entityId: input.id, details: { from: ret.status, note: input.note ?? null } }, at);
  });
  core.events.emit('data.changed', { areas: ['returns'] });
  return returnDetail(core.sqlite, input.id, core.now());
}

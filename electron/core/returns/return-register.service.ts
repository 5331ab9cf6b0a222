import type { z } from 'zod';
import type { InputIssue } from '../../../shared/contract/envelope';
import type { receiveReturnInput, registerReturnInput, ReturnCondition, ReturnDetail } from '../../../shared/contract/returns.contract';
import type { LedgerReasonCode } from '../../../shared/domain/ledger-reasons';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { immediateTransaction } from '../packing/immediate-transaction';
import { appendLedger } from '../stock/ledger.repository';
import { prepared } from '../stock/product.repository';
import { legalDeadline } from './legal-deadline';
import { RETURNABLE_STATUSES, returnableOrder } from './returnable-order';
import { readReturn, refundDueAt, returnDetail, returnedByLine } from './returns.repository';

type RegisterInput = z.output<typeof registerReturnInput>;
type ReceiveInput = z.output<typeof receiveReturnInput>;

/** The ledger's reason, stored as a code: the stock history says it in the reader's language (shared/domain/ledger-reasons.ts). */
const RESTOCK_REASON: Record<ReturnCondition, LedgerReasonCode> = {
  resellable: 'return.resellable',
  damaged: 'return.damaged',
  incomplete: 'return.incomplete',
};

/** The document number a shop return carries in the ledger: Allegro's reference when there is one. */
export function returnDocument(r: { id: number; referenceNumber: string | null }): string {
  return r.referenceNumber ?? `ZWR-${r.id}`;
}

function invalid(issues: InputIssue[]): never {
  throw new DomainError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

function requireLocation(core: Core, id: number): void {
  if (!prepared(core.sqlite, 'SELECT 1 FROM locations WHERE id = ?').get(id)) throw new DomainError('not_found', `There is no location with id ${id}.`, { locationId: id });
}

function productHome(core: Core, productId: number): number | null {
  const row = prepared(core.sqlite, 'SELECT default_location_id AS loc FROM products WHERE id = ?').get(productId) as { loc: number | null } | undefined;
  return row?.loc ?? null;
}

/**
 * Registers a return of a shipped order. Everything is checked inside one IMMEDIATE transaction, so
 * two people registering the same parcel cannot together return more than was sold: each line's
 * quantity is capped at sold minus what earlier returns claimed. When the goods are here (`received`),
 * each line needs its condition and decision; "back to stock" appends a `return` ledger entry at the
 * chosen shelf (default: the product's home shelf).
 */
export async function registerReturn(core: Core, input: RegisterInput, actor: Actor): Promise<ReturnDetail> {
  const at = core.now();
  const iso = at.toISOString();
  const withdrawnAt = input.withdrawnAt ? new Date(input.withdrawnAt).toISOString() : iso;
  if (Date.parse(withdrawnAt) > at.getTime() + 60_000) invalid([{ path: 'withdrawnAt', message: 'the withdrawal date cannot be in the future' }]);
  const id = await immediateTransaction(core, async (trx) => {
    const order = returnableOrder(core.sqlite, input.orderId);
    if (!order) throw new DomainError('not_found', `There is no order with id ${input.orderId}.`, { orderId: input.orderId });
    if (!(RETURNABLE_STATUSES as readonly string[]).includes(order.status)) {
      throw new DomainError('conflict', `Order ${order.number} has not been shipped (${order.status}); cancel it instead of registering a return.`, { reason: 'not_shipped', status: order.status });
    }
    const issues: InputIssue[] = [];
    const requested = new Map<number, number>();
    input.lines.forEach((line, i) => {
      const orderLine = order.lines.find((l) => l.orderLineId === line.orderLineId);
      if (!orderLine) {
        issues.push({ path: `lines.${i}.orderLineId`, message: `order ${order.number} has no line ${line.orderLineId}` });
        return;
      }
      const total = (requested.get(line.orderLineId) ?? 0) + line.quantity;
      requested.set(line.orderLineId, total);
      if (total > orderLine.returnable) {
        issues.push({ path: `lines.${i}.quantity`, message: `at most ${orderLine.returnable} can be returned (sold ${orderLine.sold}, already returned ${orderLine.alreadyReturned})` });
      }
      if (input.received) {
        if (!line.condition) issues.push({ path: `lines.${i}.condition`, message: 'choose the condition of the returned item' });
        if (!line.decision) issues.push({ path: `lines.${i}.decision`, message: 'choose what happens to the returned item' });
      }
      if (line.decision === 'restock' && orderLine.productId === null) {
        issues.push({ path: `lines.${i}.decision`, message: 'this line is not linked to a product in stock, so it cannot go back to stock' });
      }
    });
    if (issues.length > 0) invalid(issues);
    for (const line of input.lines) if (line.locationId) requireLocation(core, line.locationId);

    const created = await trx
      .insertInto('returns')
      .values({
        allegroReturnId: null,
        referenceNumber: null,
        orderId: order.id,
        allegroStatus: null,
        status: input.received ? 'received' : 'expected',
        withdrawnAt,
        receivedAt: input.received ? iso : null,
        refundDueAt: legalDeadline(withdrawnAt),
        refundedAt: null,
        refundGrosze: null,
        currency: order.currency,
        buyerMessage: null,
        note: input.note ?? null,
        rawJson: null,
        importRunId: null,
        actor,
        createdAt: iso,
        updatedAt: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const document = returnDocument({ id: created.id, referenceNumber: null });
    const written: Array<Record<string, unknown>> = [];
    for (const line of input.lines) {
      const orderLine = order.lines.find((l) => l.orderLineId === line.orderLineId)!;
      const decided = input.received && line.decision !== undefined;
      const locationId = line.decision === 'restock' ? (line.locationId ?? orderLine.locationId ?? productHome(core, orderLine.productId!)) : null;
      await trx
        .insertInto('returnLines')
        .values({
          returnId: created.id,
          orderLineId: line.orderLineId,
          productId: orderLine.productId,
          offerId: null,
          name: orderLine.name,
          quantity: line.quantity,
          reasonCode: line.reasonCode,
          reasonText: line.reasonText ?? null,
          condition: input.received ? (line.condition ?? null) : null,
          decision: decided ? line.decision! : null,
          locationId,
          decidedAt: decided ? iso : null,
        })
        .execute();
      if (decided && line.decision === 'restock') {
        await appendLedger(
          trx,
          { productId: orderLine.productId!, locationId, kind: 'return', quantity: line.quantity, reason: RESTOCK_REASON[line.condition!], document, orderId: order.id, returnId: created.id, actor },
          at,
        );
      }
      written.push({ orderLineId: line.orderLineId, quantity: line.quantity, reasonCode: line.reasonCode, condition: line.condition ?? null, decision: decided ? line.decision : null, locationId });
    }
    await recordAudit(trx, { actor, action: 'returns.register', entity: 'return', entityId: created.id, details: { orderId: order.id, received: input.received, lines: written } }, at);
    return created.id;
  });
  core.events.emit('data.changed', { areas: ['returns', 'stock', 'products', 'orders'] });
  return returnDetail(core.sqlite, id, core.now());
}

interface RawLine {
  id: number;
  orderLineId: number | null;
  productId: number | null;
  offerId: string | null;
  quantity: number;
}

/**
 * Receives an expected return (announced by the buyer, or imported from Allegro): what arrived, its
 * condition and what happens to it. Every line of the return must be listed; 0 units = it did not
 * come (the line is removed, so it no longer counts against the order). Lines imported without a link
 * to the order may be linked here; a line's product comes from that link or from the Allegro offer.
 */
export async function receiveReturn(core: Core, input: ReceiveInput, actor: Actor): Promise<ReturnDetail> {
  const at = core.now();
  const iso = at.toISOString();
  await immediateTransaction(core, async (trx) => {
    const ret = readReturn(core.sqlite, input.id);
    if (ret.status !== 'expected') {
      throw new DomainError('conflict', `Return ${input.id} is ${ret.status}, not waiting to be received.`, { reason: 'not_expected', status: ret.status });
    }
    const lines = prepared(core.sqlite, 'SELECT id, order_line_id AS orderLineId, product_id AS productId, offer_id AS offerId, quantity FROM return_lines WHERE return_id = ? ORDER BY id').all(input.id) as RawLine[];
    const issues: InputIssue[] = [];
    const listed = new Set(input.lines.map((l) => l.returnLineId));
    for (const line of lines) if (!listed.has(line.id)) issues.push({ path: 'lines', message: `line ${line.id} of this return is missing; list every line (0 if it did not arrive)` });
    const plan = input.lines.map((inLine, i) => {
      const line = lines.find((l) => l.id === inLine.returnLineId);
      if (!line) {
        issues.push({ path: `lines.${i}.returnLineId`, message: `return ${input.id} has no line ${inLine.returnLineId}` });
        return null;
      }
      if (inLine.quantity > line.quantity) issues.push({ path: `lines.${i}.quantity`, message: `at most ${line.quantity} were announced` });
      const orderLineId = inLine.orderLineId ?? line.orderLineId;
      let orderLine: { productId: number | null; orderId: number; quantity: number; status: string } | undefined;
      if (orderLineId !== null) {
        orderLine = prepared(
          core.sqlite,
          'SELECT l.product_id AS productId, l.order_id AS orderId, l.quantity, o.status FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = ?',
        ).get(orderLineId) as typeof orderLine;
        if (!orderLine || (ret.orderId !== null && orderLine.orderId !== ret.orderId)) {
          issues.push({ path: `lines.${i}.orderLineId`, message: `line ${orderLineId} is not a line of this return's order` });
        } else {
          const already = returnedByLine(core.sqlite, orderLine.orderId, line.id).get(orderLineId) ?? 0;
          if (inLine.quantity + already > orderLine.quantity) {
            issues.push({ path: `lines.${i}.quantity`, message: `at most ${Math.max(0, orderLine.quantity - already)} can be returned (sold ${orderLine.quantity}, already returned ${already})` });
          }
        }
      }
      const offerProduct = line.offerId
        ? ((prepared(core.sqlite, 'SELECT product_id AS productId FROM offers WHERE allegro_offer_id = ?').get(line.offerId) as { productId: number | null } | undefined)?.productId ?? null)
        : null;
      const productId = orderLine?.productId ?? line.productId ?? offerProduct;
      if (inLine.quantity > 0 && inLine.decision === 'restock' && productId === null) {
        issues.push({ path: `lines.${i}.decision`, message: 'this item is not linked to a product in stock, so it cannot go back to stock' });
      }
      return { inLine, line, orderLineId, productId };
    });
    if (issues.length > 0) invalid(issues);
    for (const p of plan) if (p!.inLine.locationId) requireLocation(core, p!.inLine.locationId);
    const document = returnDocument(ret);
    const written: Array<Record<string, unknown>> = [];
    for (const p of plan) {
      const { inLine, line, orderLineId, productId } = p!;
      if (inLine.quantity === 0) {
        await trx.deleteFrom('returnLines').where('id', '=', line.id).execute();
        written.push({ returnLineId: line.id, quantity: 0, announced: line.quantity });
        continue;
      }
      const locationId = inLine.decision === 'restock' ? (inLine.locationId ?? productHome(core, productId!)) : null;
      await trx
        .updateTable('returnLines')
        .set({ quantity: inLine.quantity, orderLineId, productId, condition: inLine.condition, decision: inLine.decision, locationId, decidedAt: iso })
        .where('id', '=', line.id)
        .execute();
      if (inLine.decision === 'restock') {
        await appendLedger(
          trx,
          { productId: productId!, locationId, kind: 'return', quantity: inLine.quantity, reason: RESTOCK_REASON[inLine.condition], document, orderId: ret.orderId, returnId: ret.id, actor },
          at,
        );
      }
      written.push({ returnLineId: line.id, quantity: inLine.quantity, announced: line.quantity, condition: inLine.condition, decision: inLine.decision, locationId });
    }
    await trx
      .updateTable('returns')
      .set({
        status: 'received',
        receivedAt: iso,
        refundDueAt: refundDueAt(ret),
        note: input.note ? (ret.note ? `${ret.note}\n${input.note}` : input.note) : ret.note,
        updatedAt: iso,
      })
      .where('id', '=', ret.id)
      .execute();
    await recordAudit(trx, { actor, action: 'returns.receive', entity: 'return', entityId: ret.id, details: { lines: written } }, at);
  });
  core.events.emit('data.changed', { areas: ['returns', 'stock', 'products'] });
  return returnDetail(core.sqlite, input.id, core.now());
}

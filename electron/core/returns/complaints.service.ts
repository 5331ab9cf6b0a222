import type { ComplaintDemand, ComplaintRow, ComplaintStatus } from '../../../shared/contract/returns.contract';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import type { SqliteDatabase } from '../db/connection';
import { DomainError } from '../errors';
import { fold } from '../packing/packing-queue.query';
import { immediateTransaction } from '../packing/immediate-transaction';
import { orderNumber } from '../packing/order-code';
import { prepared } from '../stock/product.repository';
import { deadlineState, legalDeadline } from './legal-deadline';
import { LIST_CAP, type ListView, matchesSearch } from './returns-list.query';

/**
 * Complaints (reklamacje): the seller must answer within 14 days of receiving one, or it counts as
 * accepted (art. 7a u.p.k.). The answer deadline is stored when the complaint is registered.
 */

interface RawComplaint {
  id: number;
  orderId: number | null;
  orderAllegroId: string | null;
  buyerLogin: string | null;
  buyerName: string | null;
  productId: number | null;
  productName: string | null;
  receivedAt: string;
  answerDueAt: string;
  description: string;
  demand: string | null;
  status: ComplaintStatus;
  answer: string | null;
  answeredAt: string | null;
  actor: string;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `
  SELECT c.id, c.order_id AS orderId, o.allegro_order_id AS orderAllegroId, o.buyer_login AS buyerLogin, o.buyer_name AS buyerName,
         c.product_id AS productId, p.name AS productName, c.received_at AS receivedAt, c.answer_due_at AS answerDueAt,
         c.description, c.demand, c.status, c.answer, c.answered_at AS answeredAt, c.actor, c.created_at AS createdAt, c.updated_at AS updatedAt
  FROM complaints c LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN products p ON p.id = c.product_id`;

function toRow(c: RawComplaint, now: Date): ComplaintRow {
  // The clock stops when the answer is given; a complaint closed without a recorded answer stops it too.
  const metAt = c.answeredAt ?? (c.status !== 'open' ? c.updatedAt : null);
  const answerDeadline = deadlineState(c.answerDueAt, metAt, now);
  return {
    id: c.id,
    orderId: c.orderId,
    orderNumber: c.orderId === null ? null : orderNumber({ id: c.orderId, allegroOrderId: c.orderAllegroId }),
    buyerLogin: c.buyerLogin,
    buyerName: c.buyerName,
    productId: c.productId,
    productName: c.productName,
    receivedAt: c.receivedAt,
    description: c.description,
    demand: c.demand,
    status: c.status,
    answer: c.answer,
    answeredAt: c.answeredAt,
    answerDeadline,
    deemedAccepted: c.status === 'open' && answerDeadline.overdue,
    actor: c.actor,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function readComplaint(sqlite: SqliteDatabase, id: number): RawComplaint {
  const row = prepared(sqlite, `${SELECT} WHERE c.id = ?`).get(id) as RawComplaint | undefined;
  if (!row) throw new DomainError('not_found', `There is no complaint with id ${id}.`, { complaintId: id });
  return row;
}

/** Open complaints first by answer deadline (overdue on top), then accepted ones being handled, then finished ones, newest first. */
export function listComplaints(sqlite: SqliteDatabase, input: { view: ListView; search?: string | undefined; offset: number; limit: number }, now: Date) {
  const term = input.search ? fold(input.search.trim()) : '';
  const read = (statuses: string, order: string) =>
    (prepared(sqlite, `${SELECT} WHERE c.status IN (${statuses}) ORDER BY ${order} LIMIT ${LIST_CAP}`).all() as RawComplaint[])
      .map((c) => toRow(c, now))
      .filter((c) => !term || matchesSearch([c.orderNumber, c.orderId === null ? null : `zap-${c.orderId}`, c.buyerLogin, c.buyerName, c.productName, c.description], term));
  const open = input.view === 'done' ? [] : read(`'open','accepted'`, `CASE c.status WHEN 'open' THEN 0 ELSE 1 END, c.answer_due_at, c.id`);
  const done = input.view === 'open' ? [] : read(`'rejected','closed'`, 'c.updated_at DESC, c.id DESC');
  const rows = [...open, ...done];
  return { rows: rows.slice(input.offset, input.offset + input.limit), total: rows.length, overdueCount: rows.filter((r) => r.answerDeadline.overdue).length };
}

export async function registerComplaint(
  core: Core,
  input: { orderId?: number | undefined; productId?: number | undefined; receivedAt?: string | undefined; description: string; demand?: ComplaintDemand | undefined },
  actor: Actor,
): Promise<ComplaintRow> {
  const at = core.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : at.toISOString();
  if (Date.parse(receivedAt) > at.getTime() + 60_000) {
    throw new DomainError('invalid_input', 'The date a complaint was received cannot be in the future.', [{ path: 'receivedAt', message: 'cannot be in the future' }]);
  }
  const id = await immediateTransaction(core, async (trx) => {
    if (input.orderId !== undefined && !prepared(core.sqlite, 'SELECT 1 FROM orders WHERE id = ?').get(input.orderId)) {
      throw new DomainError('not_found', `There is no order with id ${input.orderId}.`, { orderId: input.orderId });
    }
    if (input.productId !== undefined && !prepared(core.sqlite, 'SELECT 1 FROM products WHERE id = ?').get(input.productId)) {
      throw new DomainError('not_found', `There is no product with id ${input.productId}.`, { productId: input.productId });
    }
    const row = await trx
      .insertInto('complaints')
      .values({
        orderId: input.orderId ?? null,
        productId: input.productId ?? null,
        receivedAt,
        answerDueAt: legalDeadline(receivedAt),
        description: input.description,
        demand: input.demand ?? null,
        answer: null,
        answeredAt: null,
        actor,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, action: 'complaints.register', entity: 'complaint', entityId: row.id, details: { orderId: input.orderId ?? null, productId: input.productId ?? null, receivedAt, demand: input.demand ?? null } }, at);
    return row.id;
  });
  core.events.emit('data.changed', { areas: ['returns'] });
  return toRow(readComplaint(core.sqlite, id), core.now());
}

/** Records the answer (accepted / rejected), its text and date. An answer may be corrected until the complaint is closed. */
export async function answerComplaint(core: Core, input: { id: number; decision: 'accepted' | 'rejected'; answer: string; answeredAt?: string | undefined }, actor: Actor): Promise<ComplaintRow> {
  const at = core.now();
  const answeredAt = input.answeredAt ? new Date(input.answeredAt).toISOString() : at.toISOString();
  await immediateTransaction(core, async (trx) => {
    const c = readComplaint(core.sqlite, input.id);
    if (c.status === 'closed') throw new DomainError('conflict', `Complaint ${input.id} is closed.`, { reason: 'closed' });
    if (Date.parse(answeredAt) < Date.parse(c.receivedAt)) {
      throw new DomainError('invalid_input', 'The answer cannot be dated before the complaint was received.', [{ path: 'answeredAt', message: 'before the complaint was received' }]);
    }
    await trx.updateTable('complaints').set({ status: input.decision, answer: input.answer, answeredAt, updatedAt: at.toISOString() }).where('id', '=', input.id).execute();
    await recordAudit(
      trx,
      { actor, action: 'complaints.answer', entity: 'complaint', entityId: input.id, details: { decision: input.decision, answeredAt, late: Date.parse(answeredAt) > Date.parse(c.answerDueAt), previous: c.status } },
      at,
    );
  });
  core.events.emit('data.changed', { areas: ['returns'] });
  return toRow(readComplaint(core.sqlite, input.id), core.now());
}

/** Closes a complaint once it is settled. One never answered counts as accepted by law; the audit notes that. */
export async function closeComplaint(core: Core, input: { id: number; note?: string | undefined }, actor: Actor): Promise<ComplaintRow> {
  const at = core.now();
  await immediateTransaction(core, async (trx) => {
    const c = readComplaint(core.sqlite, input.id);
    if (c.status === 'closed') throw new DomainError('conflict', `Complaint ${input.id} is already closed.`, { reason: 'closed' });
    const deemedAccepted = c.status === 'open' && at.getTime() > Date.parse(c.answerDueAt);
    await trx.updateTable('complaints').set({ status: 'closed', updatedAt: at.toISOString() }).where('id', '=', input.id).execute();
    await recordAudit(trx, { actor, action: 'complaints.close', entity: 'complaint', entityId: input.id, details: { from: c.status, deemedAccepted, note: input.note ?? null } }, at);
  });
  core.events.emit('data.changed', { areas: ['returns'] });
  return toRow(readComplaint(core.sqlite, input.id), core.now());
}

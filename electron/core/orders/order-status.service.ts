import type { Transaction } from 'kysely';
import type { SetStatusOutput } from '../../../shared/contract/orders.contract';
import { OPEN_ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-status';
import type { Actor, Role } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { releaseOrder, reserveOrder } from '../stock/reservations.repository';
import { canTransition, isOwnerOnlyStatus, refusalReason, type TransitionBy } from './order-flow';
import { paymentOf } from './order-row';

/**
 * Changes one order's shop status inside the caller's transaction: checks the flow, writes the status
 * (only if nobody changed it meanwhile), keeps reservations in step (cancel releases them; entering an
 * open status reserves lines matched since) and records the audit entry. The packing service calls this
 * with by = 'packing' for packed / shipped.
 */
export async function applyStatusChange(
  trx: Transaction<Database>,
  order: { id: number; status: OrderStatus },
  to: OrderStatus,
  opts: { actor: Actor; at: Date; by: TransitionBy; reason?: string | undefined },
): Promise<void> {
  if (!canTransition(order.status, to, opts.by)) throw new DomainError('conflict', refusalReason(order.status, to), { from: order.status, to });
  const result = await trx
    .updateTable('orders')
    .set({ status: to, updatedAt: opts.at.toISOString() })
    .where('id', '=', order.id)
    .where('status', '=', order.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new DomainError('conflict', 'The order changed meanwhile; reload it.', { from: order.status, to });
  let released = 0;
  let reserved = 0;
  if (to === 'cancelled') released = await releaseOrder(trx, order.id);
  else if (OPEN_ORDER_STATUSES.includes(to)) reserved = await reserveOrder(trx, order.id, opts.at);
  await recordAudit(
    trx,
    {
      actor: opts.actor,
      action: 'order.status',
      entity: 'order',
      entityId: order.id,
      details: { from: order.status, to, ...(opts.reason ? { reason: opts.reason } : {}), ...(released ? { releasedReservations: released } : {}), ...(reserved ? { newReservations: reserved } : {}) },
    },
    opts.at,
  );
}

/**
 * The screens' status change for one or many orders (bulk "send to packing"). Each order succeeds or is
 * refused on its own — one already-shipped order in a selection of fifty must not block the rest — but
 * all accepted changes are written in one transaction.
 */
export async function setOrdersStatus(
  core: Core,
  ids: readonly number[],
  to: OrderStatus,
  reason: string | undefined,
  actor: Actor,
  role: Role | null,
  opts: { allowUnpaid?: boolean | undefined } = {},
): Promise<SetStatusOutput> {
  const changed: number[] = [];
  const refused: SetStatusOutput['refused'] = [];
  const at = core.now();
  if (role === 'helper' && isOwnerOnlyStatus(to)) {
    return { changed, refused: [...new Set(ids)].map((id) => ({ id, code: 'forbidden', message: 'Only the owner may cancel orders.', from: null })) };
  }
  // Sending unpaid orders to packing is the owner's decision, with a reason for the audit.
  const overrideUnpaid = opts.allowUnpaid === true && role === 'owner' && (reason?.trim().length ?? 0) >= 3;
  await core.db.transaction().execute(async (trx) => {
    for (const id of new Set(ids)) {
      const order = await trx.selectFrom('orders').select(['id', 'status', 'paymentType', 'paidAt']).where('id', '=', id).executeTakeFirst();
      if (!order) {
        refused.push({ id, code: 'not_found', message: `There is no order with id ${id}.`, from: null });
        continue;
      }
      if (order.status === to) {
        refused.push({ id, code: 'conflict', message: `The order is already ${to}.`, from: order.status });
        continue;
      }
      if (!canTransition(order.status, to, 'screen')) {
        refused.push({ id, code: 'conflict', message: refusalReason(order.status, to), from: order.status });
        continue;
      }
      const unpaid = to === 'to_pick' && paymentOf(order) === 'unpaid';
      if (unpaid && !overrideUnpaid) {
        refused.push({ id, code: 'unpaid', message: 'The order is not paid yet; only the owner may send it to packing anyway, with a reason.', from: order.status });
        continue;
      }
      await applyStatusChange(trx, order, to, { actor, at, by: 'screen', reason: unpaid ? `unpaid: ${reason?.trim() ?? ''}` : reason });
      changed.push(id);
    }
  });
  if (changed.length > 0) core.events.emit('data.changed', { areas: ['orders', 'stock'] });
  return { changed, refused };
}

export async function updateSellerNote(core: Core, id: number, note: string, actor: Actor): Promise<{ sellerNote: string | null; updatedAt: string }> {
  const at = core.now();
  const value = note.trim() === '' ? null : note;
  await core.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('orders').select('sellerNote').where('id', '=', id).executeTakeFirst();
    if (!before) throw new DomainError('not_found', `There is no order with id ${id}.`);
    await trx.updateTable('orders').set({ sellerNote: value, updatedAt: at.toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'order.note', entity: 'order', entityId: id, details: { from: before.sellerNote, to: value } }, at);
  });
  core.events.emit('data.changed', { areas: ['orders'] });
  return { sellerNote: value, updatedAt: at.toISOString() };
}

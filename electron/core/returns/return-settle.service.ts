import type { ReturnDetail } from '../../../shared/contract/returns.contract';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { immediateTransaction } from '../packing/immediate-transaction';
import { readReturn, returnDetail } from './returns.repository';

/** Records the refund (amount and date): the 14-day refund deadline is then met. */
export async function markRefunded(core: Core, input: { id: number; refundedAt?: string | undefined; refundGrosze: number }, actor: Actor): Promise<ReturnDetail> {
  const at = core.now();
  const refundedAt = input.refundedAt ? new Date(input.refundedAt).toISOString() : at.toISOString();
  await immediateTransaction(core, async (trx) => {
    const ret = readReturn(core.sqlite, input.id);
    if (ret.status === 'rejected') throw new DomainError('conflict', `Return ${input.id} was rejected; there is nothing to refund.`, { reason: 'rejected' });
    await trx.updateTable('returns').set({ refundedAt, refundGrosze: input.refundGrosze, updatedAt: at.toISOString() }).where('id', '=', input.id).execute();
    await recordAudit(trx, { actor, action: 'returns.refund', entity: 'return', entityId: input.id, details: { refundedAt, refundGrosze: input.refundGrosze, currency: ret.currency } }, at);
  });
  core.events.emit('data.changed', { areas: ['returns'] });
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

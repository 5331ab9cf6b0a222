import type { z } from 'zod';
import type { adjustInput, moveInput, receiveInput, StockOpResult } from '../../../shared/contract/stock.contract';
import { ledgerReason } from '../../../shared/domain/ledger-reasons';
import type { Actor, Role } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { entriesByIds, quantityAt } from './ledger-read.repository';
import { appendLedger } from './ledger.repository';
import { findProduct, prepared, type RawProduct } from './product.repository';
import { visibilityFor } from './product.service';

/**
 * Goods received, manual adjustment and moves between shelves. Each is one transaction: ledger entries
 * (through appendLedger — the triggers keep on-hand and refuse negative stock) plus one audit entry.
 */

type ReceiveInput = z.output<typeof receiveInput>;
type AdjustInput = z.output<typeof adjustInput>;
type MoveInput = z.output<typeof moveInput>;

function requireProduct(core: Core, id: number): RawProduct {
  const product = findProduct(core.sqlite, id);
  if (!product) throw new DomainError('not_found', `There is no product with id ${id}.`, { productId: id });
  return product;
}

function requireLocation(core: Core, id: number): { id: number; code: string } {
  const location = prepared(core.sqlite, 'SELECT id, code FROM locations WHERE id = ?').get(id) as { id: number; code: string } | undefined;
  if (!location) throw new DomainError('not_found', `There is no location with id ${id}.`, { locationId: id });
  return location;
}

function result(core: Core, entryIds: number[], productIds: Iterable<number>, role: Role | null): StockOpResult {
  const products = [...new Set(productIds)].map((id) => {
    const p = requireProduct(core, id);
    return { id, onHand: p.onHand, reserved: p.reserved, available: p.onHand - p.reserved };
  });
  return { entries: entriesByIds(core.sqlite, entryIds, visibilityFor(role)), products };
}

export async function receiveGoods(core: Core, input: ReceiveInput, actor: Actor, role: Role | null): Promise<StockOpResult> {
  if (role === 'helper' && (input.updatePurchasePrice || input.lines.some((l) => l.unitCostGrosze !== undefined))) {
    throw new DomainError('forbidden', 'Only the owner may enter purchase prices.', { field: 'unitCostGrosze' });
  }
  const products = input.lines.map((line) => requireProduct(core, line.productId));
  for (const line of input.lines) if (line.locationId !== undefined) requireLocation(core, line.locationId);
  // A typed note is kept as typed; otherwise a code the stock history says in the reader's language.
  const reason = input.note || (input.supplier ? ledgerReason('receipt.supplier', input.supplier) : ledgerReason('receipt'));
  const at = core.now();
  const ids = await core.db.transaction().execute(async (trx) => {
    const written: number[] = [];
    for (const [i, line] of input.lines.entries()) {
      const product = products[i]!;
      written.push(
        await appendLedger(
          trx,
          {
            productId: line.productId,
            locationId: line.locationId ?? product.locationId,
            kind: 'receipt',
            quantity: line.quantity,
            reason,
            document: input.document,
            unitCostGrosze: line.unitCostGrosze ?? null,
            actor,
          },
          at,
        ),
      );
      if (input.updatePurchasePrice && line.unitCostGrosze !== undefined) {
        await trx.updateTable('products').set({ purchasePriceGrosze: line.unitCostGrosze, updatedAt: at.toISOString() }).where('id', '=', line.productId).execute();
      }
    }
    await recordAudit(
      trx,
      {
        actor,
        action: 'stock.receive',
        entity: 'delivery',
        entityId: input.document,
        details: { supplier: input.supplier ?? null, lines: input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), entries: written },
      },
      at,
    );
    return written;
  });
  core.events.emit('data.changed', { areas: ['stock', 'products'] });
  return result(core, ids, input.lines.map((l) => l.productId), role);
}

export async function adjustStock(core: Core, input: AdjustInput, actor: Actor, role: Role | null): Promise<StockOpResult> {
  const product = requireProduct(core, input.productId);
  if (input.locationId !== undefined) requireLocation(core, input.locationId);
  const at = core.now();
  const id = await core.db.transaction().execute(async (trx) => {
    const entryId = await appendLedger(
      trx,
      {
        productId: input.productId,
        locationId: input.locationId ?? product.locationId,
        kind: 'adjustment',
        quantity: input.quantity,
        reason: input.reason,
        document: input.document ?? null,
        actor,
      },
      at,
    );
    await recordAudit(trx, { actor, action: 'stock.adjust', entity: 'product', entityId: input.productId, details: { quantity: input.quantity, reason: input.reason, entry: entryId } }, at);
    return entryId;
  });
  core.events.emit('data.changed', { areas: ['stock', 'products'] });
  return result(core, [id], [input.productId], role);
}

/** Two 'move' entries (in first, then out, so on-hand never dips below zero in between). */
export async function moveStock(core: Core, input: MoveInput, actor: Actor, role: Role | null): Promise<StockOpResult> {
  const product = requireProduct(core, input.productId);
  const to = requireLocation(core, input.toLocationId);
  const from = input.fromLocationId === null ? null : requireLocation(core, input.fromLocationId);
  if (from?.id === to.id) throw new DomainError('invalid_input', 'Source and target shelf are the same.', [{ path: 'toLocationId', message: 'same as the source' }]);
  const at = core.now();
  const ids = await core.db.transaction().execute(async (trx) => {
    // Read inside the transaction: two people moving the same units cannot both take them.
    const there = quantityAt(core.sqlite, input.productId, product.locationId, from?.id ?? null);
    if (there < input.quantity) {
      throw new DomainError('insufficient_stock', `Only ${there} units are on ${from?.code ?? 'no shelf'}.`, { available: there });
    }
    const reason = input.reason || (from ? ledgerReason('stock.move', from.code, to.code) : ledgerReason('stock.move.unplaced', to.code));
    const inId = await appendLedger(trx, { productId: input.productId, locationId: to.id, kind: 'move', quantity: input.quantity, reason, actor }, at);
    const outId = await appendLedger(trx, { productId: input.productId, locationId: from?.id ?? null, kind: 'move', quantity: -input.quantity, reason, actor }, at);
    if (input.makeHome && product.locationId !== to.id) {
      await trx.updateTable('products').set({ defaultLocationId: to.id, updatedAt: at.toISOString() }).where('id', '=', input.productId).execute();
    }
    await recordAudit(
      trx,
      { actor, action: 'stock.move', entity: 'product', entityId: input.productId, details: { from: from?.code ?? null, to: to.code, quantity: input.quantity, makeHome: input.makeHome } },
      at,
    );
    return [outId, inId];
  });
  core.events.emit('data.changed', { areas: ['stock', 'products'] });
  return result(core, ids, [input.productId], role);
}

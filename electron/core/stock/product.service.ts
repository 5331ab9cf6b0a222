import type { z } from 'zod';
import type { createProductInput, ProductDetail, updateProductInput } from '../../../shared/contract/stock.contract';
import { isGtuCode } from '../../../shared/domain/gtu';
import type { Actor, Role } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import type { ProductUpdate } from '../db/schema';
import { DomainError } from '../errors';
import { quantitiesByLocation } from './ledger-read.repository';
import { findProduct, prepared, toProductRow, type Visibility } from './product.repository';

type CreateInput = z.output<typeof createProductInput>;
type UpdateInput = z.output<typeof updateProductInput>;

export function visibilityFor(role: Role | null): Visibility {
  return { showCosts: role !== 'helper' };
}

export function productDetail(core: Core, id: number, visibility: Visibility): ProductDetail {
  const raw = findProduct(core.sqlite, id);
  if (!raw) throw new DomainError('not_found', `There is no product with id ${id}.`);
  const offers = prepared(
    core.sqlite,
    `SELECT id, allegro_offer_id AS allegroOfferId, title, price_grosze AS priceGrosze, currency,
            stock_quantity AS stockQuantity, status
     FROM offers WHERE product_id = ? ORDER BY status = 'ACTIVE' DESC, id`,
  ).all(id) as ProductDetail['offers'];
  return {
    product: {
      ...toProductRow(raw, visibility),
      leadTimeDays: raw.leadTimeDays,
      gtu: isGtuCode(raw.gtu) ? raw.gtu : null,
      splitPayment: raw.splitPayment === 1,
      category: raw.category,
      createdAt: raw.createdAt,
      updatedAt: raw.updatedAt,
    },
    offers,
    byLocation: quantitiesByLocation(core.sqlite, id, raw.locationId),
  };
}

/** SKU unique regardless of case ("kub-01" and "KUB-01" would be the same label on a shelf). */
function assertSkuFree(core: Core, sku: string, exceptId: number | null): void {
  const taken = prepared(core.sqlite, 'SELECT id FROM products WHERE sku = ? COLLATE NOCASE AND id IS NOT ? LIMIT 1').get(sku, exceptId) as { id: number } | undefined;
  if (taken) throw new DomainError('conflict', `SKU ${sku} is already used by another product.`, { field: 'sku', productId: taken.id });
}

/** One EAN, one product: otherwise a scan cannot tell which item it is. */
function assertEanFree(core: Core, ean: string | null | undefined, exceptId: number | null): void {
  if (!ean) return;
  const taken = prepared(core.sqlite, 'SELECT id FROM products WHERE ean = ? AND id IS NOT ? LIMIT 1').get(ean, exceptId) as { id: number } | undefined;
  if (taken) throw new DomainError('conflict', `EAN ${ean} is already used by another product.`, { field: 'ean', productId: taken.id });
}

function assertLocationExists(core: Core, locationId: number | null | undefined): void {
  if (locationId === null || locationId === undefined) return;
  if (!prepared(core.sqlite, 'SELECT 1 FROM locations WHERE id = ?').get(locationId)) {
    throw new DomainError('not_found', `There is no location with id ${locationId}.`, { field: 'locationId' });
  }
}

const PRICE_FIELDS = ['salePriceGrosze', 'purchasePriceGrosze'] as const;

export async function createProduct(core: Core, input: CreateInput, actor: Actor, role: Role | null): Promise<ProductDetail> {
  if (role === 'helper' && PRICE_FIELDS.some((f) => input[f] !== undefined && input[f] !== null)) {
    throw new DomainError('forbidden', 'Only the owner may set prices.', { fields: PRICE_FIELDS.filter((f) => input[f] != null) });
  }
  assertSkuFree(core, input.sku, null);
  assertEanFree(core, input.ean, null);
  assertLocationExists(core, input.locationId);
  const at = core.now();
  const id = await core.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('products')
      .values({
        sku: input.sku,
        name: input.name,
        ean: input.ean ?? null,
        unit: input.unit,
        vatRate: input.vatRate,
        purchasePriceGrosze: input.purchasePriceGrosze ?? null,
        salePriceGrosze: input.salePriceGrosze ?? null,
        defaultLocationId: input.locationId ?? null,
        reorderPoint: input.reorderPoint,
        leadTimeDays: input.leadTimeDays ?? null,
        allowBackorder: input.allowBackorder ? 1 : 0,
        archived: input.archived ? 1 : 0,
        gtu: input.gtu ?? null,
        splitPayment: input.splitPayment ? 1 : 0,
        category: input.category ?? null,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, action: 'product.create', entity: 'product', entityId: row.id, details: { sku: input.sku, name: input.name } }, at);
    return row.id;
  });
  core.events.emit('data.changed', { areas: ['products', 'stock'] });
  return productDetail(core, id, visibilityFor(role));
}

export async function updateProduct(core: Core, input: UpdateInput, actor: Actor, role: Role | null): Promise<ProductDetail> {
  const current = findProduct(core.sqlite, input.id);
  if (!current) throw new DomainError('not_found', `There is no product with id ${input.id}.`);
  if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== current.updatedAt) {
    throw new DomainError('conflict', 'Someone changed this product meanwhile; reload it and try again.', { field: 'updatedAt', updatedAt: current.updatedAt });
  }
  // The helper's form sends prices back unchanged; only an actual change is refused.
  const priceChanges = PRICE_FIELDS.filter((f) => input[f] !== undefined && input[f] !== current[f]);
  if (role === 'helper' && priceChanges.length > 0) {
    throw new DomainError('forbidden', 'Only the owner may change prices.', { fields: priceChanges });
  }
  if (input.sku !== undefined && input.sku !== current.sku) assertSkuFree(core, input.sku, input.id);
  if (input.ean !== undefined && input.ean !== current.ean) assertEanFree(core, input.ean, input.id);
  assertLocationExists(core, input.locationId);

  const patch: ProductUpdate = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const set = <K extends keyof ProductUpdate>(key: K, value: ProductUpdate[K] | undefined, before: unknown) => {
    if (value === undefined || value === before) return;
    patch[key] = value;
    changes[key] = { from: before, to: value };
  };
  set('sku', input.sku, current.sku);
  set('name', input.name, current.name);
  set('ean', input.ean, current.ean);
  set('unit', input.unit, current.unit);
  set('vatRate', input.vatRate, current.vatRate);
  set('defaultLocationId', input.locationId, current.locationId);
  set('reorderPoint', input.reorderPoint, current.reorderPoint);
  set('leadTimeDays', input.leadTimeDays, current.leadTimeDays);
  set('salePriceGrosze', input.salePriceGrosze, current.salePriceGrosze);
  set('purchasePriceGrosze', input.purchasePriceGrosze, current.purchasePriceGrosze);
  set('allowBackorder', input.allowBackorder === undefined ? undefined : input.allowBackorder ? 1 : 0, current.allowBackorder);
  set('archived', input.archived === undefined ? undefined : input.archived ? 1 : 0, current.archived);
  set('gtu', input.gtu, current.gtu);
  set('splitPayment', input.splitPayment === undefined ? undefined : input.splitPayment ? 1 : 0, current.splitPayment);
  set('category', input.category, current.category);

  if (Object.keys(patch).length > 0) {
    const at = core.now();
    patch.updatedAt = at.toISOString();
    await core.db.transaction().execute(async (trx) => {
      // The WHERE on updated_at makes a concurrent edit lose cleanly instead of silently overwriting.
      const result = await trx.updateTable('products').set(patch).where('id', '=', input.id).where('updatedAt', '=', current.updatedAt).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('conflict', 'Someone changed this product meanwhile; reload it and try again.', { field: 'updatedAt' });
      await recordAudit(trx, { actor, action: 'product.update', entity: 'product', entityId: input.id, details: changes }, at);
    });
    core.events.emit('data.changed', { areas: ['products', 'stock'] });
  }
  return productDetail(core, input.id, visibilityFor(role));
}

import type { z } from 'zod';
import type { SupplierRow, supplierInput } from '../../../shared/contract/planning.contract';
import type { Actor } from '../../../shared/domain/roles';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { prepared } from '../stock/product.repository';

type SupplierInput = z.output<typeof supplierInput>;

const LIST_SQL = `SELECT s.id, s.name, s.nip, s.lead_time_days AS leadTimeDays, s.minimum_order_grosze AS minimumOrderGrosze, s.email,
  (SELECT count(*) FROM product_suppliers ps WHERE ps.supplier_id = s.id) AS products
  FROM suppliers s`;

export function listSuppliers(core: Core): SupplierRow[] {
  return prepared(core.sqlite, `${LIST_SQL} ORDER BY s.name COLLATE NOCASE`).all() as SupplierRow[];
}

export function getSupplier(core: Core, id: number): SupplierRow {
  const row = prepared(core.sqlite, `${LIST_SQL} WHERE s.id = ?`).get(id) as SupplierRow | undefined;
  if (!row) throw new DomainError('not_found', `There is no supplier with id ${id}.`, { supplierId: id });
  return row;
}

function audit(core: Core, actor: Actor, action: string, entityId: number | null, details: unknown, at: string): void {
  prepared(core.sqlite, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    at, actor, action, 'supplier', entityId === null ? null : String(entityId), JSON.stringify(details),
  );
}

/** Adds or changes a supplier; the name is unique regardless of letter case. */
export function saveSupplier(core: Core, input: SupplierInput, actor: Actor): SupplierRow {
  const at = core.now().toISOString();
  const clash = prepared(core.sqlite, 'SELECT id FROM suppliers WHERE name = ? COLLATE NOCASE').get(input.name) as { id: number } | undefined;
  if (clash && clash.id !== input.id) throw new DomainError('conflict', `A supplier named "${input.name}" already exists.`, { field: 'name' });
  const values = [input.name, input.nip === '' ? null : input.nip, input.leadTimeDays, input.minimumOrderGrosze, input.email ? input.email : null];
  const id = core.sqlite.transaction(() => {
    let id = input.id;
    if (id === undefined) {
      id = Number(
        prepared(core.sqlite, 'INSERT INTO suppliers (name, nip, lead_time_days, minimum_order_grosze, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...values, at, at).lastInsertRowid,
      );
    } else {
      const changed = prepared(core.sqlite, 'UPDATE suppliers SET name = ?, nip = ?, lead_time_days = ?, minimum_order_grosze = ?, email = ?, updated_at = ? WHERE id = ?').run(...values, at, id).changes;
      if (changed === 0) throw new DomainError('not_found', `There is no supplier with id ${id}.`, { supplierId: id });
    }
    audit(core, actor, 'supplier.save', id, { name: input.name, leadTimeDays: input.leadTimeDays }, at);
    return id;
  })();
  core.events.emit('data.changed', { areas: ['products'] });
  return getSupplier(core, id);
}

/** Sets (or clears) the supplier of the given products. */
export function assignSupplier(core: Core, productIds: number[], supplierId: number | null, actor: Actor): { updated: number } {
  if (supplierId !== null) getSupplier(core, supplierId);
  const at = core.now().toISOString();
  const updated = core.sqlite.transaction(() => {
    let n = 0;
    for (const productId of productIds) {
      const exists = prepared(core.sqlite, 'SELECT 1 FROM products WHERE id = ?').get(productId);
      if (!exists) throw new DomainError('not_found', `There is no product with id ${productId}.`, { productId });
      if (supplierId === null) n += prepared(core.sqlite, 'DELETE FROM product_suppliers WHERE product_id = ?').run(productId).changes;
      else n += prepared(core.sqlite, 'INSERT INTO product_suppliers (product_id, supplier_id) VALUES (?, ?) ON CONFLICT(product_id) DO UPDATE SET supplier_id = excluded.supplier_id').run(productId, supplierId).changes;
    }
    audit(core, actor, 'supplier.assign', supplierId, { productIds }, at);
    return n;
  })();
  core.events.emit('data.changed', { areas: ['products'] });
  return { updated };
}

import type { LocationRow } from '../../../shared/contract/stock.contract';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import type { SqliteDatabase } from '../db/connection';
import { DomainError } from '../errors';
import { prepared } from './product.repository';

/** Shelves (locations): codes like A-01-03, unique regardless of case. */

const LOCATION_SELECT = `SELECT l.id, l.code, l.name,
  (SELECT count(*) FROM products p WHERE p.default_location_id = l.id AND p.archived = 0) AS productCount
  FROM locations l`;

export function listLocations(sqlite: SqliteDatabase): LocationRow[] {
  return prepared(sqlite, `${LOCATION_SELECT} ORDER BY l.code COLLATE NOCASE`).all() as LocationRow[];
}

export function locationById(sqlite: SqliteDatabase, id: number): LocationRow {
  const row = prepared(sqlite, `${LOCATION_SELECT} WHERE l.id = ?`).get(id) as LocationRow | undefined;
  if (!row) throw new DomainError('not_found', `There is no location with id ${id}.`, { locationId: id });
  return row;
}

export async function saveLocation(core: Core, input: { id?: number; code: string; name?: string | null }, actor: Actor): Promise<LocationRow> {
  const clash = prepared(core.sqlite, 'SELECT id FROM locations WHERE code = ? COLLATE NOCASE AND id IS NOT ?').get(input.code, input.id ?? null) as { id: number } | undefined;
  if (clash) throw new DomainError('conflict', `Location ${input.code} already exists.`, { field: 'code', locationId: clash.id });
  const at = core.now();
  const id = await core.db.transaction().execute(async (trx) => {
    if (input.id === undefined) {
      const row = await trx.insertInto('locations').values({ code: input.code, name: input.name ?? null, createdAt: at.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, { actor, action: 'location.create', entity: 'location', entityId: row.id, details: { code: input.code } }, at);
      return row.id;
    }
    const patch = input.name === undefined ? { code: input.code } : { code: input.code, name: input.name };
    const result = await trx.updateTable('locations').set(patch).where('id', '=', input.id).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new DomainError('not_found', `There is no location with id ${input.id}.`);
    await recordAudit(trx, { actor, action: 'location.update', entity: 'location', entityId: input.id, details: patch }, at);
    return input.id;
  });
  core.events.emit('data.changed', { areas: ['stock'] });
  return locationById(core.sqlite, id);
}

/** Only an unused shelf can go: products and ledger entries keep pointing at their shelf forever. */
export async function deleteLocation(core: Core, id: number, actor: Actor): Promise<{ deleted: boolean }> {
  const location = locationById(core.sqlite, id);
  const used =
    prepared(core.sqlite, 'SELECT 1 FROM products WHERE default_location_id = ? LIMIT 1').get(id) ??
    prepared(core.sqlite, 'SELECT 1 FROM stock_ledger WHERE location_id = ? LIMIT 1').get(id) ??
    prepared(core.sqlite, 'SELECT 1 FROM return_lines WHERE location_id = ? LIMIT 1').get(id);
  if (used) throw new DomainError('conflict', `Location ${location.code} is in use (products or stock movements refer to it).`, { field: 'id' });
  const at = core.now();
  await core.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('locations').where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'location.delete', entity: 'location', entityId: id, details: { code: location.code } }, at);
  });
  core.events.emit('data.changed', { areas: ['stock'] });
  return { deleted: true };
}

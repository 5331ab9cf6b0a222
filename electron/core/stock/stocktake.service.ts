import type { z } from 'zod';
import type { LocationRow, stocktakeCommitInput, stocktakeCommitOutput, StocktakeLine } from '../../../shared/contract/stock.contract';
import { ledgerReason } from '../../../shared/domain/ledger-reasons';
import type { Actor, Role } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import type { SqliteDatabase } from '../db/connection';
import { DomainError } from '../errors';
import { entriesByIds, quantityAt } from './ledger-read.repository';
import { appendLedger } from './ledger.repository';
import { findProduct } from './product.repository';
import { visibilityFor } from './product.service';
import { locationById } from './locations.service';

/**
 * Stocktake of one shelf: the sheet lists what the books say is there (products whose home shelf it is,
 * plus any product with units booked onto it); the person counts; on confirmation each difference
 * becomes one 'stocktake' entry on that shelf. Products counted equal to the books write nothing.
 */

type CommitInput = z.output<typeof stocktakeCommitInput>;
type CommitOutput = z.output<typeof stocktakeCommitOutput>;

function sheetLines(sqlite: SqliteDatabase, locationId: number): StocktakeLine[] {
  // Candidates: home shelf here (index products_location_name) or entries booked here
  // (index stock_ledger_location). Expected quantities then come from the ledger per product.
  const rows = sqlite
    .prepare(
      `SELECT p.id AS productId, p.sku, p.name, p.ean, p.default_location_id AS home
       FROM products p
       WHERE (p.default_location_id = ? AND p.archived = 0)
          OR p.id IN (SELECT product_id FROM stock_ledger WHERE location_id = ? GROUP BY product_id HAVING SUM(quantity) <> 0)
       ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all(locationId, locationId) as Array<Omit<StocktakeLine, 'expected'> & { home: number | null }>;
  return rows.map(({ home, ...row }) => ({ ...row, expected: quantityAt(sqlite, row.productId, home, locationId) }));
}

export function stocktakeSheet(core: Core, locationId: number): { location: LocationRow; lines: StocktakeLine[] } {
  const location = locationById(core.sqlite, locationId);
  return { location, lines: sheetLines(core.sqlite, locationId) };
}

export async function commitStocktake(core: Core, input: CommitInput, actor: Actor, role: Role | null): Promise<CommitOutput> {
  const location = locationById(core.sqlite, input.locationId);
  const counted = new Map<number, number>();
  for (const c of input.counts) {
    if (counted.has(c.productId)) throw new DomainError('invalid_input', `Product ${c.productId} is counted twice.`, [{ path: 'counts', message: `product ${c.productId} twice` }]);
    if (!findProduct(core.sqlite, c.productId)) throw new DomainError('not_found', `There is no product with id ${c.productId}.`, { productId: c.productId });
    counted.set(c.productId, c.counted);
  }
  const at = core.now();
  const reason = ledgerReason('stocktake.shelf', location.code);
  const outcome = await core.db.transaction().execute(async (trx) => {
    // The sheet is read again inside the transaction: sales packed while people counted are included.
    const sheet = sheetLines(core.sqlite, input.locationId);
    const onSheet = new Map(sheet.map((l) => [l.productId, l]));
    const written: number[] = [];
    let unchanged = 0;
    let skipped = 0;
    const differences: Array<{ productId: number; expected: number; counted: number }> = [];
    const targets: Array<{ productId: number; expected: number; counted: number }> = [];
    for (const [productId, count] of counted) {
      const expected = onSheet.get(productId)?.expected ?? quantityAt(core.sqlite, productId, findProduct(core.sqlite, productId)!.locationId, input.locationId);
      targets.push({ productId, expected, counted: count });
    }
    for (const line of sheet) {
      if (counted.has(line.productId)) continue;
      if (input.zeroUncounted) targets.push({ productId: line.productId, expected: line.expected, counted: 0 });
      else skipped += 1;
    }
    for (const target of targets) {
      const diff = target.counted - target.expected;
      if (diff === 0) {
        unchanged += 1;
        continue;
      }
      written.push(
        await appendLedger(
          trx,
          { productId: target.productId, locationId: input.locationId, kind: 'stocktake', quantity: diff, reason, document: input.document ?? null, actor },
          at,
        ),
      );
      differences.push(target);
    }
    await recordAudit(
      trx,
      { actor, action: 'stock.stocktake', entity: 'location', entityId: input.locationId, details: { code: location.code, counted: counted.size, zeroUncounted: input.zeroUncounted, differences } },
      at,
    );
    return { written, unchanged, skipped };
  });
  if (outcome.written.length > 0) core.events.emit('data.changed', { areas: ['stock', 'products'] });
  return { entries: entriesByIds(core.sqlite, outcome.written, visibilityFor(role)), unchanged: outcome.unchanged, skipped: outcome.skipped };
}

import type { PackOrder, ScanOutput } from '../../../shared/contract/packing.contract';
import type { Actor } from '../../../shared/domain/roles';
import type { Core } from '../create-core';
import type { SqliteDatabase } from '../db/connection';
import type { PackingScanOutcome } from '../db/schema';
import { DomainError } from '../errors';
import { findByCode, prepared } from '../stock/product.repository';
import { handlingTimeDays } from './handling-time';
import { immediateTransaction } from './immediate-transaction';
import { allVerified, loadPackOrder, PACKABLE_STATUSES, type RawPackLine, readPackLines, readPackOrder, setOrderStatus, toPackLine } from './pack-order.repository';
import { recordAudit } from '../audit/audit.repository';

/**
 * The codes one physical barcode may arrive as. Scanners set to UPC-A send 12 digits for a product
 * whose EAN-13 is the same number with a leading 0, and some send EAN-13 for a stored UPC-A: both
 * spellings name the same item.
 */
export function eanVariants(code: string): string[] {
  if (!/^\d+$/.test(code)) return [];
  if (code.length === 12) return [code, `0${code}`];
  if (code.length === 13 && code.startsWith('0')) return [code, code.slice(1)];
  return [code];
}

function lineMatches(line: RawPackLine, eans: readonly string[], lowerCode: string): boolean {
  if (line.productId === null) return false;
  if (line.ean !== null && eans.includes(line.ean)) return true;
  return line.sku !== null && line.sku.toLowerCase() === lowerCode;
}

function logScan(sqlite: SqliteDatabase, entry: { orderId: number; lineId: number | null; productId: number | null; code: string; outcome: PackingScanOutcome; quantity: number; actor: Actor; at: string }): void {
  prepared(
    sqlite,
    'INSERT INTO packing_scans (order_id, order_line_id, product_id, code, outcome, quantity, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(entry.orderId, entry.lineId, entry.productId, entry.code, entry.outcome, entry.quantity, entry.actor, entry.at);
}

function scannedProduct(sqlite: SqliteDatabase, code: string, eans: readonly string[]): { productId: number; sku: string; name: string } | null {
  for (const candidate of eans.length > 0 ? eans : [code]) {
    const found = findByCode(sqlite, candidate);
    if (found) return { productId: found.raw.id, sku: found.raw.sku, name: found.raw.name };
  }
  return null;
}

/**
 * One scan at the packing table. The right item ticks one unit of its line; anything else is refused
 * with what was scanned and what is still expected. Every scan, refused or not, is logged with who
 * scanned. Reads and the write happen in one IMMEDIATE transaction, so two windows scanning the same
 * order cannot both tick the last unit (the guarded UPDATE would also refuse it).
 */
export async function scanItem(core: Core, orderId: number, rawCode: string, actor: Actor): Promise<ScanOutput> {
  const code = rawCode.trim();
  const eans = eanVariants(code);
  const lower = code.toLowerCase();
  const at = core.now().toISOString();
  return immediateTransaction(core, async () => {
    const sqlite = core.sqlite;
    const order = readPackOrder(sqlite, orderId);
    const lines = readPackLines(sqlite, orderId);
    const expected = () =>
      lines
        .filter((l) => l.packedQuantity < l.quantity)
        .map((l) => ({ lineId: l.id, name: l.name, ean: l.ean, sku: l.sku ?? l.externalId, remaining: l.quantity - l.packedQuantity }));
    const refuse = (refusal: Exclude<PackingScanOutcome, 'ok' | 'unpacked'>, scanned: { productId: number; sku: string; name: string } | null): ScanOutput => {
      logScan(sqlite, { orderId, lineId: null, productId: scanned?.productId ?? null, code, outcome: refusal, quantity: 0, actor, at });
      return { ok: false, refusal, code, scanned, expected: expected() };
    };
    if (!PACKABLE_STATUSES.includes(order.status)) return refuse('not_packable', scannedProduct(sqlite, code, eans));
    const matching = lines.filter((l) => lineMatches(l, eans, lower));
    if (matching.length === 0) {
      const scanned = scannedProduct(sqlite, code, eans);
      return refuse(scanned ? 'wrong_item' : 'unknown_code', scanned);
    }
    const line = matching.find((l) => l.packedQuantity < l.quantity);
    const product = { productId: matching[0]!.productId!, sku: matching[0]!.sku!, name: matching[0]!.productName ?? matching[0]!.name };
    if (!line) return refuse('too_many', product);
    // Guarded: never above the ordered quantity, whatever raced us.
    const changed = prepared(sqlite, 'UPDATE order_lines SET packed_quantity = packed_quantity + 1 WHERE id = ? AND packed_quantity < quantity').run(line.id).changes;
    if (changed !== 1) return refuse('too_many', product);
    line.packedQuantity += 1;
    logScan(sqlite, { orderId, lineId: line.id, productId: line.productId, code, outcome: 'ok', quantity: 1, actor, at });
    return { ok: true, line: toPackLine(line), allVerified: allVerified(lines) };
  });
}

/** Takes units of a line back out of the box (a mistaken scan); a packed order goes back to packing. */
export async function unpackLine(core: Core, orderId: number, lineId: number, packedQuantity: number, actor: Actor): Promise<PackOrder> {
  const at = core.now();
  await immediateTransaction(core, async (trx) => {
    const order = readPackOrder(core.sqlite, orderId);
    if (!PACKABLE_STATUSES.includes(order.status)) {
      throw new DomainError('conflict', `Order ${orderId} is ${order.status}; only orders being packed can change.`, { orderId, status: order.status });
    }
    const line = readPackLines(core.sqlite, orderId).find((l) => l.id === lineId);
    if (!line) throw new DomainError('not_found', `Order ${orderId} has no line ${lineId}.`, { orderId, lineId });
    if (packedQuantity > line.packedQuantity) {
      throw new DomainError('invalid_input', 'Units are added to the box by scanning them; this only takes units out.', { lineId, packedQuantity: line.packedQuantity });
    }
    if (packedQuantity === line.packedQuantity) return;
    // Forced units come out first: what stays in the box is what was really scanned.
    prepared(core.sqlite, 'UPDATE order_lines SET packed_quantity = ?, forced_quantity = max(0, forced_quantity - (packed_quantity - ?)) WHERE id = ?').run(packedQuantity, packedQuantity, lineId);
    logScan(core.sqlite, { orderId, lineId, productId: line.productId, code: '', outcome: 'unpacked', quantity: line.packedQuantity - packedQuantity, actor, at: at.toISOString() });
    if (order.status === 'packed') {
      setOrderStatus(core.sqlite, orderId, 'to_pick', at);
      await recordAudit(trx, { actor, action: 'packing.reopen', entity: 'order', entityId: orderId, details: { why: 'unpacked', lineId } }, at);
    }
  });
  core.events.emit('data.changed', { areas: ['orders'] });
  return loadPackOrder(core.sqlite, orderId, handlingTimeDays(core.sqlite), core.now());
}

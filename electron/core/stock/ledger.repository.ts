import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../shared/domain/roles';
import type { LedgerKindColumn, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface LedgerEntryInput {
  productId: number;
  locationId?: number | null;
  kind: LedgerKindColumn;
  /** Signed change of on-hand: +5 received, -2 sold. Never 0. */
  quantity: number;
  /** Why, in words the owner wrote or chose ("Dostawa od hurtowni", "Uszkodzone w magazynie"). */
  reason: string;
  /** The paper or file behind it: supplier's delivery note, Allegro order id, return number. */
  document?: string | null;
  orderId?: number | null;
  returnId?: number | null;
  importRunId?: number | null;
  unitCostGrosze?: number | null;
  actor: Actor;
}

/**
 * The only way stock changes: one append to the ledger. Triggers keep products.on_hand equal to the
 * ledger's sum and refuse to take it below zero unless the product allows backorders
 * (DomainError insufficient_stock via dispatch).
 */
export async function appendLedger(db: Db, entry: LedgerEntryInput, at: Date): Promise<number> {
  if (!Number.isSafeInteger(entry.quantity) || entry.quantity === 0) {
    throw new RangeError(`A ledger entry changes stock by a whole, non-zero number of units (got ${entry.quantity}).`);
  }
  const row = await db
    .insertInto('stockLedger')
    .values({
      productId: entry.productId,
      locationId: entry.locationId ?? null,
      kind: entry.kind,
      quantity: entry.quantity,
      reason: entry.reason,
      document: entry.document ?? null,
      orderId: entry.orderId ?? null,
      returnId: entry.returnId ?? null,
      importRunId: entry.importRunId ?? null,
      unitCostGrosze: entry.unitCostGrosze ?? null,
      actor: entry.actor,
      createdAt: at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** On-hand of one product at one location (null = no location), from the ledger itself. */
export async function onHandAt(db: Db, productId: number, locationId: number | null): Promise<number> {
  const q = db.selectFrom('stockLedger').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('qty')).where('productId', '=', productId);
  const row = await (locationId === null ? q.where('locationId', 'is', null) : q.where('locationId', '=', locationId)).executeTakeFirstOrThrow();
  return Number(row.qty);
}

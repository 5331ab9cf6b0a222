import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../shared/domain/roles';
import type { Database } from '../db/schema';

export interface AuditEntry {
  actor: Actor;
  /** `area.verb`, e.g. order.status, stock.adjust, import.undo. */
  action: string;
  entity?: string;
  entityId?: string | number;
  details?: unknown;
}

/** Who did what, when: every write made on a person's behalf records one entry in the same transaction. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      at: at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      detailsJson: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
}

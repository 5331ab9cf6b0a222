import type { Actor } from '../../../shared/domain/roles';
import type { Core } from '../create-core';
import { whenIdle } from '../db/idle';
import { DomainError } from '../errors';

/**
 * Reopening a month that was closed for the accountant — for when the file handed over was wrong and
 * the accountant asks for it again (normally a change after the close is booked in the first open month,
 * see export/register-book.ts). The owner gives a reason; the audit log keeps it, and the stored register
 * is kept in register_reopenings, so what the accountant received stays on record.
 *
 * What stays: invoice numbers Zaplecze gave at the close are on the orders, and their issue dates are
 * kept (as the order's invoice document), so closing the month again gives the same numbers and dates.
 * Refused when a later month is closed (its corrections rest on this one: reopen that first), and when
 * Zaplecze numbered invoice corrections in this month (they would get new numbers: a gap in the series).
 */
export async function reopenMonth(core: Core, month: string, reason: string, actor: Actor): Promise<{ month: string; documents: number; frozenAt: string }> {
  const text = reason.trim();
  if (text.length < 5) throw new DomainError('invalid_input', 'Say why the month is reopened (at least 5 characters).', { field: 'reason' });
  const sqlite = core.sqlite;
  await whenIdle(sqlite);
  const row = sqlite.prepare('SELECT month, frozen_at AS frozenAt, documents, snapshot FROM register_months WHERE month = ?').get(month) as
    | { month: string; frozenAt: string; documents: number; snapshot: Buffer }
    | undefined;
  if (!row) throw new DomainError('conflict', `${month} is not closed.`, { reason: 'not_closed', month });
  const later = sqlite.prepare('SELECT month FROM register_months WHERE month > ? ORDER BY month').pluck().all(month) as string[];
  if (later.length > 0) throw new DomainError('conflict', `Later months are closed (${later.join(', ')}); reopen them first.`, { reason: 'later_month_closed', months: later });
  const corrections = sqlite
    .prepare(`SELECT COUNT(*) FROM register_bookings WHERE month = ? AND kind <> 'sale' AND document_type = 'KFS' AND document_number IS NOT NULL`)
    .pluck()
    .get(month) as number;
  if (corrections > 0) {
    throw new DomainError('conflict', `${month} has ${corrections} numbered invoice corrections; book further changes in the current month instead.`, {
      reason: 'numbered_corrections',
      corrections,
    });
  }
  const at = core.now();
  const iso = at.toISOString();
  // One synchronous transaction on the connection (the register tables are written with raw SQL, as in register-book.ts).
  sqlite.transaction(() => {
    sqlite
      .prepare('INSERT INTO register_reopenings (month, frozen_at, reopened_at, actor, reason, documents, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(month, row.frozenAt, iso, actor, text, row.documents, row.snapshot);
    // Invoices numbered at the close keep their number (on the order) and issue date when closed again.
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO invoice_documents (order_id, number, issue_date, ksef_number, source_file, imported_at)
         SELECT order_id, document_number, issue_date, NULL, ?, ? FROM register_bookings
         WHERE month = ? AND kind = 'sale' AND document_type = 'FS' AND document_number IS NOT NULL AND issue_date IS NOT NULL`,
      )
      .run(`Zaplecze — zamknięcie ${month}`, iso, month);
    sqlite.prepare('DELETE FROM register_bookings WHERE month = ?').run(month);
    sqlite.prepare('DELETE FROM register_months WHERE month = ?').run(month);
    sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, ?, ?, ?, ?, ?)')
      .run(iso, actor, 'accounting.reopenMonth', 'register_month', month, JSON.stringify({ reason: text, frozenAt: row.frozenAt, documents: row.documents }));
  })();
  core.events.emit('data.changed', { areas: ['orders'] });
  return { month, documents: row.documents, frozenAt: row.frozenAt };
}

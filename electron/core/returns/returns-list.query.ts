import type { ReturnRow } from '../../../shared/contract/returns.contract';
import type { SqliteDatabase } from '../db/connection';
import { fold } from '../packing/packing-queue.query';
import { prepared } from '../stock/product.repository';
import { RETURN_FROM, RETURN_SELECT, type RawReturn, toReturnRow } from './returns.repository';

export type ListView = 'open' | 'done' | 'all';

/** Rows read per view before sorting here; far above a small shop's open returns, and the search narrows older ones. */
export const LIST_CAP = 20_000;

const OPEN = `r.status IN ('expected','received')`;
const DONE = `r.status IN ('closed','rejected')`;

export function matchesSearch(values: ReadonlyArray<string | null>, term: string): boolean {
  return values.some((v) => {
    if (!v) return false;
    const f = fold(v);
    return f.startsWith(term) || f.split(/[\s/]+/).some((w) => w.startsWith(term));
  });
}

/**
 * Open returns first — the refund still owed, by deadline (overdue on top), then refunded ones — and
 * finished ones after, newest first. Deadlines missing in the data are computed (14 days), so the
 * sorting happens here rather than in SQL.
 */
export function listReturns(sqlite: SqliteDatabase, input: { view: ListView; search?: string | undefined; offset: number; limit: number }, now: Date) {
  const term = input.search ? fold(input.search.trim()) : '';
  const read = (where: string, order: string) =>
    (prepared(sqlite, `SELECT ${RETURN_SELECT} FROM ${RETURN_FROM} WHERE ${where} ORDER BY ${order} LIMIT ${LIST_CAP}`).all() as RawReturn[])
      .map((r) => toReturnRow(r, now))
      .filter((r) => !term || matchesSearch([r.referenceNumber, r.allegroReturnId, r.orderNumber, r.orderId === null ? null : `zap-${r.orderId}`, r.buyerLogin, r.buyerName, r.firstItemName], term));
  const open = input.view === 'done' ? [] : read(OPEN, 'r.id');
  open.sort((a, b) => Number(a.refund.met) - Number(b.refund.met) || (a.refund.dueAt ?? '').localeCompare(b.refund.dueAt ?? '') || a.id - b.id);
  const done = input.view === 'open' ? [] : read(DONE, 'r.updated_at DESC, r.id DESC');
  const rows: ReturnRow[] = [...open, ...done];
  return { rows: rows.slice(input.offset, input.offset + input.limit), total: rows.length, overdueCount: rows.filter((r) => r.refund.overdue).length };
}

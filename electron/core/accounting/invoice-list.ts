import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { sniffEncoding } from '../import/text/encoding';

/**
 * The invoicing tool's list of invoices (issue 14 point 2): number, issue date, the order it was issued
 * for and its KSeF number. Brought in, it gives the register the real invoice number, issue date and
 * KSeF number (or the JPK marker the tool states: OFF, BFK, DI) instead of Zaplecze's own reference.
 *
 * The file is a CSV as invoicing tools export it (Fakturownia, wFirma, inFakt…): UTF-8 or Windows-1250,
 * `;` or `,` or tab, headings in Polish or English in any order — only the four columns are read,
 * found by their heading. The order is named by its Allegro order id or as ZAP-<number>.
 * Nothing is written before the owner sees the preview; bringing the same list in twice changes nothing.
 */

export type InvoiceListProblemKind = 'no_order' | 'no_number' | 'bad_date' | 'bad_ksef' | 'number_taken' | 'closed_month' | 'duplicate_order';

export interface InvoiceListProblem {
  /** Line of the file (the heading is line 1). */
  line: number;
  kind: InvoiceListProblemKind;
  /** What the line said: the order reference, number or value at fault. */
  value: string;
}

export interface InvoiceListRow {
  line: number;
  orderId: number;
  number: string;
  issueDate: string;
  ksef: string | null;
}

export interface InvoiceListPreview {
  file: string;
  /** Data lines in the file. */
  lines: number;
  /** Lines that would be brought in (new or changed). */
  ready: number;
  /** Of those, with a KSeF number (not a marker). */
  withKsef: number;
  /** Lines already in Zaplecze exactly so. */
  unchanged: number;
  problems: InvoiceListProblem[];
  /** More problems than listed. */
  moreProblems: number;
}

const HEADINGS: Record<'number' | 'issueDate' | 'order' | 'ksef', readonly string[]> = {
  number: ['numer', 'numer faktury', 'nr faktury', 'numer dokumentu', 'nr dokumentu', 'dokument', 'faktura', 'invoice number', 'number', 'document number'],
  issueDate: ['data wystawienia', 'data wyst', 'wystawiono', 'issue date', 'date of issue', 'issued'],
  order: ['numer zamowienia', 'nr zamowienia', 'zamowienie', 'id zamowienia', 'zamowienie allegro', 'identyfikator zamowienia', 'oid', 'order', 'order id', 'order number'],
  ksef: ['numer ksef', 'nr ksef', 'ksef', 'identyfikator ksef', 'numer identyfikujacy ksef', 'ksef number', 'ksef id', 'numer ksef faktury'],
};

const MAX_PROBLEMS = 200;
const KSEF_NUMBER = /^\d{10}-\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$/;
const MARKERS = new Set(['OFF', 'BFK', 'DI']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Data wystawienia" → "data wystawienia": lower case, no Polish marks, no punctuation. */
function headingKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** 2026-11-12, 12.11.2026, 12-11-2026, 12/11/2026 (a time after it is ignored) → 2026-11-12, or null. */
export function invoiceDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})(?: .*)?$/.exec(t);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || y > 2100 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function decode(bytes: Uint8Array): string {
  const encoding = sniffEncoding(bytes, true);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'windows-1250') return iconv.decode(buffer, 'win1250');
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return iconv.decode(buffer, encoding);
  return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

function delimiterOf(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

interface ParsedList {
  rows: Array<{ line: number; number: string; issueDate: string | null; issueText: string; order: string; ksef: string }>;
}

export function parseInvoiceList(bytes: Uint8Array): ParsedList {
  const text = decode(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(firstLine), relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }) as string[][];
  } catch (error) {
    throw new DomainError('invalid_input', `The invoice list is not a readable CSV: ${(error as Error).message}`, { reason: 'unreadable' });
  }
  const header = (records[0] ?? []).map(headingKey);
  const column = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { number: column(HEADINGS.number), issueDate: column(HEADINGS.issueDate), order: column(HEADINGS.order), ksef: column(HEADINGS.ksef) };
  const missing = (Object.keys(at) as Array<keyof typeof at>).filter((k) => at[k] < 0);
  if (missing.length > 0) {
    throw new DomainError('invalid_input', `The invoice list has no column for: ${missing.join(', ')}.`, { reason: 'missing_columns', missing });
  }
  const rows: ParsedList['rows'] = [];
  for (let i = 1; i < records.length; i++) {
    const r = records[i] as string[];
    if (r.every((cell) => cell === '')) continue;
    const issueText = r[at.issueDate] ?? '';
    rows.push({ line: i + 1, number: (r[at.number] ?? '').replace(/\s+/g, ' '), issueDate: invoiceDate(issueText), issueText, order: r[at.order] ?? '', ksef: (r[at.ksef] ?? '').toUpperCase() });
  }
  return { rows };
}

/** Lines of the list checked against the shop: what can be brought in, and each problem with its line. */
function check(core: Core, list: ParsedList): { rows: InvoiceListRow[]; unchanged: number; problems: InvoiceListProblem[] } {
  const byAllegro = core.sqlite.prepare('SELECT id FROM orders WHERE allegro_order_id = ?').pluck();
  const byId = core.sqlite.prepare('SELECT id FROM orders WHERE id = ?').pluck();
  const booked = core.sqlite.prepare(`SELECT b.month FROM register_bookings b JOIN register_months m ON m.month = b.month WHERE b.kind = 'sale' AND b.order_id = ?`).pluck();
  const numberOwner = core.sqlite.prepare(
    `SELECT order_id FROM invoice_documents WHERE number = ? UNION SELECT id FROM orders WHERE document_number = ?`,
  ).pluck();
  const current = core.sqlite.prepare('SELECT number, issue_date AS issueDate, ksef_number AS ksef FROM invoice_documents WHERE order_id = ?');
  const problems: InvoiceListProblem[] = [];
  const rows: InvoiceListRow[] = [];
  const seenOrders = new Set<number>();
  const seenNumbers = new Map<string, number>();
  let unchanged = 0;
  for (const r of list.rows) {
    const problem = (kind: InvoiceListProblemKind, value: string) => problems.push({ line: r.line, kind, value });
    if (r.number === '') {
      problem('no_number', r.order);
      continue;
    }
    if (r.issueDate === null) {
      problem('bad_date', r.issueText);
      continue;
    }
    const ksef = r.ksef === '' ? null : r.ksef;
    if (ksef !== null && !KSEF_NUMBER.test(ksef) && !MARKERS.has(ksef)) {
      problem('bad_ksef', r.ksef);
      continue;
    }
    const ref = r.order.trim();
    const zap = /^ZAP[-\s]?(\d{1,12})$/i.exec(ref);
    const orderId = (UUID.test(ref) ? byAllegro.get(ref.toLowerCase()) ?? byAllegro.get(ref) : zap ? byId.get(Number(zap[1])) : undefined) as number | undefined;
    if (orderId === undefined) {
      problem('no_order', ref);
      continue;
    }
    if (seenOrders.has(orderId)) {
      problem('duplicate_order', ref);
      continue;
    }
    seenOrders.add(orderId);
    const owners = numberOwner.all(r.number, r.number) as number[];
    if (owners.some((o) => o !== orderId) || (seenNumbers.has(r.number) && seenNumbers.get(r.number) !== orderId)) {
      problem('number_taken', r.number);
      continue;
    }
    seenNumbers.set(r.number, orderId);
    const was = current.get(orderId) as { number: string; issueDate: string; ksef: string | null } | undefined;
    if (was && was.number === r.number && was.issueDate === r.issueDate && was.ksef === ksef) {
      unchanged++;
      continue;
    }
    const month = booked.get(orderId) as string | undefined;
    if (month !== undefined) {
      // The month was handed to the accountant: its file stays as it was (reopen the month to change it).
      problem('closed_month', month);
      continue;
    }
    rows.push({ line: r.line, orderId, number: r.number, issueDate: r.issueDate, ksef });
  }
  return { rows, unchanged, problems };
}

function summary(file: string, list: ParsedList, checked: ReturnType<typeof check>): InvoiceListPreview {
  return {
    file,
    lines: list.rows.length,
    ready: checked.rows.length,
    withKsef: checked.rows.filter((r) => r.ksef !== null && !MARKERS.has(r.ksef)).length,
    unchanged: checked.unchanged,
    problems: checked.problems.slice(0, MAX_PROBLEMS),
    moreProblems: Math.max(0, checked.problems.length - MAX_PROBLEMS),
  };
}

export function previewInvoiceList(core: Core, file: string, bytes: Uint8Array): InvoiceListPreview {
  const list = parseInvoiceList(bytes);
  return summary(file, list, check(core, list));
}

/**
 * Brings the list in, in one transaction: each invoice is recorded for its order and the order takes its
 * number (the register, the packing slip and the order panel show it). Lines with a problem are left out
 * and listed, as in the preview.
 */
export async function importInvoiceList(core: Core, file: string, bytes: Uint8Array, actor: Actor): Promise<InvoiceListPreview & { imported: number }> {
  const list = parseInvoiceList(bytes);
  const at = core.now();
  const result = await core.db.transaction().execute(async (trx) => {
    // Checked inside the write, so a number cannot be taken between the check and the write.
    const checked = check(core, list);
    for (const r of checked.rows) {
      await trx
        .insertInto('invoiceDocuments')
        .values({ orderId: r.orderId, number: r.number, issueDate: r.issueDate, ksefNumber: r.ksef, sourceFile: file, importedAt: at.toISOString() })
        .onConflict((oc) => oc.column('orderId').doUpdateSet({ number: r.number, issueDate: r.issueDate, ksefNumber: r.ksef, sourceFile: file, importedAt: at.toISOString() }))
        .execute();
      await trx.updateTable('orders').set({ documentNumber: r.number, updatedAt: at.toISOString() }).where('id', '=', r.orderId).execute();
    }
    const out = summary(file, list, checked);
    await recordAudit(trx, { actor, action: 'accounting.invoiceList', entity: 'invoice_list', entityId: file, details: { lines: out.lines, imported: out.ready, unchanged: out.unchanged, problems: checked.problems.length } }, at);
    return { ...out, imported: checked.rows.length };
  });
  if (result.imported > 0) core.events.emit('data.changed', { areas: ['orders'] });
  return result;
}

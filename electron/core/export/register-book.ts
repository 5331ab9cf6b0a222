import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Settings } from '../../../shared/contract/system.contract';
import type { SqliteDatabase } from '../db/connection';
import { whenIdle } from '../db/idle';
import { Pacer } from './pacer';
import type { RegisterDocument, SalesRegister } from './register.types';
import { totalsOf } from './sales-register';
import { TextPieces } from './text-pieces';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * Closing (freezing) a month for the accountant. The first export of a month that has ended books it:
 * every document gets its number and issue date, and what was booked is recorded (register_bookings),
 * so nothing of it is taken again — a later cancellation, a late payment, a refund become documents of
 * the first open month that name the document they correct. The register itself is stored (gzip of one
 * JSON line per document) with the settings and time written into its files: the same month exported
 * again, in any format, is made from that and gives the same bytes.
 */

/** What is kept of a closed month: its register and what its files say about when and by whom. */
export interface FrozenMonth {
  register: SalesRegister;
  settings: Settings;
  /** "2026-12-01 07:30" — written into the files' notes. */
  stamp: string;
  /** YYYY-MM-DD, the EDI++ file's creation date. */
  generatedOn: string;
}

/** Bookings and numbers are written this many documents per transaction (each a few ms). */
const BOOKING_CHUNK = 2000;

/** "FV {n}/{mm}/{rrrr}" → the numbering period of an issue day: per month with {mm}, per year with {rrrr}. */
export function seriesPeriod(series: string, issueDay: string): string {
  if (series.includes('{mm}')) return issueDay.slice(0, 7);
  if (series.includes('{rrrr}')) return issueDay.slice(0, 4);
  return '';
}

/** The document number of a series for the n-th document of its period, issued on issueDay. */
export function formatSeries(series: string, n: number, issueDay: string): string {
  return series.trim().replaceAll('{n}', String(n)).replaceAll('{mm}', issueDay.slice(5, 7)).replaceAll('{rrrr}', issueDay.slice(0, 4));
}

/** The closed month, when it is closed. */
export async function loadFrozenMonth(sqlite: SqliteDatabase, month: string, pacer: Pacer = new Pacer()): Promise<FrozenMonth | null> {
  await whenIdle(sqlite);
  const row = sqlite
    .prepare('SELECT frozen_at AS frozenAt, stamp, generated_on AS generatedOn, settings_json AS settingsJson, snapshot FROM register_months WHERE month = ?')
    .get(month) as { frozenAt: string; stamp: string; generatedOn: string; settingsJson: string; snapshot: Buffer } | undefined;
  if (!row) return null;
  // Unpacked off the main thread; then parsed a line (a document) at a time, between the pacer's pauses.
  const text = await gunzipAsync(row.snapshot);
  const documents: RegisterDocument[] = [];
  let head: Pick<SalesRegister, 'month' | 'firstDay' | 'lastDay' | 'warnings' | 'wsto' | 'salesRecording'> | null = null;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(10, start);
    if (end === -1) end = text.length;
    const line = text.toString('utf8', start, end);
    start = end + 1;
    if (line === '') continue;
    if (head === null) head = JSON.parse(line) as typeof head;
    else documents.push(JSON.parse(line) as RegisterDocument);
    if (pacer.due()) await pacer.pause();
  }
  const stored = head as Pick<SalesRegister, 'month' | 'firstDay' | 'lastDay' | 'warnings' | 'wsto' | 'salesRecording'> | null;
  if (stored === null) throw new Error(`The stored register of ${month} is empty.`);
  const rows = documents.flatMap((d) => d.rows);
  return {
    register: { ...stored, documents, rows, ...totalsOf(rows), frozen: { at: row.frozenAt, stamp: row.stamp } },
    settings: JSON.parse(row.settingsJson) as Settings,
    stamp: row.stamp,
    generatedOn: row.generatedOn,
  };
}

/**
 * Books the month's register and closes the month. Gives each invoice (FS) without a number one from
 * the owner's invoice series, and each invoice correction (KFS) one from the correction series —
 * gapless per series and period, in the register's order — dated `generatedOn`. Documents that came
 * with a number keep it (issue date: the one brought in, else the sale's date); receipts and their
 * returns are dated their own day. The register is changed in place and returned.
 */
export async function freezeMonth(
  sqlite: SqliteDatabase,
  register: SalesRegister,
  settings: Settings,
  when: { at: Date; stamp: string; generatedOn: string },
  pacer: Pacer = new Pacer(),
): Promise<SalesRegister> {
  await whenIdle(sqlite);
  // Bookings left by a freeze that never finished (the month has no row): they never counted.
  sqlite.prepare('DELETE FROM register_bookings WHERE month = ? AND NOT EXISTS (SELECT 1 FROM register_months m WHERE m.month = ?)').run(register.month, register.month);

  // Numbers, in the register's order, continuing each series' period from its last number.
  const counters = new Map<string, { series: string; period: string; last: number }>();
  const lastOf = sqlite.prepare('SELECT last FROM document_counters WHERE series = ? AND period = ?').pluck();
  const next = (series: string) => {
    const period = seriesPeriod(series, when.generatedOn);
    const key = `${series}\u0000${period}`;
    let c = counters.get(key);
    if (!c) counters.set(key, (c = { series, period, last: (lastOf.get(series, period) as number | undefined) ?? 0 }));
    c.last += 1;
    return formatSeries(series, c.last, when.generatedOn);
  };
  const saleNumbers = new Map<number, { number: string; issueDate: string }>();
  const newOrderNumbers: Array<[string, number]> = [];
  for (const doc of register.documents) {
    if (doc.kind === 'sale') {
      let issueDate = doc.issueDate;
      if (doc.documentNumber === null && doc.documentType === 'FS' && settings.invoiceSeries.trim() !== '') {
        doc.documentNumber = next(settings.invoiceSeries);
        issueDate = when.generatedOn;
        newOrderNumbers.push([doc.documentNumber, doc.sale.orderId]);
      }
      doc.issueDate = issueDate ?? (doc.documentType === 'FS' && doc.documentNumber === null ? null : doc.sale.taxDate);
      if (doc.documentNumber !== null) saleNumbers.set(doc.sale.orderId, { number: doc.documentNumber, issueDate: doc.issueDate ?? doc.sale.taxDate });
    } else {
      const numbered = saleNumbers.get(doc.sale.orderId);
      if (numbered && doc.corrects && !doc.sale.booked) doc.corrects = { number: numbered.number, issueDate: numbered.issueDate };
      if (doc.documentType === 'KFS' && settings.correctionSeries.trim() !== '') {
        doc.documentNumber = next(settings.correctionSeries);
        doc.issueDate = when.generatedOn;
      } else doc.issueDate = doc.date;
    }
    for (const row of doc.rows) {
      row.documentNumber = doc.documentNumber;
      row.issueDate = doc.issueDate;
      row.correctedDocument = doc.corrects?.number ?? null;
    }
    if (pacer.due()) await pacer.pause();
  }

  // The register as stored: a head line, then one line per document.
  const head = {
    month: register.month,
    firstDay: register.firstDay,
    lastDay: register.lastDay,
    warnings: register.warnings,
    // The EU threshold and the cash register's reconciliation as they stood at the close (see accounting/).
    ...(register.wsto ? { wsto: register.wsto } : {}),
    ...(register.salesRecording ? { salesRecording: register.salesRecording } : {}),
  };
  const text = new TextPieces((t) => Buffer.from(t, 'utf8'));
  text.append(`${JSON.stringify(head)}\n`);
  for (const doc of register.documents) {
    text.append(`${JSON.stringify(doc)}\n`);
    if (pacer.due()) await pacer.pause();
  }
  // Level 1: JSON lines pack well enough, several times faster (on libuv's threads, off the event loop).
  const snapshot = await gzipAsync(text.toBytes(), { level: 1 });

  // Bookings a chunk per transaction (a busy month is ~200k documents); the month's row, written last
  // with the numbers, says the freeze finished.
  const insert = sqlite.prepare(
    `INSERT INTO register_bookings (month, kind, order_id, return_id, document_type, document_number, issue_date, tax_date, gross, currency)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const docs = register.documents;
  for (let i = 0; i < docs.length; i += BOOKING_CHUNK) {
    await whenIdle(sqlite);
    sqlite.transaction(() => {
      for (const d of docs.slice(i, i + BOOKING_CHUNK)) {
        // A summary (RO / WEW): each order it stands for is booked as sold under its number.
        if (d.summaryOf) {
          for (const o of d.summaryOf) insert.run(register.month, 'sale', o.orderId, null, d.documentType, d.documentNumber, d.issueDate, o.taxDate, o.gross, 'PLN');
          continue;
        }
        const kind = d.kind === 'sale' ? 'sale' : d.cancellation ? 'cancellation' : 'correction';
        insert.run(register.month, kind, d.sale.orderId, d.returnId, d.documentType, d.documentNumber, d.issueDate, d.sale.taxDate, d.gross, d.sale.currency);
      }
    })();
    if (pacer.dueNow()) await pacer.pause();
  }
  await whenIdle(sqlite);
  sqlite.transaction(() => {
    const setNumber = sqlite.prepare('UPDATE orders SET document_number = ? WHERE id = ? AND document_number IS NULL');
    for (const [number, orderId] of newOrderNumbers) setNumber.run(number, orderId);
    const counter = sqlite.prepare('INSERT INTO document_counters (series, period, last) VALUES (?, ?, ?) ON CONFLICT(series, period) DO UPDATE SET last = excluded.last');
    for (const c of counters.values()) counter.run(c.series, c.period, c.last);
    sqlite
      .prepare('INSERT INTO register_months (month, frozen_at, stamp, generated_on, settings_json, documents, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(register.month, when.at.toISOString(), when.stamp, when.generatedOn, JSON.stringify(settings), docs.length, snapshot);
  })();
  register.frozen = { at: when.at.toISOString(), stamp: when.stamp };
  return register;
}

import type { ImportFormat, MappingProposal, SheetMapping } from '../../../shared/contract/import.contract';
import { parseBillingEntries, parseCustomerReturns, parseShipments } from './formats/allegro-json';
import { parseCheckoutForms } from './formats/checkout-forms';
import type { ParseContext } from './formats/context';
import { findOffersHeader, parseOffers } from './formats/offers';
import { looksLikeOrdersCsv, parseOrdersCsv } from './formats/orders-csv';
import { parseStockSheet } from './formats/stock-sheet';
import { buildProposal, detectHeaderRow, layoutSignature, proposeColumns } from './mapping/stock-mapping';
import { ProblemSink, t } from './problems';
import { SampleCollector } from './sample';
import { readChunks, readHead, type ImportSource } from './source';
import type { SheetMetaRecord } from './records';
import { Staging } from './staging';
import { cellText, csvSheet, MAX_RECORD_BYTES, sniffDelimiter, TabularError, xlsxSheets, type TabularRow, type TabularSheet } from './tabular';
import { bomLength, createDecoder, EncodingRestart, sniffEncoding, type TextEncoding } from './text/encoding';
import { JsonSyntaxError, JsonTruncatedError, jsonItems, ndjsonItems } from './text/json-stream';

/** Everything known about a file after reading it once (nothing written to the shop's database yet). */
export interface ParsedFile {
  format: ImportFormat | null;
  encoding: TextEncoding | null;
  staging: Staging;
  problems: ProblemSink;
  sample: SampleCollector;
  records: number;
  invalid: number;
  mapping: MappingProposal | null;
  appliedMapping: SheetMapping | null;
}

export interface ParseOptions {
  /** Owner's sheets: the mapping to use (the owner's edit); default: the saved one or the proposal. */
  mapping?: SheetMapping;
  /** A mapping saved earlier for a layout signature. */
  savedMapping?: (signature: string) => { name: string; mapping: SheetMapping } | null;
  onProgress?: (phase: 'reading' | 'parsing', done: number, total: number | null) => void;
  /** Row limits by kind of table (tests set small ones; the defaults are ROW_LIMITS). */
  rowLimits?: Partial<Record<'orders' | 'offers' | 'stock' | 'any', number>>;
}

/**
 * Rows a table may have, by kind: a shop's stock sheet or offers file has thousands of rows, so
 * 200,000 is far beyond a real one and keeps a hostile file (millions of rows) to seconds and bounded
 * memory. An orders CSV holds about 1.6 lines an order: 5,000,000 lines is ~3 million orders. `any`
 * bounds the rows read past sheets that are not recognised.
 */
export const ROW_LIMITS = { orders: 5_000_000, offers: 200_000, stock: 200_000, any: 1_000_000 } as const;

/** Stops a table at its row limit with a TabularError (counted rows, not row numbers: gaps are free). */
async function* limited(rows: AsyncIterable<TabularRow>, limit: number): AsyncGenerator<TabularRow> {
  let n = 0;
  for await (const r of rows) {
    n += 1;
    if (n > limit) throw new TooManyRows(limit, r.row);
    yield r;
  }
}

class TooManyRows extends TabularError {
  constructor(readonly limit: number, row: number) {
    super('too_many_rows', `More than ${limit} rows.`, row);
  }
}

const HEAD = 64 * 1024;
/** Rows read before deciding what kind of table a CSV / sheet is. */
const CLASSIFY_ROWS = 200;

/**
 * Reads a file into a fresh staging area: recognises the format from the content (never the name),
 * decodes text (UTF-8 ± BOM, Windows-1250), and runs the format's parser. A file that cannot be read
 * at all comes back with `problems.fatal` set and format possibly null.
 */
export async function parseFile(source: ImportSource, options: ParseOptions = {}): Promise<ParsedFile> {
  const head = readHead(source.path, HEAD);
  let encoding: TextEncoding = sniffEncoding(head, head.length >= source.size);
  try {
    return await parseWith(source, head, encoding, options);
  } catch (error) {
    if (!(error instanceof EncodingRestart)) throw error;
    // A byte past the first 64 KB was not UTF-8: Polish Excel's Windows-1250 after all. Start over.
    encoding = 'windows-1250';
    return parseWith(source, head, encoding, options);
  }
}

async function parseWith(source: ImportSource, head: Buffer, encoding: TextEncoding, options: ParseOptions): Promise<ParsedFile> {
  const staging = new Staging();
  staging.sourcePath = source.path;
  const problems = new ProblemSink(source.name);
  const ctx: ParseContext = {
    file: source.name,
    staging,
    problems,
    onBytes: (done) => options.onProgress?.('parsing', done, source.size),
  };
  const result: ParsedFile = { format: null, encoding: null, staging, problems, sample: new SampleCollector([]), records: 0, invalid: 0, mapping: null, appliedMapping: null };
  const finish = (outcome: Partial<ParsedFile>): ParsedFile => {
    Object.assign(result, outcome);
    result.format ??= ctx.format ?? null;
    result.encoding ??= ctx.format && encoding && !(head[0] === 0x50 && head[1] === 0x4b) ? encoding : result.encoding;
    staging.seal();
    return result;
  };
  try {
    if (source.size === 0) {
      problems.reject('empty_file', {}, t('Plik jest pusty (0 bajtów).', 'The file is empty (0 bytes).'));
      return finish({});
    }
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return finish(await parseWorkbook(ctx, source, options));
    if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
      problems.reject('old_excel', {}, t(
        'To plik starego Excela (.xls). Zapisz go w Excelu jako „Skoroszyt programu Excel (.xlsx)” albo jako CSV i zaimportuj ponownie.',
        'This is an old Excel file (.xls). Save it in Excel as "Excel Workbook (.xlsx)" or as CSV and import it again.',
      ));
      return finish({});
    }
    const headText = decodeHead(head, encoding);
    const trimmed = headText.replace(/^[\s\u00a0]+/, '');
    if (trimmed === '') {
      problems.reject('empty_file', {}, encoding === 'utf-8-bom'
        ? t('Plik zawiera tylko znacznik kodowania (BOM), żadnych danych.', 'The file holds only a byte-order mark (BOM), no data.')
        : t('Plik zawiera tylko puste znaki.', 'The file holds only blank characters.'));
      return finish({});
    }
    if (head.includes(0) && encoding !== 'utf-16le' && encoding !== 'utf-16be') {
      problems.reject('binary_file', {}, t('To nie jest plik tekstowy ani skoroszyt Excela (zawiera dane binarne).', 'This is neither a text file nor an Excel workbook (it holds binary data).'));
      return finish({});
    }
    if (/^\[(INFO|NAGLOWEK)\]/.test(trimmed)) {
      problems.reject('export_file', { row: 1 }, t(
        'To plik EDI++ (.epp) dla programu księgowego, który Zaplecze samo tworzy — nie importuje się go z powrotem.',
        'This is an EDI++ (.epp) file for accounting software, which Zaplecze itself writes — it is not imported back.',
      ));
      return finish({});
    }
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return finish(await parseJson(ctx, source, encoding, trimmed));
    return finish(await parseDelimited(ctx, source, encoding, headText, options));
  } catch (error) {
    if (error instanceof EncodingRestart) {
      staging.dispose();
      throw error;
    }
    if (error instanceof JsonTruncatedError) {
      problems.reject('json_truncated', { row: error.line, jsonPath: error.path }, t(
        `Plik JSON urywa się w linii ${error.line}, kolumna ${error.column}${inside(error.path).pl}: jest niekompletny (ucięty przy pobieraniu lub kopiowaniu). Pobierz go ponownie. Nic nie zaimportowano.`,
        `The JSON file ends abruptly at line ${error.line}, column ${error.column}${inside(error.path).en}: it is incomplete (cut off while downloading or copying). Download it again. Nothing was imported.`,
      ));
      return finish({});
    }
    if (error instanceof JsonSyntaxError) {
      problems.reject('json_invalid', { row: error.line }, t(
        `Plik nie jest poprawnym JSON-em (linia ${error.line}, kolumna ${error.column}). Nic nie zaimportowano.`,
        `The file is not valid JSON (line ${error.line}, column ${error.column}). Nothing was imported.`,
      ));
      return finish({});
    }
    if (error instanceof TabularError) {
      const where = error.row ? { pl: ` (od wiersza ${error.row})`, en: ` (from row ${error.row})` } : { pl: '', en: '' };
      if (error.code === 'csv_unclosed_quote') {
        const col = error.column ? { pl: `, kolumna ${error.column}`, en: `, column ${error.column}` } : { pl: '', en: '' };
        problems.reject(error.code, { row: error.row, column: error.column }, t(
          `Plik kończy się w środku pola w cudzysłowie (wiersz ${error.row}${col.pl}): jest ucięty lub uszkodzony. Nic nie zaimportowano.`,
          `The file ends inside a quoted field (row ${error.row}${col.en}): it is cut off or damaged. Nothing was imported.`,
        ));
      } else if (error.code === 'csv_record_too_long') {
        problems.reject(error.code, { row: error.row }, t(
          `Wiersz ${error.row} pliku ma ponad ${MAX_RECORD_BYTES >> 20} MB tekstu — to nie jest eksport z Allegro ani arkusz sklepu (plik uszkodzony albo innego rodzaju). Nic nie zaimportowano.`,
          `Row ${error.row} of the file holds more than ${MAX_RECORD_BYTES >> 20} MB of text — this is no Allegro export or shop sheet (the file is damaged or of another kind). Nothing was imported.`,
        ));
      } else if (error.code === 'too_many_rows') {
        const limit = (error as TooManyRows).limit ?? 0;
        const n = limit.toLocaleString('pl-PL');
        const what = ctx.format === 'owner-stock-sheet' ? { pl: 'arkusz stanów magazynowych', en: 'a stock sheet' } : ctx.format === 'allegro-offers' ? { pl: 'plik ofert', en: 'an offers file' } : ctx.format === 'allegro-orders-csv' ? { pl: 'plik zamówień', en: 'an orders file' } : { pl: 'ten rodzaj pliku', en: 'this kind of file' };
        problems.reject(error.code, { row: error.row }, t(
          `Plik ma ponad ${n} wierszy — to więcej, niż przyjmuje ${what.pl} (limit ${n} wierszy). Często to tysiące pustych wierszy na końcu arkusza: usuń je albo podziel plik na mniejsze. Nic nie zaimportowano.`,
          `The file has more than ${limit.toLocaleString('en-GB')} rows — more than ${what.en} may have (the limit is ${limit.toLocaleString('en-GB')} rows). Often these are thousands of empty rows at the end of the sheet: delete them or split the file. Nothing was imported.`,
        ));
      } else if (error.code === 'xlsx_no_addresses') {
        problems.reject(error.code, {}, t(
          'Skoroszyt nie ma numerów wierszy i komórek (zapisał go nietypowy program albo plik jest uszkodzony). Otwórz go w Excelu lub LibreOffice i zapisz ponownie jako .xlsx albo jako CSV. Nic nie zaimportowano.',
          'The workbook has no row and cell numbers (an unusual program wrote it, or it is damaged). Open it in Excel or LibreOffice and save it again as .xlsx or as CSV. Nothing was imported.',
        ));
      } else if (error.code === 'xlsx_invalid') {
        problems.reject(error.code, {}, t('Skoroszytu Excela nie da się odczytać (plik uszkodzony albo to nie jest .xlsx).', 'The Excel workbook cannot be read (damaged, or not an .xlsx file).'));
      } else {
        problems.reject(error.code, { row: error.row }, t(
          `Plik CSV jest uszkodzony${where.pl}: znaki nie układają się w kolumny (np. cudzysłów w złym miejscu). Nic nie zaimportowano.`,
          `The CSV file is damaged${where.en}: ${error.message} Nothing was imported.`,
        ));
      }
      return finish({});
    }
    staging.dispose();
    throw error;
  }
}

/** " (przy zamówieniu 14.)" for `checkoutForms[13]…`: where a JSON file was cut, in words, never a JSON path. */
function inside(path: string | null): { pl: string; en: string } {
  const m = path ? /^(checkoutForms|customerReturns|billingEntries)?\[(\d+)\]/.exec(path) : null;
  if (!m) return { pl: '', en: '' };
  const n = Number(m[2]) + 1;
  const what = m[1] === 'customerReturns' ? { pl: 'zwrocie', en: 'return' } : m[1] === 'billingEntries' ? { pl: 'wpisie', en: 'entry' } : { pl: 'zamówieniu', en: 'order' };
  return { pl: ` (przy ${what.pl} ${n}.)`, en: ` (at ${what.en} ${n})` };
}

function decodeHead(head: Buffer, encoding: TextEncoding): string {
  const decoder = createDecoder(encoding === 'utf-8' ? 'windows-1250' : encoding);
  if (encoding === 'utf-8') {
    // The head may end mid-character: decode leniently for sniffing only.
    return new TextDecoder('utf-8').decode(head);
  }
  return decoder.write(head.subarray(bomLength(encoding))) + decoder.end();
}

async function* decodedChunks(source: ImportSource, encoding: TextEncoding, onBytes: (n: number) => void): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  for await (const chunk of readChunks(source.path, bomLength(encoding), onBytes)) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function parseJson(ctx: ParseContext, source: ImportSource, encoding: TextEncoding, head: string): Promise<Partial<ParsedFile>> {
  const chunks = () => decodedChunks(source, encoding, ctx.onBytes);
  // NDJSON: the first line is a whole object and the next line starts another.
  const firstLine = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n')).trim();
  const rest = head.slice(firstLine.length).trimStart();
  let ndjson = false;
  if (firstLine.startsWith('{') && firstLine.endsWith('}') && rest.startsWith('{')) {
    try {
      JSON.parse(firstLine);
      ndjson = true;
    } catch {
      ndjson = false;
    }
  }
  // API pages saved one per line, the first longer than the head: a compact page object with no line break
  // in the first 64 KB (a pretty-printed file breaks its first line after the brace).
  if (!ndjson && head.indexOf('\n') === -1 && head.length >= HEAD / 2 && /^\{"checkoutForms"\s*:\s*\[/.test(head)) ndjson = true;
  const base = { encoding };
  if (ndjson || (head.startsWith('[') && /"lineItems"\s*:/.test(head))) {
    if (!/"lineItems"\s*:/.test(head)) return unsupported(ctx, base);
    ctx.format = 'allegro-checkout-forms';
    ctx.ndjson = ndjson;
    const parsed = await parseCheckoutForms(ctx, ndjson ? ndjsonItems(chunks()) : jsonItems(chunks(), new Set()));
    return { ...base, format: 'allegro-checkout-forms', ...parsed };
  }
  if (head.startsWith('{')) {
    if (/"checkoutForms"\s*:/.test(head)) {
      ctx.format = 'allegro-checkout-forms';
      return { ...base, format: 'allegro-checkout-forms', ...(await parseCheckoutForms(ctx, jsonItems(chunks(), new Set(['checkoutForms'])))) };
    }
    if (/"customerReturns"\s*:/.test(head)) {
      ctx.format = 'allegro-customer-returns';
      return { ...base, format: 'allegro-customer-returns', ...(await parseCustomerReturns(ctx, jsonItems(chunks(), new Set(['customerReturns'])))) };
    }
    if (/"billingEntries"\s*:/.test(head)) {
      ctx.format = 'allegro-billing-entries';
      return { ...base, format: 'allegro-billing-entries', ...(await parseBillingEntries(ctx, jsonItems(chunks(), new Set(['billingEntries'])))) };
    }
    if (/^\{\s*"[^"]{1,100}"\s*:\s*\{\s*"shipments"\s*:/.test(head)) {
      ctx.format = 'allegro-shipments';
      return { ...base, format: 'allegro-shipments', ...(await parseShipments(ctx, jsonItems(chunks(), new Set()))) };
    }
    if (/^\{\s*"shipments"\s*:/.test(head)) {
      ctx.problems.reject('shipments_without_order', { jsonPath: 'shipments' }, t(
        'To lista przesyłek jednego zamówienia bez jego numeru: nie wiadomo, do którego zamówienia należy. Potrzebny jest plik z przesyłkami według numerów zamówień.',
        "This is one order's shipment list without the order id: it is unknown which order it belongs to. A file of shipments keyed by order id is needed.",
      ));
      return { ...base, format: 'allegro-shipments' };
    }
    if (/"lineItems"\s*:/.test(head) && /"buyer"\s*:/.test(head)) {
      // A single checkout form (GET /order/checkout-forms/{id}).
      return { ...base, format: 'allegro-checkout-forms', ...(await parseCheckoutForms(ctx, singleItem(chunks()))) };
    }
  }
  return unsupported(ctx, base);
}

/** One top-level JSON object as one record. */
async function* singleItem(chunks: AsyncIterable<string>) {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  yield { path: '$', key: null, index: 0, text: parts.join(''), line: 1 };
}

function unsupported(ctx: ParseContext, base: Partial<ParsedFile>, found?: string): Partial<ParsedFile> {
  ctx.problems.reject('unsupported_format', {}, t(
    `Nie rozpoznano rodzaju pliku${found ? ` (${found})` : ''}. Zaplecze importuje: zamówienia z Allegro (JSON lub CSV z panelu sprzedawcy), plik ofert (Szablon), zwroty, przesyłki, rozliczenia oraz własny arkusz stanów magazynowych.`,
    `The kind of file was not recognised${found ? ` (${found})` : ''}. Zaplecze imports: Allegro orders (JSON or the seller-panel CSV), the offers file (Szablon), returns, shipments, billing entries and your own stock sheet.`,
  ));
  return base;
}

/** Rows of a sheet with the first ones already read put back in front (and a read error, if reading stopped on one). */
async function* prepend(buffered: TabularRow[], rest: AsyncIterator<TabularRow>, failure: unknown): AsyncGenerator<TabularRow> {
  yield* buffered;
  if (failure) throw failure;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

interface Buffered {
  rows: TabularRow[];
  rest: AsyncIterator<TabularRow>;
  /** A damaged file: the error comes after the rows read before it, so the parser can say where. */
  failure: unknown;
}

async function bufferRows(sheet: TabularSheet): Promise<Buffered> {
  const rest = sheet.rows[Symbol.asyncIterator]();
  const rows: TabularRow[] = [];
  try {
    while (rows.length < CLASSIFY_ROWS) {
      const next = await rest.next();
      if (next.done) break;
      rows.push(next.value);
    }
  } catch (error) {
    if (!(error instanceof TabularError)) throw error;
    return { rows, rest, failure: error };
  }
  return { rows, rest, failure: null };
}

type TableKind = 'orders' | 'offers' | 'stock' | 'export' | null;

function classify(rows: TabularRow[]): TableKind {
  const first = rows.find((r) => r.cells.some((c) => cellText(c) !== ''));
  if (!first) return null;
  const firstCell = cellText(first.cells[0]);
  if (firstCell === '[INFO]' || firstCell === '[NAGLOWEK]') return 'export';
  const heads = first.cells.map((c) => cellText(c));
  if (heads[0] === 'Lp' && heads.includes('Typ dokumentu') && heads.includes('Numer dokumentu')) return 'export';
  if (looksLikeOrdersCsv(rows.slice(0, 1)) || (firstCell === 'Type' && looksLikeOrdersCsv(rows))) return 'orders';
  if (findOffersHeader(rows)) return 'offers';
  if (detectHeaderRow(rows)) return 'stock';
  return null;
}

async function parseTable(ctx: ParseContext, sheet: TabularSheet, read: Buffered, kind: TableKind, options: ParseOptions): Promise<Partial<ParsedFile>> {
  const buffered = read.rows;
  const limitKind = kind === 'orders' ? 'orders' : kind === 'offers' ? 'offers' : 'stock';
  const rows = limited(prepend(buffered, read.rest, read.failure), options.rowLimits?.[limitKind] ?? ROW_LIMITS[limitKind]);
  ctx.format = kind === 'orders' ? 'allegro-orders-csv' : kind === 'offers' ? 'allegro-offers' : 'owner-stock-sheet';
  if (kind === 'orders') return { format: 'allegro-orders-csv', ...(await parseOrdersCsv(ctx, rows)) };
  if (kind === 'offers') return { format: 'allegro-offers', ...(await parseOffers(ctx, findOffersHeader(buffered)!, rows)) };
  // Owner's sheet: the header row found (or the one the owner chose), a mapping proposed or remembered.
  const detected = detectHeaderRow(buffered)!;
  const header = options.mapping ? (buffered.find((r) => r.row === options.mapping!.headerRow) ?? { row: options.mapping.headerRow, cells: [] }) : detected;
  const headers = header.cells.map((c) => cellText(c));
  const saved = options.savedMapping?.(layoutSignature(headers)) ?? null;
  const mapping: SheetMapping = options.mapping ?? (saved ? { ...saved.mapping, headerRow: header.row } : { headerRow: header.row, columns: proposeColumns(headers) });
  const below = buffered.filter((r) => r.row > header.row).slice(0, 5);
  const proposal = buildProposal({ sheet: sheet.name, header, below, mapping, savedMappingName: options.mapping ? null : (saved?.name ?? null) });
  if (proposal.missingFields.length > 0) {
    // Not fatal: the owner fixes the mapping in the preview (import.remap), then the rows are read.
    ctx.problems.error('mapping_incomplete', { row: header.row }, t(
      `Nie wskazano kolumny z nazwą towaru (nagłówki w wierszu ${header.row}). Wybierz ją w przypisaniu kolumn.`,
      `No column is mapped to the product name (headers in row ${header.row}). Choose it in the column mapping.`,
    ));
    return { format: 'owner-stock-sheet', mapping: proposal, appliedMapping: mapping };
  }
  // The day the sheet counts, when a cell above the header states it ("Stan na 30.11.2026").
  const dated = sheetDate(buffered.filter((r) => r.row < header.row));
  if (dated) {
    ctx.staging.put('meta', 'countedOn', dated, { row: dated.row });
    const [y, m, d] = dated.countedOn.split('-');
    ctx.problems.warning('sheet_dated', { row: dated.row, value: dated.text }, t(
      `Arkusz podaje stan na dzień ${d}.${m}.${y} (wiersz ${dated.row}): różnice między arkuszem a magazynem zostaną policzone i zapisane na ten dzień, a sprzedaż i przyjęcia od tego dnia zostaną zachowane.`,
      `The sheet states the stock on ${d}/${m}/${y} (row ${dated.row}): differences to the books are computed and booked on that day, and sales and receipts since then are kept.`,
    ));
  }
  const parsed = await parseStockSheet(ctx, mapping, headers, rows);
  return { format: 'owner-stock-sheet', mapping: proposal, appliedMapping: mapping, ...parsed };
}

/** "Stan na 30.11.2026", "Stan magazynu – Pod Lipą – 15.06.2026", a date cell: the counted day above the header. */
function sheetDate(rows: TabularRow[]): SheetMetaRecord | null {
  for (const r of rows) {
    for (const c of r.cells) {
      if (c instanceof Date && !Number.isNaN(c.getTime())) return { countedOn: c.toISOString().slice(0, 10), text: cellText(c), row: r.row };
      const s = typeof c === 'string' ? c : '';
      const m = /(?:^|[^\d])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/.exec(s);
      if (!m) continue;
      const [dd, mm, yyyy] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const day = new Date(Date.UTC(yyyy, mm - 1, dd));
      if (day.getUTCMonth() !== mm - 1 || day.getUTCDate() !== dd || yyyy < 2000 || yyyy > 2100) continue;
      return { countedOn: day.toISOString().slice(0, 10), text: s.trim().slice(0, 200), row: r.row };
    }
  }
  return null;
}

async function parseDelimited(ctx: ParseContext, source: ImportSource, encoding: TextEncoding, headText: string, options: ParseOptions): Promise<Partial<ParsedFile>> {
  const delimiter = sniffDelimiter(headText);
  const sheet = csvSheet(source.path, encoding, delimiter, ctx.onBytes);
  const read = await bufferRows(sheet);
  const { rows, rest } = read;
  const kind = classify(rows);
  if (!kind && read.failure) throw read.failure;
  if (kind === 'export') {
    ctx.problems.reject('export_file', { row: 1 }, t(
      'To plik eksportu dla księgowości (EDI++ lub rejestr sprzedaży), który Zaplecze samo tworzy — nie importuje się go z powrotem.',
      'This is an export for the accountant (EDI++ or sales register) that Zaplecze itself writes — it is not imported back.',
    ));
    await rest.return?.();
    return { encoding };
  }
  if (!kind) {
    await rest.return?.();
    const first = rows.find((r) => r.cells.some((c) => cellText(c) !== ''));
    return unsupported(ctx, { encoding }, first ? `pierwszy wiersz: ${first.cells.map((c) => cellText(c)).join(delimiter).slice(0, 80)}` : undefined);
  }
  return { encoding, ...(await parseTable(ctx, sheet, read, kind, options)) };
}

async function parseWorkbook(ctx: ParseContext, source: ImportSource, options: ParseOptions): Promise<Partial<ParsedFile>> {
  let rowsSeen = 0;
  for await (const sheet of xlsxSheets(source.path, source.size)) {
    const counted: TabularSheet = {
      name: sheet.name,
      rows: (async function* () {
        for await (const r of sheet.rows) {
          rowsSeen += 1;
          if (rowsSeen % 1000 === 0) options.onProgress?.('parsing', rowsSeen, null);
          yield r;
        }
      })(),
    };
    const read = await bufferRows(counted);
    const { rows, rest } = read;
    const kind = classify(rows);
    if (kind && kind !== 'export') return { encoding: null, ...(await parseTable(ctx, counted, read, kind, options)) };
    if (read.failure) throw read.failure;
    // Not this sheet (instructions, helper sheets): read past it, within the limit.
    const anyLimit = options.rowLimits?.any ?? ROW_LIMITS.any;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      if (rowsSeen > anyLimit) throw new TooManyRows(anyLimit, next.value.row);
    }
  }
  return unsupported(ctx, { encoding: null }, 'skoroszyt Excela bez rozpoznanego arkusza');
}

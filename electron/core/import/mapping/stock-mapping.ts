import { createHash } from 'node:crypto';
import { STOCK_FIELDS, type MappingProposal, type SheetMapping, type StockField } from '../../../../shared/contract/import.contract';
import { columnLetter } from '../../column-letter';
import { cellText, type TabularRow } from '../tabular';

/** Lower case, no Polish diacritics, punctuation to spaces: "Ilość (szt.)" → "ilosc szt". */
export function normalizeHeader(value: string): string {
  return value
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/**
 * Header words owners use, Polish and English. Exact names first; then word rules (a header that
 * contains "zakup" is a purchase price, unless it is a value "wartość" = price × quantity).
 */
const EXACT: Record<StockField, string[]> = {
  sku: ['sku', 'kod', 'kod sku', 'symbol', 'indeks', 'index', 'sygnatura', 'kod towaru', 'kod produktu', 'code', 'item code', 'product code', 'nr katalogowy', 'id produktu', 'sygnatura sku'],
  name: ['nazwa', 'nazwa towaru', 'nazwa produktu', 'towar', 'produkt', 'name', 'product', 'product name', 'item', 'tytul', 'opis towaru'],
  ean: ['ean', 'kod kreskowy', 'barcode', 'gtin', 'ean13', 'ean 13', 'kod ean', 'bar code'],
  quantity: ['ilosc', 'stan', 'szt', 'ilosc szt', 'stan magazynowy', 'stan mag', 'qty', 'quantity', 'stock', 'on hand', 'sztuk', 'liczba sztuk', 'ilosc sztuk', 'na stanie'],
  unit: ['jm', 'j m', 'jednostka', 'jednostka miary', 'unit', 'uom'],
  purchasePrice: ['cena zakupu', 'cena zakupu netto', 'koszt', 'purchase price', 'cost', 'cena netto zakupu', 'cena zak', 'zakup'],
  salePrice: ['cena', 'cena sprzedazy', 'cena sprzedazy brutto', 'cena brutto', 'price', 'sale price', 'cena detaliczna'],
  vatRate: ['vat', 'stawka vat', 'vat %', 'tax', 'stawka', 'podatek', 'vat rate'],
  location: ['lokalizacja', 'polka', 'regal', 'miejsce', 'location', 'shelf', 'bin', 'polozenie', 'lokacja'],
  reorderPoint: ['stan minimalny', 'minimum', 'min', 'reorder point', 'prog', 'min stan', 'stan min', 'minimalny stan'],
};

const RULES: Array<[RegExp, StockField]> = [
  [/\b(wartosc|value|razem|suma|total)\b/, 'name'], // placeholder, filtered below: value columns are never mapped
  [/\b(ean|gtin|kreskowy|barcode)\b/, 'ean'],
  [/\bsku\b|\bsygnatura\b|\bindeks\b|\bsymbol\b/, 'sku'],
  [/\bzakup|\bkoszt|purchase|\bcost\b/, 'purchasePrice'],
  [/\bcena\b|\bprice\b/, 'salePrice'],
  [/\bvat\b/, 'vatRate'],
  [/\bilosc\b|\bstan\b|\bqty\b|\bquantity\b|\bsztuk/, 'quantity'],
  [/\bnazwa\b|\bname\b/, 'name'],
  [/\blokalizacj|\bpolka\b|\bregal\b|\blocation\b|\bshelf\b/, 'location'],
  [/\bj ?m\b|\bjednostk|\bunit\b/, 'unit'],
];

function fieldFor(header: string): StockField | null {
  const n = normalizeHeader(header);
  if (!n) return null;
  for (const field of STOCK_FIELDS) if (EXACT[field].includes(n)) return field;
  if (/\b(wartosc|value|razem|suma|total|lp|uwagi|notes|komentarz)\b/.test(n)) return null;
  if (/\bmin/.test(n) && /\bstan|ilosc|min\b/.test(n)) return 'reorderPoint';
  for (const [pattern, field] of RULES.slice(1)) if (pattern.test(n)) return field;
  return null;
}

/** Proposes which column fills which field: each field at most once, the first matching column wins. */
export function proposeColumns(headers: string[]): Array<{ index: number; field: StockField }> {
  const taken = new Set<StockField>();
  const out: Array<{ index: number; field: StockField }> = [];
  // Exact names first, so "Cena" (sale price) is not taken by a looser rule elsewhere.
  const passes: Array<(h: string) => StockField | null> = [
    (h) => STOCK_FIELDS.find((f) => EXACT[f].includes(normalizeHeader(h))) ?? null,
    (h) => fieldFor(h),
  ];
  const used = new Set<number>();
  for (const pass of passes) {
    headers.forEach((header, index) => {
      if (used.has(index)) return;
      const field = pass(header);
      if (field && !taken.has(field)) {
        taken.add(field);
        used.add(index);
        out.push({ index, field });
      }
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The header row among the first rows: the one naming most product fields (at least a name or SKU and one more). */
export function detectHeaderRow(rows: TabularRow[]): TabularRow | null {
  let best: TabularRow | null = null;
  let bestScore = 1;
  for (const r of rows.slice(0, 30)) {
    const fields = proposeColumns(r.cells.map((c) => cellText(c))).map((c) => c.field);
    const score = fields.length;
    if ((fields.includes('name') || fields.includes('sku')) && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** Identifies a layout by its header texts (not by file name or sheet position): same headers, same mapping. */
export function layoutSignature(headers: string[]): string {
  const normalized = headers.map((h) => normalizeHeader(h)).filter(Boolean).join('|');
  return `stock:${createHash('sha256').update(normalized).digest('hex').slice(0, 32)}`;
}

/** Fields without which a sheet row cannot become a product. */
export const REQUIRED_FIELDS: StockField[] = ['name'];

export function missingFields(mapping: SheetMapping): StockField[] {
  const mapped = new Set(mapping.columns.map((c) => c.field));
  return REQUIRED_FIELDS.filter((f) => !mapped.has(f));
}

/** Builds the proposal shown to the owner. */
export function buildProposal(args: {
  sheet: string | null;
  header: TabularRow;
  below: TabularRow[];
  mapping: SheetMapping;
  savedMappingName: string | null;
}): MappingProposal {
  const headers = args.header.cells.map((c) => cellText(c));
  const byIndex = new Map(args.mapping.columns.map((c) => [c.index, c.field]));
  const width = Math.max(headers.length, ...args.below.map((r) => r.cells.length));
  const columns = [];
  for (let index = 0; index < width; index += 1) {
    const samples = args.below
      .map((r) => cellText(r.cells[index]))
      .filter((s) => s !== '')
      .slice(0, 3);
    if (!headers[index] && samples.length === 0) continue;
    columns.push({ index, letter: columnLetter(index), header: headers[index] ?? '', samples, field: byIndex.get(index) ?? null });
  }
  return {
    signature: layoutSignature(headers),
    sheet: args.sheet,
    headerRow: args.header.row,
    columns,
    mapping: args.mapping,
    savedMappingName: args.savedMappingName,
    needsConfirmation: args.savedMappingName === null,
    missingFields: missingFields(args.mapping),
  };
}

import { createHash } from 'node:crypto';
import type { SheetMapping, StockField } from '../../../../shared/contract/import.contract';
import { MAX_CATEGORY_LENGTH } from '../../../../shared/contract/stock.contract';
import { t } from '../problems';
import type { StockRowRecord } from '../records';
import { SampleCollector } from '../sample';
import { cellText, NO_FORMULA_VALUE, type Cell, type TabularRow } from '../tabular';
import { ean, isScientific, money, text, vatRate, wholeNumber } from '../text/values';
import { normalizeHeader } from '../mapping/stock-mapping';
import type { ParseContext } from './context';

/** The stock the product has now → what it will have after the import (filled in by the rehearsal). */
export const STOCK_CHANGE_COLUMN = 'Stan: teraz → po imporcie / Stock: now → after import';
export const STOCK_SAMPLE_COLUMNS = ['SKU', 'Nazwa / Name', 'EAN', 'Ilość / Quantity', STOCK_CHANGE_COLUMN, 'Cena / Price', 'Lokalizacja / Location'];

const FIELD_LABEL: Record<StockField, { pl: string; en: string }> = {
  sku: { pl: 'SKU', en: 'SKU' },
  name: { pl: 'nazwa', en: 'name' },
  ean: { pl: 'EAN', en: 'EAN' },
  quantity: { pl: 'ilość', en: 'quantity' },
  unit: { pl: 'jednostka', en: 'unit' },
  purchasePrice: { pl: 'cena zakupu', en: 'purchase price' },
  salePrice: { pl: 'cena sprzedaży', en: 'sale price' },
  vatRate: { pl: 'stawka VAT', en: 'VAT rate' },
  location: { pl: 'lokalizacja', en: 'location' },
  reorderPoint: { pl: 'stan minimalny', en: 'reorder point' },
};

const TOTALS = /^(razem|suma|ogolem|lacznie|total|sum|podsumowanie)\b/;

/** SKU made up for a row without one: stable (same name → same code), so importing again changes nothing. */
export function generatedSku(name: string): string {
  return `BEZ-SKU-${createHash('sha256').update(normalizeHeader(name)).digest('hex').slice(0, 8).toUpperCase()}`;
}

/**
 * The owner's own stock sheet, read with a column mapping: blank rows and totals rows (RAZEM, SUMA…)
 * skipped, formula cells read from their saved results, each value checked. Text is stored as written
 * (a name starting with `=` stays text).
 */
export async function parseStockSheet(
  ctx: ParseContext,
  mapping: SheetMapping,
  headers: string[],
  rows: AsyncIterable<TabularRow>,
): Promise<{ sample: SampleCollector; records: number; invalid: number }> {
  const { staging, problems } = ctx;
  const sample = new SampleCollector(STOCK_SAMPLE_COLUMNS, [STOCK_CHANGE_COLUMN]);
  const columnOf = new Map<StockField, number>(mapping.columns.map((c) => [c.field, c.index]));
  const headerOf = (field: StockField) => headers[columnOf.get(field) ?? -1] || FIELD_LABEL[field].pl;
  let records = 0;
  let invalid = 0;
  const headings: Array<{ row: number; text: string }> = [];
  // The heading above the rows being read: their category (issue 15.3), until the next heading.
  let group: string | undefined;
  for await (const { row, cells } of rows) {
    if (row <= mapping.headerRow) continue;
    const cell = (field: StockField): Cell | undefined => {
      const i = columnOf.get(field);
      return i === undefined ? undefined : (cells[i] ?? null);
    };
    const mappedCells = mapping.columns.map((c) => cells[c.index]);
    if (mappedCells.every((c) => c === undefined || c === null || cellText(c) === '')) continue;
    // A totals row: "RAZEM"/"SUMA" in a text cell and no SKU, or a SUM formula in the quantity column.
    const firstText = cells.map((c) => normalizeHeader(cellText(c))).find((s) => s !== '') ?? '';
    if ((TOTALS.test(firstText) || TOTALS.test(normalizeHeader(cellText(cell('name'))))) && !text(cellText(cell('sku')))) {
      problems.warning('totals_row', { row, value: cellText(cell('name')) || firstText }, t(
        `Wiersz ${row} to wiersz podsumowania („${cellText(cell('name')) || firstText}”) — pominięty.`,
        `Row ${row} is a totals row ("${cellText(cell('name')) || firstText}") — skipped.`,
      ));
      continue;
    }
    const heading = groupHeading(cells, columnOf.get('name'));
    if (heading) {
      headings.push({ row, text: heading });
      group = heading.replace(/\s+/g, ' ').slice(0, MAX_CATEGORY_LENGTH);
      continue;
    }
    records += 1;
    const errorsBefore = problems.errorCount;
    const bad = (field: StockField, value: unknown, pl: string, en: string) =>
      problems.error('invalid_value', { row, column: headerOf(field), value }, t(`Wiersz ${row}, kolumna ${headerOf(field)}: ${pl}`, `Row ${row}, column ${headerOf(field)}: ${en}`));
    for (const c of mapping.columns) {
      if (cells[c.index] === NO_FORMULA_VALUE) {
        bad(c.field, '=…', 'formuła bez zapisanego wyniku — otwórz plik w Excelu, zapisz go i zaimportuj ponownie.', 'a formula without a saved result — open the file in Excel, save it and import it again.');
      }
    }
    const name = text(cellText(cell('name')));
    if (!name) bad('name', null, 'brak nazwy towaru.', 'the product name is missing.');
    let sku = columnOf.has('sku') ? text(cellText(cell('sku'))) : null;
    const record: Partial<StockRowRecord> = {};
    if (group !== undefined) record.category = group;
    if (columnOf.has('ean')) {
      const raw = cell('ean');
      const parsed = ean(raw === NO_FORMULA_VALUE ? null : raw);
      if (parsed.ok) record.ean = parsed.value;
      else if (!parsed.ok && (parsed.why === 'scientific' || isScientific(cellText(raw)))) {
        problems.warning('ean_scientific', { row, column: headerOf('ean'), value: cellText(raw) }, t(
          `Wiersz ${row}, kolumna ${headerOf('ean')}: EAN „${cellText(raw)}” został zepsuty przez Excela (zapis naukowy, cyfry utracone) — nie zaimportowano go. Wpisz EAN jako tekst.`,
          `Row ${row}, column ${headerOf('ean')}: the EAN "${cellText(raw)}" was mangled by Excel (scientific notation, digits lost) — not imported. Enter the EAN as text.`,
        ));
      } else {
        problems.warning('ean_invalid', { row, column: headerOf('ean'), value: cellText(raw) }, t(
          `Wiersz ${row}, kolumna ${headerOf('ean')}: „${cellText(raw)}” nie jest poprawnym kodem EAN — nie zaimportowano go.`,
          `Row ${row}, column ${headerOf('ean')}: "${cellText(raw)}" is not a valid EAN — not imported.`,
        ));
      }
    }
    if (columnOf.has('quantity')) {
      const q = wholeNumber(cell('quantity') === NO_FORMULA_VALUE ? null : cell('quantity'), { min: 0, max: 1_000_000_000 });
      if (!q.ok) bad('quantity', cellText(cell('quantity')), `„${cellText(cell('quantity'))}” nie jest liczbą sztuk (liczba całkowita, 0 lub więcej).`, `"${cellText(cell('quantity'))}" is not a number of units (a whole number, 0 or more).`);
      else record.quantity = q.value;
    }
    for (const field of ['purchasePrice', 'salePrice'] as const) {
      if (!columnOf.has(field)) continue;
      const raw = cell(field);
      const m = money(raw === NO_FORMULA_VALUE ? null : raw);
      if (!m.ok || (m.value !== null && m.value < 0)) bad(field, cellText(raw), `„${cellText(raw)}” nie jest kwotą.`, `"${cellText(raw)}" is not an amount of money.`);
      else record[field === 'purchasePrice' ? 'purchasePriceGrosze' : 'salePriceGrosze'] = m.value;
    }
    if (columnOf.has('vatRate')) {
      const v = vatRate(cell('vatRate') === NO_FORMULA_VALUE ? null : cell('vatRate'));
      if (!v.ok) bad('vatRate', cellText(cell('vatRate')), `„${cellText(cell('vatRate'))}” nie jest stawką VAT (23, 8, 5, 0, zw, np).`, `"${cellText(cell('vatRate'))}" is not a VAT rate (23, 8, 5, 0, zw, np).`);
      else record.vatRate = v.value;
    }
    if (columnOf.has('reorderPoint')) {
      const r = wholeNumber(cell('reorderPoint'), { min: 0, max: 1_000_000_000 });
      if (!r.ok) bad('reorderPoint', cellText(cell('reorderPoint')), 'stan minimalny musi być liczbą całkowitą.', 'the reorder point must be a whole number.');
      else record.reorderPoint = r.value;
    }
    if (columnOf.has('unit')) record.unit = text(cellText(cell('unit')))?.slice(0, 20) ?? null;
    if (columnOf.has('location')) record.location = text(cellText(cell('location')))?.slice(0, 50) ?? null;
    if (problems.errorCount > errorsBefore || !name) {
      invalid += 1;
      sample.add(sku ?? `row ${row}`, { row }, [sku, name, cellText(cell('ean')), cellText(cell('quantity')), null, cellText(cell('salePrice')), cellText(cell('location'))], true);
      continue;
    }
    let generated = false;
    if (!sku) {
      sku = generatedSku(name);
      generated = true;
      problems.warning('sku_generated', { row, column: headerOf('sku'), value: name }, t(
        `Wiersz ${row}: towar „${name}” nie ma kodu SKU — dostaje kod ${sku} (możesz go zmienić w magazynie).`,
        `Row ${row}: "${name}" has no SKU — it gets the code ${sku} (you can change it in Stock).`,
      ));
    }
    const full: StockRowRecord = { ...record, sku: sku.slice(0, 100), generatedSku: generated, name: name.slice(0, 500) };
    const raw = JSON.stringify(full);
    if (staging.put('stock', full.sku, full, { row, raw })) {
      sample.add(full.sku, { row }, [full.sku, full.name, full.ean ?? null, full.quantity ?? null, null, full.salePriceGrosze != null ? (full.salePriceGrosze / 100).toFixed(2) : null, full.location ?? null]);
    } else {
      const existing = staging.get<StockRowRecord>('stock', full.sku)!;
      if (existing.raw === raw) {
        problems.warning('duplicate_record', { row, column: headerOf('sku'), value: full.sku }, t(`Wiersz ${row} powtarza wiersz ${existing.row}: zaimportowany raz.`, `Row ${row} repeats row ${existing.row}: imported once.`));
      } else {
        problems.error('conflicting_duplicate', { row, column: headerOf('sku'), value: full.sku }, t(
          `Wiersz ${row}: SKU ${full.sku} występuje już w wierszu ${existing.row} z innymi danymi.`,
          `Row ${row}: SKU ${full.sku} already appears in row ${existing.row} with different data.`,
        ));
        invalid += 1;
      }
    }
  }
  if (headings.length > 0) {
    // A heading names the group of the products under it: kept as their category (a campaign can then
    // be planned for it), said in one note.
    const rowsText = headings.slice(0, 20).map((h) => h.row).join(', ') + (headings.length > 20 ? '…' : '');
    const names = headings.slice(0, 10).map((h) => h.text).join(', ') + (headings.length > 10 ? '…' : '');
    problems.warning('group_heading', { row: headings[0]!.row, value: names }, t(
      `${headings.length === 1 ? `Wiersz ${rowsText} to nagłówek grupy towarów` : `Wiersze ${rowsText} to nagłówki grup towarów`} (${names}), nie towary — ${headings.length === 1 ? 'zapisany' : 'zapisane'} jako kategoria towarów pod ${headings.length === 1 ? 'nim' : 'nimi'}.`,
      `${headings.length === 1 ? `Row ${rowsText} is a heading of a group` : `Rows ${rowsText} are headings of groups`} of products (${names}), not products — kept as the category of the products under ${headings.length === 1 ? 'it' : 'them'}.`,
    ));
  }
  if (records === 0) problems.warning('no_records', {}, t('Arkusz nie zawiera żadnego towaru pod nagłówkiem. Nic nie zaimportowano.', 'The sheet holds no products below the header. Nothing was imported.'));
  return { sample, records, invalid };
}

/**
 * A group heading above products ("KARMY I PRZYSMAKI", "PSY – AKCESORIA"): one text, in one cell or the
 * same text in every cell of a merged range, no number anywhere in the row. In the name column it counts
 * only when written in capitals — a product with nothing but a name stays a product.
 */
export function groupHeading(cells: Cell[], nameColumn: number | undefined): string | null {
  let textValue: string | null = null;
  const at: number[] = [];
  for (let i = 0; i < cells.length; i += 1) {
    const c = cells[i];
    if (c === null || c === undefined || c === NO_FORMULA_VALUE) continue;
    if (typeof c === 'number' || typeof c === 'boolean' || c instanceof Date) return null;
    const s = String(c).trim();
    if (s === '') continue;
    if (textValue !== null && s !== textValue) return null;
    textValue = s;
    at.push(i);
  }
  if (textValue === null || !/\p{L}/u.test(textValue) || textValue.length > 200) return null;
  if (/^[\d\s.,%zł-]+$/i.test(textValue) || TOTALS.test(normalizeHeader(textValue))) return null;
  // A lone code such as "SW-LAW-200" is a product row missing its name (an error), not a heading.
  if (/\d/.test(textValue) && !/\s/.test(textValue)) return null;
  const onlyInName = at.length === 1 && at[0] === nameColumn;
  if (onlyInName && textValue !== textValue.toLocaleUpperCase('pl')) return null;
  return textValue;
}

import { t } from '../problems';
import type { OfferRecord } from '../records';
import { SampleCollector } from '../sample';
import { cellText, type TabularRow } from '../tabular';
import { ean, isScientific, money, text, vatRate, wholeNumber } from '../text/values';
import type { ParseContext } from './context';

const LABELS = {
  offerId: 'ID oferty',
  title: 'Tytuł oferty',
  sku: 'Sygnatura/SKU Sprzedającego',
  quantity: 'Liczba sztuk',
  price: 'Cena PL',
  status: 'Status oferty',
  product: 'ID produktu (EAN/UPC/ISBN/ISSN/ID produktu Allegro)',
  vat: 'Stawki VAT',
} as const;

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The offers sheet's label row: the first row holding both "ID oferty" and "Tytuł oferty" (owners delete the rows above). */
export function findOffersHeader(rows: TabularRow[]): TabularRow | null {
  return rows.find((r) => {
    const cells = r.cells.map((c) => norm(cellText(c)));
    return cells.includes(norm(LABELS.offerId)) && cells.includes(norm(LABELS.title));
  }) ?? null;
}

export const OFFER_SAMPLE_COLUMNS = ['ID oferty / Offer ID', 'Sygnatura / SKU', 'Tytuł / Title', 'EAN', 'Liczba sztuk / Quantity', 'Cena PL / Price'];

/**
 * Allegro's offers workbook (sheet Szablon) or its CSV saves: columns found by their row-4 labels,
 * every cell read as text (prices `20.00`, or `1 249,00` after Polish Excel), EAN taken from the
 * product-id column only when it is a real EAN (a catalogue UUID is not).
 */
export async function parseOffers(ctx: ParseContext, header: TabularRow, rows: AsyncIterable<TabularRow>): Promise<{ sample: SampleCollector; records: number; invalid: number }> {
  const { staging, problems } = ctx;
  const sample = new SampleCollector(OFFER_SAMPLE_COLUMNS);
  const labels = header.cells.map((c) => cellText(c));
  const index = new Map<string, number>();
  labels.forEach((label, i) => {
    const key = norm(label);
    if (key && !index.has(key)) index.set(key, i);
  });
  const col = (label: string) => index.get(norm(label));
  if (col(LABELS.sku) === undefined) {
    problems.warning('no_sku_column', { row: header.row, column: LABELS.sku }, t(
      `Arkusz nie ma kolumny „${LABELS.sku}”: oferty zostaną powiązane z produktami tylko po EAN (resztę połączysz ręcznie).`,
      `The sheet has no "${LABELS.sku}" column: offers are linked to products by EAN only (link the rest by hand).`,
    ));
  }
  const skuSeen = new Map<string, { offerId: string; row: number }>();
  let records = 0;
  let invalid = 0;
  for await (const { row, cells } of rows) {
    if (row <= header.row) continue;
    if (cells.every((c) => cellText(c) === '')) continue;
    const get = (label: string): string | null => {
      const i = col(label);
      return i === undefined ? null : text(cellText(cells[i]));
    };
    records += 1;
    const errorsBefore = problems.errorCount;
    const bad = (column: string, value: unknown, pl: string, en: string) => problems.error('invalid_value', { row, column, value }, t(pl, en));
    const offerId = get(LABELS.offerId);
    if (!offerId || !/^\d{1,20}$/.test(offerId)) {
      bad(LABELS.offerId, offerId, `Wiersz ${row}: „${offerId ?? ''}” nie jest numerem oferty Allegro.`, `Row ${row}: "${offerId ?? ''}" is not an Allegro offer number.`);
    }
    const price = money(get(LABELS.price));
    if (!price.ok || (price.value !== null && price.value < 0)) {
      bad(LABELS.price, get(LABELS.price), `Wiersz ${row}: cena „${get(LABELS.price)}” nie jest kwotą.`, `Row ${row}: the price "${get(LABELS.price)}" is not an amount.`);
    }
    const quantity = wholeNumber(get(LABELS.quantity), { min: 0, max: 1_000_000_000 });
    if (!quantity.ok) {
      bad(LABELS.quantity, get(LABELS.quantity), `Wiersz ${row}: liczba sztuk „${get(LABELS.quantity)}” nie jest liczbą całkowitą.`, `Row ${row}: the quantity "${get(LABELS.quantity)}" is not a whole number.`);
    }
    const vat = vatRate(get(LABELS.vat));
    if (!vat.ok) {
      problems.warning('unknown_vat', { row, column: LABELS.vat, value: get(LABELS.vat) }, t(
        `Wiersz ${row}: nieznana stawka VAT „${get(LABELS.vat)}” — pominięta.`,
        `Row ${row}: unknown VAT rate "${get(LABELS.vat)}" — ignored.`,
      ));
    }
    const productId = get(LABELS.product);
    let offerEan: string | null = null;
    if (productId && /^[\d\s.,E+]+$/i.test(productId)) {
      const parsed = ean(productId);
      if (parsed.ok) offerEan = parsed.value;
      else if (isScientific(productId)) {
        problems.warning('ean_scientific', { row, column: LABELS.product, value: productId }, t(
          `Wiersz ${row}: EAN „${productId}” został zepsuty przez Excela (zapis naukowy) — nie zaimportowano go; popraw kolumnę jako tekst.`,
          `Row ${row}: the EAN "${productId}" was mangled by Excel (scientific notation) — not imported; format the column as text.`,
        ));
      } else {
        problems.warning('ean_invalid', { row, column: LABELS.product, value: productId }, t(
          `Wiersz ${row}: „${productId}” nie jest poprawnym kodem EAN (cyfra kontrolna) — nie zaimportowano go.`,
          `Row ${row}: "${productId}" is not a valid EAN (check digit) — not imported.`,
        ));
      }
    }
    if (problems.errorCount > errorsBefore || !offerId) {
      invalid += 1;
      sample.add(offerId ?? `row ${row}`, { row }, [offerId, get(LABELS.sku), get(LABELS.title), offerEan, get(LABELS.quantity), get(LABELS.price)], true);
      continue;
    }
    const raw: Record<string, string> = {};
    labels.forEach((label, i) => {
      const v = cellText(cells[i]);
      if (label && v !== '' && !(label in raw)) raw[label] = v;
    });
    const sku = get(LABELS.sku);
    const record: OfferRecord = {
      offerId,
      externalId: sku,
      title: get(LABELS.title),
      ean: offerEan,
      priceGrosze: price.ok ? price.value : null,
      currency: 'PLN',
      stockQuantity: quantity.ok ? quantity.value : null,
      status: get(LABELS.status),
      vatRate: vat.ok ? vat.value : null,
      marketplace: 'allegro-pl',
      raw,
    };
    if (sku) {
      const seen = skuSeen.get(sku);
      if (seen && seen.offerId !== offerId) {
        problems.warning('duplicate_sku', { row, column: LABELS.sku, value: sku }, t(
          `Wiersz ${row}: oferty ${seen.offerId} (wiersz ${seen.row}) i ${offerId} mają tę samą sygnaturę ${sku} — obie zostaną powiązane z tym samym produktem.`,
          `Row ${row}: offers ${seen.offerId} (row ${seen.row}) and ${offerId} share the SKU ${sku} — both are linked to the same product.`,
        ));
      } else if (!seen) skuSeen.set(sku, { offerId, row });
    }
    const rawText = JSON.stringify(raw);
    if (staging.put('offer', offerId, record, { row, raw: rawText })) {
      sample.add(offerId, { row }, [offerId, sku, record.title, offerEan, record.stockQuantity, price.ok && price.value !== null ? (price.value / 100).toFixed(2) : null]);
    } else {
      const existing = staging.get<OfferRecord>('offer', offerId)!;
      if (existing.raw === rawText) {
        problems.warning('duplicate_record', { row, column: LABELS.offerId, value: offerId }, t(`Wiersz ${row} powtarza ofertę z wiersza ${existing.row}: zaimportowana raz.`, `Row ${row} repeats the offer of row ${existing.row}: imported once.`));
      } else {
        problems.error('conflicting_duplicate', { row, column: LABELS.offerId, value: offerId }, t(
          `Wiersz ${row}: oferta ${offerId} występuje już w wierszu ${existing.row} z innymi danymi.`,
          `Row ${row}: offer ${offerId} already appears in row ${existing.row} with different data.`,
        ));
        invalid += 1;
      }
    }
  }
  if (records === 0) problems.warning('no_records', {}, t('Arkusz nie zawiera żadnej oferty. Nic nie zaimportowano.', 'The sheet holds no offers. Nothing was imported.'));
  return { sample, records, invalid };
}

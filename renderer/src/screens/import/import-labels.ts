import type { ImportFormat, StockField } from '../../../../shared/contract/import.contract';
import type { Lang } from '../../i18n/i18n';

/** What each recognised file is, in words a shop owner uses. */
export const FORMAT_LABELS: Record<ImportFormat, { pl: string; en: string }> = {
  'allegro-checkout-forms': { pl: 'Zamówienia z Allegro (JSON)', en: 'Allegro orders (JSON)' },
  'allegro-orders-csv': { pl: 'Zamówienia z panelu sprzedawcy Allegro (CSV)', en: 'Allegro seller-panel orders (CSV)' },
  'allegro-offers': { pl: 'Oferty Allegro (arkusz ofert)', en: 'Allegro offers (offers workbook)' },
  'allegro-customer-returns': { pl: 'Zwroty klientów z Allegro', en: 'Allegro customer returns' },
  'allegro-shipments': { pl: 'Numery przesyłek z Allegro', en: 'Allegro tracking numbers' },
  'allegro-billing-entries': { pl: 'Opłaty i prowizje Allegro', en: 'Allegro fees and commissions' },
  'owner-stock-sheet': { pl: 'Własny arkusz ze stanem magazynu', en: 'Your own stock sheet' },
};

export function formatLabel(format: string | null, lang: Lang): string | null {
  if (!format) return null;
  return (FORMAT_LABELS as Record<string, { pl: string; en: string }>)[format]?.[lang] ?? format;
}

export const FIELD_LABELS: Record<StockField, { pl: string; en: string }> = {
  sku: { pl: 'SKU (kod produktu)', en: 'SKU (product code)' },
  name: { pl: 'Nazwa', en: 'Name' },
  ean: { pl: 'EAN (kod kreskowy)', en: 'EAN (barcode)' },
  quantity: { pl: 'Ilość na stanie', en: 'Quantity on hand' },
  unit: { pl: 'Jednostka', en: 'Unit' },
  purchasePrice: { pl: 'Cena zakupu netto', en: 'Purchase price (net)' },
  salePrice: { pl: 'Cena sprzedaży brutto', en: 'Sale price (gross)' },
  vatRate: { pl: 'Stawka VAT', en: 'VAT rate' },
  location: { pl: 'Lokalizacja (półka)', en: 'Location (shelf)' },
  reorderPoint: { pl: 'Minimalny stan', en: 'Reorder point' },
};

/** Kinds of rows an import touches (the preview's `entities` keys); unknown keys are shown as they come. */
const ENTITY_LABELS: Record<string, { pl: string; en: string }> = {
  orders: { pl: 'Zamówienia', en: 'Orders' },
  orderLines: { pl: 'Pozycje zamówień', en: 'Order lines' },
  lineItems: { pl: 'Pozycje zamówień', en: 'Order lines' },
  customers: { pl: 'Kupujący', en: 'Buyers' },
  reservations: { pl: 'Rezerwacje towaru', en: 'Stock reservations' },
  offers: { pl: 'Oferty Allegro', en: 'Allegro offers' },
  products: { pl: 'Produkty', en: 'Products' },
  stock: { pl: 'Ruchy magazynowe', en: 'Stock movements' },
  ledger: { pl: 'Ruchy magazynowe', en: 'Stock movements' },
  stockLedger: { pl: 'Ruchy magazynowe', en: 'Stock movements' },
  locations: { pl: 'Miejsca w magazynie', en: 'Storage locations' },
  returns: { pl: 'Zwroty', en: 'Returns' },
  returnLines: { pl: 'Pozycje zwrotów', en: 'Return lines' },
  shipments: { pl: 'Przesyłki', en: 'Shipments' },
  billingEntries: { pl: 'Opłaty Allegro', en: 'Allegro fees' },
  fees: { pl: 'Opłaty Allegro', en: 'Allegro fees' },
  promotions: { pl: 'Promocje', en: 'Promotions' },
};

export function entityLabel(key: string, lang: Lang): string {
  return ENTITY_LABELS[key]?.[lang] ?? key;
}

/** The core names preview columns in both languages ("Zamówienie / Order"): show the current one. */
export function columnLabel(column: string, lang: Lang): string {
  const parts = column.split(' / ');
  if (parts.length !== 2) return column;
  return (lang === 'pl' ? parts[0] : parts[1])!.trim();
}

/**
 * The text encoding is worth mentioning only when it is the Polish-Excel one (it explains odd letters
 * if the owner opens the file elsewhere); UTF-8 is the normal case and would only be jargon.
 */
export function encodingNote(encoding: string | null, lang: Lang): string | null {
  if (encoding !== 'windows-1250') return null;
  return lang === 'pl' ? 'zapisany przez Excela (Windows-1250)' : 'saved by Excel (Windows-1250)';
}

import type { ImportProblem } from '../../../../shared/contract/import.contract';
import type { Lang } from '../../i18n/i18n';
import type { useFormat } from '../../i18n/format';
import { returnsMessages } from '../returns/returns.messages';

/**
 * What the core reports in a machine's words (JSON paths, Allegro's field names and enum codes, ISO
 * times, amounts with a dot) said the way a shop owner reads it. The core keeps those in the data;
 * only the screen translates.
 */
type Format = ReturnType<typeof useFormat>;
type Words = { pl: string; en: string };

const LIST_ITEM: Record<string, Words> = {
  checkoutForms: { pl: 'zamówienie', en: 'order' },
  customerReturns: { pl: 'zwrot', en: 'return' },
  billingEntries: { pl: 'wpis', en: 'entry' },
  lineItems: { pl: 'pozycja', en: 'line' },
  items: { pl: 'pozycja', en: 'item' },
};

/** Where a problem is: the row / line number, else "zamówienie 4" for `checkoutForms[3].…`, else an order id. */
export function problemPlace(p: Pick<ImportProblem, 'row' | 'jsonPath'>, lang: Lang): string {
  if (p.row) return String(p.row);
  if (!p.jsonPath) return '—';
  const parts: string[] = [];
  for (const m of p.jsonPath.matchAll(/(?:^|\.)([A-Za-z]*)\[(\d+)\]/g)) {
    const what = LIST_ITEM[m[1] ?? ''] ?? (m[1] ? null : LIST_ITEM.checkoutForms!);
    if (what) parts.push(`${what[lang]} ${Number(m[2]) + 1}`);
  }
  if (parts.length) return parts.join(', ');
  // Shipments are keyed by order id: `<id>.shipments[…]` or just the id.
  const id = /^([0-9a-f-]{8,})/i.exec(p.jsonPath)?.[1];
  return id ?? '—';
}

/** Allegro's JSON fields (and the few CSV columns whose names say nothing) in words. */
const FIELD_WORDS: Record<string, Words> = {
  id: { pl: 'Numer', en: 'Number' },
  status: { pl: 'Status zamówienia', en: 'Order status' },
  'fulfillment.status': { pl: 'Status realizacji', en: 'Fulfilment status' },
  'payment.type': { pl: 'Rodzaj płatności', en: 'Payment type' },
  'payment.provider': { pl: 'Operator płatności', en: 'Payment provider' },
  'payment.paidAmount.amount': { pl: 'Kwota zapłacona', en: 'Amount paid' },
  'summary.totalToPay.amount': { pl: 'Do zapłaty', en: 'Total to pay' },
  lineItems: { pl: 'Pozycje', en: 'Lines' },
  'lineItems.id': { pl: 'Numer pozycji', en: 'Line number' },
  'lineItems.quantity': { pl: 'Ilość', en: 'Quantity' },
  'lineItems.price.amount': { pl: 'Cena', en: 'Price' },
  'lineItems.originalPrice.amount': { pl: 'Cena przed rabatem', en: 'Price before discount' },
  'lineItems.boughtAt': { pl: 'Data zakupu', en: 'Purchase date' },
  quantity: { pl: 'Ilość', en: 'Quantity' },
  price: { pl: 'Cena', en: 'Price' },
  'reason.type': { pl: 'Powód zwrotu', en: 'Return reason' },
  items: { pl: 'Pozycje', en: 'Items' },
  waybill: { pl: 'Numer przesyłki', en: 'Tracking number' },
  revision: { pl: 'Wersja zamówienia', en: 'Order version' },
  count: { pl: 'Liczba na stronie', en: 'Count on the page' },
  totalCount: { pl: 'Liczba zamówień', en: 'Number of orders' },
  OrderId: { pl: 'Numer zamówienia', en: 'Order number' },
  LineItemId: { pl: 'Numer pozycji', en: 'Line number' },
  Quantity: { pl: 'Ilość', en: 'Quantity' },
  Price: { pl: 'Cena', en: 'Price' },
  TotalToPayAmount: { pl: 'Do zapłaty', en: 'Total to pay' },
  OrderDate: { pl: 'Data zamówienia', en: 'Order date' },
  PaymentAmount: { pl: 'Kwota zapłacona', en: 'Amount paid' },
  DeliveryAmount: { pl: 'Koszt dostawy', en: 'Delivery cost' },
  NumberOfOrders: { pl: 'Liczba zamówień', en: 'Number of orders' },
  Type: { pl: 'Rodzaj wiersza', en: 'Row type' },
};

/** A problem's column in words: JSON paths lose their indexes and become names; sheet headers stay as written. */
export function fieldWords(column: string, lang: Lang): string {
  const plain = column.replace(/\[\d*\]/g, '');
  const known = FIELD_WORDS[plain] ?? FIELD_WORDS[plain.replace(/^lineItems\./, '')];
  if (known) return known[lang];
  if (/^[a-z]+[A-Za-z]*(\.[a-zA-Z]+)+$/.test(plain)) return FIELD_WORDS[plain.split('.').pop()!]?.[lang] ?? '—';
  return column;
}

/** Allegro's status codes as the orders screen says them. */
const ENUM_WORDS: Record<string, Words> = {
  BOUGHT: { pl: 'kupione (bez formularza)', en: 'bought (no checkout)' },
  FILLED_IN: { pl: 'czeka na płatność', en: 'awaiting payment' },
  READY_FOR_PROCESSING: { pl: 'do realizacji', en: 'ready for processing' },
  CANCELLED: { pl: 'anulowane', en: 'cancelled' },
  NEW: { pl: 'nowe', en: 'new' },
  PROCESSING: { pl: 'w realizacji', en: 'processing' },
  READY_FOR_SHIPMENT: { pl: 'gotowe do wysyłki', en: 'ready to ship' },
  READY_FOR_PICKUP: { pl: 'gotowe do odbioru', en: 'ready for pickup' },
  SENT: { pl: 'wysłane', en: 'sent' },
  PICKED_UP: { pl: 'odebrane', en: 'picked up' },
  SUSPENDED: { pl: 'wstrzymane', en: 'suspended' },
  RETURNED: { pl: 'zwrócone', en: 'returned' },
  ACTIVE: { pl: 'aktywna', en: 'active' },
  INACTIVE: { pl: 'nieaktywna', en: 'inactive' },
  ENDED: { pl: 'zakończona', en: 'ended' },
  ACTIVATING: { pl: 'aktywowana', en: 'activating' },
  CREATED: { pl: 'utworzony', en: 'created' },
  DISPATCHED: { pl: 'wysłany przez kupującego', en: 'sent by the buyer' },
  DELIVERED: { pl: 'dostarczony', en: 'delivered' },
  FINISHED: { pl: 'zakończony', en: 'finished' },
  REJECTED: { pl: 'odrzucony', en: 'rejected' },
  COMMISSION_REFUND_CLAIMED: { pl: 'zwrot prowizji', en: 'commission refund claimed' },
};

/** Allegro's return reasons (DAMAGED, DONT_LIKE_IT…) in the words the Returns screen uses for them. */
function returnReasonWords(code: string, lang: Lang): string | null {
  const words: Record<string, string> = returnsMessages[lang];
  return words[`reason_${code}`] ?? null;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const AMOUNT = /^(-?\d+)\.(\d{2})(?: ([A-Z]{3}))?$/;

/** One value of the preview's sample table: dates, amounts and Allegro's codes in the owner's words. */
export function sampleValue(value: string | null, lang: Lang, format: Format): string {
  if (value === null || value === '') return '';
  if (ISO_TIME.test(value)) return format.dateTime(value);
  // A stock sheet's "now → after the import" (the core writes plain integers).
  const fromTo = /^(-?\d+) → (-?\d+)$/.exec(value);
  if (fromTo) return `${format.number(Number(fromTo[1]))} → ${format.number(Number(fromTo[2]))}`;
  const amount = AMOUNT.exec(value);
  if (amount) {
    const minor = Number(amount[1]) * 100 + (amount[1]!.startsWith('-') ? -1 : 1) * Number(amount[2]);
    return format.money(minor, amount[3] ?? 'PLN');
  }
  if (/^[A-Z][A-Z_]+( \/ [A-Z][A-Z_]+)*$/.test(value)) {
    return value
      .split(' / ')
      .map((code) => ENUM_WORDS[code]?.[lang] ?? returnReasonWords(code, lang) ?? code.toLowerCase().replace(/_/g, ' '))
      .join(' / ');
  }
  return value;
}

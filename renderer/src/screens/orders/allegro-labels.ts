import type { Lang } from '../../i18n/i18n';

/**
 * Allegro's own order codes in words a shop owner knows from the Allegro seller panel. Unknown codes
 * (Allegro adds new ones) are shown as they came, so nothing is hidden.
 */
const ORDER_STATUS: Record<string, { pl: string; en: string }> = {
  BOUGHT: { pl: 'kupione, bez formularza', en: 'bought, no checkout form' },
  FILLED_IN: { pl: 'czeka na wpłatę', en: 'awaiting payment' },
  READY_FOR_PROCESSING: { pl: 'opłacone', en: 'paid' },
  CANCELLED: { pl: 'anulowane', en: 'cancelled' },
};

const FULFILLMENT_STATUS: Record<string, { pl: string; en: string }> = {
  NEW: { pl: 'nowe', en: 'new' },
  PROCESSING: { pl: 'w realizacji', en: 'processing' },
  READY_FOR_SHIPMENT: { pl: 'do wysłania', en: 'ready for shipment' },
  READY_FOR_PICKUP: { pl: 'do odbioru osobistego', en: 'ready for pickup' },
  SENT: { pl: 'wysłane', en: 'sent' },
  PICKED_UP: { pl: 'odebrane', en: 'picked up' },
  CANCELLED: { pl: 'anulowane', en: 'cancelled' },
  SUSPENDED: { pl: 'wstrzymane', en: 'suspended' },
  RETURNED: { pl: 'zwrócone', en: 'returned' },
};

const PAYMENT_TYPE: Record<string, { pl: string; en: string }> = {
  ONLINE: { pl: 'płatność online', en: 'online payment' },
  CASH_ON_DELIVERY: { pl: 'za pobraniem', en: 'cash on delivery' },
  WIRE_TRANSFER: { pl: 'przelew tradycyjny', en: 'wire transfer' },
  SPLIT_PAYMENT: { pl: 'podzielona płatność', en: 'split payment' },
  EXTENDED_TERM: { pl: 'płatność z odroczonym terminem', en: 'extended term' },
};

function label(table: Record<string, { pl: string; en: string }>, code: string | null | undefined, lang: Lang): string | null {
  if (!code) return null;
  return table[code]?.[lang] ?? code;
}

/** "opłacone · wysłane" — Allegro's order status and the seller's fulfilment status, in words. */
export function allegroStatusText(allegroStatus: string | null, fulfillmentStatus: string | null, lang: Lang): string {
  return [label(ORDER_STATUS, allegroStatus, lang), label(FULFILLMENT_STATUS, fulfillmentStatus, lang)].filter(Boolean).join(' · ');
}

export function paymentTypeText(paymentType: string | null, lang: Lang): string | null {
  return label(PAYMENT_TYPE, paymentType, lang);
}

/**
 * "Opłacone · płatność online": the shop's payment state and Allegro's payment type, each said once
 * ("Za pobraniem · za pobraniem" says nothing twice).
 */
export function paymentWords(state: string, type: string | null): string {
  if (!type || type.toLocaleLowerCase() === state.toLocaleLowerCase()) return state;
  return `${state} · ${type}`;
}

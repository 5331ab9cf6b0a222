import type { ShipCarrier } from '../../../shared/contract/packing.contract';
import type { SqliteDatabase } from '../db/connection';
import { findByCode, prepared } from '../stock/product.repository';
import { eanVariants } from './scan.service';

/**
 * Is this text plausibly a parcel's tracking number? A packer who scans "one more item" after
 * completing a box sends the product's EAN into the tracking field; without this check the order
 * ships with an EAN as its tracking number and the buyer never gets a working link.
 *
 * Two kinds of answers:
 * - refuse: certainly not a tracking number — a code of a product in stock (EAN or SKU), one of our
 *   order numbers (ZAP-<id>, an Allegro order id), or an InPost number that is not 24 digits
 *   (InPost's waybills are always 24 digits, the label's barcode carries exactly that).
 * - warn: unusual for the carrier chosen, but carriers have several formats and we do not know them
 *   all for sure (DPD, DHL, Poczta Polska, ORLEN Paczka): the person confirms once.
 *
 * Formats are taken conservatively from the carriers' published tracking pages:
 * - DPD Polska: 13 digits + one letter (e.g. 1000123456789U), older ones 14 digits;
 * - DHL Parcel Polska: 11 digits; DHL Express: 10 digits; DHL eCommerce: JJD + 18–24 digits;
 * - Poczta Polska / Pocztex: 20 digits starting 00, or the UPU S10 format (2 letters, 9 digits, 2 letters);
 * - ORLEN Paczka: 10–24 digits, sometimes with a letter prefix.
 */
export type TrackingProblem =
  | { verdict: 'refuse'; reason: 'product_code'; product: { id: number; sku: string; name: string } }
  | { verdict: 'refuse'; reason: 'order_code'; orderId: number }
  | { verdict: 'refuse'; reason: 'carrier_format'; carrier: ShipCarrier; expected: string }
  | { verdict: 'warn'; reason: 'carrier_format'; carrier: ShipCarrier; expected: string };

const CERTAIN: Partial<Record<ShipCarrier, { test: RegExp; expected: string }>> = {
  inpost: { test: /^\d{24}$/, expected: '24 cyfry' },
};

const LIKELY: Partial<Record<ShipCarrier, { test: RegExp; expected: string }>> = {
  dpd: { test: /^(\d{13}[A-Z]|\d{14}|\d{13})$/i, expected: '13 cyfr i litera (np. 1000123456789U)' },
  dhl: { test: /^(\d{10,11}|JJD\d{18,24}|\d{12,14})$/i, expected: '10–11 cyfr albo JJD i cyfry' },
  poczta: { test: /^(00\d{18}|[A-Z]{2}\d{9}[A-Z]{2}|P[A-Z]\d{10,16})$/i, expected: '20 cyfr zaczynających się od 00 albo np. RR123456785PL' },
  orlen: { test: /^[A-Z]{0,3}\d{10,24}$/i, expected: '10–24 cyfr' },
};

function productByCode(sqlite: SqliteDatabase, text: string): { id: number; sku: string; name: string } | null {
  const candidates = eanVariants(text);
  for (const c of candidates.length > 0 ? candidates : [text]) {
    const found = findByCode(sqlite, c);
    if (found) return { id: found.raw.id, sku: found.raw.sku, name: found.raw.name };
  }
  return null;
}

function orderByCode(sqlite: SqliteDatabase, text: string): number | null {
  const zap = /^ZAP[-\s]?(\d{1,15})$/i.exec(text);
  if (zap) return Number(zap[1]);
  const byAllegro = prepared(sqlite, 'SELECT id FROM orders WHERE allegro_order_id = ? COLLATE NOCASE LIMIT 1').get(text) as { id: number } | undefined;
  return byAllegro?.id ?? null;
}

/** The problem with `number` as the tracking number of a parcel sent by `carrier`, or null when it looks fine. */
export function trackingNumberProblem(sqlite: SqliteDatabase, number: string, carrier: ShipCarrier | null): TrackingProblem | null {
  const text = number.trim();
  if (text === '') return null;
  const product = productByCode(sqlite, text);
  if (product) return { verdict: 'refuse', reason: 'product_code', product };
  const orderId = orderByCode(sqlite, text);
  if (orderId !== null) return { verdict: 'refuse', reason: 'order_code', orderId };
  if (!carrier) return null;
  const compact = text.replace(/\s+/g, '');
  const certain = CERTAIN[carrier];
  if (certain && !certain.test.test(compact)) return { verdict: 'refuse', reason: 'carrier_format', carrier, expected: certain.expected };
  const likely = LIKELY[carrier];
  if (likely && !likely.test.test(compact)) return { verdict: 'warn', reason: 'carrier_format', carrier, expected: likely.expected };
  return null;
}

/** Plain English for the error message (the UI builds its own Polish text from the details). */
export function trackingProblemMessage(p: TrackingProblem, number: string): string {
  switch (p.reason) {
    case 'product_code':
      return `"${number}" is the code of the product ${p.product.sku} (${p.product.name}), not a tracking number: scan the courier's label.`;
    case 'order_code':
      return `"${number}" is an order number, not a tracking number: scan the courier's label.`;
    case 'carrier_format':
      return p.verdict === 'refuse'
        ? `"${number}" is not a ${p.carrier} tracking number (expected: ${p.expected}).`
        : `"${number}" does not look like a ${p.carrier} tracking number (usually: ${p.expected}); confirm to ship anyway.`;
  }
}

import { type VatRate } from '../../../shared/domain/vat';

/**
 * A VAT rate as stored on an order line or product: Allegro's "23.00", our "23", "8%", "ZW", "np".
 * Returns null for anything else (including empty), so the caller can fall back and say so.
 */
export function parseVatRate(text: string | null | undefined): VatRate | null {
  if (text === null || text === undefined) return null;
  const t = text.trim().toLowerCase().replace(/\s*%$/, '');
  if (t === 'zw' || t === 'np') return t;
  const m = /^(\d{1,2})(?:[.,]0+)?$/.exec(t);
  if (!m) return null;
  const n = String(Number(m[1]));
  return n === '23' || n === '8' || n === '5' || n === '0' ? n : null;
}

/** Display order of rates in registers and totals. */
export const RATE_ORDER: readonly VatRate[] = ['23', '8', '5', '0', 'zw', 'np'];

/** "23%", "0%", "zw", "np" — as a Polish register labels a rate. */
export function rateLabel(rate: VatRate): string {
  return rate === 'zw' || rate === 'np' ? rate : `${rate}%`;
}

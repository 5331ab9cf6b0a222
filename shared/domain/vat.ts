/** Polish VAT rates as the register and EDI++ name them. `zw` = exempt, `np` = not subject. */
export const VAT_RATES = ['23', '8', '5', '0', 'zw', 'np'] as const;
export type VatRate = (typeof VAT_RATES)[number];

export function isVatRate(value: unknown): value is VatRate {
  return typeof value === 'string' && (VAT_RATES as readonly string[]).includes(value);
}

/** Percent of a rate as an integer (zw/np carry no tax). */
export function vatPercent(rate: VatRate): number {
  return rate === 'zw' || rate === 'np' ? 0 : Number(rate);
}

/**
 * VAT contained in a gross amount, the way Polish invoices computed "from gross" do it:
 * VAT = gross × rate / (100 + rate), rounded half away from zero to whole grosze. Integer arithmetic only.
 */
export function vatFromGross(grossMinor: number, rate: VatRate): { net: number; vat: number; gross: number } {
  if (!Number.isSafeInteger(grossMinor)) throw new RangeError('gross must be an integer number of minor units');
  const pct = vatPercent(rate);
  if (pct === 0) return { net: grossMinor, vat: 0, gross: grossMinor };
  const numerator = Math.abs(grossMinor) * pct;
  const denominator = 100 + pct;
  // Half-up rounding of numerator / denominator using integer division.
  const vatAbs = Math.trunc((numerator * 2 + denominator) / (denominator * 2));
  const vat = grossMinor < 0 ? -vatAbs : vatAbs;
  return { net: grossMinor - vat, vat, gross: grossMinor };
}

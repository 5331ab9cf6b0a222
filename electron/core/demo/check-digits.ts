/**
 * Check digits of the identifiers the demo invents, so a scanner, an importer or an accountant's
 * program accepts them as real: EAN-13 (GS1 mod 10) and Polish NIP (weights 6-5-7-2-3-4-5-6-7, mod 11).
 */

/** The 13th digit of an EAN-13 whose first 12 digits are given. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError(`EAN-13 body must be 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/** The 10th digit of a NIP whose first 9 digits are given, or null when no digit works (mod 11 = 10). */
export function nipCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`NIP body must be 9 digits, got "${first9}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (NIP_WEIGHTS[i] as number);
  const check = sum % 11;
  return check === 10 ? null : check;
}

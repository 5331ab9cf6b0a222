/**
 * EAN (GTIN) barcodes as printed on goods: EAN-8 and EAN-13, the last digit a GS1 mod-10 check digit.
 * A typo in one digit (or two swapped neighbours, mostly) breaks the check digit, so a wrong EAN typed by
 * hand is caught before a scanner later fails to find the product.
 */

/** The GS1 check digit for the digits before it (weights 3,1,3,1… from the right). */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`Only digits have a GS1 check digit, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const fromRight = body.length - 1 - i;
    sum += Number(body[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type EanProblem = 'not_digits' | 'wrong_length' | 'check_digit';

/** Why a text is not a valid EAN-8 / EAN-13, or null when it is one. */
export function eanProblem(ean: string): EanProblem | null {
  if (!/^\d+$/.test(ean)) return 'not_digits';
  if (ean.length !== 8 && ean.length !== 13) return 'wrong_length';
  return gs1CheckDigit(ean.slice(0, -1)) === Number(ean.at(-1)) ? null : 'check_digit';
}

export function isValidEan(ean: string): boolean {
  return eanProblem(ean) === null;
}

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString, MoneyParseError, parseMoney, sumMinor } from '../../shared/domain/money';
import { vatFromGross } from '../../shared/domain/vat';

describe('money', () => {
  it.each([
    ['123.45', 12345],
    ['123,45', 12345],
    ['1 234,56 zł', 123456],
    ['1\u00a0234,56', 123456],
    ['2 517,99', 251799],
    ['1,234.56', 123456],
    ['1.234,56', 123456],
    ['0.1', 10],
    ['-0,5', -50],
    ['12', 1200],
    ['52.99 PLN', 5299],
    ['1.234.567', 123456700],
  ])('parses %j as %i grosze', (text, grosze) => {
    expect(parseMoney(text)).toBe(grosze);
  });

  it('parses JSON numbers by their decimal text, not by multiplying floats', () => {
    expect(parseMoney(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(() => parseMoney(1.005)).toThrow(MoneyParseError); // 3 decimals is not money
    expect(parseMoney(52.99)).toBe(5299);
    expect(parseMoney(4.35)).toBe(435); // 4.35 * 100 = 434.99999999999994
  });

  it('refuses text that is not money instead of guessing', () => {
    for (const bad of ['abc', '12,345,', '1.2.3,4,5', '12.345', '5,90123E+12', '--5']) {
      expect(() => parseMoney(bad), bad).toThrow(MoneyParseError);
    }
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('  zł ')).toBeNull();
  });

  it('round-trips every safe amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_000_000_000_000, max: 9_000_000_000_000 }), (minor) => {
        expect(parseMoney(minorToDecimalString(minor))).toBe(minor);
        expect(parseMoney(minorToDecimalString(minor, ','))).toBe(minor);
      }),
      { numRuns: 2000 },
    );
  });

  it('formats for people in Polish and English', () => {
    // Polish style groups only from five digits up (CLDR minimumGroupingDigits = 2).
    expect(formatMoney(123456).replace(/\s/g, ' ')).toBe('1234,56 zł');
    expect(formatMoney(1234567).replace(/\s/g, ' ')).toBe('12 345,67 zł');
    expect(formatMoney(-5)).toContain('0,05');
    expect(formatMoney(123456, 'PLN', 'en-GB').replace(/\s/g, ' ')).toBe('PLN 1,234.56');
    // Beyond 2^53 / 100 a float would lose the grosze; the string path keeps them.
    expect(formatMoney(9_007_199_254_740_991, 'PLN', 'en-GB').replace(/\s/g, ' ')).toBe('PLN 90,071,992,547,409.91');
  });

  it('sums only integers', () => {
    expect(sumMinor([10, 20, 30])).toBe(60);
    expect(() => sumMinor([10, 0.5])).toThrow(RangeError);
  });

  it('computes VAT from gross per rate with half-up rounding to grosze', () => {
    expect(vatFromGross(12300, '23')).toEqual({ net: 10000, vat: 2300, gross: 12300 });
    expect(vatFromGross(5299, '23')).toEqual({ net: 4308, vat: 991, gross: 5299 }); // 990.89 → 991
    expect(vatFromGross(10800, '8')).toEqual({ net: 10000, vat: 800, gross: 10800 });
    expect(vatFromGross(1000, 'zw')).toEqual({ net: 1000, vat: 0, gross: 1000 });
    expect(vatFromGross(-5299, '23')).toEqual({ net: -4308, vat: -991, gross: -5299 });
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), fc.constantFrom('23', '8', '5', '0', 'zw') as fc.Arbitrary<'23'>, (gross, rate) => {
        const r = vatFromGross(gross, rate);
        expect(Number.isInteger(r.vat) && Number.isInteger(r.net)).toBe(true);
        expect(r.net + r.vat).toBe(gross);
      }),
    );
  });

  it('money code has no floating-point arithmetic on amounts', () => {
    // A guard against regressions: the helpers must not multiply or divide amounts by 100 as floats,
    // nor parse them with parseFloat / toFixed.
    for (const file of ['shared/domain/money.ts', 'shared/domain/vat.ts']) {
      const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(source, file).not.toMatch(/parseFloat|toFixed|\*\s*0\.01|\/\s*100(?!\s*\+)|\*\s*100\s*\)/);
    }
  });
});

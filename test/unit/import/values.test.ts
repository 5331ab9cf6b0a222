import { describe, expect, it } from 'vitest';
import { carrierFromAllegroId, carrierFromMethodName } from '../../../electron/core/orders/carrier';
import { sniffEncoding } from '../../../electron/core/import/text/encoding';
import { allegroTaxRate, dateTime, ean, hasValidCheckDigit, isScientific, jsonMoney, money, vatRate, wholeNumber } from '../../../electron/core/import/text/values';
import { sniffDelimiter } from '../../../electron/core/import/tabular';
import iconv from 'iconv-lite';

describe('cell values', () => {
  it.each([
    ['1 234,56 zł', 123456],
    ['1\u00a0234,56', 123456],
    ['20.00', 2000],
    ['52,99', 5299],
    ['0.00 zł', 0],
    ['339', 33900],
    ['', null],
  ])('money %j → %j grosze', (text, grosze) => {
    expect(money(text)).toEqual({ ok: true, value: grosze });
  });

  it('refuses what is not money, and Excel scientific notation', () => {
    expect(money('abc')).toEqual({ ok: false, why: 'format' });
    // More than two decimal places is its own reason ("more than two decimal places", not "not an amount": issue 15.8).
    expect(money('12.345')).toEqual({ ok: false, why: 'decimals' });
    expect(money('12,495 zł')).toEqual({ ok: false, why: 'decimals' });
    expect(money('1.234.567')).toEqual({ ok: true, value: 123456700 });
    expect(money('5,90123E+12')).toEqual({ ok: false, why: 'scientific' });
    expect(money(17.44)).toEqual({ ok: true, value: 1744 });
  });

  it('JSON money: strings and numbers give the same grosze', () => {
    expect(jsonMoney('52.99')).toEqual(jsonMoney(52.99));
    expect(jsonMoney(44)).toEqual({ ok: true, value: 4400 });
    expect(jsonMoney({ amount: 1 })).toEqual({ ok: false, why: 'format' });
  });

  it('whole numbers with thousands spaces; decimals and negatives refused where they make no sense', () => {
    expect(wholeNumber('1 260')).toEqual({ ok: true, value: 1260 });
    expect(wholeNumber('48,00')).toEqual({ ok: true, value: 48 });
    expect(wholeNumber('2,5')).toEqual({ ok: false, why: 'decimals' });
    expect(wholeNumber('-3', { min: 0 })).toEqual({ ok: false, why: 'range' });
    expect(wholeNumber(12.5)).toEqual({ ok: false, why: 'decimals' });
  });

  it('EAN: check digit, numbers from Excel, scientific notation flagged', () => {
    expect(hasValidCheckDigit('5901234123457')).toBe(true);
    expect(ean('5901234123458')).toEqual({ ok: false, why: 'check_digit' });
    expect(ean(5901234123464)).toEqual({ ok: true, value: '5901234123464' });
    expect(ean('5,90123E+12')).toEqual({ ok: false, why: 'scientific' });
    expect(isScientific('9,78830E+12')).toBe(true);
    expect(ean('96385074')).toEqual({ ok: true, value: '96385074' });
  });

  it('VAT in every spelling', () => {
    for (const v of ['23%', 0.23, 'PL_23', '23.00', 23, '23']) expect(vatRate(v)).toEqual({ ok: true, value: '23' });
    expect(vatRate('zw')).toEqual({ ok: true, value: 'zw' });
    expect(vatRate(0.05)).toEqual({ ok: true, value: '5' });
    expect(vatRate('7%')).toEqual({ ok: false, why: 'range' });
    expect(allegroTaxRate('8.00')).toBe('8');
    expect(allegroTaxRate(null)).toBeNull();
  });

  it('dates: ISO with zone, Polish dd.mm.rrrr [hh:mm] in Warsaw time (winter and summer)', () => {
    expect(dateTime('2026-06-15T22:59:59.000Z')).toEqual({ ok: true, value: '2026-06-15T22:59:59.000Z' });
    expect(dateTime('15.06.2026 14:30')).toEqual({ ok: true, value: '2026-06-15T12:30:00.000Z' });
    expect(dateTime('15.01.2026')).toEqual({ ok: true, value: '2026-01-14T23:00:00.000Z' });
    expect(dateTime('2026-01-15 08:00')).toEqual({ ok: true, value: '2026-01-15T07:00:00.000Z' });
    expect(dateTime('31.02.2026')).toEqual({ ok: false, why: 'range' });
    expect(dateTime('wczoraj')).toEqual({ ok: false, why: 'format' });
  });
});

describe('text detection', () => {
  it('encoding: BOM, valid UTF-8, Windows-1250, a character cut at the sample end', () => {
    expect(sniffEncoding(Buffer.from('\ufeffa;b', 'utf8'), true)).toBe('utf-8-bom');
    expect(sniffEncoding(Buffer.from('Miód;Łódź', 'utf8'), true)).toBe('utf-8');
    expect(sniffEncoding(iconv.encode('Miód;Łódź', 'win1250'), true)).toBe('windows-1250');
    const cut = Buffer.from('abc Ł', 'utf8').subarray(0, 5);
    expect(sniffEncoding(cut, false)).toBe('utf-8');
    expect(sniffEncoding(cut, true)).toBe('windows-1250');
  });

  it('delimiter: ; for Polish Excel even with commas in text, tab, comma', () => {
    expect(sniffDelimiter(';;;;Wersja: 6.3 (pl), zaktualizowane: 31.10.2025;;\nStatus;Rezultat;ID oferty\n')).toBe(';');
    expect(sniffDelimiter('Type,OrderId,"Kowalski; Jan"\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });

  it('carriers from delivery method names and Allegro carrier ids', () => {
    expect(carrierFromMethodName('Allegro Paczkomaty InPost pobranie')).toBe('inpost');
    expect(carrierFromMethodName('Allegro One Box, DPD')).toBe('dpd');
    expect(carrierFromMethodName('Allegro One Box')).toBe('allegro');
    expect(carrierFromMethodName('Allegro Kurier Pocztex')).toBe('poczta');
    expect(carrierFromMethodName('Allegro Automat ORLEN Paczka')).toBe('orlen');
    expect(carrierFromMethodName('Odbiór osobisty')).toBe('personal');
    expect(carrierFromMethodName('Kurier sąsiada')).toBe('other');
    expect(carrierFromAllegroId('POCZTA_POLSKA')).toBe('poczta');
    expect(carrierFromAllegroId('YUN_EXPRESS')).toBe('other');
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvBytes, csvNumber } from '../../../electron/core/export/csv-writer';
import { amount, date, record, text, toCp1250Safe } from '../../../electron/core/export/epp-format';
import { inPeriod, localDate, monthPeriod } from '../../../electron/core/export/period';
import { splitShopAddress } from '../../../electron/core/export/shop-address';
import { looksLikeFormula, neutraliseForCsv } from '../../../electron/core/export/spreadsheet-text';
import { parseVatRate } from '../../../electron/core/export/vat-rate-text';

describe('spreadsheet text', () => {
  it.each(['=HYPERLINK("x")', '+48 600 100 200', '-2+3', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (value) => {
    expect(looksLikeFormula(value)).toBe(true);
    expect(neutraliseForCsv(value)).toBe(`'${value}`);
  });
  it.each(['Jan Kowalski', 'Łucja', '48 600', '', "O'Brien"])('leaves %j alone', (value) => {
    expect(neutraliseForCsv(value)).toBe(value);
  });
  it('writes CSV with a BOM, semicolons, CRLF; quotes only where needed; numbers never neutralised', () => {
    const bytes = csvBytes([['Nabywca', 'Kwota'], ['=1+1', csvNumber('-12,30')], ['Kowalski; Syn', csvNumber('1,00')], ['Cudzysłów "x"', null]]);
    const textOut = Buffer.from(bytes).toString('utf8');
    expect(textOut).toBe('\ufeffNabywca;Kwota\r\n"\'=1+1";-12,30\r\n"Kowalski; Syn";1,00\r\n"Cudzysłów ""x""";\r\n');
  });
});

describe('EDI++ fields', () => {
  it('formats amounts with four decimals, dates with zeroed time, text quoted with doubled quotes', () => {
    expect(record([text('FS'), amount(204715), amount(-7490), amount(0), date('2026-06-02'), text('Sklep "Pod Lipą"'), null, text('x'.repeat(50), 40)])).toBe(
      `"FS",2047.1500,-74.9000,0.0000,20260602000000,"Sklep ""Pod Lipą""",,"${'x'.repeat(40)}"`,
    );
    expect(record([text('dwie\r\nlinie')])).toBe('"dwie linie"');
  });
  it('keeps Polish and Czech letters in Windows-1250 and replaces what the code page lacks', () => {
    const sample = 'Zażółć gęślą jaźń ŹĆŃ – „Přes” ř';
    expect(toCp1250Safe(sample)).toBe(sample);
    expect(iconv.decode(iconv.encode(toCp1250Safe(sample), 'win1250'), 'win1250')).toBe(sample);
    expect(toCp1250Safe('Emoji 🎁 i ñ')).toBe('Emoji ? i ñ'.replace('ñ', 'n'));
  });
});

describe('periods and small parsers', () => {
  it('puts an order bought after midnight Warsaw time into the next month', () => {
    const november = monthPeriod('2026-11');
    expect(november).toMatchObject({ firstDay: '2026-11-01', lastDay: '2026-11-30' });
    expect(localDate('2026-10-31T23:30:00.000Z')).toBe('2026-11-01'); // 00:30 CET
    expect(inPeriod(localDate('2026-10-31T23:30:00.000Z'), november)).toBe(true);
    expect(localDate('2026-06-30T22:30:00.000Z')).toBe('2026-07-01'); // 00:30 CEST
    expect(monthPeriod('2024-02').lastDay).toBe('2024-02-29');
    expect(() => monthPeriod('2026-13')).toThrow(RangeError);
  });
  it('reads VAT rates as Allegro and the catalogue write them', () => {
    expect(['23.00', '23', '8.00', '5', '0.00', 'ZW', 'np', '23%'].map(parseVatRate)).toEqual(['23', '23', '8', '5', '0', 'zw', 'np', '23']);
    expect([null, '', '21', 'abc', '7.5'].map(parseVatRate)).toEqual([null, null, null, null, null]);
  });
  it('splits the shop address setting into street, postal code and city', () => {
    expect(splitShopAddress('ul. Lipowa 1\n11-222 Lipowo')).toEqual({ street: 'ul. Lipowa 1', zip: '11-222', city: 'Lipowo' });
    expect(splitShopAddress('ul. Lipowa 7, 32-020 Wieliczka')).toEqual({ street: 'ul. Lipowa 7', zip: '32-020', city: 'Wieliczka' });
  });
});

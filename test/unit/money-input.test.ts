import { describe, expect, it } from 'vitest';
import { ledgerReasonText } from '../../shared/domain/ledger-reasons';
import { moneyInputText, parseMoneyInput } from '../../shared/domain/money-input';

describe('amounts typed into a form (parseMoneyInput)', () => {
  it.each([
    ['12,34', 1234],
    ['12.34', 1234],
    ['12', 1200],
    ['12,5', 1250],
    [' 98,47 ', 9847],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['0,01', 1],
    ['0', 0],
  ])('"%s" is %i grosze', (text, grosze) => expect(parseMoneyInput(text)).toEqual({ ok: true, grosze }));

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a', 'format'],
    ['1e3', 'format'],
    ['5!', 'format'],
    ['-5', 'format'],
    ['12,', 'format'],
    [',5', 'format'],
    ['1.234,56', 'format'],
    ['12 34', 'format'],
    ['12,345', 'decimals'],
    ['9999999999', 'too_big'],
    ['99999999999999999999999', 'too_big'],
  ])('"%s" is refused (%s), never thrown', (text, reason) => expect(parseMoneyInput(text)).toEqual({ ok: false, reason }));

  it('writes grosze back as a person types them', () => {
    expect(moneyInputText(9847)).toBe('98,47');
    expect(moneyInputText(5, '.')).toBe('0.05');
    expect(moneyInputText(123456)).toBe('1234,56');
  });
});

describe('stock history reasons (ledgerReasonText)', () => {
  it('translates codes, known older sentences and sentences with a name; leaves what a person typed', () => {
    expect(ledgerReasonText('return.resellable', 'pl')).toBe('Zwrot od klienta — towar pełnowartościowy');
    expect(ledgerReasonText('return.resellable', 'en')).toBe('Customer return — item as new');
    expect(ledgerReasonText('Zwrot od klienta — towar uszkodzony', 'en')).toBe('Customer return — item damaged');
    expect(ledgerReasonText('Sprzedaż — wysyłka zamówienia', 'en')).toBe('Sale — order shipped');
    expect(ledgerReasonText('Dostawa: Hurtownia Kuchenna', 'en')).toBe('Delivery: Hurtownia Kuchenna');
    expect(ledgerReasonText('Zwrot od kupującego (MISTAKE)', 'pl', (c) => (c === 'MISTAKE' ? 'Kupione przez pomyłkę' : c))).toBe('Zwrot od kupującego — Kupione przez pomyłkę');
    expect(ledgerReasonText('Zwrot od kupującego (MISTAKE)', 'en', () => 'Bought by mistake')).toBe('Customer return — Bought by mistake');
    expect(ledgerReasonText('Rozbite przy rozładunku', 'en')).toBe('Rozbite przy rozładunku');
  });
});

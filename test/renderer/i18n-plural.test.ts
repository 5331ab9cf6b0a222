import { describe, expect, it } from 'vitest';
import { interpolate } from '../../renderer/src/i18n/i18n';

describe('plural forms in messages', () => {
  const pl = '{n} {n:produkt|produkty|produktów}';
  it.each([
    [1, '1 produkt'],
    [2, '2 produkty'],
    [4, '4 produkty'],
    [5, '5 produktów'],
    [12, '12 produktów'],
    [22, '22 produkty'],
    [25, '25 produktów'],
    [0, '0 produktów'],
    [112, '112 produktów'],
  ])('Polish: %i', (n, text) => expect(interpolate(pl, { n }, 'pl')).toBe(text));

  it('English: one / other', () => {
    expect(interpolate('{n} {n:order|orders}', { n: 1 }, 'en')).toBe('1 order');
    expect(interpolate('{n} {n:order|orders}', { n: 3 }, 'en')).toBe('3 orders');
  });

  it('leaves unknown placeholders and plain ones as before', () => {
    expect(interpolate('{a} i {b}', { a: 'x' })).toBe('x i {b}');
  });
});

describe('numbers in messages (one formatting helper)', () => {
  const nbsp = (s: string) => s.replace(/ /g, '\u00a0');
  it('groups counts as Polish writes them, and keeps identifiers whole', () => {
    expect(interpolate('{n} {n:zamówienie|zamówienia|zamówień}', { n: 19225 }, 'pl')).toBe(nbsp('19 225') + ' zamówień');
    expect(interpolate('{n} {n:sztuka|sztuki|sztuk}', { n: 1922 }, 'pl')).toBe('1922 sztuki');
    expect(interpolate('{n} {n:order|orders}', { n: 19225 }, 'en')).toBe('19,225 orders');
    expect(interpolate('Zamówienie {id}, wiersz {row}, rok {year}', { id: 123456, row: 10001, year: 2026 }, 'pl')).toBe('Zamówienie 123456, wiersz 10001, rok 2026');
    expect(interpolate('{n} MB', { n: 0.5 }, 'pl')).toBe('0,5 MB');
  });
  it('a count passed already formatted still picks the right form', () => {
    expect(interpolate('{n} {n:pozycja|pozycje|pozycji}', { n: nbsp('10 002') }, 'pl')).toBe(nbsp('10 002') + ' pozycje');
    expect(interpolate('Przyjęto dostawę: {n} {n:pozycję|pozycje|pozycji}', { n: 1 }, 'pl')).toBe('Przyjęto dostawę: 1 pozycję');
  });
});

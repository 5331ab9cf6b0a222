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

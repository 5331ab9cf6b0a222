import { afterEach, expect, it } from 'vitest';
import { Staging } from '../../../electron/core/import/staging';

/**
 * Staged records keep their top-level keys once per shape (issue 15: a staged order was 1.4 KB of JSON,
 * over half of it key names). What comes back must be what JSON would have given: the same keys in the
 * same order, null kept, undefined left out, nested values and non-object data untouched.
 */
const made: Staging[] = [];
afterEach(() => {
  while (made.length) made.pop()!.dispose();
});

it('gives back each record as JSON would, whatever its shape', () => {
  const staging = new Staging();
  made.push(staging);
  const records: Array<[string, unknown]> = [
    ['a', { orderId: 'a', total: 1299, note: null, lines: [{ q: 1 }], buyer: { login: 'x', phone: null } }],
    ['b', { orderId: 'b', total: 5, note: 'pilne', lines: [], buyer: { login: 'y', phone: '+48' } }],
    ['c', { total: 7, orderId: 'c', gone: undefined, extra: true }],
    ['d', { row: 3 }],
    ['e', ['an', 'array', null]],
    ['f', 'text'],
    ['g', null],
    ['h', { when: new Date('2026-12-07T20:00:00.000Z') }],
  ];
  for (const [key, data] of records) expect(staging.put('order', key, data, { row: 1 })).toBe(true);
  staging.replace('order', 'd', { row: 4, changed: 'yes' }, { row: 2 });
  staging.seal();
  const expected = new Map(records.map(([k, d]) => [k, JSON.parse(JSON.stringify(d)) as unknown]));
  expected.set('d', { row: 4, changed: 'yes' });
  for (const [key, data] of expected) {
    const got = staging.get('order', key)!.data;
    expect(got, key).toStrictEqual(data);
    expect(JSON.stringify(got), key).toBe(JSON.stringify(data)); // the same key order
  }
  expect([...staging.iterate('order')].map((r) => [r.key, JSON.stringify(r.data)])).toEqual([...expected].map(([k, d]) => [k, JSON.stringify(d)]));
});

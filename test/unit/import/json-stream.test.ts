import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonItems, JsonSyntaxError, JsonTruncatedError, ndjsonItems } from '../../../electron/core/import/text/json-stream';

async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function all(text: string, size: number, keys: string[] = []) {
  const out = [];
  for await (const item of jsonItems(chunks(text, size), new Set(keys))) out.push(item);
  return out;
}

const PAGE = readFileSync(join(__dirname, '../../fixtures/allegro/checkout-forms.page-1.json'), 'utf8');

describe('streaming JSON records', () => {
  it('gives each order of a page, with its path, whatever the chunk size', async () => {
    const expected = JSON.parse(PAGE).checkoutForms;
    for (const size of [1, 3, 64, 4096, 1 << 20]) {
      const items = await all(PAGE, size, ['checkoutForms']);
      const forms = items.filter((i) => i.key === 'checkoutForms');
      expect(forms.map((f) => f.path)).toEqual(expected.map((_: unknown, i: number) => `checkoutForms[${i}]`));
      expect(forms.map((f) => JSON.parse(f.text))).toEqual(expected);
      expect(items.filter((i) => i.index === null).map((i) => [i.key, i.text])).toEqual([['count', '20'], ['totalCount', '20']]);
    }
  });

  it('any JSON value survives being split anywhere (strings with escaped quotes, brackets in text)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 6 }), fc.integer({ min: 1, max: 50 }), async (values, size) => {
        const items = await all(JSON.stringify(values), size);
        expect(items.map((i) => JSON.parse(i.text))).toEqual(JSON.parse(JSON.stringify(values)));
      }),
      { numRuns: 300 },
    );
  });

  it('a cut document says where it ends and which record it was reading', async () => {
    const cut = PAGE.slice(0, Math.floor(PAGE.length * 0.63));
    const error = await all(cut, 1000, ['checkoutForms']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonTruncatedError);
    expect(error).toMatchObject({ path: 'checkoutForms[13]' });
  });

  it('text after the document, or no JSON at all, is a syntax error', async () => {
    await expect(all('{"a":1} x', 10)).rejects.toBeInstanceOf(JsonSyntaxError);
    await expect(all('   ', 10)).rejects.toBeInstanceOf(JsonSyntaxError);
  });

  it('NDJSON: one record per line, line numbers kept', async () => {
    const out = [];
    for await (const item of ndjsonItems(chunks('{"a":1}\n\n{"b":2}\r\n{"c":', 4))) out.push(item);
    expect(out.map((i) => [i.path, i.line, i.text])).toEqual([['[0]', 1, '{"a":1}'], ['[1]', 3, '{"b":2}'], ['[2]', 4, '{"c":']]);
  });
});

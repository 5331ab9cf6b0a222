import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenError, CsvTokenizer, type CsvRecord } from '../../../electron/core/import/text/csv-tokenizer';

function tokenize(text: string, chunk = text.length || 1, delimiter = ',', max = 1 << 23): CsvRecord[] {
  const t = new CsvTokenizer(delimiter, max);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...t.push(text.slice(i, i + chunk)));
  out.push(...t.end());
  return out;
}

describe('CSV tokenizer', () => {
  it('any line ending, mixed in one file; rows are the lines records start on', () => {
    expect(tokenize('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['c', 'd'] },
      { row: 3, cells: ['e', 'f'] },
      { row: 4, cells: ['g', 'h'] },
    ]);
  });

  it('quoted fields hold delimiters, line breaks and doubled quotes; the next row is counted right', () => {
    expect(tokenize('h\r\n"x\r\ny","a,b","say ""hi"""\r\nnext\r\n')).toEqual([
      { row: 1, cells: ['h'] },
      { row: 2, cells: ['x\r\ny', 'a,b', 'say "hi"'] },
      { row: 4, cells: ['next'] },
    ]);
  });

  it("a quote inside a field is text (Polish Excel's 1,8\"), and so is text after a closing quote", () => {
    expect(tokenize('RURA 1,8" DO 2,5";x\n"abc"def;y\n', undefined, ';')).toEqual([
      { row: 1, cells: ['RURA 1,8" DO 2,5"', 'x'] },
      { row: 2, cells: ['"abc"def', 'y'] },
    ]);
  });

  it('empty lines are no records but are counted; a line of "" is a record without cells', () => {
    expect(tokenize('\n\r\n\ra\n""\n,\n')).toEqual([
      { row: 4, cells: ['a'] },
      { row: 5, cells: [] },
      { row: 6, cells: ['', ''] },
    ]);
  });

  it('the same records whatever the chunks (a CRLF or a "" split between two chunks)', () => {
    const text = 'a,"b""c"\r\n"d\r\ne",f\r\r\n\n"",g\r\n';
    const whole = tokenize(text);
    for (let chunk = 1; chunk <= text.length; chunk += 1) expect(tokenize(text, chunk)).toEqual(whole);
  });

  it('a file ending inside quotes: refused, naming the line the record starts on and the field', () => {
    let error: unknown;
    try {
      tokenize('a,b\n\nc,"d\ne');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvTokenError);
    expect(error).toMatchObject({ code: 'unclosed_quote', row: 3, field: 1 });
  });

  it('a record over the cap is refused (unquoted or quoted, in one chunk or many)', () => {
    for (const text of [`a\n${'x'.repeat(200)}\n`, `a\n"${'x'.repeat(200)}"\n`, `a\nb,${'x,'.repeat(100)}\n`]) {
      for (const chunk of [7, 1000]) {
        expect(() => tokenize(text, chunk, ',', 100)).toThrow(CsvTokenError);
        try {
          tokenize(text, chunk, ',', 100);
        } catch (e) {
          expect(e).toMatchObject({ code: 'record_too_long', row: 2 });
        }
      }
    }
  });

  it('a header and a million empty lines: one record, quickly', () => {
    const t0 = performance.now();
    const records = tokenize(`Type,OrderId\n${'\n'.repeat(1_000_000)}`, 1 << 20);
    expect(records).toEqual([{ row: 1, cells: ['Type', 'OrderId'] }]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('well-formed files: the same fields as csv-parse configured for the old import', () => {
    const plain = fc.stringMatching(/^[a-zż ][a-zż "]{0,5}$/).map((s) => s);
    const quoted = fc.array(fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', 'ż', ';'), { maxLength: 6 }).map((cs) => `"${cs.join('').replaceAll('"', '""')}"`);
    const record = fc.array(fc.oneof(plain, quoted, fc.constant('')), { minLength: 1, maxLength: 5 }).map((fs) => fs.join(','));
    const file = fc.tuple(fc.array(fc.tuple(record, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()), { maxLength: 6 }), fc.integer({ min: 1, max: 9 }));
    fc.assert(
      fc.property(file, ([records, chunk]) => {
        const text = records.map(([r, eol, blank]) => `${r}${eol}${blank ? eol : ''}`).join('');
        const expected = (parse(text, { relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: true }) as string[][]).map((r) => (r.length === 1 && r[0] === '' ? [] : r));
        expect(tokenize(text, chunk).map((r) => r.cells)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport, discardImport, previewImport } from '../../../electron/core/import/import.service';
import { parseFile } from '../../../electron/core/import/parse';
import { sourceFromBytes } from '../../../electron/core/import/source';
import { undoImport } from '../../../electron/core/import/undo';
import { tempCore, type TempCore } from '../../support/temp-core';
import { contentHash, fixture, hostile, importPath } from './support';
import { fuzzSeed, withSeed } from './fuzz-seed';

/**
 * Mutated sample files (cut short, bytes flipped, columns swapped, re-encoded, lines dropped or
 * repeated) never crash the importer, and never leave half a file in the database: a commit either
 * is rejected with the database unchanged, or is committed consistently and then undone exactly.
 */
const SAMPLES = [
  fixture('checkout-forms.page-1.json'),
  fixture('orders-export.csv'),
  fixture('offers-flat.csv'),
  fixture('offers-szablon.csv'),
  fixture('customer-returns.json'),
  fixture('checkout-forms.shipments.json'),
  fixture('billing-entries.json'),
  fixture('stan-magazynu.excel-pl.win1250.csv'),
  fixture('stan-magazynu.xlsx'),
  fixture('offers-szablon.xlsx'),
  hostile('orders-export.excel-pl-semicolon.win1250.csv'),
  hostile('checkout-forms.legacy-2023-shape.json'),
].map((path) => ({ name: path.split('/').pop()!, bytes: readFileSync(path) }));

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; positions: number[]; values: number[] }
  | { kind: 'swapColumns'; a: number; b: number }
  | { kind: 'reencode'; to: 'cp1250' | 'utf8' | 'utf8bom' }
  | { kind: 'dropLine'; at: number }
  | { kind: 'repeatLine'; at: number }
  | { kind: 'insertText'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), positions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), values: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 8, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('swapColumns' as const), a: fc.nat(30), b: fc.nat(30) }),
  fc.record({ kind: fc.constant('reencode' as const), to: fc.constantFrom('cp1250' as const, 'utf8' as const, 'utf8bom' as const) }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('repeatLine' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insertText' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom('"', ';', ',', '\n', '{', '}]', '\u0000', '5,90123E+12', '=SUM(A1)', 'null', '"amount":"abc"', '\ufeff', 'Type,OrderId\n', '\r\n\r\n') }),
);

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const lines = () => bytes.toString('latin1').split('\n');
  const fromLines = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, Math.floor(bytes.length * m.at));
    case 'flip': {
      const out = Buffer.from(bytes);
      m.positions.forEach((p, i) => {
        if (out.length) out[Math.min(out.length - 1, Math.floor(p * out.length))] = m.values[i % m.values.length]!;
      });
      return out;
    }
    case 'swapColumns': {
      const text = bytes.toString('latin1');
      const delimiter = (text.match(/;/g)?.length ?? 0) > (text.match(/,/g)?.length ?? 0) ? ';' : ',';
      return fromLines(lines().map((line) => {
        const cells = line.split(delimiter);
        if (m.a < cells.length && m.b < cells.length) [cells[m.a], cells[m.b]] = [cells[m.b]!, cells[m.a]!];
        return cells.join(delimiter);
      }));
    }
    case 'reencode': {
      const looksUtf8 = isUtf8(bytes);
      const text = looksUtf8 ? bytes.toString('utf8') : iconv.decode(bytes, 'win1250');
      if (m.to === 'cp1250') return iconv.encode(text, 'win1250');
      return Buffer.concat([m.to === 'utf8bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    }
    case 'dropLine': {
      const ls = lines();
      ls.splice(Math.floor(m.at * ls.length), 1);
      return fromLines(ls);
    }
    case 'repeatLine': {
      const ls = lines();
      const i = Math.floor(m.at * ls.length);
      ls.splice(i, 0, ls[i] ?? '');
      return fromLines(ls);
    }
    case 'insertText': {
      const at = Math.floor(m.at * bytes.length);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text, 'utf8'), bytes.subarray(at)]);
    }
  }
}

const input = fc.record({ sample: fc.nat(SAMPLES.length - 1), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) });
const build = (i: { sample: number; mutations: Mutation[] }) => {
  const s = SAMPLES[i.sample]!;
  return { name: s.name, bytes: i.mutations.reduce<Buffer>((b, m) => mutate(b, m), s.bytes) };
};

/**
 * A new random seed on each run (CI explores other mutations every time), printed at the start; a
 * failure's message begins with its seed, and ZAPLECZE_FUZZ_SEED=<seed> replays it exactly.
 */
const FUZZ_SEED = fuzzSeed();

describe('fuzzing the importer with mutated samples', () => {
  it('parsing never throws: every mutated file is read, or refused with problems', { timeout: 240_000 }, async () => {
    await withSeed(FUZZ_SEED, () => fc.assert(
      fc.asyncProperty(input, async (i) => {
        const { name, bytes } = build(i);
        const source = sourceFromBytes(name, bytes);
        const parsed = await parseFile(source);
        try {
          expect(parsed.problems.fatal || parsed.format !== null).toBe(true);
          for (const p of parsed.problems.list()) {
            expect(p.file).toBe(name);
            expect(p.message.pl.length).toBeGreaterThan(0);
            expect(p.message.en.length).toBeGreaterThan(0);
          }
        } finally {
          parsed.staging.dispose();
        }
      }),
      { numRuns: 2000, seed: FUZZ_SEED },
    ));
  });

  describe('committing', () => {
    let t: TempCore;
    beforeAll(async () => {
      t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
      await importPath(t.core, fixture('stan-magazynu.xlsx'));
      await importPath(t.core, fixture('offers-szablon.xlsx'));
      await importPath(t.core, fixture('checkout-forms.page-1.json'));
    });
    afterAll(async () => t.dispose());

    it('is all or nothing: rejected → unchanged; committed → consistent, and undo restores it exactly', { timeout: 240_000 }, async () => {
      const { sqlite } = t.core;
      await withSeed(FUZZ_SEED, () => fc.assert(
        fc.asyncProperty(input, fc.boolean(), async (i, validRowsOnly) => {
          const { name, bytes } = build(i);
          const before = contentHash(sqlite);
          const preview = await previewImport(t.core, { name, bytes });
          // The rehearsal wrote nothing.
          expect(contentHash(sqlite)).toBe(before);
          const { run } = await commitImport(t.core, preview.token, { validRowsOnly, mapping: preview.mapping?.mapping });
          discardImport(t.core, preview.token);
          if (run.status !== 'committed') {
            expect(contentHash(sqlite)).toBe(before);
            return;
          }
          expect(sqlite.pragma('foreign_key_check')).toEqual([]);
          expect(sqlite.prepare('SELECT count(*) FROM products p WHERE on_hand <> (SELECT COALESCE(sum(quantity), 0) FROM stock_ledger l WHERE l.product_id = p.id)').pluck().get()).toBe(0);
          expect(sqlite.prepare('SELECT count(*) FROM products p WHERE reserved <> (SELECT COALESCE(sum(quantity), 0) FROM reservations r WHERE r.product_id = p.id)').pluck().get()).toBe(0);
          undoImport(t.core, run.id, 'owner');
          expect(contentHash(sqlite)).toBe(before);
        }),
        { numRuns: 500, seed: FUZZ_SEED },
      ));
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });
});

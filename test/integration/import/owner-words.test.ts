import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discardImport, previewImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { FIXTURES, fixture, importPath } from './support';

/**
 * Issue 15.8 / 13 "words a shop owner reads": the Polish messages of a preview name places and fields
 * in words — no JSON paths ("checkoutForms[3]", "summary.totalToPay.amount"), no Allegro enum codes
 * (READY_FOR_PROCESSING), no ISO times, no dot decimals. A value quoted from the file („12.495”) is the
 * file's own text and may stay as it is.
 */
const JSON_PATH = /\b[a-zA-Z]+\[\d*\]|\b(summary|lineItems|payment|delivery|fulfillment|buyer|invoice|offer)\.[a-zA-Z]|\b(count|totalCount) =/;
const ENUM = /\b[A-Z]{2,}_[A-Z_]{2,}\b/;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DOT_DECIMAL = /(?<![\d.])\d+\.\d{2}(?![\d.])/; // 52.99, not a date such as 10.06.2026

/** The message without the values it quotes from the file („…”). */
const ownWords = (text: string) => text.replace(/„[^”]*”/g, '„…”');

let t: TempCore;
beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
  await importPath(t.core, fixture('checkout-forms.page-1.json'));
});
afterAll(async () => t.dispose());

const files = [
  ...readdirSync(join(FIXTURES, 'hostile')).map((f) => join(FIXTURES, 'hostile', f)),
  ...readdirSync(join(FIXTURES, 'engine')).filter((f) => !f.endsWith('.mjs') && !f.endsWith('.md') && !f.endsWith('.json')).map((f) => join(FIXTURES, 'engine', f)),
  fixture('checkout-forms.page-1.json'),
  fixture('customer-returns.json'),
  fixture('billing-entries.json'),
];

describe('preview messages in words a shop owner reads', () => {
  it('no JSON paths, enum codes, ISO times or dot decimals in any Polish message', { timeout: 120_000 }, async () => {
    const offending: string[] = [];
    for (const path of files) {
      const name = path.split('/').pop()!;
      const preview = await previewImport(t.core, { name, path });
      for (const p of preview.problems) {
        const words = ownWords(p.message.pl);
        for (const [what, re] of [['JSON path', JSON_PATH], ['enum code', ENUM], ['ISO time', ISO], ['dot decimal', DOT_DECIMAL]] as const) {
          if (re.test(words)) offending.push(`${name} [${p.code}] ${what}: ${p.message.pl}`);
        }
      }
      discardImport(t.core, preview.token);
    }
    expect(offending).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../../support/temp-core';
import { fixture, importPath } from './support';

/**
 * Issue 12 point 11, for imported files: text typed into the app is refused at the contract when it holds
 * NUL, control characters or half of an emoji, but text inside an imported file was stored as it came.
 * The fixtures in control-chars/ carry them in a buyer's name, a delivery address, a product name and a
 * buyer's message: the orders CSV as the characters themselves (NUL, BEL, ESC, DEL, backspace, a tab and a
 * line break in a one-line field, a decomposed "Ś"), the JSON as `\u0000`, lone `\ud800`/`\udc00`/`\ud83d`
 * and the same tab and decomposed "Ś". The CSV is UTF-16 (Excel's "Unicode text"): a NUL byte near the
 * start of a UTF-8 file gets the file refused as binary, and UTF-8 cannot carry a lone surrogate at all.
 *
 * What is stored: NUL and other control characters gone; in one-line fields a tab or line break becomes
 * one space; multi-line fields (buyer's message, seller's note) keep their line breaks; a lone surrogate
 * becomes U+FFFD (shown as �, so the owner sees something was there); everything in NFC.
 */

let shop: TempCore | null = null;
afterEach(async () => {
  await shop?.dispose();
  shop = null;
});

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every text value of every table that holds a character no stored text may hold, as `table.column: value`. */
function badTexts(t: TempCore): string[] {
  const found: string[] = [];
  const tables = t.core.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    for (const row of t.core.sqlite.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        // raw_json keeps the source exactly as sent; JSON escapes its NUL and lone surrogates, but not its NFD.
        const nfcExempt = column === 'raw_json';
        // Control characters other than tab and line breaks, lone surrogates, and text not in NFC.
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(value) || LONE_SURROGATE.test(value) || (!nfcExempt && value.normalize('NFC') !== value)) {
          found.push(`${table}.${column}: ${JSON.stringify(value)}`);
        }
      }
    }
  }
  return found;
}

function storedOrder(t: TempCore) {
  return t.core.sqlite
    .prepare('SELECT buyer_name, delivery_first_name, delivery_last_name, delivery_street, buyer_message FROM orders')
    .all() as Array<Record<string, string | null>>;
}

function storedLines(t: TempCore): string[] {
  return t.core.sqlite.prepare('SELECT name FROM order_lines').pluck().all() as string[];
}

describe('text inside imported files is cleaned before it is stored', () => {
  it('orders CSV: NUL and control characters dropped, a line break in a name becomes a space, NFC', async () => {
    shop = await tempCore();
    const { run } = await importPath(shop.core, fixture('control-chars/orders-export.control-chars.utf16le.csv'));
    expect(run.status).toBe('committed');
    expect(badTexts(shop)).toEqual([]);
    const [order] = storedOrder(shop);
    expect(order).toMatchObject({
      buyer_name: 'Łukasz Wrona',
      delivery_street: 'ul. Świdnicka 20/4',
      buyer_message: 'Proszę o szybką wysyłkę.\nDziękuję!',
    });
    // DeliveryAddressName "Łukasz<TAB>Wrona<CR><LF>mieszkanie 4", split into first and last name.
    expect(`${order!.delivery_first_name} ${order!.delivery_last_name}`).toBe('Łukasz Wrona mieszkanie 4');
    expect(storedLines(shop)).toEqual(['Dyfuzor zapachowy bambusowy 100 ml – Drzewo sandałowe']);
  });

  it('checkout-forms JSON: \\u0000 dropped, lone surrogates become U+FFFD, whole emoji kept, NFC', async () => {
    shop = await tempCore();
    const { run } = await importPath(shop.core, fixture('control-chars/checkout-forms.control-chars.json'));
    expect(run.status).toBe('committed');
    expect(badTexts(shop)).toEqual([]);
    const [order] = storedOrder(shop);
    expect(order).toMatchObject({
      buyer_name: 'Łukasz Wro\ufffdna',
      delivery_first_name: 'Łukasz',
      delivery_last_name: 'Wrona\ufffd',
      delivery_street: 'ul. Świdnicka 20/4',
      buyer_message: 'Proszę o szybką wysyłkę.\nDziękuję! 😀 \ufffd',
    });
    expect(storedLines(shop)).toEqual(['Dyfuzor zapachowy \ufffdbambusowy 100 ml – Drzewo sandałowe']);
  });
});

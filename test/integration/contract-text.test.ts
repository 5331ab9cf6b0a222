import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * Issue 12 point 11 and issue 13 point 13, through dispatch on a real SQLite file: text is normalised to
 * NFC and refused with NUL, control characters or a lone surrogate; numbers, prices, names, the NIP and the
 * e-mail have sensible limits; every refusal carries a sentence in Polish and English (never zod's words),
 * and nothing refused is stored.
 */
const owner = { role: 'owner' as const };

let t: TempCore | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

interface Refusal {
  code: string;
  details: Array<{ path: string; message: string; text?: { pl: string; en: string } }>;
}

async function refused(channel: string, input: unknown): Promise<Refusal> {
  const result = await dispatch(t!.core, channel, input, owner);
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(input).slice(0, 200)}`);
  return result.error as Refusal;
}

async function ok<T = any>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(t!.core, channel, input, owner);
  if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** zod's own English, which must never reach a person. */
const ZOD_WORDS = /Too (big|small)|expected|Invalid input|received/;

function expectSentence(refusal: Refusal, path: string, pl: RegExp): void {
  expect(refusal.code).toBe('invalid_input');
  const issue = refusal.details.find((d) => d.path === path);
  expect(issue, JSON.stringify(refusal.details)).toBeDefined();
  expect(issue!.text!.pl).toMatch(pl);
  expect(issue!.text!.pl).not.toMatch(ZOD_WORDS);
  expect(issue!.text!.en).not.toMatch(ZOD_WORDS);
  expect(issue!.message).toBe(issue!.text!.en);
}

const productCount = () => t!.core.sqlite.prepare('SELECT count(*) FROM products').pluck().get() as number;

describe('text at the contract', () => {
  it('refuses NUL, control characters and lone surrogates; stores nothing', async () => {
    t = await tempCore();
    expectSentence(await refused('stock.createProduct', { sku: 'A-1', name: 'Kubek\u0000' }), 'name', /Nazwa: tekst zawiera niedozwolone znaki sterujące/);
    expectSentence(await refused('stock.createProduct', { sku: 'A-1', name: 'Kubek \ud83d' }), 'name', /uszkodzony znak/);
    expectSentence(await refused('stock.createProduct', { sku: 'A-1', name: 'Kubek \udc00 biały' }), 'name', /uszkodzony znak/);
    expectSentence(await refused('stock.createProduct', { sku: 'A\u00071', name: 'Kubek' }), 'sku', /SKU: tekst zawiera/);
    expectSentence(await refused('stock.createProduct', { sku: 'A-1', name: 'Kubek\nbiały' }), 'name', /w jednym wierszu/);
    expect(productCount()).toBe(0);
    // A whole emoji (a surrogate pair) is text like any other.
    expect((await ok('stock.createProduct', { sku: 'A-1', name: 'Kubek ☕ 😀' })).product.name).toBe('Kubek ☕ 😀');
  });

  it('normalises to NFC, so "Café" typed two ways is one name', async () => {
    t = await tempCore();
    const created = await ok('stock.createProduct', { sku: 'CAF-1', name: '  Cafe\u0301 Łódź  ' });
    expect(created.product.name).toBe('Caf\u00e9 Łódź');
    const stored = t.core.sqlite.prepare('SELECT name FROM products WHERE sku = ?').pluck().get('CAF-1') as string;
    expect(stored).toBe('Caf\u00e9 Łódź');
    expect(stored.normalize('NFC')).toBe(stored);
  });

  it('multi-line fields keep line breaks and tabs but refuse other control characters', async () => {
    t = await tempCore();
    const order = t.core.sqlite
      .prepare("INSERT INTO orders (status, bought_at, total_to_pay_grosze, created_at, updated_at) VALUES ('new', '2026-06-01T10:00:00.000Z', 1000, '2026-06-01T10:00:00.000Z', '2026-06-01T10:00:00.000Z')")
      .run().lastInsertRowid as number;
    expect((await ok('orders.updateNote', { id: Number(order), sellerNote: 'Zapakować\n\tna prezent' })).sellerNote).toBe('Zapakować\n\tna prezent');
    expectSentence(await refused('orders.updateNote', { id: Number(order), sellerNote: 'Uwaga\u0000' }), 'sellerNote', /znaki sterujące/);
    expectSentence(await refused('settings.update', { shopAddress: 'ul. Długa 1\n00-001 Warszawa\u001b' }), 'shopAddress', /Adres: tekst zawiera/);
    expect((await ok('settings.update', { shopAddress: 'ul. Długa 1\n00-001 Warszawa' })).shopAddress).toBe('ul. Długa 1\n00-001 Warszawa');
  });
});

describe('limits a shop owner can read', () => {
  it('a 5,000-character name says how long a name may be', async () => {
    t = await tempCore();
    expectSentence(await refused('stock.createProduct', { sku: 'A-1', name: 'x'.repeat(5000) }), 'name', /^Nazwa: najwyżej 300 znaków \(wpisano 5\u00a0000\)\.$/);
    expectSentence(await refused('stock.createProduct', { sku: 'A-1', name: '   ' }), 'name', /^Nazwa: to pole jest wymagane\.$/);
    expect(productCount()).toBe(0);
  });

  it('prices up to 1 000 000 zł; receipts and adjustments up to 1 000 000 units', async () => {
    t = await tempCore();
    expectSentence(await refused('stock.createProduct', { sku: 'A-1', name: 'Kubek', salePriceGrosze: 9_999_999_999_900 }), 'salePriceGrosze', /^Podaj cenę od 0 do 1\u00a0000\u00a0000 zł/);
    expectSentence(await refused('stock.createProduct', { sku: 'A-1', name: 'Kubek', purchasePriceGrosze: -1 }), 'purchasePriceGrosze', /^Podaj cenę od 0/);
    const product = (await ok('stock.createProduct', { sku: 'A-1', name: 'Kubek', salePriceGrosze: 100_000_000 })).product.id as number;
    expectSentence(await refused('stock.receive', { document: 'WZ 1', lines: [{ productId: product, quantity: 999_999_999 }] }), 'lines.0.quantity', /^Podaj liczbę od 1 do 1\u00a0000\u00a0000\.$/);
    expectSentence(await refused('stock.adjust', { productId: product, quantity: 99_999_999_999_999, reason: 'liczenie' }), 'quantity', /^Podaj liczbę różną od zera, od −1\u00a0000\u00a0000 do 1\u00a0000\u00a0000\.$/);
    expectSentence(await refused('stock.adjust', { productId: product, quantity: 0, reason: 'liczenie' }), 'quantity', /różną od zera/);
    expect(t.core.sqlite.prepare('SELECT count(*) FROM stock_ledger').pluck().get()).toBe(0);
    await ok('stock.receive', { document: 'WZ 1', lines: [{ productId: product, quantity: 1_000_000 }] });
  });

  it('Ustawienia: a NIP with a wrong checksum and a bad e-mail are refused; good ones are stored (NIP as 10 digits)', async () => {
    t = await tempCore();
    const before = await ok('settings.get', {});
    expectSentence(await refused('settings.update', { shopNip: '526-000-12-47' }), 'shopNip', /To nie jest poprawny NIP/);
    expectSentence(await refused('settings.update', { shopNip: '123' }), 'shopNip', /To nie jest poprawny NIP/);
    expectSentence(await refused('settings.update', { shopEmail: 'not-an-email' }), 'shopEmail', /To nie jest poprawny adres e-mail/);
    expectSentence(await refused('settings.update', { shopName: 'S'.repeat(5000) }), 'shopName', /^Nazwa sklepu: najwyżej 200 znaków/);
    expectSentence(await refused('settings.update', { handlingTimeDays: 999 }), 'handlingTimeDays', /od 0 do 60/);
    expect(await ok('settings.get', {})).toEqual(before);
    const saved = await ok('settings.update', { shopNip: 'PL 526-000-12-46', shopEmail: 'sklep@example.pl' });
    expect(saved).toMatchObject({ shopNip: '5260001246', shopEmail: 'sklep@example.pl' });
    // Clearing both is allowed.
    expect(await ok('settings.update', { shopNip: '', shopEmail: '' })).toMatchObject({ shopNip: '', shopEmail: '' });
  });

  it('every refusal of a malformed call is a sentence, not zod wording', async () => {
    t = await tempCore();
    const attempts: Array<[string, unknown]> = [
      ['stock.list', { limit: 'many' }],
      ['stock.list', { limit: 100_000 }],
      ['orders.setStatus', { ids: [], status: 'to_pick' }],
      ['orders.setStatus', { ids: [1], status: 'lost' }],
      ['stock.createProduct', { sku: 'A', name: 'B', extra: 1 }],
      ['session.setPin', { role: 'owner', pin: '12' }],
      ['stock.createProduct', { sku: 'A', name: 'B', ean: '5901234123458' }],
    ];
    for (const [channel, input] of attempts) {
      const refusal = await refused(channel, input);
      for (const issue of refusal.details) {
        expect(issue.text, `${channel} ${issue.path}`).toBeDefined();
        expect(issue.text!.pl, `${channel} ${issue.path}`).not.toMatch(ZOD_WORDS);
        expect(issue.text!.en, `${channel} ${issue.path}`).not.toMatch(ZOD_WORDS);
      }
    }
  });
});

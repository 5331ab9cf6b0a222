import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { printDocument } from '../../../electron/core/print/print-document';
import { tempCore, type TempCore } from '../../support/temp-core';
import { folderSaveTarget, sharedPrinter } from './support/print-core';
import { pdfInfo, pdfText } from './support/pdf-tools';

/**
 * The Chromium printer keeps a page warm between jobs, with the print fonts loaded once (issue 16: a
 * new page per job was a quarter of a pick list's PDF time, decoding the fonts a fifth). These tests
 * hold it to what a fresh page gave: each job prints its own document at its own paper size in the
 * embedded font, whatever the page printed before, plain HTML in between included; overlapping jobs do
 * not mix, and a failed job leaves a printer that still prints.
 */
const printer = sharedPrinter();
afterAll(() => printer.close());

const POLISH = 'Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż';

/** The fonts a PDF embeds (poppler's pdffonts), e.g. ['NotoSans-Regular', 'NotoSans-Bold']. */
function pdfFonts(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-fonts-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), bytes);
    const out = execFileSync('pdffonts', [join(dir, 'doc.pdf')], { encoding: 'utf8' });
    return [...new Set(out.split('\n').slice(2).filter(Boolean).map((line) => (line.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, '')))].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function doc(format: 'a4' | 'label', text: string, lines = 1): string {
  const body = Array.from({ length: lines }, (_, i) => `<p>${text} ${i + 1}</p>`).join('');
  return printDocument({ title: text, format, css: '', sections: [`<section class="sheet">${body}</section>`] });
}

describe('the Chromium printer between jobs', () => {
  it('prints each document on its own paper, nothing left from the job before', async () => {
    const a4 = await printer.htmlToPdf(doc('a4', `Pierwszy ${POLISH}`, 120), { format: 'A4' });
    const label = await printer.htmlToPdf(doc('label', `Drugi ${POLISH}`), { format: 'label', widthMm: 100, heightMm: 150 });
    const again = await printer.htmlToPdf(doc('a4', `Trzeci ${POLISH}`), { format: 'A4' });

    const a4Info = pdfInfo(a4);
    expect(a4Info).toMatchObject({ widthPt: 595.92, heightPt: 842.88 });
    expect(a4Info.pages).toBeGreaterThan(1);
    const first = pdfText(a4);
    expect(first).toContain(`Pierwszy ${POLISH} 120`);

    const info = pdfInfo(label);
    expect(info.pages).toBe(1);
    expect(Math.round((info.widthPt / 72) * 25.4)).toBe(100);
    expect(Math.round((info.heightPt / 72) * 25.4)).toBe(150);
    const second = pdfText(label);
    expect(second).toContain(`Drugi ${POLISH} 1`);
    expect(second).not.toContain('Pierwszy');

    expect(pdfInfo(again).pages).toBe(1);
    const third = pdfText(again);
    expect(third).toContain(`Trzeci ${POLISH} 1`);
    expect(third).not.toMatch(/Pierwszy|Drugi/);
    // Regular and bold of the embedded Noto Sans only: no fallback font for any Polish letter.
    for (const pdf of [a4, label, again]) expect(pdfFonts(pdf)).toEqual(['NotoSans-Regular']);
  });

  it('prints plain HTML between documents with the embedded fonts, and those after it still have them', async () => {
    const before = await printer.htmlToPdf(doc('a4', `<b>Przed</b> ${POLISH}`), { format: 'A4' });
    const plain = await printer.htmlToPdf('<!doctype html><html><body><p style="font-family: serif">Zwykły dokument</p></body></html>', { format: 'A4' });
    const after = await printer.htmlToPdf(doc('label', `<b>Po</b> ${POLISH}`), { format: 'label', widthMm: 100, heightMm: 150 });
    expect(pdfText(before)).toContain(`Przed ${POLISH} 1`);
    expect(pdfFonts(before)).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    const plainText = pdfText(plain);
    expect(plainText).toContain('Zwykły dokument');
    expect(plainText).not.toContain('Przed');
    expect(pdfFonts(plain)).not.toContain('NotoSans-Regular');
    const afterText = pdfText(after);
    expect(afterText).toContain(`Po ${POLISH} 1`);
    expect(afterText).not.toMatch(/Przed|Zwykły/);
    expect(pdfFonts(after)).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
  });

  it('gives overlapping jobs a page each', async () => {
    const names = ['Alfa', 'Beta', 'Gamma', 'Delta'];
    const pdfs = await Promise.all(names.map((n) => printer.htmlToPdf(doc('a4', `${n} ${POLISH}`, 60), { format: 'A4' })));
    pdfs.forEach((pdf, i) => {
      const text = pdfText(pdf);
      expect(text).toContain(`${names[i]} ${POLISH} 60`);
      for (const other of names.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });
  });

  it('still prints after a job that failed', async () => {
    await expect(printer.htmlToPdf(doc('label', 'Zły rozmiar'), { format: 'label', widthMm: Number.NaN, heightMm: 150 })).rejects.toThrow();
    const pdf = await printer.htmlToPdf(doc('a4', `Po błędzie ${POLISH}`), { format: 'A4' });
    const text = pdfText(pdf);
    expect(text).toContain(`Po błędzie ${POLISH} 1`);
    expect(text).not.toContain('Zły rozmiar');
  });
});

describe('a pick list printed after a batch of packing slips on the same printer', () => {
  let t: TempCore;
  beforeAll(async () => {
    t = await tempCore({ now: () => new Date('2026-06-17T09:15:00Z') });
  });
  afterAll(() => t.dispose());

  it('reads back with its own products, shelves, quantities, order numbers and Polish letters', async () => {
    const saves = folderSaveTarget(join(t.dir, 'saved'));
    t.core.ports = { printer, saveTarget: saves };
    const db = t.core.sqlite;
    const NOW = '2026-06-16T10:00:00.000Z';
    const shelf = (code: string) => Number(db.prepare(`INSERT INTO locations (code, created_at) VALUES (?, ?)`).run(code, NOW).lastInsertRowid);
    const product = (sku: string, name: string, location: number) =>
      Number(db.prepare(`INSERT INTO products (sku, name, default_location_id, on_hand, created_at, updated_at) VALUES (?, ?, ?, 20, ?, ?)`).run(sku, name, location, NOW, NOW).lastInsertRowid);
    const order = (buyer: string) => {
      const at = '2026-06-16T10:00:00.000Z';
      return Number(
        db.prepare(`INSERT INTO orders (source, buyer_name, status, bought_at, total_to_pay_grosze, created_at, updated_at) VALUES ('manual', ?, 'new', ?, 100, ?, ?)`).run(buyer, at, at, at)
          .lastInsertRowid,
      );
    };
    const line = (orderId: number, productId: number, name: string, quantity: number) =>
      db.prepare(`INSERT INTO order_lines (order_id, product_id, external_id, name, quantity, unit_price_grosze) VALUES (?, ?, ?, ?, ?, 100)`).run(orderId, productId, `L-${orderId}-${productId}`, name, quantity);

    const candle = product('ŚW-ŁĄKA-1', 'Świeca „Łąka” — zażółć gęślą jaźń', shelf('B-02-Ż'));
    const mug = product('KUB-ĆMA-7', 'Kubek Ćma, źdźbło, ŃÓŚ', shelf('A-01'));
    const o1 = order('Łucja Źrebięcka');
    const o2 = order('Świętosław Ćwikła');
    line(o1, candle, 'Świeca „Łąka” — zażółć gęślą jaźń', 2);
    line(o2, candle, 'Świeca „Łąka” — zażółć gęślą jaźń', 5);
    line(o2, mug, 'Kubek Ćma, źdźbło, ŃÓŚ', 3);

    // A long document on the warm page first: the pick list must not show any of it.
    await call(t.core, 'print.packingSlips', { orderIds: [o1, o2], format: 'label', action: 'pdf' });
    const result = await call(t.core, 'print.pickList', { orderIds: [o1, o2], action: 'pdf' });
    expect(result).toMatchObject({ pages: 1, orders: 2, done: true });
    const pdf = saves.saved.at(-1)!.bytes;
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1, widthPt: 595.92, heightPt: 842.88 });
    const text = pdfText(pdf);
    expect(text).toContain('Lista kompletacji');
    expect(text).toContain('Świeca „Łąka” — zażółć gęślą jaźń');
    expect(text).toContain('Kubek Ćma, źdźbło, ŃÓŚ');
    expect(text).toContain('ŚW-ŁĄKA-1');
    expect(text).toContain('B-02-Ż');
    // Shelf order: A-01 before B-02-Ż.
    expect(text.indexOf('KUB-ĆMA-7')).toBeLessThan(text.indexOf('ŚW-ŁĄKA-1'));
    // Per order: 2 + 5 candles, 3 mugs; the key names the buyers.
    expect(text).toMatch(new RegExp(`ZAP-${o1}\\s*×2`));
    expect(text).toMatch(new RegExp(`ZAP-${o2}\\s*×5`));
    expect(text).toMatch(/Zamówień: 2, produktów: 2, sztuk: 10/);
    expect(text).toMatch(/\b7\b/);
    expect(text).toContain('Łucja Źrebięcka');
    expect(text).toContain('Świętosław Ćwikła');
    expect(text).not.toContain('Zawartość');
  });
});

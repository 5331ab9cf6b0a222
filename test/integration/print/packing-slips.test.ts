import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { loadSampleOrders, SHOP_SETTINGS, writeShopSettings } from '../export/support/sample-shop';
import { folderSaveTarget, sharedPrinter } from './support/print-core';
import { readBarcodeFromRaster } from './support/code128-reader';
import { pdfInfo, pdfText, rasterPage, zbarDecode } from './support/pdf-tools';

/**
 * Packing slips through the real channel, rendered to PDF by Chromium, read back with poppler's tools:
 * the text a person (or a search) finds in the PDF, the paper size, and the barcode decoded from the
 * printed pixels by an independent Code 128 reader.
 */
let t: TempCore;
let ids: Map<string, number>;
const printer = sharedPrinter();
let saves: ReturnType<typeof folderSaveTarget>;

const DIACRITICS = 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ';
/** pdftotext breaks lines where the printed text wraps. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-06-17T09:15:00Z') });
  saves = folderSaveTarget(join(t.dir, 'saved'));
  t.core.ports = { printer, saveTarget: saves };
  writeShopSettings(t.core);
  t.core.sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'returnInstruction'").run(JSON.stringify(`${SHOP_SETTINGS.returnInstruction} Test znaków: ${DIACRITICS}.`));
  ids = loadSampleOrders(t.core);
});
afterAll(async () => {
  await printer.close();
  await t.dispose();
});

function order(allegroId: string) {
  const id = ids.get(allegroId) as number;
  const lines = t.core.sqlite.prepare('SELECT external_id AS sku FROM order_lines WHERE order_id = ?').all(id) as Array<{ sku: string | null }>;
  return { id, lines };
}

describe('packing slips', () => {
  it('A4: order number, buyer, pickup point, every SKU and Polish letters are in the PDF text; the barcode reads back', async () => {
    const multi = order('b4fc3f98-167c-11f1-a45d-4483407d442b'); // 3 lines, courier, buyer message with quotes
    const locker = order('1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15'); // InPost locker WRO15M
    const result = await call(t.core, 'print.packingSlips', { orderIds: [multi.id, locker.id], format: 'a4', action: 'pdf' }, { role: 'helper' });
    expect(result).toMatchObject({ action: 'pdf', pages: 2, orders: 2, done: true });
    const pdf = saves.saved.at(-1)!.bytes;
    expect(result.savedTo).toBe(saves.saved.at(-1)!.path);
    expect(pdfInfo(pdf)).toMatchObject({ pages: 2 });
    expect(Math.abs(pdfInfo(pdf).widthPt - 595.3)).toBeLessThan(1.5); // A4: 210 mm

    const page1 = pdfText(pdf, { firstPage: 1, lastPage: 1 });
    expect(page1).toContain('b4fc3f98-167c-11f1-a45d-4483407d442b');
    expect(page1).toContain('Małgorzata Żółkiewska');
    for (const sku of ['MIOD-RZE-500', 'MIOD-GRY-1200', 'KUB-LAK-350']) expect(page1).toContain(sku);
    expect(page1).toContain('Pod Lipą');
    expect(oneLine(page1)).toContain(DIACRITICS);
    expect(page1).toContain('„dla mamy”'.slice(1, -1)); // the buyer's message, quotes and all
    expect(page1).toMatch(/Wiadomość od kupującego/i);

    const page2 = pdfText(pdf, { firstPage: 2, lastPage: 2 });
    expect(page2).toContain('1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15');
    expect(page2).toContain('WRO15M');
    expect(page2).toContain('Łukasz Wrona');
    for (const { sku } of locker.lines) expect(page2).toContain(sku);

    expect(readBarcodeFromRaster(rasterPage(pdf, 1, 300))).toBe('b4fc3f98-167c-11f1-a45d-4483407d442b');
    expect(readBarcodeFromRaster(rasterPage(pdf, 2, 300))).toBe('1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15');
  });

  it('label 100×150 mm: the same content fits one label; the barcode carries ZAP-<id> in 0.5 mm bars and reads back as a 203 dpi thermal printer prints it', async () => {
    const multi = order('7580546a-d33f-11f1-9f73-31295247134f'); // invoice order, two lines, 26 units
    await call(t.core, 'print.packingSlips', { orderIds: [multi.id], format: 'label', action: 'pdf' });
    const pdf = saves.saved.at(-1)!.bytes;
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(Math.round((info.widthPt / 72) * 25.4)).toBe(100);
    expect(Math.round((info.heightPt / 72) * 25.4)).toBe(150);
    const text = pdfText(pdf);
    expect(text).toContain('7580546a-d33f-11f1-9f73-31295247134f');
    expect(text).toContain('SAD-LAW-P9');
    expect(text).toContain('SW-LAW-200');
    expect(oneLine(text)).toContain(DIACRITICS); // the return instruction is at the foot of the label, not cut off
    expect(saves.saved.at(-1)!.name).toBe('zawartosc-przesylki-7580546a-d33f-11f1-9f73-31295247134f.pdf');
    // The 36-character Allegro id gave ~1.6 dots a bar at 203 dpi and did not read back from whole dots
    // (issue 13, point 10); the label now carries our short number, which every scan lookup accepts.
    expect(readBarcodeFromRaster(rasterPage(pdf, 1, 600))).toBe(`ZAP-${multi.id}`);
    const zbar = zbarDecode(pdf, 1, 203, { thermal: true });
    if (zbar !== null) expect(zbar).toEqual([`ZAP-${multi.id}`]);
    expect(zbarDecode(pdf, 1, 203)).not.toEqual(['7580546a-d33f-11f1-9f73-31295247134f']);
    expect((await call(t.core, 'orders.lookup', { code: `ZAP-${multi.id}` })).id).toBe(multi.id);
  });

  it('an order without an Allegro id carries ZAP-<id>; buyer text never becomes markup', async () => {
    const at = '2026-06-16T10:00:00.000Z';
    const info = t.core.sqlite
      .prepare(`INSERT INTO orders (source, buyer_name, status, bought_at, total_to_pay_grosze, delivery_method_name, delivery_first_name, delivery_last_name,
                delivery_street, delivery_city, delivery_zip, buyer_message, created_at, updated_at)
                VALUES ('manual', ?, 'new', ?, 1000, 'Kurier DPD', 'Zdzisław', 'Źrebiec', 'ul. Żeromskiego 5', 'Gdańsk', '80-001', ?, ?, ?)`)
      .run('<b>Zdzisław</b> & syn', at, '<script>alert(1)</script> proszę szybko', at, at);
    const id = Number(info.lastInsertRowid);
    t.core.sqlite.prepare(`INSERT INTO order_lines (order_id, external_id, name, quantity, unit_price_grosze) VALUES (?, 'RĘCZNY-1', 'Ręcznie dodany towar', 3, 333)`).run(id);
    const preview = await call(t.core, 'print.preview', { document: 'packingSlips', orderIds: [id], format: 'a4' });
    expect(preview.html).not.toContain('<script>alert');
    expect(preview.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview.html).not.toMatch(/<script/i);
    await call(t.core, 'print.packingSlips', { orderIds: [id], format: 'a4', action: 'pdf' });
    const pdf = saves.saved.at(-1)!.bytes;
    const text = pdfText(pdf);
    expect(text).toContain(`ZAP-${id}`);
    expect(text).toContain('<script>alert(1)</script> proszę szybko');
    expect(text).toContain('RĘCZNY-1');
    expect(readBarcodeFromRaster(rasterPage(pdf, 1, 300))).toBe(`ZAP-${id}`);
  });

  it('a long order continues on the next sheet with its number repeated — no line is ever cut off', async () => {
    const at = '2026-06-16T10:00:00.000Z';
    const id = Number(
      t.core.sqlite
        .prepare(`INSERT INTO orders (source, buyer_name, status, bought_at, total_to_pay_grosze, delivery_method_name, created_at, updated_at) VALUES ('manual', 'Hurtownia Łąka', 'new', ?, 1, 'Kurier', ?, ?)`)
        .run(at, at, at).lastInsertRowid,
    );
    const insertLine = t.core.sqlite.prepare(`INSERT INTO order_lines (order_id, external_id, name, quantity, unit_price_grosze) VALUES (?, ?, ?, ?, 100)`);
    for (let i = 0; i < 45; i++) insertLine.run(id, `DŁUGA-${String(i).padStart(2, '0')}`, `Bardzo długa nazwa oferty z Allegro numer ${i}, wariant: zielony / rozmiar XL — gęś, źrebię, żółw`, 1 + (i % 3));
    for (const format of ['a4', 'label'] as const) {
      const result = await call(t.core, 'print.packingSlips', { orderIds: [id], format, action: 'pdf' });
      const pdf = saves.saved.at(-1)!.bytes;
      expect(result.pages).toBe(pdfInfo(pdf).pages);
      expect(result.pages).toBeGreaterThan(format === 'a4' ? 1 : 3);
      const text = pdfText(pdf);
      for (let i = 0; i < 45; i++) expect(text).toContain(`DŁUGA-${String(i).padStart(2, '0')}`);
      for (let page = 2; page <= (result.pages ?? 0); page++) {
        const text = pdfText(pdf, { firstPage: page, lastPage: page });
        // Every sheet with lines on it names the order (the table heading repeats with the number).
        if (text.includes('DŁUGA-')) expect(text).toContain(`Zamówienie ZAP-${id}`);
      }
      expect(text).toContain('sztuk razem: 90');
    }
  });

  it('refuses unknown orders and printing without a print dialog', async () => {
    await expect(call(t.core, 'print.packingSlips', { orderIds: [999999], format: 'a4', action: 'pdf' })).rejects.toMatchObject({ code: 'not_found' });
    const one = order('1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15');
    // The Node printer has no system dialog: `print` must say so, not pretend to have printed.
    await expect(call(t.core, 'print.packingSlips', { orderIds: [one.id], format: 'a4', action: 'print' })).rejects.toMatchObject({ code: 'internal' });
    await expect(call(t.core, 'print.packingSlips', { orderIds: [], format: 'a4', action: 'pdf' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

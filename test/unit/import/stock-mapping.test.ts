import { describe, expect, it } from 'vitest';
import { detectHeaderRow, layoutSignature, proposeColumns } from '../../../electron/core/import/mapping/stock-mapping';

const fields = (headers: string[]) => Object.fromEntries(proposeColumns(headers).map((c) => [headers[c.index], c.field]));

describe("mapping proposals for the owner's sheets", () => {
  it('Polish headers (the sample sheet): value columns, notes and Lp. stay unmapped', () => {
    expect(fields(['Lp.', 'Kod (SKU)', 'Nazwa towaru', 'EAN', 'Ilość', 'J.m.', 'Cena zakupu netto', 'VAT', 'Cena sprzedaży brutto', 'Wartość zakupu netto', 'Lokalizacja', 'Uwagi'])).toEqual({
      'Kod (SKU)': 'sku', 'Nazwa towaru': 'name', EAN: 'ean', Ilość: 'quantity', 'J.m.': 'unit', 'Cena zakupu netto': 'purchasePrice', VAT: 'vatRate', 'Cena sprzedaży brutto': 'salePrice', Lokalizacja: 'location',
    });
  });

  it('other spellings owners use', () => {
    expect(fields(['Indeks', 'Towar', 'Kod kreskowy', 'Stan', 'Półka', 'Stan minimalny', 'Cena'])).toEqual({
      Indeks: 'sku', Towar: 'name', 'Kod kreskowy': 'ean', Stan: 'quantity', Półka: 'location', 'Stan minimalny': 'reorderPoint', Cena: 'salePrice',
    });
    expect(fields(['SKU', 'Product name', 'Barcode', 'Qty', 'Purchase price', 'Price', 'Shelf'])).toEqual({
      SKU: 'sku', 'Product name': 'name', Barcode: 'ean', Qty: 'quantity', 'Purchase price': 'purchasePrice', Price: 'salePrice', Shelf: 'location',
    });
  });

  it('finds the header row below a title and blank rows; nothing where no header exists', () => {
    const rows = [
      { row: 1, cells: ['Stan magazynu – Pod Lipą'] },
      { row: 3, cells: ['Lp.', 'Kod (SKU)', 'Nazwa towaru', 'Ilość'] },
      { row: 4, cells: [1, 'A-1', 'Kubek', 3] },
    ];
    expect(detectHeaderRow(rows)?.row).toBe(3);
    expect(detectHeaderRow([{ row: 1, cells: ['x', 'y'] }, { row: 2, cells: [1, 2] }])).toBeNull();
  });

  it('the layout signature ignores case, accents and spacing, not the columns', () => {
    expect(layoutSignature(['Kod (SKU)', 'Ilość'])).toBe(layoutSignature(['kod  (sku)', 'ILOSC']));
    expect(layoutSignature(['Kod (SKU)', 'Ilość'])).not.toBe(layoutSignature(['Ilość', 'Kod (SKU)']));
  });
});

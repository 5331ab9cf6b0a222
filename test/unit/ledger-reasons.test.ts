import { describe, expect, it } from 'vitest';
import { LEDGER_REASON_CODES, type LedgerReasonCode, ledgerReason, ledgerReasonText } from '../../shared/domain/ledger-reasons';

/**
 * Issue 13, "words a shop owner reads": stock-history reasons are stored as codes and said in the
 * reader's language; the Polish sentences older rows (and the demo shop) hold are said in English too.
 */
describe('stock history reasons (shared/domain/ledger-reasons.ts)', () => {
  it('a code with values, as the core now stores it, reads in both languages', () => {
    const cases: Array<[string, string, string]> = [
      [ledgerReason('sale.shipped'), 'Sprzedaż — wysyłka zamówienia', 'Sale — order shipped'],
      [ledgerReason('receipt'), 'Dostawa', 'Delivery'],
      [ledgerReason('receipt.supplier', 'Hurtownia Kowalski'), 'Dostawa: Hurtownia Kowalski', 'Delivery: Hurtownia Kowalski'],
      [ledgerReason('receipt.purchase_order', 'ZD/1/2026', 'Hurtownia: Garnuszek'), 'Dostawa do zamówienia ZD/1/2026: Hurtownia: Garnuszek', 'Delivery for purchase order ZD/1/2026: Hurtownia: Garnuszek'],
      [ledgerReason('shipment.undo', 'paczka nie wyszła — „kurier” {0}'), 'Cofnięcie wysyłki — paczka nie wyszła — „kurier” {0}', 'Shipment undone — paczka nie wyszła — „kurier” {0}'],
      // The writers that still stored sentences before: stocktake, stock sheet, move, the demo shop.
      [ledgerReason('stocktake.shelf', 'A-01'), 'Inwentaryzacja półki A-01', 'Stocktake of shelf A-01'],
      [ledgerReason('stocktake.shelf', 'B → 2'), 'Inwentaryzacja półki B → 2', 'Stocktake of shelf B → 2'],
      [ledgerReason('stock.sheet', 'stan: "grudzień".csv'), 'Stan z arkusza stan: "grudzień".csv', 'Quantity from the sheet stan: "grudzień".csv'],
      [ledgerReason('stock.move', 'A-01', 'B-02'), 'Przeniesienie A-01 → B-02', 'Moved A-01 → B-02'],
      [ledgerReason('stock.move.unplaced', 'B-02'), 'Przeniesienie spoza półek → B-02', 'Moved from no shelf → B-02'],
      [ledgerReason('stocktake.opening'), 'Inwentaryzacja otwarcia', 'Opening stocktake'],
      [ledgerReason('return.write_off'), 'Zwrot uszkodzony — odpis', 'Damaged return — written off'],
      [ledgerReason('return.to_supplier'), 'Zwrot wadliwego towaru do dostawcy', 'Faulty item sent back to the supplier'],
    ];
    for (const [stored, pl, en] of cases) {
      expect(ledgerReasonText(stored, 'pl')).toBe(pl);
      expect(ledgerReasonText(stored, 'en')).toBe(en);
    }
    expect(ledgerReason('receipt.supplier', 'Hurtownia Kowalski')).toBe('receipt.supplier ["Hurtownia Kowalski"]');
    expect(ledgerReason('stocktake.shelf', 'A-01')).toBe('stocktake.shelf ["A-01"]');
    expect(ledgerReason('stock.sheet', 'stany.xlsx')).toBe('stock.sheet ["stany.xlsx"]');
    expect(ledgerReason('stock.move', 'A-01', 'B-02')).toBe('stock.move ["A-01","B-02"]');
  });

  it('the sentences older rows store read in English, and stay as they were in Polish', () => {
    const cases: Array<[string, string]> = [
      ['Sprzedaż — wysyłka zamówienia', 'Sale — order shipped'],
      ['Dostawa', 'Delivery'],
      ['Dostawa: Hurtownia Kuchenna', 'Delivery: Hurtownia Kuchenna'],
      ['Dostawa do zamówienia ZD/1/2026: Hurtownia Garnuszek', 'Delivery for purchase order ZD/1/2026: Hurtownia Garnuszek'],
      ['Cofnięcie wysyłki — paczka nie wyszła', 'Shipment undone — paczka nie wyszła'],
      ['Inwentaryzacja półki A-01', 'Stocktake of shelf A-01'],
      ['Stan z arkusza stany.xlsx', 'Quantity from the sheet stany.xlsx'],
      ['Inwentaryzacja otwarcia', 'Opening stocktake'],
      ['Zwrot uszkodzony – odpis', 'Damaged return — written off'],
      ['Zwrot od klienta — towar uszkodzony', 'Customer return — item damaged'],
      ['Zwrot wadliwego towaru do dostawcy', 'Faulty item sent back to the supplier'],
      ['Przeniesienie A-01 → B-02', 'Moved A-01 → B-02'],
      ['Przeniesienie — → B-02', 'Moved from no shelf → B-02'],
    ];
    for (const [old, en] of cases) {
      expect(ledgerReasonText(old, 'en')).toBe(en);
      const pl = old === 'Zwrot uszkodzony – odpis' ? 'Zwrot uszkodzony — odpis' : old === 'Przeniesienie — → B-02' ? 'Przeniesienie spoza półek → B-02' : old;
      expect(ledgerReasonText(old, 'pl')).toBe(pl);
    }
  });

  it('every code has both languages with the same values; what a person typed is shown as typed', () => {
    for (const [code, t] of Object.entries(LEDGER_REASON_CODES)) {
      expect(t.pl.match(/\{\d\}/g), code).toEqual(t.en.match(/\{\d\}/g));
      const values = (t.pl.match(/\{\d\}/g) ?? []).map((_, i) => `wartość ${i}`);
      expect(ledgerReasonText(ledgerReason(code as LedgerReasonCode, ...values), 'en')).not.toMatch(/\{\d\}|\["/);
    }
    for (const typed of ['Rozbite przy rozładunku', 'receipt.supplier [nie JSON', 'nieznany.kod ["x"]', 'Dostawca przywiózł 3 szt.']) {
      expect(ledgerReasonText(typed, 'en')).toBe(typed);
      expect(ledgerReasonText(typed, 'pl')).toBe(typed);
    }
  });
});

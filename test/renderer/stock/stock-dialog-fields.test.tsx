import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { installScannerClock, scanKeys } from '../support/scanner';
import { fakeStockShop, locations, productRow } from './stock-fixtures';

/**
 * Issue 17, Przyjęcie dostawy and Inwentaryzacja at the shop's desk:
 * (1) a barcode scanner types wherever the cursor is: a scan into the document number or a count field
 *     was appended to what the person typed, and no product was added or counted;
 * (2) each delivery field shows its own error (the price's went under the quantity), and a value the
 *     core refused is marked at its field;
 * (3) discarding a delivery speaks of the delivery, not "the product";
 * (4) a count of 1,5 or -1 says under its field what is wrong (the review button only went grey).
 */
const mug = productRow();
const plate = productRow({ id: 2, sku: 'TAL-002', name: 'Talerz płytki', ean: '5901234000022', locationId: 2, locationCode: 'B-02' });

const value = (el: HTMLElement) => (el as HTMLInputElement).value;

async function openStock() {
  window.location.hash = '#/stock';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Magazyn' }, { timeout: 10_000 });
}

async function openReceive() {
  await openStock();
  await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Przyjęcie dostawy' }));
  return screen.findByRole('dialog', { name: 'Przyjęcie dostawy' });
}

async function openCount() {
  const user = userEvent.setup({ delay: null });
  await openStock();
  await user.click(screen.getByRole('button', { name: 'Inwentaryzacja' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('combobox'));
  await user.click(await screen.findByRole('option', { name: /A-01/ }));
  await user.click(within(dialog).getByRole('button', { name: 'Zacznij liczyć' }));
  return { dialog, table: await within(dialog).findByRole('table', { name: 'Inwentaryzacja półki' }) };
}

describe('Stock dialogs: scans typed into other fields, errors at their fields', { timeout: 60_000 }, () => {
  beforeEach(() => {
    installScannerClock();
    fakeStockShop([mug, plate]);
    fake.handle('stock.stocktakeSheet', () => ({ location: locations[0]!, lines: [{ productId: 1, sku: 'KUB-001', name: mug.name, ean: mug.ean, expected: 12 }] }));
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    window.location.hash = '';
  });

  it('a delivery: scans into the document number and a quantity add lines and leave the typed text as it was', async () => {
    const person = userEvent.setup({ delay: null });
    const dialog = await openReceive();
    const documentField = within(dialog).getByLabelText('Numer dokumentu dostawcy (WZ / faktura)');
    await person.type(documentField, 'FV/99/2026');
    await scanKeys(mug.ean!);
    await scanKeys(plate.ean!);
    expect(value(documentField)).toBe('FV/99/2026');
    await waitFor(() => expect(value(within(dialog).getByLabelText('Ilość TAL-002'))).toBe('1'));
    expect(value(within(dialog).getByLabelText('Ilość KUB-001'))).toBe('1');
    expect(within(dialog).getByText('TAL-002 — Talerz płytki')).toBeTruthy();

    // The cursor in a quantity the person set to 3: a scan of that product makes it 4, not "35901234123457".
    const quantity = within(dialog).getByLabelText('Ilość KUB-001');
    await person.clear(quantity);
    await person.type(quantity, '3');
    await scanKeys(mug.ean!);
    await waitFor(() => expect(value(quantity)).toBe('4'));

    // The focus on "Przyjmij na stan": the scan's Enter does not receive the delivery, the scan is added.
    fake.handle('stock.receive', () => ({ entries: [], products: [] }));
    within(dialog).getByRole('button', { name: 'Przyjmij na stan' }).focus();
    await scanKeys(plate.ean!);
    await waitFor(() => expect(value(within(dialog).getByLabelText('Ilość TAL-002'))).toBe('2'));
    expect(fake.callsOf('stock.receive')).toHaveLength(0);

    // A deliberate Enter in the document field still does nothing special, and typing by hand stays typed.
    await person.type(documentField, '-A');
    expect(value(documentField)).toBe('FV/99/2026-A');
  });

  it('a shelf count: a scan into a typed count counts the scanned product and keeps the typed 9', async () => {
    const person = userEvent.setup({ delay: null });
    const { dialog, table } = await openCount();
    const count = within(table).getByLabelText('Policzono KUB-001');
    await person.type(count, '9');
    await scanKeys(plate.ean!);
    expect(await within(table).findByText('Talerz płytki (spoza tej półki)')).toBeTruthy();
    expect(value(within(table).getByLabelText('Policzono TAL-002'))).toBe('1');
    expect(value(count)).toBe('9');
    expect(within(table).getByText('-3')).toBeTruthy();
    // The same product scanned while its count has the cursor: 9 + 1.
    await scanKeys(mug.ean!);
    await waitFor(() => expect(value(count)).toBe('10'));

    // Reviewing the differences: a scan neither counts nor confirms; it is refused in words.
    fake.handle('stock.stocktakeCommit', () => ({ entries: [] }));
    await person.click(within(dialog).getByRole('button', { name: 'Sprawdź różnice' }));
    within(dialog).getByRole('button', { name: 'Zatwierdź inwentaryzację' }).focus();
    await scanKeys(plate.ean!);
    expect(await within(dialog).findByText('Zeskanowano 5901234000022 — aby go policzyć, wróć do liczenia („Wstecz”).')).toBeTruthy();
    expect(fake.callsOf('stock.stocktakeCommit')).toHaveLength(0);
    await person.click(within(dialog).getByRole('button', { name: 'Wstecz' }));
    expect(value(within(dialog).getByLabelText('Policzono TAL-002'))).toBe('1');
  });

  it('a count of 1,5 or -1 says under its field what is wrong; a whole number clears it', async () => {
    const person = userEvent.setup({ delay: null });
    const { dialog, table } = await openCount();
    const count = within(table).getByLabelText('Policzono KUB-001');
    const review = within(dialog).getByRole('button', { name: 'Sprawdź różnice' }) as HTMLButtonElement;
    // (The messages' numbers have no-break spaces; getByText compares with whitespace made plain.)
    for (const [wrong, message] of [
      ['1,5', 'Podaj liczbę całych sztuk, 0 lub więcej'],
      ['-1', 'Podaj liczbę całych sztuk, 0 lub więcej'],
      ['2000000', 'Najwyżej 1 000 000 sztuk'],
    ] as const) {
      await person.clear(count);
      await person.type(count, wrong);
      expect(within(table).getByText(message)).toBeTruthy();
      expect(count.getAttribute('aria-invalid')).toBe('true');
      expect(review.disabled).toBe(true);
    }
    await person.clear(count);
    await person.type(count, '0');
    expect(within(table).queryByText(/Podaj liczbę całych sztuk|Najwyżej/)).toBeNull();
    expect(review.disabled).toBe(false);
  });

  it('a delivery line: the price error is under the price, the quantity error under the quantity', async () => {
    const person = userEvent.setup({ delay: null });
    fake.handle('stock.receive', () => ({ entries: [], products: [] }));
    const dialog = await openReceive();
    await person.type(within(dialog).getByLabelText('Zeskanuj lub wpisz EAN / SKU towaru i Enter'), `${mug.ean}{Enter}`);
    const quantity = await within(dialog).findByLabelText('Ilość KUB-001');
    const price = within(dialog).getByLabelText('Cena zakupu (zł, opcjonalnie) KUB-001');
    await person.type(within(dialog).getByLabelText('Numer dokumentu dostawcy (WZ / faktura)'), 'FV/1');
    await person.clear(quantity);
    await person.type(quantity, '2');
    const cases: Array<[string, string]> = [
      ['abc', 'Podaj kwotę, np. 19,99'],
      ['-5', 'Cena nie może być ujemna'],
      ['12,345', 'Podaj kwotę, np. 19,99'],
      ['99999999999', 'Cena może wynosić najwyżej 1 000 000 zł'],
    ];
    for (const [typed, message] of cases) {
      await person.clear(price);
      await person.type(price, typed);
      await person.click(within(dialog).getByRole('button', { name: 'Przyjmij na stan' }));
      expect(price.getAttribute('aria-invalid')).toBe('true');
      expect(within(dialog).getByText(message)).toBeTruthy();
      expect(quantity.getAttribute('aria-invalid')).toBe('false');
    }
    // Both wrong: each says its own.
    await person.clear(quantity);
    await person.type(quantity, '0');
    await person.click(within(dialog).getByRole('button', { name: 'Przyjmij na stan' }));
    expect(quantity.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Podaj liczbę od 1 do 1 000 000')).toBeTruthy();
    expect(price.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('stock.receive')).toHaveLength(0);
  });

  it('a value the core refuses is marked at its field, with the core\'s sentence', async () => {
    const person = userEvent.setup({ delay: null });
    fake.fail('stock.receive', 'invalid_input', 'Invalid arguments', [
      { path: 'lines.1.unitCostGrosze', message: 'Enter a price', text: { pl: 'Podaj cenę od 0 do 1 000 000 zł (najwyżej dwa miejsca po przecinku).', en: 'Enter a price from 0 to 1000000 zł (at most two decimal places).' } },
      { path: 'supplier', message: 'too long', text: { pl: 'Dostawca: najwyżej 200 znaków.', en: 'Supplier: at most 200 characters.' } },
    ]);
    const dialog = await openReceive();
    const scan = within(dialog).getByLabelText('Zeskanuj lub wpisz EAN / SKU towaru i Enter');
    await person.type(scan, `${mug.ean}{Enter}`);
    await within(dialog).findByLabelText('Ilość KUB-001');
    await person.type(scan, `${plate.ean}{Enter}`);
    await within(dialog).findByLabelText('Ilość TAL-002');
    await person.type(within(dialog).getByLabelText('Numer dokumentu dostawcy (WZ / faktura)'), 'FV/2');
    await person.type(within(dialog).getByLabelText('Cena zakupu (zł, opcjonalnie) TAL-002'), '10');
    await person.click(within(dialog).getByRole('button', { name: 'Przyjmij na stan' }));
    await within(dialog).findByRole('alert');
    const platePrice = within(dialog).getByLabelText('Cena zakupu (zł, opcjonalnie) TAL-002');
    expect(platePrice.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByLabelText('Cena zakupu (zł, opcjonalnie) KUB-001').getAttribute('aria-invalid')).toBe('false');
    expect(within(dialog).getByLabelText('Dostawca').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getAllByText('Podaj cenę od 0 do 1 000 000 zł (najwyżej dwa miejsca po przecinku).').length).toBeGreaterThanOrEqual(2);
  });

  it('discarding a delivery asks about the delivery, not a product', async () => {
    const person = userEvent.setup({ delay: null });
    const dialog = await openReceive();
    await person.type(within(dialog).getByLabelText('Numer dokumentu dostawcy (WZ / faktura)'), 'FV/3');
    await person.click(within(dialog).getByRole('button', { name: 'Odrzuć zmiany' }));
    const confirm = await screen.findByRole('dialog', { name: 'Niezapisane zmiany' });
    expect(confirm.textContent).toContain('Ta dostawa nie została przyjęta na stan. Odrzucić wpisane pozycje i dane dostawy?');
    expect(confirm.textContent).not.toContain('produkcie');
  });
});

import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { fakeStockShop, locations, productRow } from './stock-fixtures';

/**
 * The stock dialogs that take scans (a delivery, a shelf count) and the shelves list: scanning looks the
 * product up, beeps and says what was found under the field; the tables show what was scanned.
 */
const mug = productRow();
const plate = productRow({ id: 2, sku: 'TAL-002', name: 'Talerz płytki', ean: '5901234000022', locationId: 2, locationCode: 'B-02' });

async function openStock() {
  window.location.hash = '#/stock';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Magazyn' }, { timeout: 10_000 });
}

describe('Stock dialogs with a fake core', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fakeStockShop([mug, plate]);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('a delivery: each scan adds one, an unknown code is refused under the field, the receipt goes to the core', async () => {
    const user = userEvent.setup({ delay: null });
    fake.handle('stock.receive', () => ({ entries: [], products: [] }));
    await openStock();
    await user.click(screen.getByRole('button', { name: 'Przyjęcie dostawy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Przyjęcie dostawy' });
    const scan = within(dialog).getByLabelText('Zeskanuj lub wpisz EAN / SKU towaru i Enter');

    await user.type(scan, '5901234123457{Enter}');
    expect(await within(dialog).findByText('KUB-001 — Kubek ceramiczny 300 ml')).toBeTruthy();
    expect((within(dialog).getByLabelText('Ilość KUB-001') as HTMLInputElement).value).toBe('1');
    await user.type(scan, '5901234123457{Enter}');
    await waitFor(() => expect((within(dialog).getByLabelText('Ilość KUB-001') as HTMLInputElement).value).toBe('2'));

    await user.type(scan, '5900000000000{Enter}');
    expect(await within(dialog).findByText('Nie ma produktu z kodem 5900000000000')).toBeTruthy();
    expect(within(dialog).queryByLabelText(/^Ilość 5900000000000/)).toBeNull();

    await user.type(within(dialog).getByLabelText('Numer dokumentu dostawcy (WZ / faktura)'), 'WZ 7/06');
    await user.click(within(dialog).getByRole('button', { name: 'Przyjmij na stan' }));
    await waitFor(() => expect(fake.callsOf('stock.receive')).toHaveLength(1));
    expect(fake.callsOf('stock.receive')[0]).toMatchObject({ document: 'WZ 7/06', lines: [{ productId: 1, quantity: 2 }] });
  });

  it('a shelf count: scans count up, a product from another shelf joins the sheet, the table shows the differences', async () => {
    const user = userEvent.setup({ delay: null });
    fake.handle('stock.stocktakeSheet', () => ({ location: locations[0]!, lines: [{ productId: 1, sku: 'KUB-001', name: mug.name, ean: mug.ean, expected: 12 }] }));
    await openStock();
    await user.click(screen.getByRole('button', { name: 'Inwentaryzacja' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByRole('option', { name: /A-01/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Zacznij liczyć' }));

    const table = await within(dialog).findByRole('table', { name: 'Inwentaryzacja półki' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['SKU', 'Nazwa', 'Wg kartoteki', 'Policzono', 'Różnica']);
    const scan = within(dialog).getByLabelText(/Zeskanuj towar z półki/);
    await user.type(scan, '5901234123457{Enter}');
    expect(await within(dialog).findByText('KUB-001 — Kubek ceramiczny 300 ml')).toBeTruthy();
    expect((within(table).getByLabelText('Policzono KUB-001') as HTMLInputElement).value).toBe('1');
    await user.type(scan, '5901234123457{Enter}');
    await waitFor(() => expect((within(table).getByLabelText('Policzono KUB-001') as HTMLInputElement).value).toBe('2'));
    expect(within(table).getByText('-10')).toBeTruthy();

    await user.type(scan, '5901234000022{Enter}');
    expect(await within(table).findByText('Talerz płytki (spoza tej półki)')).toBeTruthy();
    expect((within(table).getByLabelText('Policzono TAL-002') as HTMLInputElement).value).toBe('1');

    await user.type(scan, '5900000000000{Enter}');
    expect(await within(dialog).findByText('Nie ma produktu z kodem 5900000000000')).toBeTruthy();
  });

  it('the shelves list shows each shelf with its products in a table with headings', async () => {
    const user = userEvent.setup({ delay: null });
    await openStock();
    await user.click(screen.getByRole('button', { name: 'Półki' }));
    const dialog = await screen.findByRole('dialog');
    const table = within(dialog).getByRole('table');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(4);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent))).toEqual([
      ['A-01', 'Regał przy oknie', '1'],
      ['B-02', '', '0'],
    ]);
  });
});

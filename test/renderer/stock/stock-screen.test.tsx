import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import type { ProductRow } from '../../../shared/contract/stock.contract';
import { fake } from '../support/fake-transport';
import { emptyStats, helperRow, locations, productDetail, productRow } from './stock-fixtures';

function asRole(role: 'owner' | 'helper') {
  fake.handle('session.get', () => ({ role, pinRequired: { owner: false, helper: false } }));
}

function serve(rows: ProductRow[]) {
  fake.handle('stock.list', () => ({ rows, total: rows.length, totalExact: true }));
  fake.handle('stock.get', ({ id }: { id: number }) => productDetail(rows.find((r) => r.id === id) ?? rows[0]!));
  fake.handle('stock.history', () => ({
    rows: [
      { id: 2, at: '2026-06-02T09:00:00.000Z', actor: 'helper', kind: 'adjustment', quantity: -1, reason: 'Stłuczony', document: null, locationId: 1, locationCode: 'A-01', orderId: null, returnId: null, importRunId: null },
      { id: 1, at: '2026-06-01T09:00:00.000Z', actor: 'owner', kind: 'receipt', quantity: 13, reason: 'Dostawa', document: 'WZ 1/06', locationId: 1, locationCode: 'A-01', orderId: null, returnId: null, importRunId: null, unitCostGrosze: 1250 },
    ],
    total: 2,
  }));
}

async function openStock(hash = '#/stock') {
  window.location.hash = hash;
  render(<App />);
  return screen.findByRole('heading', { level: 1, name: 'Magazyn' }, { timeout: 10_000 });
}

/** Straight to one product (the drawer is modal, so the page heading is hidden behind it). */
async function openProduct(id: number, name: string) {
  window.location.hash = `#/stock/${id}`;
  render(<App />);
  await screen.findByRole('heading', { level: 2, name }, { timeout: 10_000 });
  return screen.getByRole('presentation');
}

const lastListInput = () => fake.callsOf('stock.list').at(-1) as Record<string, unknown>;

describe('Stock screen with a fake core', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    asRole('owner');
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('stock.locations', () => locations);
    serve([productRow(), productRow({ id: 2, sku: 'TAL-002', name: 'Talerz płytki', ean: null, locationId: null, locationCode: null, onHand: 0, reserved: 0, available: 0, purchasePriceGrosze: null })]);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('shows the products with Polish column names and money in złoty', async () => {
    await openStock();
    expect(await screen.findByText('Kubek ceramiczny 300 ml')).toBeTruthy();
    for (const header of ['SKU', 'Nazwa', 'EAN', 'Półka', 'Na stanie', 'Zarezerwowane', 'Dostępne', 'Próg zamawiania', 'Cena sprzedaży', 'Cena zakupu']) {
      expect(screen.getAllByText(header).length).toBeGreaterThan(0);
    }
    expect(screen.getAllByText(/29,99\s*zł/)).toHaveLength(2);
    expect(screen.getByTestId('stock-total').textContent).toBe('2 produkty');
    // The grid's own texts are Polish too (a table-level localeText must not replace them).
    expect(screen.getAllByText('Wierszy na stronę:').length).toBeGreaterThan(0);
  });

  it('sends the search, the filters and the shelf to the core', async () => {
    const user = userEvent.setup({ delay: null });
    await openStock();
    await screen.findByText('Kubek ceramiczny 300 ml');
    expect(lastListInput()).toMatchObject({ filter: 'all', offset: 0, limit: 50 });

    await user.type(screen.getByLabelText(/Szukaj: nazwa, SKU lub EAN/), 'kubek');
    await waitFor(() => expect(lastListInput()).toMatchObject({ search: 'kubek', offset: 0 }));
    // Typing a search without choosing a column leaves the order to the core (relevance).
    expect(lastListInput()).not.toHaveProperty('sort');
    await user.click(screen.getByRole('columnheader', { name: /Cena sprzedaży/ }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ search: 'kubek', sort: { field: 'salePrice', dir: 'asc' } }));
    // Again: descending; a third time: back to the core's order (relevance while searching).
    await user.click(screen.getByRole('columnheader', { name: /Cena sprzedaży/ }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ search: 'kubek', sort: { field: 'salePrice', dir: 'desc' } }));
    await user.click(screen.getByRole('columnheader', { name: /Cena sprzedaży/ }));
    await waitFor(() => expect(lastListInput()).not.toHaveProperty('sort'));
    expect(screen.getByRole('columnheader', { name: /Cena sprzedaży/ }).getAttribute('aria-sort')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Do zamówienia' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ search: 'kubek', filter: 'low' }));
    await user.click(screen.getByRole('button', { name: 'Brak na stanie' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ filter: 'out' }));
    await user.click(screen.getByRole('button', { name: 'Bez półki' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ filter: 'noLocation' }));

    await user.click(screen.getByRole('combobox', { name: 'Półka' }));
    await user.click(await screen.findByRole('option', { name: 'B-02' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ locationId: 2 }));
  });

  it('sorts by each column: ascending, descending, then back to by name; a click on a row opens the product (issue 16)', async () => {
    const user = userEvent.setup({ delay: null });
    await openStock();
    await screen.findByText('Kubek ceramiczny 300 ml');
    const headers: Array<[string, string]> = [
      ['Nazwa', 'name'],
      ['SKU', 'sku'],
      ['EAN', 'ean'],
      ['Półka', 'location'],
      ['Na stanie', 'onHand'],
      ['Zarezerwowane', 'reserved'],
      ['Dostępne', 'available'],
      ['Cena sprzedaży', 'salePrice'],
      ['Próg zamawiania', 'reorderPoint'],
      ['Cena zakupu', 'purchasePrice'],
    ];
    for (const [name, field] of headers) {
      const header = () => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
      await user.click(header());
      await waitFor(() => expect(lastListInput()).toMatchObject({ sort: { field, dir: 'asc' }, offset: 0 }));
      expect(header().getAttribute('aria-sort')).toBe('ascending');
      await user.click(header());
      await waitFor(() => expect(lastListInput()).toMatchObject({ sort: { field, dir: 'desc' } }));
      expect(header().getAttribute('aria-sort')).toBe('descending');
      await user.click(header());
      await waitFor(() => expect(lastListInput()).not.toHaveProperty('sort'));
    }
    await user.click(screen.getByText('Talerz płytki'));
    expect(window.location.hash).toBe('#/stock/2');
  }, 120_000);

  it('a scanned EAN + Enter opens that product; an unknown code says so', async () => {
    const user = userEvent.setup({ delay: null });
    fake.handle('stock.lookup', ({ code }: { code: string }) => (code === '5901234123457' ? { product: productRow(), matchedBy: 'ean' } : { product: null, matchedBy: null }));
    await openStock();
    const field = screen.getByLabelText(/Szukaj: nazwa, SKU lub EAN/);
    await waitFor(() => expect(document.activeElement).toBe(field));
    await user.type(field, '5901234123457{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Kubek ceramiczny 300 ml' })).toBeTruthy();
    expect(window.location.hash).toBe('#/stock/1');
    expect(fake.callsOf('stock.lookup')).toEqual([{ code: '5901234123457' }]);

    await user.click(screen.getByRole('button', { name: 'Zamknij' }));
    await user.type(screen.getByLabelText(/Szukaj: nazwa, SKU lub EAN/), '5900000000000{Enter}');
    expect(await screen.findByText('Nie ma produktu z kodem 5900000000000')).toBeTruthy();
  });

  it('validates the product form: bad EAN check digit, negative price, and the core’s duplicate SKU answer', async () => {
    const user = userEvent.setup({ delay: null });
    const dialog = await openProduct(1, 'Kubek ceramiczny 300 ml');
    const ean = await within(dialog).findByLabelText('EAN (kod kreskowy)');
    await waitFor(() => expect((ean as HTMLInputElement).value).toBe('5901234123457'));

    await user.clear(ean);
    await user.type(ean, '5901234123458');
    const price = within(dialog).getByLabelText('Cena sprzedaży brutto (zł)');
    await user.clear(price);
    await user.type(price, '-5');
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await within(dialog).findByText(/Błędna cyfra kontrolna EAN/)).toBeTruthy();
    expect(within(dialog).getByText('Cena nie może być ujemna')).toBeTruthy();
    expect(fake.callsOf('stock.updateProduct')).toEqual([]);

    await user.clear(ean);
    await user.type(ean, '590123412345');
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await within(dialog).findByText('EAN ma 8 albo 13 cyfr')).toBeTruthy();

    // Valid input, but the core says the SKU is taken.
    await user.clear(ean);
    await user.type(ean, '96385074');
    await user.clear(price);
    await user.type(price, '31,50');
    const sku = within(dialog).getByLabelText('SKU (kod produktu)');
    await user.clear(sku);
    await user.type(sku, 'TAL-002');
    fake.fail('stock.updateProduct', 'conflict', 'SKU TAL-002 is already used by another product.', { field: 'sku', productId: 2 });
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await within(dialog).findByText('Ten SKU ma już inny produkt')).toBeTruthy();
    expect(fake.callsOf('stock.updateProduct')[0]).toMatchObject({ id: 1, sku: 'TAL-002', ean: '96385074', salePriceGrosze: 3150, expectedUpdatedAt: '2026-05-02T10:00:00.000Z' });
  });

  it('saves the product’s GTU group and the annex-15 flag (the JPK markers of the accountant’s file)', async () => {
    const user = userEvent.setup({ delay: null });
    fake.handle('stock.updateProduct', () => productDetail(productRow()));
    const dialog = await openProduct(1, 'Kubek ceramiczny 300 ml');
    const gtu = await within(dialog).findByRole('combobox', { name: 'Grupa GTU (JPK_V7)' });
    expect(gtu.textContent).toBe('— brak —');
    await user.click(gtu);
    await user.click(await screen.findByRole('option', { name: 'GTU_06 — urządzenia elektroniczne' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Towar z załącznika nr 15 (podzielona płatność, MPP)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz zmiany' }));
    await waitFor(() => expect(fake.callsOf('stock.updateProduct')).toHaveLength(1));
    expect(fake.callsOf('stock.updateProduct')[0]).toMatchObject({ id: 1, gtu: 'GTU_06', splitPayment: true });
  });

  it('keeps unsaved edits when switching tabs and asks before discarding them', async () => {
    const user = userEvent.setup({ delay: null });
    const dialog = await openProduct(1, 'Kubek ceramiczny 300 ml');
    const name = await within(dialog).findByLabelText('Nazwa');
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('Kubek ceramiczny 300 ml'));
    await user.type(name, ' XL');
    await user.click(within(dialog).getByRole('tab', { name: 'Historia ruchów' }));
    expect(await within(dialog).findByText('Stłuczony')).toBeTruthy();
    expect(within(dialog).getByText('Pomocnik')).toBeTruthy();
    await user.click(within(dialog).getByRole('tab', { name: /Dane/ }));
    expect((within(dialog).getByLabelText('Nazwa') as HTMLInputElement).value).toBe('Kubek ceramiczny 300 ml XL');

    await user.click(within(dialog).getByRole('button', { name: 'Zamknij' }));
    const confirm = await screen.findByRole('dialog', { name: 'Niezapisane zmiany' });
    await user.click(within(confirm).getByRole('button', { name: 'Anuluj' }));
    expect((within(dialog).getByLabelText('Nazwa') as HTMLInputElement).value).toBe('Kubek ceramiczny 300 ml XL');
  });

  it('the helper sees no purchase prices anywhere and cannot edit prices', async () => {
    asRole('helper');
    serve([helperRow()]);
    fake.handle('stock.history', () => ({
      rows: [{ id: 1, at: '2026-06-01T09:00:00.000Z', actor: 'owner', kind: 'receipt', quantity: 13, reason: 'Dostawa', document: 'WZ 1/06', locationId: 1, locationCode: 'A-01', orderId: null, returnId: null, importRunId: null }],
      total: 1,
    }));
    const user = userEvent.setup({ delay: null });
    await openStock();
    await screen.findByText('Kubek ceramiczny 300 ml');
    expect(screen.queryByText('Cena zakupu')).toBeNull();
    expect(screen.queryByText(/12,50/)).toBeNull();

    window.location.hash = '#/stock/1';
    const dialog = await screen.findByRole('presentation');
    expect(await within(dialog).findByTestId('prices-hidden')).toBeTruthy();
    expect(within(dialog).queryByLabelText('Cena zakupu (zł)')).toBeNull();
    expect((within(dialog).getByLabelText('Cena sprzedaży brutto (zł)') as HTMLInputElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole('tab', { name: 'Historia ruchów' }));
    await within(dialog).findByText('WZ 1/06');
    expect(within(dialog).queryByText('Cena zakupu')).toBeNull();
  });
});

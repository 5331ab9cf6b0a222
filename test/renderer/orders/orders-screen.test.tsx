import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import type { OrderRow } from '../../../shared/contract/orders.contract';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../stock/stock-fixtures';
import { orderDetail, orderRow } from './orders-fixtures';

function asRole(role: 'owner' | 'helper') {
  fake.handle('session.get', () => ({ role, pinRequired: { owner: false, helper: false } }));
}

function serve(rows: OrderRow[]) {
  fake.handle('orders.list', () => ({ rows, total: rows.length, totalExact: true }));
  fake.handle('orders.get', ({ id }: { id: number }) => orderDetail(rows.find((r) => r.id === id) ?? rows[0]!));
}

async function openOrders() {
  window.location.hash = '#/orders';
  render(<App />);
  return screen.findByRole('heading', { level: 1, name: 'Zamówienia' }, { timeout: 10_000 });
}

const lastListInput = () => fake.callsOf('orders.list').at(-1) as Record<string, unknown>;

describe('Orders screen with a fake core', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    asRole('owner');
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('orders.facets', () => ({ carriers: ['dpd', 'inpost'], deliveryMethods: ['Allegro Kurier DPD', 'Allegro Paczkomaty InPost'] }));
    serve([
      orderRow(),
      orderRow({ id: 102, buyerName: 'Anna Nowak', buyerLogin: 'anna.nowak', status: 'new', overdue: true, dispatchBy: '2026-06-05T21:59:59.000Z', payment: 'cod', paymentType: 'CASH_ON_DELIVERY', invoiceRequired: true }),
      orderRow({ id: 103, buyerName: 'Zofia Wiśniewska', status: 'shipped', overdue: false, dispatchBy: '2026-06-01T21:59:59.000Z' }),
    ]);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('sends every filter the way the core expects it', async () => {
    const user = userEvent.setup({ delay: null });
    await openOrders();
    await screen.findByText(/Jan Kowalski/);
    expect(lastListInput()).toEqual({ sort: { field: 'boughtAt', dir: 'desc' }, offset: 0, limit: 50 });

    await user.click(screen.getByRole('button', { name: 'Nowe' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ status: ['new'] }));
    await user.click(screen.getByRole('button', { name: 'Do spakowania' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ status: ['new', 'to_pick'] }));

    await user.type(screen.getByLabelText(/Szukaj: numer zamówienia/), 'kowal');
    await waitFor(() => expect(lastListInput()).toMatchObject({ search: 'kowal', status: ['new', 'to_pick'] }));

    await user.click(screen.getByRole('combobox', { name: 'Płatność' }));
    await user.click(await screen.findByRole('option', { name: 'Za pobraniem' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ payment: 'cod' }));

    // The less used filters are behind "Więcej filtrów".
    await user.click(screen.getByRole('button', { name: 'Więcej filtrów' }));
    await user.click(screen.getByRole('combobox', { name: 'Faktura' }));
    await user.click(await screen.findByRole('option', { name: 'Chce fakturę' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ invoice: true }));

    await user.click(screen.getByRole('combobox', { name: 'Przewoźnik' }));
    await user.click(await screen.findByRole('option', { name: 'dpd' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ carriers: ['dpd'] }));

    await user.click(screen.getByRole('combobox', { name: 'Sposób dostawy' }));
    await user.click(await screen.findByRole('option', { name: 'Allegro Kurier DPD' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ deliveryMethods: ['Allegro Kurier DPD'] }));

    // A date input takes its value whole (the browser's date picker), not key by key.
    // Dates are typed the Polish way (dd.mm.rrrr), whatever the system's format; the core gets ISO days.
    fireEvent.change(screen.getByLabelText('Kupione od'), { target: { value: '01.06.2026' } });
    await user.type(screen.getByLabelText('Kupione do'), '07062026');
    expect((screen.getByLabelText('Kupione do') as HTMLInputElement).value).toBe('07.06.2026');
    await waitFor(() => expect(lastListInput()).toMatchObject({ from: '2026-06-01', to: '2026-06-07' }));

    await user.keyboard('{Escape}');
    expect(await screen.findByRole('button', { name: 'Więcej filtrów (5)' })).toBeTruthy();
    await user.click(screen.getByLabelText('Tylko spóźnione'));
    await waitFor(() =>
      expect(lastListInput()).toEqual({
        search: 'kowal',
        status: ['new', 'to_pick'],
        from: '2026-06-01',
        to: '2026-06-07',
        carriers: ['dpd'],
        deliveryMethods: ['Allegro Kurier DPD'],
        payment: 'cod',
        invoice: true,
        overdue: true,
        sort: { field: 'dispatchBy', dir: 'asc' }, // switching "overdue" on shows the most overdue first
        offset: 0,
        limit: 50,
      }),
    );
  }, 180_000); // eleven filters through MUI menus in happy-dom: slow on a loaded 2-core machine

  it('sorts by each sortable column both ways, pages with the count, and opens an order by click or Enter (issue 16: the table without the DataGrid)', async () => {
    const user = userEvent.setup({ delay: null });
    // 151 orders: pages of 50, 50, 50 and 1 (a full page is what lets "next" on).
    const named = (id: number) => orderRow({ id, buyerName: id === 2 ? 'Anna Nowak' : id === 1 ? 'Jan Kowalski' : `Kupujący ${id}` });
    fake.handle('orders.list', ({ offset, limit }: { offset: number; limit: number }) => ({
      rows: Array.from({ length: Math.max(0, Math.min(limit, 151 - offset)) }, (_, i) => named(offset + i + 1)),
      total: 151,
      totalExact: true,
    }));
    fake.handle('orders.get', ({ id }: { id: number }) => orderDetail(named(id)));
    await openOrders();
    await screen.findByText(/Anna Nowak/);
    const header = (name: RegExp) => screen.getByRole('columnheader', { name });
    expect(header(/^Data zakupu/).getAttribute('aria-sort')).toBe('descending');
    // Each sortable column: a first click sorts it ascending, a second descending.
    for (const [name, field] of [[/^Nr/, 'id'], [/^Kupujący/, 'buyer'], [/^Do zapłaty/, 'total'], [/^Status$/, 'status'], [/^Wysłać do/, 'dispatchBy'], [/^Data zakupu/, 'boughtAt']] as const) {
      await user.click(header(name));
      await waitFor(() => expect(lastListInput()).toMatchObject({ sort: { field, dir: 'asc' }, offset: 0 }));
      expect(header(name).getAttribute('aria-sort')).toBe('ascending');
      await user.click(header(name));
      await waitFor(() => expect(lastListInput()).toMatchObject({ sort: { field, dir: 'desc' } }));
    }
    // Not sortable: a click asks nothing.
    const calls = fake.callsOf('orders.list').length;
    await user.click(header(/^Towary/));
    await user.click(header(/^Płatność/));
    expect(fake.callsOf('orders.list').length).toBe(calls);

    expect(screen.getByText('1–50 z 151')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Przejdź do następnej strony' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ offset: 50, limit: 50 }));
    await user.click(screen.getByRole('button', { name: 'Przejdź do następnej strony' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ offset: 100, limit: 50 }));
    expect(await screen.findByText('101–150 z 151')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Przejdź do następnej strony' }));
    expect(await screen.findByText('151–151 z 151')).toBeTruthy();
    // The last page: "next" is off.
    expect((screen.getByRole('button', { name: 'Przejdź do następnej strony' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Przejdź do poprzedniej strony' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ offset: 100 }));
    await user.click(screen.getByRole('combobox', { name: /Wierszy na stronę/ }));
    await user.click(await screen.findByRole('option', { name: '100' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ offset: 0, limit: 100 }));

    await user.click(await screen.findByText('Anna Nowak'));
    expect(window.location.hash).toBe('#/orders/2');
    await screen.findByRole('region', { name: 'Zamówienie 2' });
    await user.click(screen.getByRole('button', { name: 'Zamknij' }));
    await waitFor(() => expect(window.location.hash).toBe('#/orders'));
    const row = (await screen.findByText('Jan Kowalski')).closest('tr')!;
    row.focus();
    await user.keyboard('{Enter}');
    expect(window.location.hash).toBe('#/orders/1');
  }, 120_000);

  it('says when no order matches', async () => {
    serve([]);
    await openOrders();
    expect(await screen.findByText('Brak zamówień spełniających warunki')).toBeTruthy();
    expect(screen.getByTestId('orders-total').textContent).toContain('0');
  });

  it('marks overdue orders (and only those) and shows the shop and Allegro statuses side by side', async () => {
    await openOrders();
    await screen.findByText(/Anna Nowak/);
    expect(screen.getByTestId('overdue-102').textContent).toBe('Spóźnione');
    expect(screen.queryByTestId('overdue-101')).toBeNull();
    expect(screen.queryByTestId('overdue-103')).toBeNull();
    // Allegro's codes in the words of the seller panel, not READY_FOR_PROCESSING / NEW.
    expect(screen.getAllByText('opłacone · nowe').length).toBe(3);
    expect(screen.queryByText(/READY_FOR_PROCESSING/)).toBeNull();
    expect(screen.getAllByText('Wysłane').length).toBe(2); // the row's status and the status filter
    expect(screen.getAllByText('Za pobraniem').length).toBeGreaterThan(0);
  });

  it('sends a selection to packing and reports the ones the core refused', async () => {
    const user = userEvent.setup({ delay: null });
    fake.handle('orders.setStatus', ({ ids }: { ids: number[] }) => ({
      changed: ids.filter((id) => id !== 103),
      refused: ids.includes(103) ? [{ id: 103, code: 'conflict', message: 'An order cannot go from shipped to to_pick.', from: 'shipped' }] : [],
    }));
    await openOrders();
    await screen.findByText(/Anna Nowak/);
    const checkboxes = screen.getAllByRole('checkbox', { name: /Zaznacz wiersz|Select row/ });
    await user.click(checkboxes[0]!);
    await user.click(checkboxes[2]!);
    await user.click(screen.getByRole('button', { name: /Wyślij do pakowania \(2\)/ }));
    await waitFor(() => expect(fake.callsOf('orders.setStatus')).toEqual([{ ids: [101, 103], status: 'to_pick' }]));
    expect(await screen.findByText('Do pakowania: 1. Pominięto 1: Wysłane')).toBeTruthy();
  });

  it('the detail shows the promise, lines with stock, pickup point, invoice, buyer message and the timeline; cancelling asks first', async () => {
    const user = userEvent.setup({ delay: null });
    fake.handle('orders.setStatus', () => ({ changed: [102], refused: [] }));
    window.location.hash = '#/orders/102';
    render(<App />);
    const drawer = await screen.findByRole('region', { name: 'Zamówienie 102' }, { timeout: 10_000 });
    expect(await within(drawer).findByTestId('order-overdue')).toBeTruthy();
    expect(within(drawer).getByTestId('order-dispatch-by').textContent).toContain('(wg czasu realizacji sklepu)');
    expect(within(drawer).getByText(/dostępne 10 \(na stanie 12\)/)).toBeTruthy();
    expect(within(drawer).getByText('nie powiązano z produktem')).toBeTruthy();
    expect(within(drawer).getByTestId('pickup-point').textContent).toContain('KRA01M');
    // Cash on delivery is said once, not "Za pobraniem · za pobraniem".
    expect(within(drawer).getByTestId('order-payment').textContent).toBe('Za pobraniem');
    expect(within(drawer).getByTestId('invoice').textContent).toContain('NIP: 5260250274');
    expect(within(drawer).getByText('Proszę zapakować na prezent')).toBeTruthy();
    const timeline = within(drawer).getByTestId('timeline');
    expect(timeline.textContent).toContain('Zaimportowano');
    expect(timeline.textContent).toContain('Zmiana statusu: Nowe → Wstrzymane — Czekamy na dopłatę (pomocnik)');

    await user.click(within(drawer).getByRole('button', { name: '→ Anulowane' }));
    const confirm = await screen.findByRole('dialog', { name: 'Anulować zamówienie?' });
    await user.type(within(confirm).getByLabelText('Powód (opcjonalnie)'), 'Brak towaru');
    // The dialog's buttons say what they do: "Nie anuluj" leaves it, "Anuluj zamówienie" cancels (issue 13 point 15).
    expect(within(confirm).getByRole('button', { name: 'Nie anuluj' })).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Anuluj zamówienie' }));
    await waitFor(() => expect(fake.callsOf('orders.setStatus')).toEqual([{ ids: [102], status: 'cancelled', reason: 'Brak towaru' }]));
  });

  it('keeps a half-written seller note and warns before throwing it away', async () => {
    const user = userEvent.setup({ delay: null });
    fake.handle('orders.updateNote', ({ sellerNote }: { sellerNote: string }) => ({ sellerNote, updatedAt: '2026-06-08T12:00:00.000Z' }));
    window.location.hash = '#/orders/101';
    render(<App />);
    const drawer = await screen.findByRole('region', { name: 'Zamówienie 101' }, { timeout: 10_000 });
    const note = await within(drawer).findByLabelText('Notatka sklepu');
    await user.type(note, 'Dołożyć ulotkę');
    expect(within(drawer).getByText('Notatka nie jest zapisana')).toBeTruthy();
    await user.click(within(drawer).getByRole('button', { name: 'Zamknij' }));
    const confirm = await screen.findByRole('dialog', { name: 'Niezapisana notatka' });
    await user.click(within(confirm).getByRole('button', { name: 'Anuluj' }));
    await user.click(await within(drawer).findByRole('button', { name: 'Zapisz notatkę' }));
    await waitFor(() => expect(fake.callsOf('orders.updateNote')).toEqual([{ id: 101, sellerNote: 'Dołożyć ulotkę' }]));
  });
});

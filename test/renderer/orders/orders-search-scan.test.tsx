import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { installScannerClock, scanKeys } from '../support/scanner';
import { emptyStats } from '../stock/stock-fixtures';
import { orderDetail, orderRow } from './orders-fixtures';

/**
 * Issue 17, point 5: Zamówienia keeps its search text when you come back (deliberately: the list is
 * filtered as you left it), and the cursor sits after it; a scanner then typed after the old text
 * ("…67891932") and found nothing. A scan into the search box searches for the scanned code alone;
 * typing by hand still adds to the text.
 */
const lastListInput = () => fake.callsOf('orders.list').at(-1) as Record<string, unknown>;
const searchBox = () => screen.getByLabelText(/Szukaj: numer zamówienia/) as HTMLInputElement;

describe('Orders search and a barcode scanner', { timeout: 60_000 }, () => {
  beforeEach(() => {
    installScannerClock();
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('orders.facets', () => ({ carriers: [], deliveryMethods: [] }));
    const rows = [orderRow()];
    fake.handle('orders.list', () => ({ rows, total: rows.length, totalExact: true }));
    fake.handle('orders.get', () => orderDetail(rows[0]!));
    fake.handle('orders.lookup', () => ({ id: null }));
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    window.location.hash = '';
  });

  it('the text is kept on coming back; a scan then replaces it and searches for the code; typing still appends', async () => {
    const person = userEvent.setup({ delay: null });
    window.location.hash = '#/orders';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Zamówienia' }, { timeout: 10_000 });
    await person.type(searchBox(), 'kowal');
    await waitFor(() => expect(lastListInput()).toMatchObject({ search: 'kowal' }));

    // Away to Magazyn and back: the search is as it was, the box has the focus with the cursor after it.
    window.location.hash = '#/stock';
    await screen.findByRole('heading', { level: 1, name: 'Magazyn' }, { timeout: 10_000 });
    window.location.hash = '#/orders';
    await screen.findByRole('heading', { level: 1, name: 'Zamówienia' }, { timeout: 10_000 });
    await waitFor(() => expect(searchBox().value).toBe('kowal'));
    expect(document.activeElement).toBe(searchBox());

    await scanKeys('1234567891932');
    expect(searchBox().value).toBe('1234567891932');
    await waitFor(() => expect(lastListInput()).toMatchObject({ search: '1234567891932' }));
    expect(fake.callsOf('orders.list').some((input) => String((input as { search?: string }).search).includes('kowal1234567891932'))).toBe(false);

    // A person adding to the text by hand, and Enter: that is their search, not a scan.
    await person.type(searchBox(), ' x');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await person.keyboard('{Enter}');
    expect(searchBox().value).toBe('1234567891932 x');
    await waitFor(() => expect(lastListInput()).toMatchObject({ search: '1234567891932 x' }));
  });
});

import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats, locations, productRow } from './stock-fixtures';

/** Issue 17: Magazyn's "Kategoria" filter next to "Półka" sends the chosen category to stock.list. */
const lastListInput = () => fake.callsOf('stock.list').at(-1) as Record<string, unknown>;

async function openStock() {
  window.location.hash = '#/stock';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Magazyn' }, { timeout: 10_000 });
  await screen.findByText('Kubek ceramiczny 300 ml');
}

describe('Magazyn category filter', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('stock.locations', () => locations);
    fake.handle('stock.list', () => ({ rows: [productRow()], total: 1, totalExact: true }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('lists the categories and sends the chosen one, then none again', async () => {
    fake.handle('stock.categories', () => [{ category: 'Karmy', products: 3 }, { category: 'Łańcuszki', products: 1 }]);
    const user = userEvent.setup({ delay: null });
    await openStock();
    expect(lastListInput().category).toBeUndefined();
    await user.click(await screen.findByRole('combobox', { name: 'Kategoria' }));
    expect(screen.getByRole('option', { name: 'Wszystkie kategorie' })).toBeTruthy();
    await user.click(screen.getByRole('option', { name: 'Łańcuszki' }));
    await waitFor(() => expect(lastListInput()).toMatchObject({ category: 'Łańcuszki', offset: 0 }));
    await user.click(screen.getByRole('combobox', { name: 'Kategoria' }));
    await user.click(screen.getByRole('option', { name: 'Wszystkie kategorie' }));
    await waitFor(() => expect(lastListInput().category).toBeUndefined());
  });

  it('shows no category filter while no product has a category', async () => {
    fake.handle('stock.categories', () => []);
    await openStock();
    expect(screen.getByRole('combobox', { name: 'Półka' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Kategoria' })).toBeNull();
  });
});

import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats, locations, productDetail, productRow } from './stock-fixtures';

/** Issue 17 point 4: the product form shows and edits the product's category ("Kategoria"). */
async function openProduct(id: number, name: string) {
  window.location.hash = `#/stock/${id}`;
  render(<App />);
  await screen.findByRole('heading', { level: 2, name }, { timeout: 10_000 });
  return screen.getByRole('presentation');
}

describe('Product category in the product form', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('stock.locations', () => locations);
    fake.handle('stock.list', () => ({ rows: [productRow()], total: 1, totalExact: true }));
    fake.handle('stock.history', () => ({ rows: [], total: 0 }));
    fake.handle('stock.categories', () => [{ category: 'Karmy', products: 3 }, { category: 'Kubki', products: 1 }]);
    const detail = productDetail(productRow());
    fake.handle('stock.get', () => ({ ...detail, product: { ...detail.product, category: 'Kubki' } }));
    fake.handle('stock.updateProduct', () => detail);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('shows the stored category, offers the shop’s ones and saves the chosen one', async () => {
    const user = userEvent.setup({ delay: null });
    const dialog = await openProduct(1, 'Kubek ceramiczny 300 ml');
    const field = (await within(dialog).findByRole('combobox', { name: 'Kategoria' })) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('Kubki'));
    await user.clear(field);
    await user.type(field, 'Ka');
    await user.click(await screen.findByRole('option', { name: 'Karmy' }));
    expect(field.value).toBe('Karmy');
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz zmiany' }));
    await waitFor(() => expect(fake.callsOf('stock.updateProduct')).toHaveLength(1));
    expect(fake.callsOf('stock.updateProduct')[0]).toMatchObject({ id: 1, category: 'Karmy' });
  });

  it('sends a cleared category as none, and refuses one over 100 characters before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const dialog = await openProduct(1, 'Kubek ceramiczny 300 ml');
    const field = (await within(dialog).findByRole('combobox', { name: 'Kategoria' })) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('Kubki'));
    await user.clear(field);
    await user.click(within(dialog).getByLabelText('Nazwa'));
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz zmiany' }));
    await waitFor(() => expect(fake.callsOf('stock.updateProduct')).toHaveLength(1));
    expect(fake.callsOf('stock.updateProduct')[0]).toMatchObject({ id: 1, category: null });

    await user.click(field);
    await user.paste('x'.repeat(101));
    await user.click(within(dialog).getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await within(dialog).findByText('Najwyżej 100 znaków')).toBeTruthy();
    expect(fake.callsOf('stock.updateProduct')).toHaveLength(1);
  });
});

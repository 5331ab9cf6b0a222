import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';

const stats = {
  products: 0, offers: 0, orders: 0, orderLines: 0, cancelledOrders: 0, openOrders: 0, returns: 0, returnedUnits: 0,
  ledgerEntries: 0, onHandUnits: 0, reservedUnits: 0, locations: 0, shipments: 0, totalToPayGrosze: {},
};

describe('app shell with a fake core', () => {
  let role: 'owner' | 'helper' | null;
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    window.location.hash = '';
    role = null;
    fake.handle('session.get', () => ({ role, pinRequired: { owner: false, helper: true } }));
    fake.handle('session.choose', ({ role: chosen, pin }: { role: 'owner' | 'helper'; pin?: string }) => {
      if (chosen === 'helper' && pin !== '2468') throw fake.error('wrong_pin');
      role = chosen;
      return { role };
    });
    fake.handle('shop.stats', () => stats);
  });
  afterEach(cleanup);

  it('asks who is working, refuses a wrong PIN in Polish, and opens the helper frame without owner screens', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Kto teraz pracuje?' })).toBeTruthy();
    await user.click(screen.getByText('Pomocnik'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/PIN/), '1111');
    await user.click(within(dialog).getByRole('button', { name: 'Wejdź' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Nieprawidłowy PIN.');

    await user.type(within(dialog).getByLabelText(/PIN/), '2468');
    await user.click(within(dialog).getByRole('button', { name: 'Wejdź' }));
    const nav = await screen.findByRole('navigation');
    expect(within(nav).queryByText('Ustawienia')).toBeNull();
    expect(within(nav).getByText('Pulpit')).toBeTruthy();
    // The helper is told to ask the owner, not offered the demo shop.
    expect(await screen.findByText('Poproś właściciela, żeby zaimportował dane sklepu.')).toBeTruthy();
  });

  it('the owner sees Settings, and the counts reload on a data.changed event', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByText('Właściciel'));
    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByText('Ustawienia')).toBeTruthy();
    expect(await screen.findByText('Wczytaj sklep demonstracyjny')).toBeTruthy();

    // Formatted the Polish way ("12 345" with a no-break space): compare the digits.
    fake.handle('shop.stats', () => ({ ...stats, products: 12345 }));
    fake.emit('data.changed', { areas: ['products'] });
    await waitFor(() => expect(document.querySelector('[data-stat-value="products"]')?.textContent?.replace(/\D/g, '')).toBe('12345'));
  });

  it('switches to English and keeps the choice', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Who is working now?' })).toBeTruthy();
    expect(localStorage.getItem('zaplecze.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

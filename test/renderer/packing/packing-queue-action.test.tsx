import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats, packOrder, queueRow } from './packing-fixtures';

/**
 * The packing queue's row button says what it does: "Pakuj" for an order still to pack, "Otwórz" for one
 * already packed and waiting for the courier (it read "Pakuj" there too, though nothing is left to pack).
 */
describe('Packing queue: the row button', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'helper', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('packing.queue', () => ({
      rows: [queueRow({ id: 5, number: 'ZAP-5' }), queueRow({ id: 6, number: 'ZAP-6', status: 'packed', packedCount: 2 })],
      total: 2,
      overdueCount: 0,
    }));
    fake.handle('packing.get', () => packOrder({ id: 6, number: 'ZAP-6' }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('reads "Pakuj" for an order to pack and "Otwórz" for a packed one, and both open the order', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/packing';
    render(<App />);
    const rows = await screen.findAllByTestId('queue-row', {}, { timeout: 10_000 });
    expect(within(rows[0]!).getByRole('button').textContent).toBe('Pakuj');
    expect(within(rows[1]!).getByRole('button').textContent).toBe('Otwórz');
    await user.click(within(rows[1]!).getByRole('button', { name: 'Otwórz' }));
    expect(window.location.hash).toBe('#/packing/6');
  });
});

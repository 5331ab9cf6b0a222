import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats, packOrder, queueRow } from './packing-fixtures';

const FIELD = 'Zeskanuj dokument z paczki albo wpisz numer zamówienia lub kupującego';
const SLIP = '855ede1c-b7dc-11f1-b936-050c9d5757f4';

/**
 * Issue 16: scanning a slip whose order is not on the queue's page asked the core twice before the packing
 * view could show (orders.lookup, then packing.get): now packing.get takes the scanned code, one round
 * trip. A code no order has still falls back to the queue's search and says so.
 */
describe('Packing queue: a scanned slip further down the queue', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'helper', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('packing.queue', (input: { search?: string }) =>
      input.search ? { rows: [], total: 0, overdueCount: 0, unpaidCount: 0 } : { rows: [queueRow({ id: 5, number: 'ZAP-5' })], total: 300, overdueCount: 0, unpaidCount: 0 },
    );
    fake.handle('orders.lookup', () => ({ id: 42 }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('opens the order after one call that finds and reads it', async () => {
    fake.handle('packing.get', (input: { code?: string; orderId?: number }) => {
      if (input.code !== SLIP && input.orderId !== 42) throw fake.error('not_found');
      return packOrder({ id: 42, number: SLIP, allegroOrderId: SLIP });
    });
    const user = userEvent.setup();
    window.location.hash = '#/packing';
    render(<App />);
    await screen.findAllByTestId('queue-row', {}, { timeout: 10_000 });
    await user.type(screen.getByLabelText(FIELD), `${SLIP}{Enter}`);
    await waitFor(() => expect(window.location.hash).toBe('#/packing/42'));
    await screen.findAllByTestId('pack-line');
    expect(fake.callsOf('orders.lookup')).toEqual([]);
    expect(fake.callsOf('packing.get')).toEqual([{ code: SLIP }]);
  });

  it('says so when no order has the scanned number', async () => {
    fake.handle('packing.get', () => {
      throw fake.error('not_found');
    });
    fake.handle('orders.lookup', () => ({ id: null }));
    const user = userEvent.setup();
    window.location.hash = '#/packing';
    render(<App />);
    await screen.findAllByTestId('queue-row', {}, { timeout: 10_000 });
    await user.type(screen.getByLabelText(FIELD), 'XYZ-404{Enter}');
    expect(await screen.findByText(/XYZ-404/)).toBeTruthy();
    expect(window.location.hash).toBe('#/packing');
  });
});

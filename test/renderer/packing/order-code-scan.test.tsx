import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats, packOrder, queueRow } from './packing-fixtures';

/**
 * Issue 12 point 10 on the packing queue: a scanned ZAP-<n> (or a bare number) opens our order n, never an
 * order imported with an Allegro id of that shape that happens to be listed first.
 */
describe('Packing queue: one rule for a scanned order code', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    fake.handle('session.get', () => ({ role: 'helper', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    // Listed first (earlier deadline): an order imported long ago whose Allegro id is "ZAP-1".
    const rows = [queueRow({ id: 7, number: 'ZAP-7', allegroOrderId: 'ZAP-1', buyerName: 'Obcy Kupujący' }), queueRow({ id: 1, number: 'ZAP-1', allegroOrderId: null, buyerName: 'Anna Nowak' })];
    fake.handle('packing.queue', () => ({ rows, total: rows.length, overdueCount: 0, unpaidCount: 0 }));
    fake.handle('packing.get', () => packOrder({ id: 1, number: 'ZAP-1' }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  for (const code of ['ZAP-1', 'zap-1', '1']) {
    it(`"${code}" opens our order 1`, async () => {
      const user = userEvent.setup();
      window.location.hash = '#/packing';
      render(<App />);
      await screen.findAllByTestId('queue-row', {}, { timeout: 10_000 });
      await user.type(screen.getByLabelText('Zeskanuj dokument z paczki albo wpisz numer zamówienia lub kupującego'), `${code}{Enter}`);
      await waitFor(() => expect(window.location.hash).toBe('#/packing/1'));
    });
  }
});

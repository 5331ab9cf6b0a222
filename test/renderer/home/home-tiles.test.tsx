import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';

/**
 * Walker defect 7: Pulpit's "Wartość zamówień" summed cancelled orders too and did not say so. A shop
 * owner reads the tile as what was sold: it shows the value without cancelled orders and says so.
 */
describe('Pulpit tiles', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => ({
      products: 3, offers: 0, orders: 4, orderLines: 4, cancelledOrders: 1, openOrders: 2, returns: 0, returnedUnits: 0,
      ledgerEntries: 3, onHandUnits: 9, reservedUnits: 2, locations: 1, shipments: 1,
      totalToPayGrosze: { PLN: 10_000_000 },
      totalToPayNotCancelledGrosze: { PLN: 7_000_000 },
    }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('"Wartość zamówień" leaves cancelled orders out and says so', async () => {
    window.location.hash = '#/';
    render(<App />);
    const tile = await screen.findByText('Wartość zamówień', {}, { timeout: 10_000 });
    const card = tile.closest('[data-stat="totalToPay"]')!;
    expect(card.querySelector('[data-stat-note="totalToPay"]')?.textContent).toBe('bez anulowanych zamówień');
    expect(card.querySelector('[data-stat-value="totalToPay"]')!.textContent!.replace(/\s/g, ' ')).toBe('70 000,00 zł');
  });
});

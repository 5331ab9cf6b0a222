import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../stock/stock-fixtures';

/**
 * Defect (issue 17 point 4): a category campaign left with no products on sale showed a green
 * "Towaru wystarczy". It now says there is nothing to check; a campaign with products keeps its verdict.
 */
const campaign = (id: number, name: string, extra: Record<string, unknown>) => ({
  id, name, startsAt: '2026-12-13T23:00:00.000Z', endsAt: '2026-12-18T23:00:00.000Z', note: null, upliftX100: null,
  category: 'Karmy', phase: 'planned', verdict: 'covered', products: [], outcome: null, ...extra,
});

describe('Campaign with no products left', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('stock.categories', () => []);
    fake.handle('planning.campaigns', () => [
      campaign(1, 'Tydzień karm', { noProducts: true }),
      campaign(2, 'Tydzień smyczy', {
        category: 'Smycze', noProducts: false,
        products: [{ productId: 5, sku: 'S-1', name: 'Smycz', expectedDailyX100: 100, expectedUnits: 5, stockAtStart: 20, daysOfCover: 6, shortfall: 0, supplierName: null, reorderArrivesOn: null, reorderInTime: false, verdict: 'covered' }],
      }),
    ]);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('says the category has no products on sale instead of a green "covered"', async () => {
    window.location.hash = '#/results/campaigns';
    render(<App />);
    const empty = await screen.findByText('Tydzień karm', {}, { timeout: 10_000 });
    const card = empty.closest('[data-campaign]') as HTMLElement;
    expect(within(card).getByTestId('campaign-no-products').textContent).toContain('Kategoria nie ma już produktów w sprzedaży');
    expect(within(card).queryByText('Towaru wystarczy')).toBeNull();
    expect(within(card).getByText('Nie ma czego sprawdzić')).toBeTruthy();
    const full = screen.getByText('Tydzień smyczy').closest('[data-campaign]') as HTMLElement;
    expect(within(full).queryByTestId('campaign-no-products')).toBeNull();
    expect(within(full).getAllByText('Towaru wystarczy').length).toBe(2); // the campaign's and the product's
  });
});

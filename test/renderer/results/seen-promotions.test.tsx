import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../stock/stock-fixtures';

/** Issue 17 point 4: Kampanie lists the Allegro promotions seen in imports and keeps one as a campaign. */
const seen = [
  {
    discountType: 'CAMPAIGN', startsOn: '2026-11-16', endsOn: '2026-11-20', discountedUnits: 30, soldUnits: 30, measuredUpliftX100: 300, campaignId: null,
    products: [
      { productId: 11, sku: 'A-1', name: 'Karma A', discountedUnits: 15 },
      { productId: 12, sku: 'B-1', name: 'Karma B', discountedUnits: 9 },
      { productId: 13, sku: 'C-1', name: 'Karma C', discountedUnits: 3 },
      { productId: 14, sku: 'D-1', name: 'Karma D', discountedUnits: 3 },
    ],
  },
  { discountType: 'COUPON', startsOn: '2026-11-25', endsOn: '2026-11-25', discountedUnits: 1, soldUnits: 1, measuredUpliftX100: null, campaignId: 7, products: [{ productId: 13, sku: 'C-1', name: 'Kubek C', discountedUnits: 1 }] },
];

describe('Allegro promotions seen in imports', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('planning.campaigns', () => []);
    fake.handle('planning.seenPromotions', () => seen);
    fake.handle('planning.saveCampaign', (input: Record<string, unknown>) => ({
      id: 8, name: input.name, startsAt: '2026-11-15T23:00:00.000Z', endsAt: '2026-11-20T22:59:59.999Z', note: null, upliftX100: 300,
      category: null, allegroDiscountType: 'CAMPAIGN', phase: 'past', verdict: 'covered', products: [], outcome: null,
    }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('shows each promotion in Polish and keeps one as a campaign with its days, products and measured multiple', async () => {
    const user = userEvent.setup({ delay: null });
    window.location.hash = '#/results/campaigns';
    render(<App />);
    const card = await screen.findByTestId('seen-promotions', {}, { timeout: 10_000 });
    expect(within(card).getByText('Promocje Allegro widziane w imporcie')).toBeTruthy();
    const campaign = card.querySelector('[data-seen="CAMPAIGN|2026-11-16"]') as HTMLElement;
    expect(within(campaign).getByText('Kampania Allegro')).toBeTruthy();
    expect(campaign.textContent).toContain('16.11.2026 – 20.11.2026');
    expect(campaign.textContent).toContain('Karma A, Karma B, Karma C i 1 inny');
    expect(campaign.textContent).toContain('30 szt.');
    expect(campaign.textContent).toContain('×3 zwykłej');
    const coupon = card.querySelector('[data-seen="COUPON|2026-11-25"]') as HTMLElement;
    expect(within(coupon).getByText('Kupon rabatowy')).toBeTruthy();
    expect(coupon.textContent).toContain('za mało sprzedaży wcześniej, by porównać');
    // Already kept: no button, a note instead.
    expect(within(coupon).queryByRole('button')).toBeNull();
    expect(within(coupon).getByText('Zapisana jako kampania')).toBeTruthy();

    await user.click(within(campaign).getByRole('button', { name: 'Zapisz jako kampanię' }));
    await waitFor(() => expect(fake.callsOf('planning.saveCampaign')).toHaveLength(1));
    expect(fake.callsOf('planning.saveCampaign')[0]).toEqual({
      name: 'Kampania Allegro 16.11.2026 – 20.11.2026', startsOn: '2026-11-16', endsOn: '2026-11-20',
      productIds: [11, 12, 13, 14], upliftX100: 300, allegroDiscountType: 'CAMPAIGN',
    });
    // Both lists are read again: the campaign list (for the next campaign's default) and this one.
    await waitFor(() => expect(fake.callsOf('planning.campaigns').length).toBeGreaterThan(1));
    expect(fake.callsOf('planning.seenPromotions').length).toBeGreaterThan(1);
  });

  it('shows nothing when no import had a discounted line', async () => {
    fake.handle('planning.seenPromotions', () => []);
    window.location.hash = '#/results/campaigns';
    render(<App />);
    await screen.findByText(/Nie ma jeszcze żadnej kampanii/, {}, { timeout: 10_000 });
    await waitFor(() => expect(fake.callsOf('planning.seenPromotions').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('seen-promotions')).toBeNull();
  });
});

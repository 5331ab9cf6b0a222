import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../stock/stock-fixtures';

/** Issue 17 point 4: the campaign form plans a campaign for a whole category, from the shop's categories. */
describe('Campaign for a whole category', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('planning.campaigns', () => []);
    fake.handle('stock.categories', () => [{ category: 'Karmy', products: 3 }, { category: 'Smycze', products: 0 }]);
    fake.handle('planning.saveCampaign', (input: Record<string, unknown>) => ({
      id: 1, name: input.name, startsAt: '2026-12-13T23:00:00.000Z', endsAt: '2026-12-18T23:00:00.000Z', note: null, upliftX100: 200,
      category: 'Karmy', phase: 'planned', verdict: 'covered', products: [], outcome: null,
    }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('offers the categories with their product counts and sends the chosen one instead of products', async () => {
    const user = userEvent.setup({ delay: null });
    window.location.hash = '#/results/campaigns';
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Zaplanuj kampanię' }, { timeout: 10_000 }));
    const form = await screen.findByTestId('campaign-form');
    await user.type(within(form).getByLabelText('Nazwa kampanii'), 'Tydzień karm');
    await user.type(within(form).getByLabelText('Od'), '14.12.2026');
    await user.type(within(form).getByLabelText('Do'), '18.12.2026');
    await user.click(within(form).getByRole('radio', { name: 'całą kategorię' }));
    // Not chosen yet: refused in the form, nothing sent.
    await user.click(within(form).getByRole('button', { name: 'Sprawdź i zapisz' }));
    expect(await within(form).findByText('Wybierz kategorię.')).toBeTruthy();
    expect(fake.callsOf('planning.saveCampaign')).toHaveLength(0);
    await user.click(within(form).getByRole('combobox', { name: 'Kategoria' }));
    // A category with no product on sale cannot be chosen.
    expect(screen.getByRole('option', { name: 'Smycze (0 produktów)' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('option', { name: 'Karmy (3 produkty)' }));
    await user.click(within(form).getByRole('button', { name: 'Sprawdź i zapisz' }));
    await waitFor(() => expect(fake.callsOf('planning.saveCampaign')).toHaveLength(1));
    const sent = fake.callsOf('planning.saveCampaign')[0] as Record<string, unknown>;
    expect(sent).toMatchObject({ name: 'Tydzień karm', startsOn: '2026-12-14', endsOn: '2026-12-18', category: 'Karmy', upliftX100: 200 });
    expect(sent).not.toHaveProperty('productIds');
  });
});

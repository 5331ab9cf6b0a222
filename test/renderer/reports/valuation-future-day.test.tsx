import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../packing/packing-fixtures';

/** Today in Poland as the card reads it, and as a person types it. */
const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const todayText = todayIso.split('-').reverse().join('.');

/**
 * The auditor typed "Stan na dzień 01.01.2099" in Wycena magazynu and got today's figures as if they
 * were 2099's. A day after today is refused in words and the core is not asked; today still is.
 */
describe('Wycena magazynu: a future day is refused in words', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('export.salesRegisterPreview', () => {
      throw new Error('not needed');
    });
    fake.handle('export.stockValuationPreview', ({ date }: { date: string }) => ({ date, products: 188, units: 1235, value: 3224351, withoutPrice: 0, negative: 0 }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('01.01.2099: the sentence, no figures, nothing asked, no file; today is valued', async () => {
    window.location.hash = '#/reports';
    render(<App />);
    const valuation = await screen.findByRole('region', { name: 'Wycena magazynu' }, { timeout: 10_000 });
    await within(valuation).findByTestId('valuation-totals');
    const field = within(valuation).getByLabelText('Stan na dzień');
    fireEvent.change(field, { target: { value: '01.01.2099' } });
    expect(within(valuation).getByTestId('valuation-future').textContent).toBe(
      `Wycena jest możliwa najpóźniej na dziś (${todayText}): stanu z przyszłości jeszcze nie ma. Wybierz dzisiejszy lub wcześniejszy dzień.`,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.callsOf('export.stockValuationPreview')).not.toContainEqual({ date: '2099-01-01' });
    expect(within(valuation).queryByTestId('valuation-totals')).toBeNull();
    expect((within(valuation).getByRole('button', { name: 'Zapisz plik' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(field, { target: { value: todayText } });
    await waitFor(() => expect(fake.callsOf('export.stockValuationPreview')).toContainEqual({ date: todayIso }));
    expect(within(valuation).queryByTestId('valuation-future')).toBeNull();
    await within(valuation).findByTestId('valuation-totals');
  });
});

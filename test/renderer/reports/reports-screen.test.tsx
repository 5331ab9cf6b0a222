import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesRegisterSummary } from '../../../shared/contract/export.contract';
import { App } from '../../../renderer/src/App';
import { defaultMonth, defaultValuationDate } from '../../../renderer/src/screens/reports/report-dates';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../packing/packing-fixtures';

const june: SalesRegisterSummary = {
  month: '2026-06',
  firstDay: '2026-06-01',
  lastDay: '2026-06-30',
  sales: 16,
  corrections: 1,
  rows: 19,
  totals: [
    { currency: 'PLN', rate: '23', rows: 14, net: 493470, vat: 113500, gross: 606970, shipping: 10000 },
    { currency: 'PLN', rate: '5', rows: 3, net: 38000, vat: 1900, gross: 39900, shipping: 1000 },
    { currency: 'CZK', rate: '23', rows: 1, net: 21057, vat: 4843, gross: 25900, shipping: 0 },
  ],
  grandTotals: [
    { currency: 'PLN', rows: 17, net: 531470, vat: 115400, gross: 646870, shipping: 11000 },
    { currency: 'CZK', rows: 1, net: 21057, vat: 4843, gross: 25900, shipping: 0 },
  ],
  warnings: [
    { code: 'foreign_currency', orderId: 6, reference: 'ZAP-6' },
    { code: 'rate_from_product', orderId: 6, reference: 'ZAP-6' },
  ],
};

describe('Reports screen with a fake core', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('export.salesRegisterPreview', ({ month }: { month: string }) => ({ ...june, month }));
    fake.handle('export.stockValuationPreview', ({ date }: { date: string }) => ({ date, products: 188, units: 1235, value: 3224351, withoutPrice: 2, negative: 0 }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  async function open() {
    window.location.hash = '#/reports';
    render(<App />);
    return screen.findByRole('heading', { level: 1, name: 'Raporty dla księgowej' }, { timeout: 10_000 });
  }

  it('shows the previous month’s totals per VAT rate in Polish, per currency, with what to check', async () => {
    await open();
    await waitFor(() => expect(fake.callsOf('export.salesRegisterPreview')).toEqual([{ month: defaultMonth() }]));
    expect(fake.callsOf('export.stockValuationPreview')).toEqual([{ date: defaultValuationDate() }]);
    const pln = await screen.findByTestId('register-totals-PLN');
    const rate23 = within(pln).getAllByRole('row').find((r) => r.getAttribute('data-rate') === '23')!;
    // Polish groups thousands only from five digits: 4934,70 but 32 243,51.
    expect(rate23.textContent?.replace(/\s/g, ' ')).toBe('23%4934,70 zł1135,00 zł6069,70 zł100,00 zł');
    const total = within(pln).getAllByRole('row').find((r) => r.getAttribute('data-rate') === 'all')!;
    expect(total.textContent).toContain('Razem');
    expect(screen.getByTestId('register-totals-CZK').textContent).toMatch(/259,00\sCZK/);
    expect(screen.getByText('Kwoty w CZK — bez przeliczenia na złote.')).toBeTruthy();
    expect(screen.getByTestId('register-counts').textContent).toBe('Sprzedaż: 16 · Korekty: 1 · Wierszy: 19');
    const warnings = screen.getByTestId('register-warnings');
    expect(warnings.textContent).toContain('Zamówienie w obcej walucie: zamówienia nr 6');
    expect(warnings.textContent).toContain('Brak stawki VAT w Allegro — przyjęto stawkę z karty produktu: zamówienia nr 6');
    expect(warnings.textContent).not.toContain('ZAP-');
    expect(screen.getByTestId('valuation-totals').textContent).toMatch(/Produktów188Sztuk1235Wartość32\s243,51\szł/);
    expect(screen.getByText('Bez ceny zakupu: 2 (nie wliczone do wartości)')).toBeTruthy();
  });

  it('asks for another month and saves the chosen format through the save dialog', async () => {
    const user = userEvent.setup();
    fake.handle('export.salesRegister', ({ month, format }: { month: string; format: string }) => ({
      savedTo: `/home/ala/Dokumenty/rejestr-sprzedazy-${month}.${format}`,
      fileName: `rejestr-sprzedazy-${month}.${format}`,
      bytes: 1234,
      summary: { ...june, month },
    }));
    await open();
    fireEvent.change(screen.getByTestId('register-month'), { target: { value: '2026-06' } });
    await waitFor(() => expect(fake.callsOf('export.salesRegisterPreview')).toContainEqual({ month: '2026-06' }));
    await user.click(screen.getByRole('radio', { name: 'InsERT EDI++ (.epp)' }));
    expect(screen.getByText('Do programów Rewizor, Rachmistrz i Subiekt.')).toBeTruthy();
    const registerCard = screen.getByRole('region', { name: 'Rejestr sprzedaży' });
    await user.click(within(registerCard).getByRole('button', { name: 'Zapisz plik' }));
    await waitFor(() => expect(fake.callsOf('export.salesRegister')).toEqual([{ month: '2026-06', format: 'epp' }]));
    expect(await screen.findByText('Zapisano: /home/ala/Dokumenty/rejestr-sprzedazy-2026-06.epp')).toBeTruthy();
  });

  it('says so when the save window was closed, and shows a failed save in plain words', async () => {
    const user = userEvent.setup();
    fake.handle('export.stockValuation', () => ({ savedTo: null, fileName: 'wycena-magazynu.xlsx', bytes: 1, summary: { date: '2026-10-31', products: 0, units: 0, value: 0, withoutPrice: 0, negative: 0 } }));
    fake.fail('export.salesRegister', 'internal', 'disk full');
    await open();
    const valuation = screen.getByRole('region', { name: 'Wycena magazynu' });
    await within(valuation).findByTestId('valuation-totals');
    await user.click(within(valuation).getByRole('button', { name: 'Zapisz plik' }));
    expect(await screen.findByText('Nie zapisano — okno zapisu zamknięto.')).toBeTruthy();
    expect(fake.callsOf('export.stockValuation')).toEqual([{ date: defaultValuationDate(), format: 'xlsx' }]);
    const register = screen.getByRole('region', { name: 'Rejestr sprzedaży' });
    await within(register).findByTestId('register-counts');
    await user.click(within(register).getByRole('button', { name: 'Zapisz plik' }));
    const alert = await within(register).findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('internal');
    expect(alert.textContent).toContain('Coś poszło nie tak');
  });

  it('does not ask the core for an impossible date', async () => {
    await open();
    await screen.findByTestId('valuation-totals');
    const before = fake.callsOf('export.stockValuationPreview').length;
    const field = screen.getByLabelText('Stan na dzień');
    fireEvent.change(field, { target: { value: '30.02.2026' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.callsOf('export.stockValuationPreview')).toHaveLength(before);
    expect(screen.getByRole('region', { name: 'Wycena magazynu' }).querySelector('button:disabled')).toBeTruthy();
    expect(screen.getByText('Nie ma takiego dnia')).toBeTruthy();
    // Digits alone are enough: the dots come by themselves.
    fireEvent.change(field, { target: { value: '31102026' } });
    expect((field as HTMLInputElement).value).toBe('31.10.2026');
    await waitFor(() => expect(fake.callsOf('export.stockValuationPreview')).toContainEqual({ date: '2026-10-31' }));
  });

  it('offers months by their Polish names, newest first', async () => {
    await open();
    const select = screen.getByTestId('register-month') as HTMLSelectElement;
    const labels = [...select.options].map((o) => o.textContent);
    expect(labels).toHaveLength(36);
    expect(select.value).toBe(defaultMonth());
    expect(labels.every((l) => /^(styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień) \d{4}$/.test(l ?? ''))).toBe(true);
  });
});
